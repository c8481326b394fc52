import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { learningRateSelector } from '../../lib/charts/learning-rate-selector';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings } from './helpers';

const runs = [
  { learningRate: 0.01, values: [-50, -40, -33] },
  { learningRate: 0.1, values: [-50, -12, -10] },
  { learningRate: 1, values: [-50, -400, NaN] },
];

describe('learningRateSelector', () => {
  it('binds a learningRate param to a select with an explicit default and filters on it', () => {
    const spec = learningRateSelector(runs, { defaultLearningRate: 0.1 }) as any;
    assert.deepEqual(spec.params, [
      { name: 'learningRate', value: 0.1, bind: { input: 'select', options: [0.01, 0.1, 1], name: 'learning rate ' } },
    ]);
    assert.deepEqual(spec.transform, [{ filter: 'datum.learningRate == learningRate' }]);
    assert.equal(spec.data.values.length, 8);
    assert.match(spec.title.subtitle, /^learning rate 0\.1 shown by default/);
  });

  it('shows only the default run in the headless SVG', async () => {
    const spec = learningRateSelector(runs, { input: 'radio' });
    assert.deepEqual(compileWarnings(spec), []);
    const svg = await renderSvg(spec);
    // Default 0.01 reaches -33 at best: the y axis must not stretch to the other runs' -10 or -400.
    assert.ok(svg.includes('>−34<') || svg.includes('>−35<'), 'y axis spans the default run only');
    assert.ok(!svg.includes('>−400<'));
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => learningRateSelector([]), {
      name: 'RangeError',
      message: 'learningRateSelector requires runs to be a non-empty array',
    });
    assert.throws(() => learningRateSelector([runs[0], runs[0]]), {
      name: 'RangeError',
      message: 'learningRateSelector requires distinct learning rates, got 0.01 twice',
    });
    assert.throws(() => learningRateSelector(runs, { defaultLearningRate: 0.5 }), {
      name: 'RangeError',
      message: 'learningRateSelector requires defaultLearningRate to be one of 0.01, 0.1, 1, got 0.5',
    });
  });
});
