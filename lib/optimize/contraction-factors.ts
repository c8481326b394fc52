import {
  assertCovariance,
  assertFiniteNumber,
  assertOneOf,
  assertOptions,
  assertPositive,
  assertVector,
  describeValue,
} from '../guards';
import { spdInverse } from '../linalg/spd-inverse';
import { symmetricEigen } from '../linalg/symmetric-eigen';
import { STEP_RULES } from './second-order-ascent';
import type { StepRule } from './second-order-ascent';

/** Options of `contractionFactors`: which step rule made the path, and with which rate. */
export interface ContractionFactorsOptions {
  /**
   * The step rule of the run, for the prediction.
   * @default 'gradient'
   */
  method?: StepRule;
  /** The run's learning rate, > 0 (required: the prediction depends on it). */
  learningRate: number;
  /**
   * Steps count only while the error's component along a direction is above this fraction of
   * the starting error's length: below it, float32 rounding of the iterates dominates the ratio.
   * @default 1e-3
   */
  threshold?: number;
}

/** Predicted and measured contraction along one eigenvector of Sigma^-1: plain data. */
export interface DirectionContraction {
  /** The eigenvalue lambda of Sigma^-1 (the curvature of L / n along `direction`). */
  eigenvalue: number;
  /** The unit eigenvector of Sigma^-1 (sign as in `symmetricEigen`). */
  direction: number[];
  /**
   * The factor theory predicts per step: |1 - lr n lambda| for 'gradient', |1 - lr| for Newton and
   * the natural gradient (lr = 1: 0, one step).
   */
  predicted: number;
  /**
   * The factor observed: the geometric mean of |c_{t+1} / c_t| over the counted steps, where c_t is
   * the error path[t] - optimum projected on `direction`; null when no step counts (the start
   * had no component along it).
   */
  measured: number | null;
  /** How many steps the measurement averages. */
  stepsUsed: number;
}

/**
 * Per-direction contraction of an ascent run on the Gaussian-mean log-likelihood, measured on
 * its path and predicted by theory, one entry per eigenvector of Sigma^-1 (smallest eigenvalue
 * first).
 *
 * L is quadratic, so the error e_t = mu_t - x-bar obeys e_{t+1} = (I - lr n Sigma^-1) e_t under
 * plain ascent: along the k-th eigenvector it is multiplied by 1 - lr n lambda_k each step,
 * independently of the other directions. Projecting the path's errors on the eigenvectors
 * measures that factor; with an ill-conditioned Sigma the flat direction (small lambda) contracts
 * slowly while the steep one bounds the rate. Newton and the natural gradient multiply every
 * direction by 1 - lr.
 *
 * @param path the iterates of a run, path[0] the start, each of length d
 * @param optimum the point the run converges to (the sample mean), length d
 * @param n the number of data points the run's L sums over
 * @param covariance the known covariance Sigma, d x d symmetric positive definite
 * @param options see {@link ContractionFactorsOptions}
 * @returns one {@link DirectionContraction} per eigenvector of Sigma^-1, smallest eigenvalue first
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when shapes disagree, n is not a positive integer or an option is out of range
 * @example
 * const factors = contractionFactors(run.path, sampleMean, 1000, [[10, 0], [0, 0.5]], { learningRate: 1e-3 });
 * factors.map((f) => f.predicted); // => [0.9, 1] (|1 - 1e-3 * 1000 * 0.1|, |1 - 1e-3 * 1000 * 2|)
 */
export function contractionFactors(
  path: number[][],
  optimum: number[],
  n: number,
  covariance: number[][],
  options: ContractionFactorsOptions,
): DirectionContraction[] {
  const fn = 'contractionFactors';
  if (!Array.isArray(path)) throw new TypeError(`${fn} requires path to be an array of points, got ${describeValue(path)}`);
  if (path.length < 2) throw new RangeError(`${fn} requires path to have at least 2 points, got ${path.length}`);
  if (!Array.isArray(optimum))
    throw new TypeError(`${fn} requires optimum to be an array of numbers, got ${describeValue(optimum)}`);
  const d = optimum.length;
  assertVector(fn, 'optimum', optimum, d);
  path.forEach((point, t) => assertVector(fn, `path[${t}]`, point, d));
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`${fn} requires n to be a positive integer, got ${describeValue(n)}`);
  assertCovariance(fn, 'covariance', covariance, d);
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`${fn} requires options to be an object, got ${describeValue(options)}`);
  assertOptions(fn, options);
  const method = options.method ?? 'gradient';
  assertOneOf(fn, 'options.method', method, STEP_RULES);
  assertPositive(fn, 'options.learningRate', options.learningRate);
  const threshold = options.threshold ?? 1e-3;
  assertFiniteNumber(fn, 'options.threshold', threshold);
  if (threshold < 0) throw new RangeError(`${fn} requires options.threshold to be non-negative, got ${threshold}`);

  const { values, vectors } = symmetricEigen(spdInverse(covariance));
  const errors = path.map((point) => point.map((x, j) => x - optimum[j]));
  const floor = threshold * Math.hypot(...errors[0]);
  return values.map((eigenvalue, k) => {
    const direction = vectors[k];
    const components = errors.map((e) => e.reduce((s, x, j) => s + x * direction[j], 0));
    let logSum = 0;
    let stepsUsed = 0;
    let reachedZero = false;
    for (let t = 0; t + 1 < components.length && Math.abs(components[t]) > floor && floor > 0; t++) {
      const ratio = Math.abs(components[t + 1] / components[t]);
      if (ratio === 0) reachedZero = true;
      else logSum += Math.log(ratio);
      stepsUsed += 1;
    }
    const measured = stepsUsed === 0 ? null : reachedZero ? 0 : Math.exp(logSum / stepsUsed);
    const rate = options.learningRate;
    const predicted = method === 'gradient' ? Math.abs(1 - rate * n * eigenvalue) : Math.abs(1 - rate);
    return { eigenvalue, direction, predicted, measured, stepsUsed };
  });
}
