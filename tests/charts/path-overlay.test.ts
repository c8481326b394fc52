import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pathOverlay } from '../../lib/charts/path-overlay';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings, spiralPaths } from './helpers';

describe('pathOverlay', () => {
  it('sends one {run, step, x, y} row per step and fixes the scales to the domain', () => {
    const spec = pathOverlay([{ name: 'GD', points: [[-4, 4], [-2, 2.000000001], [0, 0]] }]) as any;
    assert.deepEqual(spec.data.values, [
      { run: 'GD', step: 0, x: -4, y: 4 }, { run: 'GD', step: 1, x: -2, y: 2 }, { run: 'GD', step: 2, x: 0, y: 0 },
    ]);
    assert.deepEqual(spec.layer[0].mark, { type: 'line', aria: false, clip: true, strokeWidth: 2 });
    assert.equal(spec.layer[1].mark.clip, true);
    assert.deepEqual(spec.layer[0].encoding.x.scale, { domain: [-5, 5], nice: false, zero: false });
    assert.deepEqual(spec.layer[0].encoding.color, { field: 'run', type: 'nominal', title: 'run', scale: { domain: ['GD'] } });
    assert.deepEqual(spec.layer[1].encoding.tooltip.map((t: any) => t.title), ['run', 'step', 'mu_x', 'mu_y']);
  });

  it('drops non-finite steps of a diverged run and keeps far-away ones for clipping', () => {
    const spec = pathOverlay([{ name: 'lr 10', points: [[1, 1], [-50, 80], [NaN, Infinity]] }]) as any;
    assert.deepEqual(spec.data.values.map((r: any) => r.step), [0, 1]);
    assert.deepEqual(spec.layer[0].encoding.y.scale.domain, [-5, 5]);
  });

  it('thins long runs to maxPointsPerPath, keeping first and last steps', () => {
    const spec = pathOverlay(spiralPaths(1000), { maxPointsPerPath: 5 }) as any;
    assert.deepEqual(spec.data.values.filter((r: any) => r.run === 'SGD').map((r: any) => r.step), [0, 250, 500, 749, 999]);
  });

  it('compiles without warnings and renders to SVG', async () => {
    const spec = pathOverlay(spiralPaths(50), { domain: { x: [-6, 6], y: [-6, 6] } });
    assert.deepEqual(compileWarnings(spec), []);
    assert.ok((await renderSvg(spec)).startsWith('<svg'));
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => pathOverlay([]), { name: 'RangeError', message: 'pathOverlay requires paths to be a non-empty array' });
    assert.throws(() => pathOverlay({} as any), { name: 'TypeError', message: 'pathOverlay requires paths to be an array' });
    assert.throws(() => pathOverlay([{ name: '', points: [[0, 0]] }]), { name: 'TypeError', message: 'pathOverlay requires paths[0].name to be a non-empty string' });
    assert.throws(() => pathOverlay([{ name: 'a', points: [] }]), { name: 'RangeError', message: 'pathOverlay requires paths[0].points to be a non-empty array' });
    assert.throws(() => pathOverlay([{ name: 'a', points: [[0, 0, 0]] }]), { name: 'TypeError', message: 'pathOverlay requires paths[0].points[0] to be an [x, y] pair of numbers' });
    assert.throws(() => pathOverlay([{ name: 'a', points: [[0, 0]] }], { domain: { x: [1, -1], y: [0, 1] } }), { name: 'RangeError', message: 'pathOverlay requires domain.x to be [low, high] with low < high' });
  });
});
