/**
 * Small dense linear algebra on plain float64 arrays: the unchecked kernels behind `cholesky`,
 * `spdInverse`, `symmetricEigenvalues` and the guards (which validate first and then call these).
 * Internal: no validation here, so callers must pass well-formed square matrices.
 */

/** A dense matrix as an array of rows. */
type Matrix = number[][];

/**
 * Lower Cholesky factor L (L L^T = matrix) of a symmetric matrix, or `null` when it is not
 * positive definite (a pivot <= 0 or not finite). Reads only the lower triangle.
 *
 * @example
 * choleskyOrNull([[4, 2], [2, 5]]); // => [[2, 0], [1, 2]]
 * choleskyOrNull([[1, 2], [2, 1]]); // => null
 */
export function choleskyOrNull(matrix: readonly (readonly number[])[]): Matrix | null {
  const d = matrix.length;
  const lower: Matrix = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    let diagonal = matrix[j][j];
    for (let k = 0; k < j; k++) diagonal -= lower[j][k] * lower[j][k];
    if (!(diagonal > 0) || !Number.isFinite(diagonal)) return null;
    const pivot = Math.sqrt(diagonal);
    lower[j][j] = pivot;
    for (let i = j + 1; i < d; i++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      lower[i][j] = sum / pivot;
    }
  }
  return lower;
}

/**
 * The first pair (i, j), i > j, where a square matrix is not symmetric within a relative
 * tolerance, |a_ij - a_ji| > tolerance max(|a_ij|, |a_ji|, 1e-300); `null` when it is symmetric.
 * The default 1e-10 lets a matrix printed and parsed back still pass.
 *
 * @example
 * firstAsymmetry([[1, 2], [3, 1]]); // => [1, 0]
 */
export function firstAsymmetry(matrix: readonly (readonly number[])[], tolerance = 1e-10): [number, number] | null {
  for (let i = 0; i < matrix.length; i++) {
    for (let j = 0; j < i; j++) {
      const scale = Math.max(Math.abs(matrix[i][j]), Math.abs(matrix[j][i]), 1e-300);
      if (Math.abs(matrix[i][j] - matrix[j][i]) > tolerance * scale) return [i, j];
    }
  }
  return null;
}

/**
 * Matrix product a b (a: p x q, b: q x r), each entry summed left to right.
 *
 * @example
 * matrixMultiply([[1, 2]], [[3], [4]]); // => [[11]]
 */
export function matrixMultiply(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
}

/**
 * Entry-wise sum a + b of two matrices of the same shape.
 *
 * @example
 * matrixAdd([[1, 2]], [[3, 4]]); // => [[4, 6]]
 */
export function matrixAdd(a: Matrix, b: Matrix): Matrix {
  return a.map((row, i) => row.map((v, j) => v + b[i][j]));
}

/**
 * Trace of a square matrix, sum_i a_ii.
 *
 * @example
 * trace([[1, 2], [3, 4]]); // => 5
 */
export function trace(a: Matrix): number {
  return a.reduce((s, row, i) => s + row[i], 0);
}
