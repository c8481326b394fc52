import { assertFiniteNumber, describeValue } from '../guards';
import { jacobiSweeps } from './symmetric-eigenvalues';

/** Eigen-decomposition of a symmetric matrix: plain data. */
export interface SymmetricEigen {
  /** The eigenvalues, smallest first. */
  values: number[];
  /**
   * vectors[k] = the unit eigenvector of values[k], signed so that its entry of largest magnitude
   * is positive (the same vectors on every run and machine).
   */
  vectors: number[][];
}

/**
 * Eigenvalues AND eigenvectors of a real symmetric matrix, in float64, by the cyclic Jacobi
 * rotation method (rotations until the off-diagonal mass is below 1e-30 of the total).
 *
 * The vectors are what a study of gradient ascent on a Gaussian needs: plain ascent contracts the
 * error along the k-th eigenvector of the precision Sigma^-1 by |1 - lr n values[k]| per step, so
 * projecting an iterate's error on them measures each direction's contraction separately.
 * See https://en.wikipedia.org/wiki/Jacobi_eigenvalue_algorithm
 *
 * @param matrix a d x d symmetric matrix of finite numbers (need not be positive definite)
 * @returns `{ values, vectors }`, values ascending, vectors[k] a unit vector with
 *   matrix vectors[k] = values[k] vectors[k]
 * @throws {TypeError} when `matrix` is not an array of arrays of numbers
 * @throws {RangeError} when `matrix` is empty, not square, not symmetric, or has a non-finite entry
 * @example
 * symmetricEigen([[2, 1], [1, 2]]);
 * // => { values: [1, 3], vectors: [[-0.7071, 0.7071] (up to sign rule), [0.7071, 0.7071]] }
 */
export function symmetricEigen(matrix: number[][]): SymmetricEigen {
  const fn = 'symmetricEigen';
  if (!Array.isArray(matrix)) throw new TypeError(`${fn} requires matrix to be an array of rows, got ${describeValue(matrix)}`);
  const d = matrix.length;
  if (d === 0) throw new RangeError(`${fn} requires matrix to have at least one row`);
  for (let i = 0; i < d; i++) {
    const row: unknown = matrix[i];
    if (!Array.isArray(row))
      throw new TypeError(`${fn} requires matrix[${i}] to be an array of numbers, got ${describeValue(row)}`);
    if (row.length !== d) throw new RangeError(`${fn} requires matrix to be ${d}x${d}, got a row of length ${row.length}`);
    for (let j = 0; j < d; j++) assertFiniteNumber(fn, `matrix[${i}][${j}]`, row[j]);
  }
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const scale = Math.max(Math.abs(matrix[i][j]), Math.abs(matrix[j][i]), 1e-300);
      if (Math.abs(matrix[i][j] - matrix[j][i]) > 1e-10 * scale) {
        throw new RangeError(
          `${fn} requires matrix to be symmetric, got matrix[${i}][${j}] = ${matrix[i][j]} but matrix[${j}][${i}] = ${matrix[j][i]}`,
        );
      }
    }
  }
  const a = matrix.map((row, i) => row.map((_, j) => (matrix[i][j] + matrix[j][i]) / 2));
  // v's COLUMNS collect the rotations: at the end, column k is the eigenvector of a[k][k].
  const v = a.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  jacobiSweeps(a, v);
  const order = a.map((_, k) => k).sort((x, y) => a[x][x] - a[y][y]);
  return {
    values: order.map((k) => a[k][k]),
    vectors: order.map((k) => {
      const vector = v.map((row) => row[k]);
      const largest = vector.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
      return vector.map((x) => (largest < 0 ? -x : x) + 0);
    }),
  };
}
