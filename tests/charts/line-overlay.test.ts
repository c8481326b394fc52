import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineOverlay } from '../../lib/charts/line-overlay';
import { scatter } from '../../lib/charts/scatter';
import { layer } from '../../lib/charts/layer';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings } from './helpers';

describe('lineOverlay', () => {
  it('sends each line as its two end points over xDomain', () => {
    const spec = lineOverlay([{ name: 'MLE fit', slope: 2, intercept: 1 }], [0, 10]) as any;
    assert.deepEqual(spec.data.values, [
      { line: 'MLE fit', x: 0, y: 1, slope: 2, intercept: 1 },
      { line: 'MLE fit', x: 10, y: 21, slope: 2, intercept: 1 },
    ]);
    assert.deepEqual(spec.encoding.color.scale, { domain: ['MLE fit'], range: ['#000000'] });
  });

  it('layers over a scatter of the data, compiles without warnings and renders', async () => {
    const points = Array.from({ length: 50 }, (_, k) => [k / 5, 2 * (k / 5) + 1 + Math.sin(k)]);
    const spec = layer(
      scatter(points, { title: 'regression' }),
      lineOverlay(
        [
          { name: 'true', slope: 2, intercept: 1 },
          { name: 'MLE', slope: 1.98, intercept: 1.05 },
        ],
        [0, 10],
      ),
    );
    assert.deepEqual(compileWarnings(spec), []);
    assert.ok((await renderSvg(spec)).startsWith('<svg'));
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => lineOverlay([], [0, 1]), {
      name: 'RangeError',
      message: 'lineOverlay requires lines to be a non-empty array',
    });
    assert.throws(() => lineOverlay([{ name: 'a', slope: 1, intercept: 0 }], [1, 1]), {
      name: 'RangeError',
      message: 'lineOverlay requires xDomain to be [low, high] with low < high, got [1, 1]',
    });
    assert.throws(() => lineOverlay([{ name: 'a', slope: Infinity, intercept: 0 }], [0, 1]), {
      name: 'RangeError',
      message: 'lineOverlay requires lines[0].slope to be a finite number, got Infinity',
    });
  });
});
