import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lossCurve } from '../../lib/charts/loss-curve';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings } from './helpers';

describe('lossCurve', () => {
  it('plots the values per step on a linear scale by default', () => {
    const spec = lossCurve([{ name: 'SGD', values: [-30, -12, -10.5] }]) as any;
    assert.deepEqual(spec.data.values, [
      { series: 'SGD', step: 0, value: -30 },
      { series: 'SGD', step: 1, value: -12 },
      { series: 'SGD', step: 2, value: -10.5 },
    ]);
    assert.deepEqual(spec.encoding.y, { field: 'value', type: 'quantitative', title: 'log-likelihood', scale: { zero: false } });
  });

  it('plots the gap L* - L on a log scale, raising non-positive gaps to gapFloor', () => {
    // L* = -10: gaps 20, 2, 0.5, then 0 and -1e-9 (float32 overshoot) raised to the floor 1e-12.
    const spec = lossCurve([{ name: 'Adam', values: [-30, -12, -10.5, -10, -10 + 1e-9] }], {
      optimum: -10,
      logScale: true,
    }) as any;
    assert.deepEqual(
      spec.data.values.map((r: any) => r.value),
      [20, 2, 0.5, 1e-12, 1e-12],
    );
    assert.deepEqual(spec.encoding.y.scale, { type: 'log' });
    assert.equal(spec.encoding.y.title, 'L* − L (gap to optimum)');
  });

  it('colours optimizer series with their palette colour and dash', () => {
    const spec = lossCurve([
      { name: 'momentum', values: [1, 2] },
      { name: 'nesterov', values: [1, 2] },
    ]) as any;
    assert.deepEqual(spec.encoding.color.scale, { domain: ['momentum', 'nesterov'], range: ['#E69F00', '#0072B2'] });
    assert.deepEqual(spec.encoding.strokeDash.scale, {
      domain: ['momentum', 'nesterov'],
      range: [
        [1, 0],
        [6, 3],
      ],
    });
  });

  it('compiles without warnings and renders to SVG', async () => {
    const spec = lossCurve(
      [
        { name: 'a', values: [3, 2, 1] },
        { name: 'b', values: [4, 1, NaN] },
      ],
      { logScale: true },
    );
    assert.deepEqual(compileWarnings(spec), []);
    assert.ok((await renderSvg(spec)).startsWith('<svg'));
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => lossCurve([]), { name: 'RangeError', message: 'lossCurve requires series to be a non-empty array' });
    assert.throws(() => lossCurve([{ name: 'a', values: [] }]), {
      name: 'RangeError',
      message: 'lossCurve requires series[0].values to be a non-empty array',
    });
    assert.throws(() => lossCurve([{ name: 'a', values: [-1] }], { logScale: true }), {
      name: 'RangeError',
      message: 'lossCurve requires positive values on a log scale, got -1 at series[0] step 0; pass optimum to plot the gap',
    });
    assert.throws(() => lossCurve([{ name: 'a', values: [1] }], { optimum: NaN }), {
      name: 'RangeError',
      message: 'lossCurve requires optimum to be a finite number, got NaN',
    });
    assert.throws(() => lossCurve([{ name: 'a', values: [1] }], { gapFloor: 0 }), {
      name: 'RangeError',
      message: 'lossCurve requires gapFloor to be positive, got 0',
    });
    assert.throws(() => lossCurve([{ name: 'a', values: [1] }], { optimum: Infinity }), {
      name: 'RangeError',
      message: 'lossCurve requires optimum to be a finite number, got Infinity',
    });
    assert.throws(() => lossCurve([{ name: 'a', values: [1] }], { optimum: -Infinity }), {
      name: 'RangeError',
      message: 'lossCurve requires optimum to be a finite number, got -Infinity',
    });
    assert.throws(() => lossCurve([{ name: 'a', values: [1] }], { optimum: '0' as any }), {
      name: 'TypeError',
      message: "lossCurve requires optimum to be a number, got '0'",
    });
    assert.throws(() => lossCurve([{ name: 'a', values: [1] }], { width: NaN }), {
      name: 'RangeError',
      message: 'lossCurve requires width to be a positive finite number, got NaN',
    });
    assert.throws(() => lossCurve([{ name: 'a', values: [1] }], { height: 0 }), {
      name: 'RangeError',
      message: 'lossCurve requires height to be a positive finite number, got 0',
    });
  });
});
