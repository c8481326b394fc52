import type { Scalar, Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs';
import { tf } from '../backend';
import { assertBoolean, assertCovariance, assertOptions, assertVector, describeValue } from '../guards';
import { readRows } from '../data/dense-rows';
import type { DataRows } from '../data/dense-rows';
import { choleskyOrNull } from '../linalg/dense';
import { logDeterminantFromCholesky } from '../linalg/spd-inverse';

/** Options of `gaussianLogLikelihood` and `gaussianLogLikelihoodTensor`. */
export interface GaussianLogLikelihoodOptions {
  /**
   * Include the normalising constant -n/2 log((2 pi)^d |Sigma|), giving the true log density
   * sum log N(x_i; mean, Sigma). The assignment's L(X, mu, Sigma) leaves it out (it does not
   * depend on the mean, so it moves neither the maximiser nor the gradient).
   * @default false
   */
  normalized?: boolean;
}

/**
 * Log-likelihood of rows under a multivariate Gaussian N(mean, covariance), in float64.
 *
 * By default this is the assignment's L(X, mu, Sigma) = sum_i -1/2 (x_i - mu) Sigma^-1 (x_i - mu)^T,
 * WITHOUT the normalising constant -n/2 log((2 pi)^d |Sigma|): its values are <= 0 and equal 0
 * only when every row equals the mean. Pass `{ normalized: true }` to add the constant and get
 * sum_i log N(x_i; mu, Sigma) (what `scipy.stats.multivariate_normal.logpdf(...).sum()` returns).
 * Quadratic forms are evaluated as |L^-1 (x - mu)|^2 with the Cholesky factor L of Sigma, so no
 * inverse is formed; the sum is compensated (Neumaier, as `compensatedSum`, in one sweep over the
 * rows with no n-sized temporary).
 *
 * @param rows the data, n rows of length d: an array of rows, a `DenseRows` (float64 or float32
 *   entries, used as they are) or a float32 `tf.Tensor2D` [n, d] (read once, never disposed); a
 *   float32 form gives exactly the result of its rows as numbers
 * @param mean the mean vector, length d
 * @param covariance a d x d symmetric positive definite matrix
 * @param options `{ normalized }` (default false)
 * @returns the log-likelihood, a finite number
 * @throws {TypeError} when an argument has the wrong type (data in none of the three forms, a
 *   DenseRows whose data is not a Float64Array or Float32Array, a disposed or non-float32 tensor)
 * @throws {RangeError} when the data are empty or ragged (or a DenseRows' data length is not
 *   rows x cols, or a tensor is not 2-D), a length does not match d, an entry is not finite, the covariance is not symmetric positive definite, an option key is unknown, or the
 *   log-likelihood is beyond float64's range (|L| > 1.8e308: a point about 1e154 standard
 *   deviations or more from the mean, e.g. x = 1e10 under covariance 1e-300)
 * @example
 * gaussianLogLikelihood([[1, 1], [3, 1]], [2, 1], [[1, 0], [0, 1]]); // => -1
 */
export function gaussianLogLikelihood(
  rows: DataRows,
  mean: number[],
  covariance: number[][],
  options: GaussianLogLikelihoodOptions = {},
): number {
  const fn = 'gaussianLogLikelihood';
  const { values, n, d } = readRows(fn, 'rows', rows);
  assertVector(fn, 'mean', mean, d);
  const lower = assertCovariance(fn, 'covariance', covariance, d);
  assertOptions(fn, options, ['normalized']);
  const normalized = options.normalized ?? false;
  assertBoolean(fn, 'options.normalized', normalized);
  // Neumaier's compensated sum of the quadratic forms (the arithmetic of `compensatedSum`).
  const solved = new Array<number>(d);
  let sum = 0;
  let compensation = 0;
  for (let offset = 0; offset < values.length; offset += d) {
    const x = quadraticForm(lower, values, offset, mean, solved);
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
    else compensation += x - t + sum;
    sum = t;
  }
  const value = -0.5 * (Number.isFinite(sum) ? sum + compensation : sum);
  const total = normalized ? value + logNormalizer(n, d, logDeterminantFromCholesky(lower)) : value;
  if (!Number.isFinite(total)) {
    throw new RangeError(
      `${fn} requires the log-likelihood to be within float64's range (|L| <= ${Number.MAX_VALUE}), got an overflow: the rows are too many standard deviations from the mean`,
    );
  }
  return total;
}

/**
 * The same log-likelihood on TensorFlow.js tensors, for automatic differentiation (float32).
 *
 * Computes sum(-1/2 ((x - mean) P) * (x - mean)) with P = `covarianceInverse`, exactly the
 * starter code's `L(X, mu, sigma)` written with a precomputed inverse (invert once in float64, e.g. with
 * `spdInverse`, instead of every step). Differentiable in `mean` (and `x`): use it inside
 * `tf.grad` or an optimizer's `minimize`. With `{ normalized: true }` the constant
 * -n/2 (d log 2 pi - log |P|) is added (read from P once; it has zero gradient).
 *
 * Tensor shapes, dtypes (float32, or int32, cast inside) and liveness are checked; values are not
 * (checking them would force a device read). Arithmetic is float32: the result overflows to
 * -Infinity once the sum of quadratic forms passes 3.4e38.
 *
 * @param x data, shape [n, d]
 * @param mean mean, shape [d]
 * @param covarianceInverse the precision matrix Sigma^-1, shape [d, d], symmetric positive definite
 * @param options `{ normalized }` (default false)
 * @returns a scalar tensor; the caller disposes it (or calls this inside `tf.tidy`)
 * @throws {TypeError} when an argument is not a tensor, is disposed, or has a dtype other than float32/int32
 * @throws {RangeError} when a rank or shape does not match, or an option key is unknown
 * @example
 * const value = tf.tidy(() =>
 *   gaussianLogLikelihoodTensor(tf.tensor2d([[1, 1], [3, 1]]), tf.tensor1d([2, 1]), tf.eye(2) as tf.Tensor2D));
 * value.dataSync()[0]; // => -1
 * value.dispose();
 */
export function gaussianLogLikelihoodTensor(
  x: Tensor2D,
  mean: Tensor1D,
  covarianceInverse: Tensor2D,
  options: GaussianLogLikelihoodOptions = {},
): Scalar {
  const fn = 'gaussianLogLikelihoodTensor';
  assertTensor(fn, 'x', x, 2);
  assertTensor(fn, 'mean', mean, 1);
  assertTensor(fn, 'covarianceInverse', covarianceInverse, 2);
  const [n, d] = x.shape;
  if (n === 0) throw new RangeError(`${fn} requires at least one data point`);
  if (mean.shape[0] !== d) throw new RangeError(`${fn} requires mean to have shape [${d}], got [${mean.shape.join(', ')}]`);
  if (covarianceInverse.shape[0] !== d || covarianceInverse.shape[1] !== d) {
    throw new RangeError(
      `${fn} requires covarianceInverse to have shape [${d}, ${d}], got [${covarianceInverse.shape.join(', ')}]`,
    );
  }
  assertOptions(fn, options, ['normalized']);
  const normalized = options.normalized ?? false;
  assertBoolean(fn, 'options.normalized', normalized);
  let constant = 0;
  if (normalized) {
    const values = covarianceInverse.arraySync();
    const lower = choleskyOrNull(values);
    if (lower === null) throw new RangeError(`${fn} requires covarianceInverse to be symmetric positive definite`);
    constant = logNormalizer(n, d, -logDeterminantFromCholesky(lower));
  }
  return tf.tidy(() => {
    // int32 inputs are cast inside this tidy (float32 ones pass untouched: the same ops as before).
    const asFloat = <T extends Tensor>(t: T): T => (t.dtype === 'float32' ? t : (tf.cast(t, 'float32') as T));
    const diff = tf.sub(asFloat(x), asFloat(mean));
    const value = tf.mul(-0.5, tf.sum(tf.mul(tf.matMul(diff, asFloat(covarianceInverse)), diff)));
    return (constant === 0 ? value : tf.add(value, constant)) as Scalar;
  });
}

/**
 * (x - mean)^T Sigma^-1 (x - mean) = |L^-1 (x - mean)|^2 by forward substitution (internal), for
 * the row x = values[offset .. offset + d - 1]; `y` is scratch space of length d.
 * Differences are halved first when x - mean overflows; an infinite coordinate of L^-1 (x - mean)
 * makes the form Infinity (never NaN from 0 x Infinity).
 */
function quadraticForm(
  lower: number[][],
  values: Float64Array | Float32Array,
  offset: number,
  mean: number[],
  y: number[],
): number {
  const direct = solvedSquaredNorm(lower, values, offset, mean, 1, y);
  return Number.isNaN(direct) ? 4 * solvedSquaredNorm(lower, values, offset, mean, 0.5, y) : direct;
}

function solvedSquaredNorm(
  lower: number[][],
  values: Float64Array | Float32Array,
  offset: number,
  mean: number[],
  factor: number,
  y: number[],
): number {
  const d = lower.length;
  let sum = 0;
  for (let i = 0; i < d; i++) {
    let value = values[offset + i] * factor - mean[i] * factor;
    if (!Number.isFinite(value)) return NaN;
    for (let k = 0; k < i; k++) value -= lower[i][k] * y[k];
    y[i] = value / lower[i][i];
    if (!Number.isFinite(y[i])) return Infinity;
    sum += y[i] * y[i];
  }
  return sum;
}

/** -n/2 (d log(2 pi) + log |Sigma|) (internal). */
export function logNormalizer(n: number, d: number, logDeterminantCovariance: number): number {
  return (-n / 2) * (d * Math.log(2 * Math.PI) + logDeterminantCovariance);
}

function assertTensor(fn: string, arg: string, value: unknown, rank: number): void {
  if (!(value instanceof tf.Tensor)) throw new TypeError(`${fn} requires ${arg} to be a tensor, got ${describeValue(value)}`);
  if (value.isDisposed) throw new TypeError(`${fn} requires ${arg} to be a live tensor, got a disposed one`);
  if (value.dtype !== 'float32' && value.dtype !== 'int32') {
    throw new TypeError(`${fn} requires ${arg} to be a float32 or int32 tensor, got dtype ${value.dtype}`);
  }
  if (value.rank !== rank) throw new RangeError(`${fn} requires ${arg} to have rank ${rank}, got ${value.rank}`);
}
