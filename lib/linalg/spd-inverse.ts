import { assertCovariance } from '../guards';

/**
 * Inverse of a symmetric positive definite matrix via its Cholesky factor, in float64.
 *
 * A covariance's inverse (the precision matrix) appears in the Gaussian log-likelihood and its
 * gradient. Solving with the Cholesky factor is stabler than a general inverse and the result is
 * symmetrised exactly.
 *
 * @param matrix a d x d symmetric positive definite matrix
 * @returns its inverse (a fresh, exactly symmetric array)
 * @throws {TypeError} when `matrix` is not an array of arrays of numbers
 * @throws {RangeError} when `matrix` is not square, has a non-finite entry, or is not symmetric positive definite
 * @example
 * spdInverse([[5, 0], [0, 5]]); // => [[0.2, 0], [0, 0.2]]
 */
export function spdInverse(matrix: number[][]): number[][] {
  return inverseFromCholesky(assertCovariance('spdInverse', 'matrix', matrix));
}

/** Inverse of L L^T given the lower Cholesky factor L (no validation; internal). */
export function inverseFromCholesky(lower: number[][]): number[][] {
  const d = lower.length;
  // Columns of L^-1 by forward substitution, then A^-1 = L^-T L^-1.
  const lowerInverse: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let c = 0; c < d; c++) {
    for (let i = c; i < d; i++) {
      let sum = i === c ? 1 : 0;
      for (let k = c; k < i; k++) sum -= lower[i][k] * lowerInverse[k][c];
      lowerInverse[i][c] = sum / lower[i][i];
    }
  }
  const inverse: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < d; k++) sum += lowerInverse[k][i] * lowerInverse[k][j];
      inverse[i][j] = sum;
      inverse[j][i] = sum;
    }
  }
  return inverse;
}

/** log det(A) from A's lower Cholesky factor: 2 sum log L_ii (internal). */
export function logDeterminantFromCholesky(lower: number[][]): number {
  let sum = 0;
  for (let i = 0; i < lower.length; i++) sum += Math.log(lower[i][i]);
  return 2 * sum;
}
