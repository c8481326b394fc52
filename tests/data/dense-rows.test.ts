import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { assertRowsFloat32Range, readRows, toDenseRows } from '../../lib/data/dense-rows';

// FLOAT32_MAX as a message prints it.
const F32 = '3.4028234663852886e+38';

describe('toDenseRows', () => {
  it('packs rows row after row into a Float64Array by default, every value kept', () => {
    const dense = toDenseRows([
      [1, 2, 0.1],
      [3, -4, 1e-300],
    ]);
    assert.ok(dense.data instanceof Float64Array);
    assert.deepEqual({ rows: dense.rows, cols: dense.cols }, { rows: 2, cols: 3 });
    assert.deepEqual(Array.from(dense.data), [1, 2, 0.1, 3, -4, 1e-300]);
  });

  it("rounds to float32 with dtype 'float32' (0.1 becomes Math.fround(0.1); 1e-300 underflows to 0)", () => {
    const dense = toDenseRows(
      [
        [1, 0.1],
        [1e-300, -3.5],
      ],
      { dtype: 'float32' },
    );
    assert.ok(dense.data instanceof Float32Array);
    assert.deepEqual(Array.from(dense.data), [1, Math.fround(0.1), 0, -3.5]);
  });

  it('copies: changing the rows afterwards leaves the dense form as it was', () => {
    const rows = [[1, 2]];
    const dense = toDenseRows(rows);
    rows[0][0] = 9;
    assert.deepEqual(Array.from(dense.data), [1, 2]);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'toDenseRows';
    assert.throws(() => toDenseRows([]), { name: 'RangeError', message: `${fn} requires at least one data point` });
    assert.throws(() => toDenseRows('x' as never), {
      name: 'TypeError',
      message: `${fn} requires rows to be an array of rows, got 'x'`,
    });
    assert.throws(() => toDenseRows([[1, 2], [3]]), {
      name: 'RangeError',
      message: `${fn} requires rows to be rectangular: rows[1] has length 1, expected 2`,
    });
    assert.throws(() => toDenseRows([[1, NaN]]), {
      name: 'RangeError',
      message: `${fn} requires rows[0][1] to be a finite number, got NaN`,
    });
    assert.throws(() => toDenseRows([[1, 4e38]], { dtype: 'float32' }), {
      name: 'RangeError',
      message: `${fn} requires rows[0][1] to be within float32's range (|x| <= ${F32}) for dtype 'float32', got 4e+38`,
    });
    assert.throws(() => toDenseRows([[1]], { dtype: 'float16' as never }), {
      name: 'RangeError',
      message: `${fn} requires options.dtype to be one of 'float64', 'float32', got 'float16'`,
    });
    // 4e38 is a float64: fine without the float32 dtype.
    assert.deepEqual(Array.from(toDenseRows([[4e38]]).data), [4e38]);
  });
});

describe('readRows', () => {
  const fn = 'f';
  const rows = [
    [1, 0.1],
    [-2, 3],
    [5, 1e-7],
  ];

  it('reads an array of rows into a fresh Float64Array, keeping the rows', () => {
    const matrix = readRows(fn, 'rows', rows);
    assert.ok(matrix.values instanceof Float64Array);
    assert.deepEqual(Array.from(matrix.values), rows.flat());
    assert.deepEqual([matrix.n, matrix.d, matrix.tensor], [3, 2, null]);
    assert.equal(matrix.rows, rows);
  });

  it('uses a DenseRows as it is (its own typed array, float64 or float32), and a plain object literal works', () => {
    const data = new Float32Array([1, 2, 3, 4, 5, 6]);
    const matrix = readRows(fn, 'rows', { data, rows: 2, cols: 3 });
    assert.equal(matrix.values, data);
    assert.deepEqual([matrix.n, matrix.d, matrix.tensor, matrix.rows], [2, 3, null, null]);
    const dense64 = toDenseRows(rows);
    assert.equal(readRows(fn, 'rows', dense64, 2).values, dense64.data);
  });

  it('reads a float32 Tensor2D once, keeps it, and neither disposes it nor makes a tensor', () => {
    const tensor = tf.tensor2d(rows);
    try {
      const before = tf.memory().numTensors;
      const matrix = readRows(fn, 'rows', tensor, 2);
      assert.equal(tf.memory().numTensors, before);
      assert.equal(matrix.tensor, tensor);
      assert.deepEqual([matrix.n, matrix.d, matrix.rows], [3, 2, null]);
      assert.deepEqual(Array.from(matrix.values), rows.flat().map(Math.fround));
      assert.equal(tensor.isDisposed, false);
      assert.deepEqual(tensor.shape, [3, 2]);
    } finally {
      tensor.dispose();
    }
  });

  it('rejects what is none of the three forms', () => {
    for (const [value, got] of [
      [5, '5'],
      [null, 'null'],
      [undefined, 'undefined'],
      [{ rows: 1, cols: 1 }, 'object'],
    ] as const) {
      assert.throws(() => readRows(fn, 'rows', value), {
        name: 'TypeError',
        message: `${fn} requires rows to be an array of rows, a { data, rows, cols } object or a 2-D tensor, got ${got}`,
      });
    }
    assert.throws(() => readRows(fn, 'rows', new Float64Array(4)), {
      name: 'TypeError',
      message: `${fn} requires rows to be an array of rows, a { data, rows, cols } object or a 2-D tensor, got a Float64Array of length 4 (a typed array alone has no shape: pass { data, rows, cols })`,
    });
  });

  it('keeps the messages of assertRows for arrays of rows', () => {
    assert.throws(() => readRows(fn, 'rows', []), { name: 'RangeError', message: `${fn} requires at least one data point` });
    assert.throws(() => readRows(fn, 'rows', [[1, 2]], 3), {
      name: 'RangeError',
      message: `${fn} requires rows to have rows of length 3, got 2`,
    });
    assert.throws(() => readRows(fn, 'rows', [[1, Infinity]]), {
      name: 'RangeError',
      message: `${fn} requires rows[0][1] to be a finite number, got Infinity`,
    });
    assert.throws(() => readRows(fn, 'rows', [[1, '2']]), {
      name: 'TypeError',
      message: `${fn} requires rows[0][1] to be a number, got '2'`,
    });
  });

  it('checks a DenseRows: data type, integer rows and cols, length, width, finite entries named by position', () => {
    const data = new Float64Array([1, 2, 3, 4]);
    assert.throws(() => readRows(fn, 'x', { data: [1, 2, 3, 4], rows: 2, cols: 2 }), {
      name: 'TypeError',
      message: `${fn} requires x.data to be a Float64Array or Float32Array, got an array of length 4`,
    });
    assert.throws(() => readRows(fn, 'x', { data: new Int32Array(4), rows: 2, cols: 2 }), {
      name: 'TypeError',
      message: `${fn} requires x.data to be a Float64Array or Float32Array, got an Int32Array of length 4`,
    });
    assert.throws(() => readRows(fn, 'x', { data, rows: 1.5, cols: 2 }), {
      name: 'RangeError',
      message: `${fn} requires x.rows to be a positive integer, got 1.5`,
    });
    assert.throws(() => readRows(fn, 'x', { data, rows: 2, cols: '2' }), {
      name: 'TypeError',
      message: `${fn} requires x.cols to be a number, got '2'`,
    });
    assert.throws(() => readRows(fn, 'x', { data, rows: 3, cols: 2 }), {
      name: 'RangeError',
      message: `${fn} requires x.data to have rows x cols = 6 entries, got 4`,
    });
    assert.throws(() => readRows(fn, 'x', { data, rows: 1, cols: 4 }, 2), {
      name: 'RangeError',
      message: `${fn} requires x to have rows of length 2, got 4`,
    });
    assert.throws(() => readRows(fn, 'x', { data: new Float64Array([1, 2, 3, NaN]), rows: 2, cols: 2 }), {
      name: 'RangeError',
      message: `${fn} requires x.data[3] (row 1, column 1) to be a finite number, got NaN`,
    });
    assert.throws(() => readRows(fn, 'x', { data: new Float32Array([1, -Infinity, 3, 4]), rows: 2, cols: 2 }), {
      name: 'RangeError',
      message: `${fn} requires x.data[1] (row 0, column 1) to be a finite number, got -Infinity`,
    });
    // Empty: zero rows is no data (the message of the other forms); zero columns is not a positive integer.
    assert.throws(() => readRows(fn, 'x', { data: new Float64Array(0), rows: 0, cols: 2 }), {
      name: 'RangeError',
      message: `${fn} requires at least one data point`,
    });
  });

  it('checks a tensor: live, float32, rank 2, not empty, width, finite entries named by position; it leaks nothing', () => {
    const before = tf.memory().numTensors;
    const disposed = tf.tensor2d([[1, 2]]);
    disposed.dispose();
    assert.throws(() => readRows(fn, 'x', disposed), {
      name: 'TypeError',
      message: `${fn} requires x to be a live tensor, got a disposed one`,
    });
    const cases: [() => tf.Tensor, { name: string; message: string }][] = [
      [
        () => tf.tensor2d([[1, 2]], [1, 2], 'int32'),
        { name: 'TypeError', message: `${fn} requires x to be a float32 tensor, got dtype int32` },
      ],
      [() => tf.tensor1d([1, 2, 3]), { name: 'RangeError', message: `${fn} requires x to be a 2-D tensor [n, d], got rank 1` }],
      [() => tf.zeros([0, 2]), { name: 'RangeError', message: `${fn} requires at least one data point` }],
      [() => tf.zeros([2, 0]), { name: 'RangeError', message: `${fn} requires x to have at least one column` }],
      [() => tf.zeros([2, 3]), { name: 'RangeError', message: `${fn} requires x to have rows of length 2, got 3` }],
      [
        () =>
          tf.tensor2d([
            [1, 2],
            [3, NaN],
          ]),
        { name: 'RangeError', message: `${fn} requires x at [1, 1] to be a finite number, got NaN` },
      ],
      [
        () =>
          tf.tensor2d([
            [1, 2],
            [Infinity, 4],
          ]),
        { name: 'RangeError', message: `${fn} requires x at [1, 0] to be a finite number, got Infinity` },
      ],
    ];
    for (const [make, expected] of cases) {
      const tensor = make();
      try {
        assert.throws(() => readRows(fn, 'x', tensor, 2), expected);
        assert.equal(tensor.isDisposed, false, 'a rejected tensor is not disposed either');
      } finally {
        tensor.dispose();
      }
    }
    assert.equal(tf.memory().numTensors, before);
  });
});

describe('assertRowsFloat32Range', () => {
  it('passes entries up to float32 max and float32 data without a look', () => {
    assertRowsFloat32Range('f', 'rows', readRows('f', 'rows', [[3.4028234663852886e38, -1]]));
    assertRowsFloat32Range('f', 'rows', readRows('f', 'rows', toDenseRows([[1, 2]], { dtype: 'float32' })));
  });

  it('names the first entry beyond float32 max: rows[i][j] for arrays of rows, data[k] with row and column otherwise', () => {
    assert.throws(
      () =>
        assertRowsFloat32Range(
          'f',
          'rows',
          readRows('f', 'rows', [
            [1, 2],
            [-1e39, 4e38],
          ]),
        ),
      { name: 'RangeError', message: `f requires rows[1][0] to be within float32's range (|x| <= ${F32}), got -1e+39` },
    );
    assert.throws(
      () =>
        assertRowsFloat32Range(
          'f',
          'rows',
          readRows(
            'f',
            'rows',
            toDenseRows([
              [1, 2],
              [3, 4e38],
            ]),
          ),
        ),
      {
        name: 'RangeError',
        message: `f requires rows.data[3] (row 1, column 1) to be within float32's range (|x| <= ${F32}), got 4e+38`,
      },
    );
  });
});
