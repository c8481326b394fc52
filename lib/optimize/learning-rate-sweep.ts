import {
  assertCovariance,
  assertFiniteArray,
  assertInteger,
  assertOneOf,
  assertOptions,
  assertPositive,
  assertVector,
  describeValue,
} from '../guards';
import { readRows } from '../data/dense-rows';
import type { DataRows } from '../data/dense-rows';
import { momentsOfRows } from '../estimators/multivariate-gaussian';
import { fitGaussianMean, OPTIMIZER_NAMES } from './fit-gaussian-mean';
import type { OptimizerName } from './fit-gaussian-mean';
import type { Objective } from './learning-rate-bound';

/** Options of {@link learningRateSweep}. */
export interface LearningRateSweepOptions {
  /** The learning rates to try, each > 0 (a log-spaced grid shows robustness best). */
  learningRates: number[];
  /**
   * The optimizers to compare, each an `OptimizerName` of `fitGaussianMean`.
   * @default every name in `OPTIMIZER_NAMES`
   */
  optimizers?: readonly OptimizerName[];
  /**
   * Where every run starts, length d.
   * @default zeros
   */
  init?: number[];
  /**
   * 'mean' (L / n, rates that do not depend on n) or 'sum' (the assignment's L).
   * @default 'mean'
   */
  objective?: Objective;
  /**
   * Step cap per run, a positive integer: a run that has not reached the target by then counts as
   * not reached (`steps: null`).
   * @default 500
   */
  maxSteps?: number;
  /**
   * Euclidean distance to the sample mean that counts as reached, > 0.
   * @default 1e-3
   */
  tolerance?: number;
  /**
   * How many consecutive iterates must lie within `tolerance` before a run stops early and counts
   * as reached (so that an overshooting method that merely passes through the target does not
   * count), a positive integer. A run that ends by its cap inside the target also counts.
   * @default 10
   */
  settleSteps?: number;
  /**
   * How each run's steps get their gradient (`FitGaussianMeanOptions.gradient`): 'autodiff', or
   * 'sufficient-statistics' (the same update from n and x-bar, O(d^2) per step: a sweep of many
   * rates and hundreds of steps then costs milliseconds; paths agree to float32 rounding).
   * @default 'autodiff'
   */
  gradient?: 'autodiff' | 'sufficient-statistics';
}

/** One cell of the sweep: plain data. */
export interface LearningRateSweepRun {
  /** The optimizer of this run. */
  optimizer: OptimizerName;
  /** Its learning rate. */
  learningRate: number;
  /**
   * Steps to tolerance: the first step from which the iterate stayed within `tolerance` of the
   * sample mean until the run stopped; `null` when it was not reached.
   */
  steps: number | null;
  /**
   * 'reached'; 'max-steps' (not within tolerance at the cap); 'diverged' (fitGaussianMean
   * reported a blow-up).
   */
  status: 'reached' | 'max-steps' | 'diverged';
  /** Optimizer steps actually run (the cost of this cell). */
  stepsRun: number;
}

const DEFAULTS = { objective: 'mean' as Objective, maxSteps: 500, tolerance: 1e-3, settleSteps: 10 };

/** Thrown from onProgress to end a run early once it has settled (internal). */
class Settled extends Error {}

/**
 * Steps-to-tolerance of every optimizer at every learning rate: the robustness of each
 * TensorFlow.js optimizer to its rate, on the Gaussian-mean problem of Praxis Task 2.
 *
 * Each cell runs `fitGaussianMean` (the real `tf.train` optimizer, autodiff gradient, float32)
 * from the same start and counts the steps until the iterate enters a ball of radius `tolerance`
 * around the sample mean (the closed-form MLE) and stays there for `settleSteps` steps, where the
 * run is cut short to save time. Plotting steps against log(learning rate) per optimizer shows
 * both the best rate of each method and how wide the window of good rates is: for plain gradient
 * ascent the window ends sharply at 2 / curvatureMax, for the adaptive methods it is wide.
 *
 * Every run gets the data as the caller passed them (a tensor is used as it is, never disposed;
 * other forms are uploaded once per run, as `fitGaussianMean` does).
 *
 * @param rows the data, n rows of length d: an array of rows, a `DenseRows` or a float32
 *   `tf.Tensor2D` [n, d]; entries within float32's range (|x| <= 3.4e38, as `fitGaussianMean`)
 * @param covariance the known d x d covariance, symmetric positive definite
 * @param options see {@link LearningRateSweepOptions}; `learningRates` is required
 * @returns one run per (optimizer, learning rate), optimizers in the given order, rates in the given order
 * @throws {TypeError} when an argument or option has the wrong type (including data in none of
 *   the three forms, a disposed or non-float32 tensor)
 * @throws {RangeError} when the data or covariance are invalid, or an option is out of range
 * @example
 * const rows = sampleMultivariateNormal(1000, [1, 1], [[1, 0], [0, 1]], { seed: 0 });
 * learningRateSweep(rows, [[1, 0], [0, 1]], { learningRates: [1], optimizers: ['gradient-ascent'] });
 * // => [{ optimizer: 'gradient-ascent', learningRate: 1, steps: 1, status: 'reached', stepsRun: 10 }]
 */
export function learningRateSweep(
  rows: DataRows,
  covariance: number[][],
  options: LearningRateSweepOptions,
): LearningRateSweepRun[] {
  const fn = 'learningRateSweep';
  const matrix = readRows(fn, 'rows', rows);
  const { d } = matrix;
  assertCovariance(fn, 'covariance', covariance, d);
  if (options === null || typeof options !== 'object')
    throw new TypeError(`${fn} requires options to be an object, got ${describeValue(options)}`);
  assertOptions(fn, options, [
    'learningRates',
    'optimizers',
    'init',
    'objective',
    'maxSteps',
    'tolerance',
    'settleSteps',
    'gradient',
  ]);
  assertFiniteArray(fn, 'options.learningRates', options.learningRates);
  options.learningRates.forEach((rate, i) => assertPositive(fn, `options.learningRates[${i}]`, rate));
  const optimizers = options.optimizers ?? OPTIMIZER_NAMES;
  if (!Array.isArray(optimizers) || optimizers.length === 0) {
    throw new TypeError(`${fn} requires options.optimizers to be a non-empty array, got ${describeValue(optimizers)}`);
  }
  optimizers.forEach((name, i) => assertOneOf(fn, `options.optimizers[${i}]`, name, OPTIMIZER_NAMES));
  const maxSteps = options.maxSteps ?? DEFAULTS.maxSteps;
  assertInteger(fn, 'options.maxSteps', maxSteps);
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  assertPositive(fn, 'options.tolerance', tolerance);
  const settleSteps = options.settleSteps ?? DEFAULTS.settleSteps;
  assertInteger(fn, 'options.settleSteps', settleSteps);
  const objective = options.objective ?? DEFAULTS.objective;
  assertOneOf(fn, 'options.objective', objective, ['sum', 'mean'] as const);
  const init = options.init ?? new Array<number>(d).fill(0);
  assertVector(fn, 'options.init', init, d);
  const gradient = options.gradient ?? 'autodiff';
  assertOneOf(fn, 'options.gradient', gradient, ['autodiff', 'sufficient-statistics'] as const);
  const target = momentsOfRows(matrix).mean;
  const within = (point: number[]) => Math.hypot(...point.map((v, j) => v - target[j])) <= tolerance;

  const runs: LearningRateSweepRun[] = [];
  for (const optimizer of optimizers) {
    for (const learningRate of options.learningRates) {
      let entered: number | null = within(init) ? 0 : null;
      let stepsRun = 0;
      const onProgress = (step: number, mean: number[]) => {
        stepsRun = step;
        if (!within(mean)) entered = null;
        else if (entered === null) entered = step;
        if (entered !== null && step - entered + 1 >= settleSteps) throw new Settled();
      };
      let status: LearningRateSweepRun['status'];
      try {
        const fit = fitGaussianMean(rows, covariance, {
          optimizer,
          learningRate,
          objective,
          maxSteps,
          tolerance: 0,
          init,
          onProgress,
          gradient,
        });
        stepsRun = fit.steps;
        // tolerance 0: the fit never stops as 'converged'; it ends at the cap or on a blow-up.
        status = fit.status === 'diverged' ? 'diverged' : entered !== null ? 'reached' : 'max-steps';
      } catch (error) {
        if (!(error instanceof Settled)) throw error;
        status = 'reached';
      }
      runs.push({ optimizer, learningRate, steps: status === 'reached' ? entered : null, status, stepsRun });
    }
  }
  return runs;
}
