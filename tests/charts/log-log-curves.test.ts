import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logLogCurves } from '../../lib/charts/log-log-curves';
import { renderSvg } from '../../lib/notebook/render-svg';

type Layered = {
  data: { values: { curve: string; x: number; y: number; line: boolean }[] };
  layer: { encoding: { x: { scale: unknown }; y: { scale: unknown } } }[];
};

describe('logLogCurves', () => {
  it('puts both axes on a log scale and keeps one row per positive point', () => {
    const spec = logLogCurves([{ name: '1/k', xs: [1, 10, 100], ys: [1, 0.1, 0.01] }], { xTitle: 'k' }) as unknown as Layered;
    assert.equal(spec.layer.length, 2);
    assert.deepEqual(spec.layer[0].encoding.x.scale, { type: 'log' });
    assert.deepEqual(spec.layer[0].encoding.y.scale, { type: 'log' });
    assert.deepEqual(
      spec.data.values.map((r) => [r.x, r.y]),
      [
        [1, 1],
        [10, 0.1],
        [100, 0.01],
      ],
    );
  });

  it('drops points that a log axis cannot show (zero, negative, non-finite)', () => {
    const spec = logLogCurves([{ name: 'measured', xs: [1, 10, 10000, 5], ys: [2, 0.2, 0, Number.NaN] }]) as unknown as Layered;
    assert.deepEqual(
      spec.data.values.map((r) => r.x),
      [1, 10],
    );
  });

  it('marks points-only series so that the line layer filters them out', () => {
    const spec = logLogCurves([{ name: 'm', xs: [1, 2], ys: [1, 2], pointsOnly: true }]) as unknown as Layered;
    assert.deepEqual(
      spec.data.values.map((r) => r.line),
      [false, false],
    );
  });

  it('renders to SVG with vega', async () => {
    const svg = await renderSvg(logLogCurves([{ name: 'a', xs: [1, 10], ys: [1, 0.1] }]));
    assert.match(svg, /^<svg/);
  });

  it('rejects bad input with messages naming the function and argument', () => {
    assert.throws(() => logLogCurves([{ name: 'a', xs: [1, 2], ys: [1] }]), {
      name: 'RangeError',
      message: 'logLogCurves requires series[0].ys to have the same length as xs (2)',
    });
    assert.throws(() => logLogCurves([]), { name: 'RangeError' });
  });
});
