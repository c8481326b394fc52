import { assertFiniteArray } from '../guards';
import { compensatedSum } from '../numeric/compensated-sum';
import { powerOfTwoScale } from '../numeric/power-of-two-scale';

/** Maximum-likelihood estimate of a univariate Gaussian: plain data. */
export interface GaussianEstimate {
  /** The sample mean, (1/n) sum x_i (the assignment's mu-hat). */
  mean: number;
  /** The MLE variance, (1/n) sum (x_i - mean)^2: divides by n, not n - 1 (the assignment's sigma^2-hat). */
  variance: number;
}

/**
 * Maximum-likelihood estimate of the mean and variance of a univariate Gaussian, in float64.
 *
 * For i.i.d. x_i ~ N(mu, sigma^2) the log-likelihood is maximised by
 * mu-hat = (1/n) sum x_i and sigma^2-hat = (1/n) sum (x_i - mu-hat)^2 (Assignment 1.2, Theory,
 * Task 1). Note the divisor n: the MLE variance is biased low by a factor (n - 1)/n; it is not the
 * "sample variance" with Bessel's correction.
 *
 * Computed with the corrected two-pass algorithm (a compensated mean, then centred squares minus
 * the squared sum of centred values / n), which stays accurate when the mean is large compared
 * with the spread. See https://en.wikipedia.org/wiki/Algorithms_for_calculating_variance
 *
 * @param xs the observations, at least one finite number (any float64; values near 1e308 or
 *   1e-160 are scaled by a power of two first, so nothing overflows or underflows on the way)
 * @returns `{ mean, variance }`; `variance` is 0 for a single point
 * @throws {TypeError} when `xs` is not an array of numbers
 * @throws {RangeError} when `xs` is empty or holds NaN or an infinity, or the variance itself is
 *   beyond float64's range (e.g. values +-1e200: variance 1e400)
 * @example
 * gaussianMle([1, 2, 3, 4]); // => { mean: 2.5, variance: 1.25 }
 */
export function gaussianMle(xs: number[]): GaussianEstimate {
  assertFiniteArray('gaussianMle', 'xs', xs);
  const scale = powerOfTwoScale(xs);
  if (scale === 1) return twoPass(xs);
  // Near overflow (1e308, 1e200) or underflow (1e-160): work on xs / s, an exact power of two.
  const scaled = twoPass(xs.map((x) => x / scale));
  const variance = scaled.variance * scale * scale;
  if (!Number.isFinite(variance)) {
    throw new RangeError(
      `gaussianMle requires the variance of xs to be within float64's range (<= ${Number.MAX_VALUE}), got a spread of about ${Math.sqrt(scaled.variance) * scale}`,
    );
  }
  return { mean: scaled.mean * scale, variance };
}

/** The corrected two-pass mean and variance (internal; no scaling). */
function twoPass(xs: number[]): GaussianEstimate {
  const n = xs.length;
  const roughMean = compensatedSum(xs) / n;
  const centred = xs.map((x) => x - roughMean);
  const centredSum = compensatedSum(centred);
  const mean = roughMean + centredSum / n;
  const squares = compensatedSum(centred.map((c) => c * c));
  const variance = Math.max(0, (squares - (centredSum * centredSum) / n) / n);
  return { mean, variance };
}
