import type { Tensor2D } from '@tensorflow/tfjs';
import { tf } from '../backend';
import type { RowMatrix } from './dense-rows';

/**
 * The data of a validated matrix as a float32 tensor [n, d] (internal): the caller's own tensor
 * when the data came as one (used as it is, never copied), else one upload of the row-major
 * values, rounded to float32 once (what `tf.tensor2d(rows)` of the same rows holds, bit for bit).
 * Release it with {@link releaseRowsTensor}, which frees only what this function made.
 *
 * @param matrix validated data (see `readRows`)
 * @returns a tensor [n, d]; dispose it through `releaseRowsTensor(matrix, tensor)`
 * @example
 * const x = rowsTensor(readRows('f', 'rows', [[1, 2], [3, 4]])); // a fresh [2, 2] float32 tensor
 */
export function rowsTensor(matrix: RowMatrix): Tensor2D {
  if (matrix.tensor !== null) return matrix.tensor;
  const { values, n, d } = matrix;
  return tf.tensor2d(values instanceof Float32Array ? values : Float32Array.from(values), [n, d], 'float32');
}

/**
 * Disposes a tensor made by {@link rowsTensor}, and never the caller's own (internal).
 *
 * @param matrix the matrix the tensor was made from
 * @param tensor the tensor, or null when none was made yet
 * @example
 * releaseRowsTensor(matrix, x); // frees x unless it is matrix.tensor
 */
export function releaseRowsTensor(matrix: RowMatrix, tensor: Tensor2D | null): void {
  if (tensor !== null && tensor !== matrix.tensor) tensor.dispose();
}
