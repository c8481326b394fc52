import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contractionFactorPlot } from '../../lib/charts/contraction-factor-plot';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings } from './helpers';

const rows = [
  { run: 'gradient', direction: 'flat', predicted: 0.95, measured: 0.9500001 },
  { run: 'gradient', direction: 'steep', predicted: 0, measured: 3.6e-7 },
  { run: 'Newton', direction: 'flat', predicted: 0, measured: null },
];

describe('contractionFactorPlot', () => {
  it('sends one row per run and direction, rounded to 4 digits, runs in the given order', () => {
    const spec = contractionFactorPlot(rows) as any;
    assert.deepEqual(spec.data.values, [
      { run: 'gradient', direction: 'flat', predicted: 0.95, measured: 0.95 },
      { run: 'gradient', direction: 'steep', predicted: 0, measured: 3.6e-7 },
      { run: 'Newton', direction: 'flat', predicted: 0, measured: null },
    ]);
    assert.deepEqual(spec.layer[0].encoding.y.sort, ['gradient', 'Newton']);
    assert.deepEqual(spec.layer[0].encoding.color.scale.domain, ['flat', 'steep']);
    assert.equal(spec.layer[0].mark.type, 'tick');
    assert.deepEqual(spec.layer[1].transform, [{ filter: 'datum.measured !== null' }]);
    assert.equal(
      spec.description,
      'Predicted (bars) and measured (dots) contraction factors per step for 2 runs and 2 directions',
    );
  });

  it('compiles without warnings and renders to SVG', async () => {
    const spec = contractionFactorPlot(rows, { title: 'factors', description: 'd' });
    assert.deepEqual(compileWarnings(spec), []);
    assert.ok((await renderSvg(spec)).startsWith('<svg'));
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'contractionFactorPlot';
    assert.throws(() => contractionFactorPlot([]), {
      name: 'RangeError',
      message: `${fn} requires rows to be a non-empty array`,
    });
    assert.throws(() => contractionFactorPlot([{ ...rows[0], run: '' }]), {
      name: 'TypeError',
      message: `${fn} requires rows[0].run to be a non-empty string`,
    });
    assert.throws(() => contractionFactorPlot([{ ...rows[0], predicted: NaN }]), {
      name: 'RangeError',
      message: `${fn} requires rows[0].predicted to be a finite number, got NaN`,
    });
    assert.throws(() => contractionFactorPlot([{ ...rows[0], measured: Infinity }]), {
      name: 'RangeError',
      message: `${fn} requires rows[0].measured to be a finite number, got Infinity`,
    });
  });
});
