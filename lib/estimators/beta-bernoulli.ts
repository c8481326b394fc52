import { assertBetaParameters } from '../guards';
import { countFlips } from './bernoulli';

/** A Beta(alpha, beta) distribution's parameters. */
export interface BetaParameters {
  /** > 0; with a Bernoulli likelihood, a pseudo-count of heads. */
  alpha: number;
  /** > 0; a pseudo-count of tails. */
  beta: number;
}

/** The Beta posterior of a coin's head probability, and what it predicts: plain data. */
export interface BetaBernoulliPosterior {
  /** Posterior alpha = prior alpha + number of heads. */
  alpha: number;
  /** Posterior beta = prior beta + number of tails. */
  beta: number;
  /** Posterior mean of theta, alpha / (alpha + beta). */
  mean: number;
  /**
   * Posterior predictive probability that the next flip is a head,
   * P(x_{n+1} = 1 | D) = integral theta p(theta | D) d theta = alpha / (alpha + beta): equal to
   * `mean`, returned under its own name because it answers a different question.
   */
  predictiveHead: number;
}

/**
 * Conjugate Bayesian update of a Beta prior on a coin's head probability with observed flips.
 *
 * Beta(alpha, beta) prior times the likelihood theta^H (1 - theta)^T is proportional to
 * theta^(alpha + H - 1) (1 - theta)^(beta + T - 1), i.e. Beta(alpha + H, beta + T). With the
 * uniform prior Beta(1, 1) and the starter code's D = (0,0,1,1,0,0,1) this is Beta(4, 5) and
 * P(x_8 = 1 | D) = 4/9 (Assignment 1.2, Theory, Task 3). Laplace's rule of succession is the
 * special case (H + 1)/(n + 2). An empty `flips` returns the prior.
 * See https://en.wikipedia.org/wiki/Beta_distribution#Bayesian_inference
 *
 * @param flips the observed flips, each 0 (tail) or 1 (head)
 * @param prior the Beta prior's `{ alpha, beta }`, both > 0
 * @returns `{ alpha, beta, mean, predictiveHead }` of the posterior
 * @throws {TypeError} when `flips` is not an array of numbers or `prior` is not an object of numbers
 * @throws {RangeError} when a flip is not 0 or 1 or a prior parameter is not a positive finite number
 * @example
 * betaBernoulliPosterior([0, 0, 1, 1, 0, 0, 1]);
 * // => { alpha: 4, beta: 5, mean: 0.4444444444444444, predictiveHead: 0.4444444444444444 }
 */
export function betaBernoulliPosterior(flips: number[], prior: BetaParameters = { alpha: 1, beta: 1 }): BetaBernoulliPosterior {
  const fn = 'betaBernoulliPosterior';
  const { heads, tails } = countFlips(fn, flips);
  assertBetaParameters(fn, 'prior', prior);
  const alpha = prior.alpha + heads;
  const beta = prior.beta + tails;
  const total = alpha + beta;
  // When alpha + beta overflows (1e308 each), scale both by the larger first: the mean is then 0.5, not 0.
  const scale = Math.max(alpha, beta);
  const mean = Number.isFinite(total) ? alpha / total : alpha / scale / (alpha / scale + beta / scale);
  return { alpha, beta, mean, predictiveHead: mean };
}
