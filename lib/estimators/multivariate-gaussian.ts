import { assertRows } from '../guards';
import { compensatedSum } from '../numeric/compensated-sum';
import { powerOfTwoScale } from '../numeric/power-of-two-scale';

/** Maximum-likelihood estimate of a multivariate Gaussian: plain data. */
export interface MultivariateGaussianEstimate {
  /** The sample mean vector, (1/n) sum x_i. */
  mean: number[];
  /** The MLE covariance, (1/n) sum (x_i - mean)(x_i - mean)^T: divides by n; exactly symmetric. */
  covariance: number[][];
}

/**
 * Maximum-likelihood estimate of the mean vector and covariance matrix of a multivariate
 * Gaussian, in float64.
 *
 * For i.i.d. rows x_i ~ N(mu, Sigma) the MLE is the sample mean and the scatter matrix divided by
 * n (not n - 1). This is the closed form the gradient-ascent fits of the notebooks must reach, so
 * the tests of `fitGaussianMean` compare against it. Columns are centred first (two-pass) for
 * accuracy.
 *
 * @param rows the observations, one row per point, all rows of the same length d >= 1; any
 *   finite float64 (columns near 1e308 or 1e-160 are scaled by a power of two first)
 * @returns `{ mean, covariance }` with `mean` of length d and `covariance` d x d
 * @throws {TypeError} when `rows` is not an array of arrays of numbers
 * @throws {RangeError} when `rows` is empty, a row is empty, the rows are ragged, or an entry is not finite
 * @example
 * multivariateGaussianMle([[0, 0], [2, 0], [0, 2], [2, 2]]);
 * // => { mean: [1, 1], covariance: [[1, 0], [0, 1]] }
 */
export function multivariateGaussianMle(rows: number[][]): MultivariateGaussianEstimate {
  const d = assertRows('multivariateGaussianMle', 'rows', rows);
  return meanAndCovariance(rows, d);
}

/** Sample mean and MLE covariance of validated rows (internal; shared by other modules). */
export function meanAndCovariance(rows: number[][], d: number): MultivariateGaussianEstimate {
  const scales = Array.from({ length: d }, (_, j) => powerOfTwoScale(rows.map((row) => row[j])));
  if (scales.every((s) => s === 1)) return twoPass(rows, d);
  // Columns near overflow or underflow: estimate on x_j / s_j (powers of two), then scale back.
  const scaled = twoPass(
    rows.map((row) => row.map((x, j) => x / scales[j])),
    d,
  );
  return {
    mean: scaled.mean.map((m, j) => m * scales[j]),
    covariance: scaled.covariance.map((row, i) => row.map((c, j) => c * scales[i] * scales[j])),
  };
}

function twoPass(rows: number[][], d: number): MultivariateGaussianEstimate {
  const n = rows.length;
  const mean: number[] = [];
  for (let j = 0; j < d; j++) {
    const column = rows.map((row) => row[j]);
    const rough = compensatedSum(column) / n;
    mean.push(rough + compensatedSum(column.map((x) => x - rough)) / n);
  }
  const centred = rows.map((row) => row.map((x, j) => x - mean[j]));
  const covariance: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      const value = compensatedSum(centred.map((c) => c[i] * c[j])) / n;
      covariance[i][j] = value;
      covariance[j][i] = value;
    }
  }
  return { mean, covariance };
}
