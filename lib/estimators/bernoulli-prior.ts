import { assertBernoulliPrior } from '../guards';
import type { BernoulliPrior } from './bernoulli-map';

/**
 * log p(theta) up to a constant, float64, for theta in (0, 1): the prior term of a coin's log posterior.
 *
 * @example
 * logPriorAt({ kind: 'normal', mean: 0.5, variance: 0.1 }, 0.5); // => 0
 */
export function logPriorAt(prior: BernoulliPrior, theta: number): number {
  if (prior.kind === 'normal') return -((theta - prior.mean) ** 2) / (2 * prior.variance);
  if (prior.kind === 'beta') return (prior.alpha - 1) * Math.log(theta) + (prior.beta - 1) * Math.log(1 - theta);
  return 0;
}

/**
 * Checks a Bernoulli prior (normal by its variance, beta, uniform) with the same messages as
 * `bernoulliMap`: the shared guard `assertBernoulliPrior`, for the argument named `prior`.
 *
 * @throws {TypeError} when prior is not an object or a parameter is not a number
 * @throws {RangeError} when the kind is unknown or a parameter is out of range
 * @example
 * validatePrior('laplaceApproximation', { kind: 'uniform' }); // passes
 */
export function validatePrior(fn: string, prior: unknown): asserts prior is BernoulliPrior {
  assertBernoulliPrior(fn, 'prior', prior);
}
