import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scatter } from '../../lib/charts/scatter';
import { renderSvg } from '../../lib/notebook/render-svg';
import { compileWarnings } from './helpers';
import { tf } from '../../lib/backend';
import { toDenseRows } from '../../lib/data/dense-rows';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';
import { float32Rows } from '../helpers/data-forms';

const tenThousand = Array.from({ length: 10000 }, (_, k) => [Math.sin(k) * 3, Math.cos(k * 1.7) * 2]);

describe('scatter', () => {
  it('draws every point of a small sample, rounded to 6 significant digits, with no subsampling note', () => {
    const spec = scatter(
      [
        [0, 1],
        [1, 3],
        [2, Math.PI],
      ],
      { xTitle: 'x1', yTitle: 'x2' },
    ) as any;
    assert.deepEqual(spec.data.values, [
      { x: 0, y: 1 },
      { x: 1, y: 3 },
      { x: 2, y: 3.14159 },
    ]);
    assert.equal(spec.title, undefined);
    assert.deepEqual(spec.mark, { type: 'point', aria: false, filled: true, size: 10, opacity: 0.35, color: '#4c78a8' });
    assert.equal(spec.encoding.x.title, 'x1');
  });

  it('thins 10000 points to an evenly strided 2000 and says so in the subtitle', () => {
    const spec = scatter(tenThousand, { title: 'Sample' }) as any;
    assert.equal(spec.data.values.length, 2000);
    assert.deepEqual(spec.data.values[1], {
      x: Number((Math.sin(5) * 3).toPrecision(6)),
      y: Number((Math.cos(5 * 1.7) * 2).toPrecision(6)),
    });
    assert.deepEqual(spec.title, { text: 'Sample', subtitle: 'showing 2000 of 10000 points (evenly strided subsample)' });
    assert.equal((scatter(tenThousand, { maxPoints: 10 }) as any).title, 'showing 10 of 10000 points (evenly strided subsample)');
  });

  it('keeps the 10000-point display bundle under 400 KB and compiles without warnings', async () => {
    const spec = scatter(tenThousand);
    assert.deepEqual(compileWarnings(spec), []);
    const bytes = JSON.stringify(spec).length + (await renderSvg(spec)).length;
    assert.ok(bytes < 400 * 1024, `scatter bundle is ${bytes} bytes`);
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => scatter([]), { name: 'RangeError', message: 'scatter requires rows to be a non-empty array' });
    assert.throws(() => scatter([[1, NaN]]), {
      name: 'TypeError',
      message: 'scatter requires rows[0] to be an [x, y] pair of finite numbers',
    });
    assert.throws(() => scatter([[1, 2]], { maxPoints: 0 }), {
      name: 'RangeError',
      message: 'scatter requires maxPoints to be a positive integer, got 0',
    });
    assert.throws(() => scatter([[1, 2]], { maxPoints: '5' as any }), {
      name: 'TypeError',
      message: "scatter requires maxPoints to be a number, got '5'",
    });
    assert.throws(() => scatter([[1, 2]], { width: NaN }), {
      name: 'RangeError',
      message: 'scatter requires width to be a positive finite number, got NaN',
    });
    assert.throws(() => scatter([[1, 2]], { height: -10 }), {
      name: 'RangeError',
      message: 'scatter requires height to be a positive finite number, got -10',
    });
    assert.throws(() => scatter([[1, 2]], { opacity: -3 }), {
      name: 'RangeError',
      message: 'scatter requires opacity to be a number from 0 to 1, got -3',
    });
    assert.throws(() => scatter([[1, 2]], { opacity: 1.5 }), {
      name: 'RangeError',
      message: 'scatter requires opacity to be a number from 0 to 1, got 1.5',
    });
    assert.throws(() => scatter([[1, 2]], { opacity: NaN }), {
      name: 'RangeError',
      message: 'scatter requires opacity to be a number from 0 to 1, got NaN',
    });
    assert.throws(() => scatter([[1, 2]], { opacity: '0.5' as any }), {
      name: 'TypeError',
      message: "scatter requires opacity to be a number, got '0.5'",
    });
    assert.throws(() => scatter([[1, 2]], { pointSize: Infinity }), {
      name: 'RangeError',
      message: 'scatter requires pointSize to be a positive finite number, got Infinity',
    });
    assert.throws(() => scatter([[1, 2]], { pointSize: 0 }), {
      name: 'RangeError',
      message: 'scatter requires pointSize to be a positive finite number, got 0',
    });
  });
});

describe('scatter on dense data (issue 12)', () => {
  const rows = sampleMultivariateNormal(
    5000,
    [1, 1],
    [
      [5, 0],
      [0, 5],
    ],
    { seed: 1 },
  );

  it('draws the same spec from a float64 DenseRows as from the rows, thinned the same way', () => {
    const options = { maxPoints: 300, title: 'sample' };
    const spec = scatter(toDenseRows(rows), options);
    assert.deepStrictEqual(spec, scatter(rows, options));
    assert.equal((spec.data as { values: unknown[] }).values.length, 300);
  });

  it('draws the float32-rounded points from float32 data and from a tensor, which it neither disposes nor leaks', () => {
    const rounded = scatter(float32Rows(rows), { maxPoints: 100 });
    assert.deepStrictEqual(scatter(toDenseRows(rows, { dtype: 'float32' }), { maxPoints: 100 }), rounded);
    const tensor = tf.tensor2d(rows);
    const before = tf.memory().numTensors;
    assert.deepStrictEqual(scatter(tensor, { maxPoints: 100 }), rounded);
    assert.equal(tf.memory().numTensors, before);
    assert.equal(tensor.isDisposed, false);
    tensor.dispose();
  });

  it('checks the dense forms with the messages of readRows', () => {
    assert.throws(() => scatter({ data: new Float64Array(3), rows: 1, cols: 3 }), {
      name: 'RangeError',
      message: 'scatter requires rows to have rows of length 2, got 3',
    });
    assert.throws(() => scatter({ data: new Float64Array([1, NaN]), rows: 1, cols: 2 }), {
      name: 'RangeError',
      message: 'scatter requires rows.data[1] (row 0, column 1) to be a finite number, got NaN',
    });
    assert.throws(() => scatter('points' as never), {
      name: 'TypeError',
      message: "scatter requires rows to be an array of rows, a { data, rows, cols } object or a 2-D tensor, got 'points'",
    });
  });
});
