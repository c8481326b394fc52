import { assertCovariance } from '../guards';

/**
 * Cholesky factorisation of a symmetric positive definite matrix, in float64.
 *
 * Returns the lower-triangular L with L L^T = A. It is how Likelihood Lab turns a covariance into
 * samples (x = mean + L z with z standard normal) and how it evaluates quadratic forms
 * (x^T A^-1 x = |L^-1 x|^2) without forming an inverse.
 * See https://en.wikipedia.org/wiki/Cholesky_decomposition
 *
 * @param matrix a d x d symmetric positive definite matrix
 * @returns the lower-triangular factor L (a fresh array)
 * @throws {TypeError} when `matrix` is not an array of arrays of numbers
 * @throws {RangeError} when `matrix` is not square, has a non-finite entry, or is not symmetric positive definite
 * @example
 * cholesky([[4, 2], [2, 5]]); // => [[2, 0], [1, 2]]
 */
export function cholesky(matrix: number[][]): number[][] {
  return assertCovariance('cholesky', 'matrix', matrix);
}
