import { assertOptions, assertPositive, describeValue } from '../guards';
import { countFlips } from './bernoulli';
import type { BetaParameters } from './beta-bernoulli';

/**
 * Posterior predictive probability that the next flips of a coin come out exactly as `future`
 * (in that order), after observing `flips`, with a Beta prior on the head probability theta.
 *
 * Bayesian prediction averages over theta instead of plugging in one estimate:
 * P(future | D) = integral theta^h (1 - theta)^t p(theta | D) d theta = E[theta^h (1 - theta)^t | D]
 * with h heads and t tails in `future`. With the posterior Beta(a, b) (a = alpha + H, b = beta + T)
 * this is the ratio of rising products
 * a (a + 1) ... (a + h - 1) · b (b + 1) ... (b + t - 1) / ((a + b) (a + b + 1) ... (a + b + h + t - 1)),
 * the chain rule read flip by flip: each predicted flip updates the Beta before the next one.
 * With the uniform prior and D = (0,0,1,1,0,0,1) (posterior Beta(4, 5)), two tails have
 * P = (5/9)(6/10) = 1/3, while the plug-in (1 - theta-hat)^2 is (4/7)^2 = 0.327 at the MLE and
 * 0.306 at the MAP of the N(0.5, 0.1) prior: averaging over theta makes runs of equal outcomes
 * more likely than any single theta does (Assignment 1.2, Theory, Task 3).
 * Computed in float64: the two products directly, or their logarithms when a product would
 * overflow (long sequences).
 * See https://en.wikipedia.org/wiki/Beta-binomial_distribution
 *
 * @param flips the observed flips, each 0 (tail) or 1 (head); may be empty (then the prior predicts)
 * @param future the flips to predict, each 0 or 1, in order; empty gives 1
 * @param prior the Beta prior's `{ alpha, beta }`, both > 0
 * @default prior { alpha: 1, beta: 1 } (the uniform prior U(0, 1))
 * @returns the probability, in (0, 1]
 * @throws {TypeError} when `flips` or `future` is not an array of numbers, or `prior` is not an object
 * @throws {RangeError} when a flip is not 0 or 1, or a prior parameter is not a positive finite number
 * @example
 * betaBernoulliPredictive([0, 0, 1, 1, 0, 0, 1], [0, 0]); // => 0.3333333333333333 (1/3)
 * betaBernoulliPredictive([0, 0, 1, 1, 0, 0, 1], [1]);    // => 0.4444444444444444 (4/9)
 */
export function betaBernoulliPredictive(
  flips: number[],
  future: number[],
  prior: BetaParameters = { alpha: 1, beta: 1 },
): number {
  const fn = 'betaBernoulliPredictive';
  const { heads, tails } = countFlips(fn, flips);
  const next = countFuture(fn, future);
  if (typeof prior !== 'object' || prior === null || Array.isArray(prior)) {
    throw new TypeError(`${fn} requires prior to be an object, got ${describeValue(prior)}`);
  }
  assertOptions(fn, prior);
  assertPositive(fn, 'prior.alpha', prior.alpha);
  assertPositive(fn, 'prior.beta', prior.beta);
  const a = prior.alpha + heads;
  const b = prior.beta + tails;
  const direct = risingProduct(a, next.heads) * risingProduct(b, next.tails);
  const total = risingProduct(a + b, next.heads + next.tails);
  if (Number.isFinite(direct) && Number.isFinite(total) && total > 0) return direct / total;
  const log =
    logRisingProduct(a, next.heads) + logRisingProduct(b, next.tails) - logRisingProduct(a + b, next.heads + next.tails);
  return Math.exp(log);
}

/** x (x + 1) ... (x + k - 1), 1 for k = 0 (internal). */
function risingProduct(x: number, k: number): number {
  let product = 1;
  for (let i = 0; i < k; i++) product *= x + i;
  return product;
}

/** log of {@link risingProduct} (internal). */
function logRisingProduct(x: number, k: number): number {
  let sum = 0;
  for (let i = 0; i < k; i++) sum += Math.log(x + i);
  return sum;
}

/** Heads and tails among the flips to predict, validated under the argument's own name (internal). */
function countFuture(fn: string, future: unknown): { heads: number; tails: number } {
  if (!Array.isArray(future)) {
    throw new TypeError(`${fn} requires future to be an array of 0s and 1s, got ${describeValue(future)}`);
  }
  let heads = 0;
  for (let i = 0; i < future.length; i++) {
    const flip: unknown = future[i];
    if (typeof flip !== 'number') throw new TypeError(`${fn} requires future[${i}] to be a number, got ${describeValue(flip)}`);
    if (flip !== 0 && flip !== 1) throw new RangeError(`${fn} requires future[${i}] to be 0 or 1, got ${describeValue(flip)}`);
    heads += flip;
  }
  return { heads, tails: future.length - heads };
}
