import { assertFiniteArray } from '../guards';
import { compensatedSum } from '../numeric/compensated-sum';
import { powerOfTwoScale } from '../numeric/power-of-two-scale';
import { gaussianMle } from './gaussian';

/** Maximum-likelihood estimate of a straight line with Gaussian noise: plain data. */
export interface LinearRegressionEstimate {
  /** The slope a-hat = sum (x_i - x-bar)(y_i - y-bar) / sum (x_i - x-bar)^2. */
  slope: number;
  /** The intercept b-hat = y-bar - a-hat x-bar. */
  intercept: number;
  /** The MLE noise variance sigma^2-hat = (1/n) sum (y_i - (b-hat + a-hat x_i))^2 (divides by n, not n - 2). */
  noiseVariance: number;
}

/**
 * Maximum-likelihood fit of the model y_i = a x_i + b + eps_i with i.i.d. eps_i ~ N(0, sigma^2),
 * in float64 (Assignment 1.2, Theory, Task 2: a -> `slope`, b -> `intercept`, sigma^2 -> `noiseVariance`).
 *
 * Maximising the Gaussian log-likelihood over a and b is least squares, so slope and intercept
 * are the ordinary least-squares line; maximising over sigma^2 then gives the mean squared
 * residual with divisor n (the MLE, biased low; the unbiased estimate divides by n - 2).
 *
 * @param xs the inputs, finite numbers, not all equal (any float64 magnitude: data near 1e308 or
 *   1e-200 are scaled by powers of two first)
 * @param ys the outputs, finite numbers, as many as `xs`
 * @returns `{ slope, intercept, noiseVariance }`
 * @throws {TypeError} when `xs` or `ys` is not an array of numbers
 * @throws {RangeError} when they are empty, differ in length, hold a non-finite value, all `xs` are
 *   equal, or a result is beyond float64's range
 * @example
 * linearRegressionMle([0, 1, 2, 3], [1, 3, 5, 7]); // => { slope: 2, intercept: 1, noiseVariance: 0 }
 */
export function linearRegressionMle(xs: number[], ys: number[]): LinearRegressionEstimate {
  const fn = 'linearRegressionMle';
  assertFiniteArray(fn, 'xs', xs);
  assertFiniteArray(fn, 'ys', ys);
  if (xs.length !== ys.length) {
    throw new RangeError(`${fn} requires xs and ys to have the same length, got ${xs.length} and ${ys.length}`);
  }
  const xScale = powerOfTwoScale(xs);
  const yScale = powerOfTwoScale(ys);
  if (xScale === 1 && yScale === 1) return leastSquares(fn, xs, ys);
  // Near overflow or underflow (x near 1e-160 squares to a subnormal): fit x / sx and y / sy
  // (exact powers of two), then scale back: slope x sy / sx, intercept x sy, noise x sy^2.
  const scaled = leastSquares(
    fn,
    xs.map((v) => v / xScale),
    ys.map((v) => v / yScale),
  );
  const estimate = {
    slope: (scaled.slope * yScale) / xScale,
    intercept: scaled.intercept * yScale,
    noiseVariance: scaled.noiseVariance * yScale * yScale,
  };
  for (const [name, value] of Object.entries(estimate)) {
    if (!Number.isFinite(value)) {
      throw new RangeError(
        `${fn} requires the ${name} to be within float64's range (|v| <= ${Number.MAX_VALUE}), got an overflow`,
      );
    }
  }
  return estimate;
}

/** Least squares on data whose squares stay in range (internal). */
function leastSquares(fn: string, xs: number[], ys: number[]): LinearRegressionEstimate {
  const n = xs.length;
  const x = gaussianMle(xs);
  const y = gaussianMle(ys);
  if (x.variance === 0 || xs.every((v) => v === xs[0])) {
    throw new RangeError(`${fn} requires xs to vary, got all values equal to ${xs[0]}`);
  }
  const dx = xs.map((v) => v - x.mean);
  const dy = ys.map((v) => v - y.mean);
  const sxy = compensatedSum(dx.map((v, i) => v * dy[i]));
  const sxx = compensatedSum(dx.map((v) => v * v));
  const slope = sxy / sxx;
  const intercept = y.mean - slope * x.mean;
  const residuals = ys.map((v, i) => v - (intercept + slope * xs[i]));
  const noiseVariance = compensatedSum(residuals.map((r) => r * r)) / n;
  return { slope, intercept, noiseVariance };
}
