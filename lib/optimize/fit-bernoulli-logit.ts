import type { Scalar, Tensor, Variable } from '@tensorflow/tfjs';
import { tf } from '../backend';
import { assertFiniteNumber, assertInteger, assertOneOf, assertOptions, assertPositive } from '../guards';
import { countFlips } from '../estimators/bernoulli';
import type { BernoulliPrior } from '../estimators/bernoulli-map';
import { logPriorAt, validatePrior } from '../estimators/bernoulli-prior';
import type { FitStatus } from './fit-gaussian-mean';

/** Options of `fitBernoulliLogit`. */
export interface FitBernoulliLogitOptions {
  /**
   * Step size of plain gradient ascent on eta = logit(theta), > 0. The curvature in eta is about
   * n theta (1 - theta) <= n / 4 plus the prior's share, so lr well below 8 / n is stable.
   * @default 0.5
   */
  learningRate?: number;
  /**
   * Maximum number of steps, a positive integer.
   * @default 1000
   */
  maxSteps?: number;
  /**
   * Converged when two consecutive steps changed eta by less than this (>= 0).
   * @default 1e-6
   */
  tolerance?: number;
  /**
   * Starting theta, in (0, 1).
   * @default 0.5 (eta = 0)
   */
  init?: number;
  /**
   * Whose mode to find. 'theta': the posterior density of theta, written in eta without the
   * Jacobian, so the argmax is theta_MAP exactly (what `bernoulliMap` returns). 'logit': the
   * posterior density of eta itself, which carries the Jacobian dtheta/deta = theta (1 - theta):
   * a different point (for a Beta(a, b) posterior, theta = a / (a + b), the posterior MEAN).
   * @default 'theta'
   */
  density?: 'theta' | 'logit';
}

/** The outcome of `fitBernoulliLogit`: plain data. */
export interface FitBernoulliLogitResult {
  /** The final theta = sigmoid(eta), in (0, 1). */
  theta: number;
  /** The final eta = logit(theta). */
  logit: number;
  /** thetas[s] = theta after s steps; thetas[0] = init. */
  thetas: number[];
  /**
   * logPosteriors[s] = H log theta + T log(1 - theta) + log prior(theta) at thetas[s] (unnormalised,
   * float64; the objective of density 'theta').
   */
  logPosteriors: number[];
  /** Steps taken. */
  steps: number;
  /** 'converged', 'max-steps' or 'diverged' (eta or the objective non-finite). */
  status: FitStatus;
}

const DEFAULTS = { learningRate: 0.5, maxSteps: 1000, tolerance: 1e-6, init: 0.5, density: 'theta' as 'theta' | 'logit' };

/**
 * theta_MAP of a coin by gradient ascent on the logit eta = log(theta / (1 - theta)), with
 * TensorFlow.js automatic differentiation: the Bernoulli model of Assignment 1.2's theory part,
 * solved the way the praxis part solves the Gaussian.
 *
 * theta lives in [0, 1]; a plain gradient step can leave it. eta ranges over all reals and
 * theta = sigmoid(eta) is always inside, so ascent on eta needs no projection or clipping. The
 * objective is log p(theta | D) + const = H log theta + T log(1 - theta) + log p(theta), with
 * log theta = -softplus(-eta) and log(1 - theta) = -softplus(eta) (no log of a rounded 0). A
 * change of variable moves no maximiser of a FUNCTION, so the argmax over eta maps to theta_MAP;
 * a density picks up a Jacobian, which option `density: 'logit'` adds to show the difference.
 * float32: expect theta to about 1e-6 of the float64 `bernoulliMap`.
 *
 * A MAP on the boundary (all flips the same under a uniform prior) sits at eta = +-infinity:
 * ascent then walks outwards until `maxSteps` ('max-steps').
 *
 * @param flips the observed flips, each 0 (tail) or 1 (head)
 * @param prior `{ kind: 'normal', mean, variance }` (variance, not standard deviation),
 *   `{ kind: 'beta', alpha, beta }` or `{ kind: 'uniform' }`
 * @param options see {@link FitBernoulliLogitOptions}
 * @returns `{ theta, logit, thetas, logPosteriors, steps, status }`
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when a flip is not 0 or 1, a prior parameter or an option is out of range
 * @example
 * const fit = fitBernoulliLogit([0, 0, 1, 1, 0, 0, 1], { kind: 'normal', mean: 0.5, variance: 0.1 });
 * fit.theta; // => 0.447214 (float32; bernoulliMap gives 1/sqrt(5) = 0.4472135955)
 */
export function fitBernoulliLogit(
  flips: number[],
  prior: BernoulliPrior,
  options: FitBernoulliLogitOptions = {},
): FitBernoulliLogitResult {
  const fn = 'fitBernoulliLogit';
  const { heads, tails } = countFlips(fn, flips);
  validatePrior(fn, prior);
  assertOptions(fn, options);
  const learningRate = options.learningRate ?? DEFAULTS.learningRate;
  assertPositive(fn, 'options.learningRate', learningRate);
  const maxSteps = options.maxSteps ?? DEFAULTS.maxSteps;
  assertInteger(fn, 'options.maxSteps', maxSteps);
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  assertFiniteNumber(fn, 'options.tolerance', tolerance);
  if (tolerance < 0) throw new RangeError(`${fn} requires options.tolerance to be non-negative, got ${tolerance}`);
  const init = options.init ?? DEFAULTS.init;
  assertFiniteNumber(fn, 'options.init', init);
  if (!(init > 0 && init < 1)) throw new RangeError(`${fn} requires options.init to be in (0, 1), got ${init}`);
  const density = options.density ?? DEFAULTS.density;
  assertOneOf(fn, 'options.density', density, ['theta', 'logit'] as const);

  const logPosterior = (theta: number) =>
    (heads > 0 ? heads * Math.log(theta) : 0) + (tails > 0 ? tails * Math.log(1 - theta) : 0) + logPriorAt(prior, theta);
  const thetas = [init];
  const logPosteriors = [logPosterior(init)];
  let eta = Math.log(init / (1 - init));
  let status: FitStatus = 'max-steps';
  let steps = 0;
  let smallSteps = 0;
  let variable: Variable | null = null;
  const optimizer = tf.train.sgd(learningRate);
  try {
    variable = tf.tidy(() => tf.variable(tf.scalar(eta, 'float32'), true, undefined, 'float32'));
    const v = variable;
    for (let step = 1; step <= maxSteps; step++) {
      tf.tidy(() => {
        optimizer.minimize(() => tf.neg(objectiveTensor(v, heads, tails, prior, density)) as Scalar, false, [v]);
      });
      const next = v.dataSync()[0];
      steps = step;
      const theta = 1 / (1 + Math.exp(-next));
      const value = logPosterior(theta);
      if (!Number.isFinite(next) || !Number.isFinite(value) || !(theta > 0 && theta < 1)) {
        status = 'diverged';
        break;
      }
      const change = Math.abs(next - eta);
      eta = next;
      thetas.push(theta);
      logPosteriors.push(value);
      smallSteps = change < tolerance ? smallSteps + 1 : 0;
      if (smallSteps >= 2) {
        status = 'converged';
        break;
      }
    }
  } finally {
    optimizer.dispose();
    variable?.dispose();
  }
  const theta = thetas[thetas.length - 1];
  return { theta, logit: Math.log(theta / (1 - theta)), thetas, logPosteriors, steps, status };
}

/** The objective on tensors: H log sigmoid(eta) + T log(1 - sigmoid(eta)) + log prior (+ Jacobian). */
function objectiveTensor(eta: Tensor, heads: number, tails: number, prior: BernoulliPrior, density: 'theta' | 'logit'): Scalar {
  const logTheta = tf.neg(tf.softplus(tf.neg(eta)));
  const logOneMinus = tf.neg(tf.softplus(eta));
  let value: Tensor = tf.add(tf.mul(heads, logTheta), tf.mul(tails, logOneMinus));
  if (prior.kind === 'normal') {
    const theta = tf.sigmoid(eta);
    value = tf.sub(value, tf.div(tf.square(tf.sub(theta, prior.mean)), 2 * prior.variance));
  } else if (prior.kind === 'beta') {
    value = tf.add(value, tf.add(tf.mul(prior.alpha - 1, logTheta), tf.mul(prior.beta - 1, logOneMinus)));
  }
  if (density === 'logit') value = tf.add(value, tf.add(logTheta, logOneMinus));
  return value as Scalar;
}
