import { assertFiniteNumber, assertPositive } from '../guards';
import type { BetaParameters } from './beta-bernoulli';

/**
 * The Beta(alpha, beta) distribution with a given mean and variance (moment matching): a way to
 * read any prior on a probability as pseudo-counts.
 *
 * A Beta(alpha, beta) prior on a coin's head probability acts like alpha heads and beta tails seen
 * before the data (the posterior adds the real counts), so alpha + beta says how many flips the
 * prior is worth. Its mean is m = alpha / (alpha + beta) and its variance m (1 - m) / (alpha + beta + 1),
 * hence alpha + beta = m (1 - m) / variance - 1, alpha = m (alpha + beta), beta = (1 - m) (alpha + beta).
 * A Beta needs variance < m (1 - m). Example: a prior with mean 0.5 and standard deviation 0.1
 * (variance 0.01) matches Beta(12, 12), worth 24 flips; the uniform prior (variance 1/12) is
 * Beta(1, 1), worth 2.
 * See https://en.wikipedia.org/wiki/Beta_distribution#Method_of_moments
 *
 * @param mean the prior mean, in (0, 1)
 * @param variance the prior variance, in (0, mean (1 - mean))
 * @returns `{ alpha, beta }`
 * @throws {TypeError} when an argument is not a number
 * @throws {RangeError} when mean is outside (0, 1) or variance outside (0, mean (1 - mean))
 * @example
 * betaMatchingMoments(0.5, 0.01); // => { alpha: 12, beta: 12 }
 * betaMatchingMoments(0.5, 1 / 12); // => { alpha: 1, beta: 1 } (up to rounding)
 */
export function betaMatchingMoments(mean: number, variance: number): BetaParameters {
  const fn = 'betaMatchingMoments';
  assertFiniteNumber(fn, 'mean', mean);
  if (!(mean > 0 && mean < 1)) throw new RangeError(`${fn} requires mean to be in (0, 1), got ${mean}`);
  assertPositive(fn, 'variance', variance);
  const limit = mean * (1 - mean);
  if (!(variance < limit)) {
    throw new RangeError(`${fn} requires variance to be below mean (1 - mean) = ${limit}, got ${variance}`);
  }
  const total = limit / variance - 1;
  return { alpha: mean * total, beta: (1 - mean) * total };
}
