import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { toDenseRows } from '../../lib/data/dense-rows';
import type { DataRows } from '../../lib/data/dense-rows';

/** The rows rounded to float32, as numbers: what a float32 DenseRows or a tensor of them holds. */
export function float32Rows(rows: number[][]): number[][] {
  return rows.map((row) => row.map(Math.fround));
}

/**
 * Runs `compute` on the same data in every form a data-taking function accepts and asserts, bit
 * for bit (deepStrictEqual compares numbers with Object.is, so even -0 and 0 differ):
 * - a float64 DenseRows gives exactly the result of the number[][] rows;
 * - a float32 DenseRows and a float32 Tensor2D give exactly the result of the rows rounded to
 *   float32 (`float32Rows`) passed as number[][];
 * - the call leaks no tensor, leaves the caller's tensor alive and unchanged (it is disposed here).
 * Returns the number[][] result for further checks.
 *
 * @example
 * assertSameInEveryForm(rows, (data) => multivariateGaussianMle(data));
 */
export function assertSameInEveryForm<T>(rows: number[][], compute: (data: DataRows) => T): T {
  const plain = compute(rows);
  assert.deepStrictEqual(compute(toDenseRows(rows)), plain, 'a float64 DenseRows gives the number[][] result');
  const rounded = compute(float32Rows(rows));
  assert.deepStrictEqual(
    compute(toDenseRows(rows, { dtype: 'float32' })),
    rounded,
    'a float32 DenseRows gives the result of the float32-rounded rows',
  );
  const tensor = tf.tensor2d(rows, [rows.length, rows[0].length], 'float32');
  try {
    const before = tf.memory().numTensors;
    assert.deepStrictEqual(compute(tensor), rounded, 'a Tensor2D gives the result of the float32-rounded rows');
    assert.equal(tf.memory().numTensors, before, 'no tensor leaks');
    assert.equal(tensor.isDisposed, false, "the caller's tensor is not disposed");
    assert.deepStrictEqual(tensor.arraySync(), float32Rows(rows), "the caller's tensor still holds the rows");
  } finally {
    tensor.dispose();
  }
  return plain;
}
