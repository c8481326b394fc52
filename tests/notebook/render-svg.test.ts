import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderSvg } from '../../lib/notebook/render-svg';
import { layer } from '../../lib/charts/layer';
import { heatmap } from '../../lib/charts/heatmap';
import { pathOverlay } from '../../lib/charts/path-overlay';
import { compactSvg } from '../../lib/notebook/compact-svg';

const grid = {
  xs: [-5, 0, 5],
  ys: [-5, 0, 5],
  values: [
    [1, 2, 3],
    [4, 5, 6],
    [7, 8, 9],
  ],
};

describe('renderSvg', () => {
  it('renders the same spec twice to byte-identical SVG (clip and gradient ids reset)', async () => {
    // Clipped paths and a gradient legend: both use vega's process-wide id counters.
    const spec = layer(
      heatmap(grid),
      pathOverlay([
        {
          name: 'a',
          points: [
            [0, 0],
            [9, 9],
          ],
        },
      ]),
    );
    const first = await renderSvg(spec);
    const second = await renderSvg(spec);
    assert.ok(first.startsWith('<svg'));
    assert.match(first, /clip-path="url\(#clip1\)"/);
    assert.match(first, /gradient_0/);
    assert.equal(first, second);
  });

  it('throws when the spec cannot be compiled', async () => {
    await assert.rejects(renderSvg({ mark: 'nonsense' } as any), Error);
  });
});

describe('compactSvg', () => {
  it('rounds geometry to 2 decimals and writes colours as hex, leaving text alone', () => {
    assert.equal(
      compactSvg('<path d="M0,277.17172000000005h3.6" fill="rgb(66, 66, 134)"/><text>0.123456</text>'),
      '<path d="M0,277.17h3.6" fill="#424286"/><text>0.123456</text>',
    );
    assert.equal(compactSvg('<g transform="translate(1e-15,2.005)"/>'), '<g transform="translate(0,2.01)"/>');
  });

  it('rejects a bad decimals count', () => {
    assert.throws(() => compactSvg('', 7), {
      name: 'RangeError',
      message: 'compactSvg requires decimals to be an integer from 0 to 6, got 7',
    });
  });
});
