import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { coordinateTraces } from '../../lib/charts/coordinate-traces';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings, spiralPaths } from './helpers';

describe('coordinateTraces', () => {
  it('stacks one panel per coordinate with a dashed rule at the reference value', () => {
    const spec = coordinateTraces([{ name: 'Adam', points: [[0, 0], [0.5, 0.4]] }], { reference: [1, -1] }) as any;
    assert.deepEqual(spec.data.values, [
      { run: 'Adam', step: 0, coordinate: 'mu_x', value: 0 }, { run: 'Adam', step: 0, coordinate: 'mu_y', value: 0 },
      { run: 'Adam', step: 1, coordinate: 'mu_x', value: 0.5 }, { run: 'Adam', step: 1, coordinate: 'mu_y', value: 0.4 },
    ]);
    assert.equal(spec.vconcat.length, 2);
    assert.deepEqual(spec.vconcat[1].layer[0].transform, [{ filter: { field: 'coordinate', equal: 'mu_y' } }]);
    assert.deepEqual(spec.vconcat[1].layer[1].data, { values: [{ reference: -1 }] });
    assert.equal(spec.vconcat[1].layer[1].mark.type, 'rule');
  });

  it('compiles without warnings and renders to SVG', async () => {
    const spec = coordinateTraces(spiralPaths(100), { reference: [1.3, -0.7], title: 'coordinates per step' });
    assert.deepEqual(compileWarnings(spec), []);
    assert.ok((await renderSvg(spec)).startsWith('<svg'));
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => coordinateTraces([]), { name: 'RangeError', message: 'coordinateTraces requires runs to be a non-empty array' });
    assert.throws(() => coordinateTraces([{ name: 'a', points: [[1]] }]), { name: 'TypeError', message: 'coordinateTraces requires runs[0].points[0] to be 2 numbers' });
    assert.throws(() => coordinateTraces([{ name: 'a', points: [[1, 2]] }], { reference: [1] }), { name: 'RangeError', message: 'coordinateTraces requires reference to be 2 finite numbers, one per coordinate' });
  });
});
