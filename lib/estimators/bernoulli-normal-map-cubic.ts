import { assertFiniteNumber, assertPositive } from '../guards';
import { countFlips } from './bernoulli';

/**
 * The cubic whose root in (0, 1) is theta_MAP for a coin under a normal prior N(mean, variance).
 *
 * Setting the derivative of H log t + T log(1 - t) - (t - mean)^2 / (2 variance) to zero,
 * H/t - T/(1 - t) - (t - mean)/variance = 0, and multiplying by variance t (1 - t) > 0 gives
 * t^3 - (1 + mean) t^2 + (mean - n variance) t + H variance = 0 (n = H + T). With the starter code's
 * D (H = 3, T = 4) and variance 0.1: t^3 - 1.5 t^2 - 0.2 t + 0.3 = (t - 3/2)(t^2 - 1/5), whose
 * root in (0, 1) is 1/sqrt(5) exactly.
 *
 * @param flips the observed flips, each 0 (tail) or 1 (head)
 * @param mean the prior mean
 * @param variance the prior VARIANCE (not the standard deviation), > 0
 * @returns the coefficients [c3, c2, c1, c0] of c3 t^3 + c2 t^2 + c1 t + c0, highest power first
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when a flip is not 0 or 1, or variance is not > 0
 * @example
 * bernoulliNormalMapCubic([0, 0, 1, 1, 0, 0, 1], 0.5, 0.1); // => [1, -1.5, -0.2, 0.3] (to rounding)
 */
export function bernoulliNormalMapCubic(flips: number[], mean: number, variance: number): number[] {
  const fn = 'bernoulliNormalMapCubic';
  const { heads, tails } = countFlips(fn, flips);
  assertFiniteNumber(fn, 'mean', mean);
  assertPositive(fn, 'variance', variance);
  return [1, -(1 + mean), mean - (heads + tails) * variance, heads * variance];
}
