import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { functionCurves } from '../../lib/charts/function-curves';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings, linspace } from './helpers';

describe('functionCurves', () => {
  it('draws one line per curve, then a rule and a label per marker', () => {
    const spec = functionCurves([{ name: 'prior', xs: [0, 0.5, 1], ys: [1, 1, 1] }], {
      markers: [{ x: 0.5, label: 'θ_MAP' }],
      xDomain: [0, 1],
    }) as any;
    assert.equal(spec.layer.length, 3);
    assert.deepEqual(spec.layer[0].data.values, [
      { curve: 'prior', x: 0, y: 1 },
      { curve: 'prior', x: 0.5, y: 1 },
      { curve: 'prior', x: 1, y: 1 },
    ]);
    assert.deepEqual(spec.layer[0].encoding.x.scale, { domain: [0, 1], nice: false, zero: false });
    assert.equal(spec.layer[1].mark.type, 'rule');
    assert.deepEqual(spec.layer[2].data.values, [{ x: 0.5, label: 'θ_MAP' }]);
    assert.deepEqual(spec.layer[2].encoding.text, { field: 'label', type: 'nominal' });
  });

  it('drops non-finite points such as a log-likelihood of -Infinity at theta = 0', () => {
    const xs = [0, 0.5, 1];
    const spec = functionCurves([{ name: 'log-likelihood', xs, ys: xs.map((t) => 3 * Math.log(t) + Math.log(1 - t)) }]) as any;
    assert.deepEqual(
      spec.layer[0].data.values.map((r: any) => r.x),
      [0.5],
    );
    assert.equal(spec.layer.length, 1);
  });

  it('compiles without warnings and renders to SVG', async () => {
    const xs = linspace(0, 1, 101);
    const spec = functionCurves(
      [
        { name: 'prior Beta(2,2)', xs, ys: xs.map((t) => 6 * t * (1 - t)) },
        { name: 'posterior Beta(9,5)', xs, ys: xs.map((t) => (1287 * t ** 8 * (1 - t) ** 4 * 12) / 12) },
      ],
      { markers: [{ x: 8 / 12, label: 'θ_MAP' }], xDomain: [0, 1] },
    );
    assert.deepEqual(compileWarnings(spec), []);
    assert.ok((await renderSvg(spec)).includes('θ_MAP'));
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => functionCurves([]), {
      name: 'RangeError',
      message: 'functionCurves requires series to be a non-empty array',
    });
    assert.throws(() => functionCurves([{ name: 'a', xs: [0, 1], ys: [1] }]), {
      name: 'RangeError',
      message: 'functionCurves requires series[0].ys to have the same length as xs (2)',
    });
    assert.throws(() => functionCurves([{ name: 'a', xs: [0], ys: [1] }], { markers: [{ x: NaN, label: 'm' }] }), {
      name: 'RangeError',
      message: 'functionCurves requires markers[0].x to be a finite number, got NaN',
    });
  });
});
