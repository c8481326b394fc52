import { assertFiniteNumber, assertPositive, describeValue } from '../guards';
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
 * Checks a Bernoulli prior (normal by its variance, beta, uniform) with the same messages as `bernoulliMap`.
 *
 * @throws {TypeError} when prior is not an object or a parameter is not a number
 * @throws {RangeError} when the kind is unknown or a parameter is out of range
 * @example
 * validatePrior('laplaceApproximation', { kind: 'uniform' }); // passes
 */
export function validatePrior(fn: string, prior: unknown): asserts prior is BernoulliPrior {
  if (typeof prior !== 'object' || prior === null || Array.isArray(prior)) {
    throw new TypeError(`${fn} requires prior to be an object, got ${describeValue(prior)}`);
  }
  const p = prior as Record<string, unknown>;
  if (p.kind === 'normal') {
    assertFiniteNumber(fn, 'prior.mean', p.mean);
    assertPositive(fn, 'prior.variance', p.variance);
  } else if (p.kind === 'beta') {
    assertPositive(fn, 'prior.alpha', p.alpha);
    assertPositive(fn, 'prior.beta', p.beta);
  } else if (p.kind !== 'uniform') {
    throw new RangeError(`${fn} requires prior.kind to be one of 'normal', 'beta', 'uniform', got ${describeValue(p.kind)}`);
  }
}
