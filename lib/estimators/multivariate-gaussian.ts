import { readRows } from '../data/dense-rows';
import type { DataRows, RowMatrix } from '../data/dense-rows';
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
 * @param rows the observations, one row per point, d >= 1 columns: an array of rows, a `DenseRows`
 *   `{ data, rows, cols }` or a float32 `tf.Tensor2D` [n, d] (see `DataRows`); any
 *   finite float64 (columns near 1e308 or 1e-160 are scaled by a power of two first)
 * @returns `{ mean, covariance }` with `mean` of length d and `covariance` d x d
 * @throws {TypeError} when `rows` is none of the three forms, or a part has the wrong type
 * @throws {RangeError} when `rows` is empty, a row is empty, the rows are ragged, a DenseRows'
 *   length is not rows x cols, or an entry is not finite
 * @example
 * multivariateGaussianMle([[0, 0], [2, 0], [0, 2], [2, 2]]);
 * // => { mean: [1, 1], covariance: [[1, 0], [0, 1]] }
 */
export function multivariateGaussianMle(rows: DataRows): MultivariateGaussianEstimate {
  return momentsOfRows(readRows('multivariateGaussianMle', 'rows', rows));
}

/**
 * Sample mean and MLE covariance of a validated matrix in one sweep per stage (internal): the
 * largest |x| per column (power-of-two scales for columns near overflow or underflow), the
 * compensated column sums (a rough mean), the compensated sums of the deviations from it (the
 * correction), and the compensated sums of the products of the centred columns. Each sum runs
 * over the rows in order with the Neumaier step of `compensatedSum`, so the results are the same
 * bits as summing each column or product separately; no n-sized temporary is allocated, which is
 * what keeps 10^7 rows within memory and well under a second.
 */
export function momentsOfRows(matrix: RowMatrix): MultivariateGaussianEstimate {
  const { values, n, d } = matrix;
  const scales: number[] = [];
  for (let j = 0; j < d; j++) {
    let largest = 0;
    for (let k = j; k < values.length; k += d) {
      const a = Math.abs(values[k]);
      if (a > largest) largest = a;
    }
    scales.push(powerOfTwoScale([largest]));
  }
  const zero = new Float64Array(d);
  const rough = columnSums(values, d, scales, zero).map((sum) => sum / n);
  const correction = columnSums(values, d, scales, Float64Array.from(rough));
  const scaledMean = rough.map((r, j) => r + correction[j] / n);
  const products = centredProductSums(values, d, scales, scaledMean);
  const mean = scaledMean.map((m, j) => m * scales[j]);
  const covariance: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0, p = 0; i < d; i++) {
    for (let j = 0; j <= i; j++, p++) {
      const value = (products[p] / n) * scales[i] * scales[j];
      covariance[i][j] = value;
      covariance[j][i] = value;
    }
  }
  return { mean, covariance };
}

/** Compensated sums of x_ij / s_j - shift_j over i, per column j (the arithmetic of `compensatedSum`). */
function columnSums(values: Float64Array | Float32Array, d: number, scales: number[], shift: Float64Array): number[] {
  const sums: number[] = [];
  for (let j = 0; j < d; j++) {
    // Dividing by a scale of 1 changes no bit: that (usual) case runs a loop without the division.
    const sum =
      scales[j] === 1 ? neumaierStrided(values, j, d, shift[j]) : neumaierStridedScaled(values, j, d, scales[j], shift[j]);
    sums.push(sum);
  }
  return sums;
}

/** compensatedSum of values[k] - shift for k = start, start + stride, ... (no temporary array). */
function neumaierStrided(values: Float64Array | Float32Array, start: number, stride: number, shift: number): number {
  let sum = 0;
  let compensation = 0;
  for (let k = start; k < values.length; k += stride) {
    const x = values[k] - shift;
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
    else compensation += x - t + sum;
    sum = t;
  }
  return Number.isFinite(sum) ? sum + compensation : sum;
}

/** compensatedSum of values[k] / scale - shift for k = start, start + stride, ... */
function neumaierStridedScaled(
  values: Float64Array | Float32Array,
  start: number,
  stride: number,
  scale: number,
  shift: number,
): number {
  let sum = 0;
  let compensation = 0;
  for (let k = start; k < values.length; k += stride) {
    const x = values[k] / scale - shift;
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
    else compensation += x - t + sum;
    sum = t;
  }
  return Number.isFinite(sum) ? sum + compensation : sum;
}

/**
 * Compensated sums over i of c_ia c_ib for a >= b (packed lower triangle, row by row), where
 * c_ij = x_ij / s_j - mean_j.
 */
function centredProductSums(values: Float64Array | Float32Array, d: number, scales: number[], mean: number[]): number[] {
  const sums: number[] = [];
  for (let a = 0; a < d; a++) {
    for (let b = 0; b <= a; b++) {
      const unscaled = scales[a] === 1 && scales[b] === 1;
      sums.push(
        unscaled
          ? neumaierProductsUnscaled(values, d, a, b, mean[a], mean[b])
          : neumaierProducts(values, d, a, b, scales[a], scales[b], mean[a], mean[b]),
      );
    }
  }
  return sums;
}

/** compensatedSum over rows of (x_a / s_a - m_a)(x_b / s_b - m_b); x / 1 is x, bit for bit. */
function neumaierProducts(
  values: Float64Array | Float32Array,
  d: number,
  a: number,
  b: number,
  scaleA: number,
  scaleB: number,
  meanA: number,
  meanB: number,
): number {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < values.length; k += d) {
    const x = (values[k + a] / scaleA - meanA) * (values[k + b] / scaleB - meanB);
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
    else compensation += x - t + sum;
    sum = t;
  }
  return Number.isFinite(sum) ? sum + compensation : sum;
}

/** `neumaierProducts` with both scales 1 (x / 1 is x, bit for bit), without the two divisions. */
function neumaierProductsUnscaled(
  values: Float64Array | Float32Array,
  d: number,
  a: number,
  b: number,
  meanA: number,
  meanB: number,
): number {
  let sum = 0;
  let compensation = 0;
  for (let k = 0; k < values.length; k += d) {
    const x = (values[k + a] - meanA) * (values[k + b] - meanB);
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
    else compensation += x - t + sum;
    sum = t;
  }
  return Number.isFinite(sum) ? sum + compensation : sum;
}
