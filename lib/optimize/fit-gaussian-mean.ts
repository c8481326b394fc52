import {
  assertCovariance,
  assertFiniteNumber,
  assertFloat32Normal,
  assertFloat32Range,
  assertInteger,
  assertOneOf,
  assertOptions,
  assertPositive,
  assertVector,
  describeValue,
} from '../guards';
import { assertRowsFloat32Range, readRows } from '../data/dense-rows';
import type { DataRows, RowMatrix } from '../data/dense-rows';
import { fullDataLogLikelihood } from '../likelihood/full-data-log-likelihood';
import type { FullDataLogLikelihood } from '../likelihood/full-data-log-likelihood';
import { inverseFromCholesky } from '../linalg/spd-inverse';
import { createUniformGenerator } from '../random/seeded-uniform';
import { drawIndices } from '../random/sample-without-replacement';
import { createAutodiffStep } from './gaussian-mean-autodiff-step';
import { createUpdateRule } from './update-rule';
import { OBJECTIVES, OPTIMIZER_NAMES } from './types';
import type { FitStatus, Objective, OptimizerName } from './types';

export type { FitStatus, OptimizerName } from './types';
export { OPTIMIZER_NAMES } from './types';

/** Options of `fitGaussianMean`. */
export interface FitGaussianMeanOptions {
  /**
   * The update rule, each a TensorFlow.js optimizer: 'gradient-ascent' = `tf.train.sgd(lr)`,
   * 'momentum' = `tf.train.momentum(lr, 0.9)`, 'nesterov' = `tf.train.momentum(lr, 0.9, true)`,
   * 'adagrad', 'adadelta', 'rmsprop', 'adam', 'adamax' = `tf.train.<name>(lr)` with tfjs defaults.
   * Note: with tfjs 4.22, 'adadelta' follows exactly the path of 'gradient-ascent' at the same
   * rate: its update divides by the PREVIOUS gradient accumulator (not the updated one); both
   * accumulators start at zero and then receive the same squares, so their ratio stays 1 and every
   * step is lr x gradient. It is no adaptive method here.
   * @default 'gradient-ascent'
   */
  optimizer?: OptimizerName;
  /**
   * Step size, > 0 and within float32's normal range [1.1754943508222875e-38, 3.4028234663852886e38]
   * (a smaller rate would become 0 or lose its bits in the float32 update). For 'gradient-ascent' it must stay below `learningRateBound(...).stable`
   * (2 / (n lambda_max(Sigma^-1)) for 'sum'). Adaptive optimizers (adam, adamax, rmsprop,
   * adagrad) move about `learningRate` per step whatever the gradient's scale.
   * @default 1e-4 with objective 'sum' (the starter code's), 0.1 with objective 'mean'
   */
  learningRate?: number;
  /**
   * Maximum number of optimizer steps, a positive integer.
   * @default 1000
   */
  maxSteps?: number;
  /**
   * Converged when, in two consecutive steps, the largest absolute change of a mean coordinate
   * is below this (two, because momentum methods briefly stand still where they turn round) (>= 0; 0 never converges early, so the fit runs `maxSteps` unless it diverges). Noisy
   * mini-batch steps rarely get this small: expect 'max-steps' there.
   * @default 1e-6
   */
  tolerance?: number;
  /**
   * Starting mean, length d, entries within float32's range (|x| <= 3.4e38).
   * @default zeros (the starter code's mu_0 = (0, 0))
   */
  init?: number[];
  /**
   * Points per step, an integer in [1, n]. Below n, each step draws a fresh batch without
   * replacement from one generator seeded by `seed` (the starter code's `get_random_batch`).
   * @default n (full-batch)
   */
  batchSize?: number;
  /**
   * Seed of the mini-batch draws (a non-negative integer); unused when batchSize = n.
   * @default 0
   */
  seed?: number;
  /**
   * 'sum': maximise the starter code's L over the batch (the gradient grows with the batch size, so a
   * fixed rate makes small batches crawl and large ones overshoot); 'mean': maximise L / k, whose
   * gradient scale does not depend on k (then use a rate about n times larger).
   * @default 'sum'
   */
  objective?: Objective;
  /**
   * 'ascent' maximises the log-likelihood by minimising its negative with the tfjs optimizer.
   * 'descent' minimises the log-likelihood itself: the slip of the starter code's Adam code
   * (`likelihood.backward(); optimizer.step()`), which walks the mean AWAY from the data. Offered
   * so a notebook can reproduce and explain it; the status is then usually 'max-steps' or 'diverged'.
   * @default 'ascent'
   */
  direction?: 'ascent' | 'descent';
  /**
   * Called after every `progressEvery`-th step with the step number (1-based), a copy of the
   * current mean and the full-data log-likelihood there (float64). A throw aborts the fit
   * (tensors are still freed).
   * @default undefined (no callback)
   */
  onProgress?: (step: number, mean: number[], logLikelihood: number) => void;
  /**
   * How many steps between `onProgress` calls, a positive integer.
   * @default 1
   */
  progressEvery?: number;
  /**
   * How each step gets its gradient. 'autodiff': TensorFlow.js differentiates the starter code's L
   * on the (mini-)batch as tensors, float32, and the tfjs optimizer updates mu (Tasks 1-3 as
   * written). 'sufficient-statistics': the gradient in closed form, dL/dmu = k P (x-bar_batch - mu)
   * with P = Sigma^-1, from the sample mean of the batch; for the full batch x-bar comes from the one
   * pass over the data that the fit makes anyway, so after it every step costs O(d^2), whatever n
   * (a mini-batch step sums its k rows, O(k d)). The update follows the same optimizer formula for
   * formula (`createUpdateRule`), in float64 plain JavaScript with no tensors: the path agrees with
   * 'autodiff' to float32 precision, not bit for bit, and batchLogLikelihoods are float64.
   * @default 'autodiff'
   */
  gradient?: 'autodiff' | 'sufficient-statistics';
}

/** The outcome of `fitGaussianMean`: plain data, finite numbers only. */
export interface FitGaussianMeanResult {
  /** The final mean (the last point of `path`). */
  mean: number[];
  /** Every iterate, starting with `init`: path[0] = init, path[s] = the mean after s steps. */
  path: number[][];
  /**
   * logLikelihoods[i] = the starter code's L at path[i] on the FULL data (sum over all n points, no
   * normalising constant), in float64: comparable across batch sizes and objectives.
   */
  logLikelihoods: number[];
  /**
   * batchLogLikelihoods[i] = the objective the optimizer saw at step i + 1, evaluated at path[i]
   * on that step's batch (L_batch for 'sum', L_batch / k for 'mean'; float32). Length `steps`.
   */
  batchLogLikelihoods: number[];
  /**
   * Optimizer steps taken. path.length = steps + 1, except when a step produced a non-finite mean
   * (status 'diverged'): that point is dropped, so path.length = steps.
   */
  steps: number;
  /**
   * 'converged': two consecutive steps changed no coordinate by `tolerance` or more. 'max-steps': ran out of
   * steps. 'diverged': the mean or objective became non-finite, or the mean moved farther than
   * 1e6 R from the sample mean in some coordinate, where
   * R = max(1, sqrt(max_j Sigma_jj), max_ij |x_ij - x-bar_j|, max_j |init_j - x-bar_j|)
   * (a point that far is kept in `path`; it shows the blow-up).
   */
  status: FitStatus;
}

const DEFAULTS = {
  optimizer: 'gradient-ascent' as OptimizerName,
  learningRate: { sum: 1e-4, mean: 0.1 } as Record<Objective, number>,
  maxSteps: 1000,
  tolerance: 1e-6,
  seed: 0,
  objective: 'sum' as Objective,
  direction: 'ascent' as 'ascent' | 'descent',
  progressEvery: 1,
  gradient: 'autodiff' as 'autodiff' | 'sufficient-statistics',
  divergenceFactor: 1e6,
};

/**
 * Maximum-likelihood estimate of a Gaussian's mean by iterative optimisation with
 * TensorFlow.js automatic differentiation: Assignment 1.2, Praxis, Tasks 1–3.
 *
 * The covariance is known. Each step evaluates the starter code's log-likelihood
 * L(X, mu, Sigma) = sum(-1/2 ((X - mu) Sigma^-1) * (X - mu)) on the data (or a mini-batch) as
 * tensors, gets its gradient from autodiff (`optimizer.minimize`) and updates mu. TensorFlow.js
 * optimizers minimise, so ascent minimises -L (for 'gradient-ascent' that is exactly
 * mu <- mu + lr dL/dmu). The answer should approach the closed form, the sample mean
 * (`multivariateGaussianMle(rows).mean`), to float32 precision.
 *
 * Tensors: the data and Sigma^-1 (computed once in float64) are uploaded once per fit; each step
 * runs inside `tf.tidy` and reads back d + 1 numbers; the variable, the optimizer's state and the
 * uploads are disposed at the end, also when the fit throws. Tensor arithmetic is float32; the
 * reported `logLikelihoods` are recomputed in float64 from sufficient statistics.
 *
 * @param rows the data, n rows of length d, every entry within float32's range (|x| <= 3.4e38);
 *   keep |x - mu|^2 / Sigma well below 3.4e38 or the float32 objective overflows ('diverged')
 * @param covariance the known d x d covariance, symmetric positive definite, whose inverse has
 *   entries within float32's range (a covariance of 1e-40 I is refused)
 * @param options see {@link FitGaussianMeanOptions}
 * @returns `{ mean, path, logLikelihoods, batchLogLikelihoods, steps, status }`
 * @throws {TypeError} when an argument or option has the wrong type
 * @throws {RangeError} when the data or covariance are invalid or beyond float32's range, or an
 *   option is out of range (learningRate <= 0 or below float32's smallest normal 1.18e-38,
 *   maxSteps not a positive integer, batchSize outside [1, n], unknown optimizer, an unknown key ...)
 * @example
 * const rows = sampleMultivariateNormal(10000, [1, 1], [[5, 0], [0, 5]], { seed: 0 });
 * const fit = fitGaussianMean(rows, [[5, 0], [0, 5]], { learningRate: 1e-4 });
 * fit.status; // => 'converged'
 * fit.mean;   // => close to multivariateGaussianMle(rows).mean
 */
export function fitGaussianMean(
  rows: DataRows,
  covariance: number[][],
  options: FitGaussianMeanOptions = {},
): FitGaussianMeanResult {
  const matrix = readRows('fitGaussianMean', 'rows', rows);
  const settings = resolveOptions(matrix, covariance, options);
  const precision = inverseFromCholesky(settings.lower);
  assertFloat32Range('fitGaussianMean', 'the precision matrix covariance^-1', precision);
  const fullLogLikelihood = fullDataLogLikelihood(matrix, precision);
  const radius = divergenceRadius(matrix, covariance, settings.init, fullLogLikelihood.sampleMean);
  const trace: Trace = {
    path: [settings.init.slice()],
    logLikelihoods: [fullLogLikelihood.at(settings.init)],
    batchLogLikelihoods: [],
    steps: 0,
    status: 'max-steps',
  };
  const monitor: Monitor = { fullLogLikelihood, radius, trace };
  if (settings.gradient === 'sufficient-statistics') runClosedFormSteps(matrix, precision, settings, monitor);
  else runSteps(matrix, precision, settings, monitor);
  if (!Number.isFinite(trace.logLikelihoods[trace.logLikelihoods.length - 1])) {
    // Only reachable for absurd but finite iterates (L overflowing float64): keep the contract.
    trace.path.pop();
    trace.logLikelihoods.pop();
  }
  const { path, logLikelihoods, batchLogLikelihoods, steps, status } = trace;
  return { mean: path[path.length - 1].slice(), path, logLikelihoods, batchLogLikelihoods, steps, status };
}

/** Every option resolved to its value and checked once (internal). */
interface Settings {
  d: number;
  n: number;
  lower: number[][];
  optimizer: OptimizerName;
  objective: Objective;
  direction: 'ascent' | 'descent';
  learningRate: number;
  maxSteps: number;
  tolerance: number;
  init: number[];
  batchSize: number;
  seed: number;
  onProgress: FitGaussianMeanOptions['onProgress'];
  progressEvery: number;
  gradient: 'autodiff' | 'sufficient-statistics';
}

/** The record of a run, filled step by step (internal). */
interface Trace {
  path: number[][];
  logLikelihoods: number[];
  batchLogLikelihoods: number[];
  steps: number;
  status: FitStatus;
}

const OPTION_KEYS: readonly (keyof FitGaussianMeanOptions)[] = [
  'optimizer',
  'learningRate',
  'maxSteps',
  'tolerance',
  'init',
  'batchSize',
  'seed',
  'objective',
  'direction',
  'onProgress',
  'progressEvery',
  'gradient',
];

function resolveOptions(matrix: RowMatrix, covariance: number[][], options: FitGaussianMeanOptions): Settings {
  const fn = 'fitGaussianMean';
  const { n, d } = matrix;
  assertRowsFloat32Range(fn, 'rows', matrix);
  const lower = assertCovariance(fn, 'covariance', covariance, d);
  assertOptions(fn, options, OPTION_KEYS);
  const optimizer = options.optimizer ?? DEFAULTS.optimizer;
  assertOneOf(fn, 'options.optimizer', optimizer, OPTIMIZER_NAMES);
  const objective = options.objective ?? DEFAULTS.objective;
  assertOneOf(fn, 'options.objective', objective, OBJECTIVES);
  const direction = options.direction ?? DEFAULTS.direction;
  assertOneOf(fn, 'options.direction', direction, ['ascent', 'descent'] as const);
  const learningRate = options.learningRate ?? DEFAULTS.learningRate[objective];
  assertPositive(fn, 'options.learningRate', learningRate);
  assertFloat32Normal(fn, 'options.learningRate', learningRate);
  const maxSteps = options.maxSteps ?? DEFAULTS.maxSteps;
  assertInteger(fn, 'options.maxSteps', maxSteps);
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  assertFiniteNumber(fn, 'options.tolerance', tolerance);
  if (tolerance < 0) throw new RangeError(`${fn} requires options.tolerance to be non-negative, got ${tolerance}`);
  const init = options.init ?? new Array<number>(d).fill(0);
  assertVector(fn, 'options.init', init, d);
  assertFloat32Range(fn, 'options.init', init);
  const batchSize = options.batchSize ?? n;
  assertInteger(fn, 'options.batchSize', batchSize);
  if (batchSize > n)
    throw new RangeError(`${fn} requires options.batchSize to be at most the number of rows (${n}), got ${batchSize}`);
  const seed = options.seed ?? DEFAULTS.seed;
  assertInteger(fn, 'options.seed', seed, 0);
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(`${fn} requires options.onProgress to be a function, got ${describeValue(onProgress)}`);
  }
  const progressEvery = options.progressEvery ?? DEFAULTS.progressEvery;
  assertInteger(fn, 'options.progressEvery', progressEvery);
  const gradient = options.gradient ?? DEFAULTS.gradient;
  assertOneOf(fn, 'options.gradient', gradient, ['autodiff', 'sufficient-statistics'] as const);
  return {
    d,
    n,
    lower,
    optimizer,
    objective,
    direction,
    learningRate,
    maxSteps,
    tolerance,
    init,
    batchSize,
    seed,
    onProgress,
    progressEvery,
    gradient,
  };
}

/**
 * How far from the sample mean counts as diverged: 1e6 R with
 * R = max(1, sqrt(max_j Sigma_jj), max_ij |x_ij - x-bar_j|, max_j |init_j - x-bar_j|).
 */
function divergenceRadius(matrix: RowMatrix, covariance: number[][], init: number[], sampleMean: number[]): number {
  let scale = 1;
  const { values, d } = matrix;
  for (let j = 0; j < d; j++) scale = Math.max(scale, Math.sqrt(covariance[j][j]), Math.abs(init[j] - sampleMean[j]));
  for (let k = 0, j = 0; k < values.length; k++) {
    const deviation = Math.abs(values[k] - sampleMean[j]);
    if (deviation > scale) scale = deviation;
    j = j + 1 === d ? 0 : j + 1;
  }
  return DEFAULTS.divergenceFactor * scale;
}

/** The float64 side of a run: the full-data L, the divergence radius and the record (internal). */
interface Monitor {
  fullLogLikelihood: FullDataLogLikelihood;
  radius: number;
  trace: Trace;
}

/** Uploads the data, runs the autodiff steps until the stopping rule fires, and frees every tensor. */
function runSteps(matrix: RowMatrix, precision: number[][], settings: Settings, monitor: Monitor): void {
  const { n, batchSize, seed } = settings;
  const uniform = batchSize < n ? createUniformGenerator(seed) : null;
  const autodiff = createAutodiffStep(matrix, precision, {
    optimizer: settings.optimizer,
    learningRate: settings.learningRate,
    init: settings.init,
    factor: costFactor(settings),
  });
  try {
    const stop = createStoppingRule(settings.tolerance);
    for (let step = 1; step <= settings.maxSteps; step++) {
      const indices = uniform === null ? null : drawIndices(n, batchSize, uniform);
      const values = autodiff.step(indices);
      monitor.trace.steps = step;
      const status = record(step, values, indices, matrix, precision, settings, monitor, stop);
      if (status !== null) {
        monitor.trace.status = status;
        break;
      }
    }
  } finally {
    autodiff.dispose();
  }
}

/**
 * The cost the optimizer minimises is sign x perPoint x L with L = -1/2 sum_i (x_i - mu)^T P (x_i - mu),
 * i.e. factor x sum(...) with factor = -1/2 x sign x perPoint: one float32 scalar, made once per
 * fit (multiplying by -1/2 and the sign, powers of two, is exact in float32 anyway).
 */
function costFactor(settings: Settings): number {
  const sign = settings.direction === 'ascent' ? -1 : 1;
  const perPoint = settings.objective === 'mean' ? 1 / settings.batchSize : 1;
  return -0.5 * sign * perPoint;
}

/**
 * The steps of `gradient: 'sufficient-statistics'`: no tensors. Each step takes the batch's count k
 * and mean (the full data's from the one pass already made, or a sum over the k drawn rows), the
 * gradient of the cost sign x perPoint x L, i.e. sign x perPoint x k P (x-bar_batch - mu), and the
 * optimizer's float64 update rule; the record and the stopping rules are those of the autodiff path.
 */
function runClosedFormSteps(matrix: RowMatrix, precision: number[][], settings: Settings, monitor: Monitor): void {
  const { n, d, batchSize, seed } = settings;
  const uniform = batchSize < n ? createUniformGenerator(seed) : null;
  const update = createUpdateRule(settings.optimizer, settings.learningRate);
  const sign = settings.direction === 'ascent' ? -1 : 1;
  const perPoint = settings.objective === 'mean' ? 1 / batchSize : 1;
  const stop = createStoppingRule(settings.tolerance);
  const { trace, fullLogLikelihood } = monitor;
  const values = new Float64Array(d + 1);
  for (let step = 1; step <= settings.maxSteps; step++) {
    const indices = uniform === null ? null : drawIndices(n, batchSize, uniform);
    const mu = trace.path[trace.path.length - 1];
    const batchMean = indices === null ? fullLogLikelihood.sampleMean : rowMean(matrix, indices);
    const count = indices === null ? n : indices.length;
    // The objective the optimizer sees at mu (L_batch, or L_batch / k for 'mean'), float64; for the
    // full batch, L at mu is the record's last entry already.
    const objective =
      indices === null
        ? perPoint * trace.logLikelihoods[trace.logLikelihoods.length - 1]
        : batchObjective(matrix, indices, mu, precision, settings);
    const gradient = new Array<number>(d);
    for (let a = 0; a < d; a++) {
      let g = 0;
      for (let b = 0; b < d; b++) g += precision[a][b] * (batchMean[b] - mu[b]);
      gradient[a] = sign * perPoint * count * g;
    }
    trace.steps = step;
    if (!gradient.every(Number.isFinite)) {
      trace.batchLogLikelihoods.push(objective);
      trace.status = 'diverged';
      return;
    }
    values.set(update(mu, gradient));
    values[d] = sign * objective;
    const status = record(step, values, indices, matrix, precision, settings, monitor, stop);
    if (status !== null) {
      trace.status = status;
      return;
    }
  }
}

/** The mean of the rows `indices` (float64, summed in order). */
function rowMean(matrix: RowMatrix, indices: number[]): number[] {
  const { values, d } = matrix;
  const mean = new Array<number>(d).fill(0);
  for (const i of indices) for (let j = 0; j < d; j++) mean[j] += values[i * d + j];
  return mean.map((sum) => sum / indices.length);
}

/** Records a step and applies the stopping rules; returns the status that ends the run, or null. */
function record(
  step: number,
  values: Float32Array | Float64Array,
  indices: number[] | null,
  matrix: RowMatrix,
  precision: number[][],
  settings: Settings,
  monitor: Monitor,
  stop: (change: number) => boolean,
): FitStatus | null {
  const { d } = settings;
  const { trace, fullLogLikelihood } = monitor;
  const previous = trace.path[trace.path.length - 1];
  const sign = settings.direction === 'ascent' ? -1 : 1;
  let batchValue = sign * values[d];
  if (!Number.isFinite(batchValue)) {
    // float32 overflowed: report the objective at `previous` in float64 so the record stays complete.
    batchValue = batchObjective(matrix, indices, previous, precision, settings);
  }
  trace.batchLogLikelihoods.push(batchValue);
  const next = Array.from(values.subarray(0, d));
  if (!Number.isFinite(values[d]) || !next.every(Number.isFinite)) return 'diverged';
  trace.path.push(next);
  const logLikelihood = fullLogLikelihood.at(next);
  trace.logLikelihoods.push(logLikelihood);
  if (settings.onProgress !== undefined && step % settings.progressEvery === 0) {
    settings.onProgress(step, next.slice(), logLikelihood);
  }
  let change = 0;
  let distance = 0;
  for (let j = 0; j < d; j++) {
    change = Math.max(change, Math.abs(next[j] - previous[j]));
    distance = Math.max(distance, Math.abs(next[j] - fullLogLikelihood.sampleMean[j]));
  }
  if (distance > monitor.radius || !Number.isFinite(logLikelihood)) return 'diverged';
  return stop(change) ? 'converged' : null;
}

/**
 * The stopping rule: converged after two consecutive steps whose largest coordinate change is
 * below `tolerance` (momentum methods pause at the turning points of their oscillation, where a
 * single small step says nothing about being near the optimum).
 */
function createStoppingRule(tolerance: number): (change: number) => boolean {
  let smallSteps = 0;
  return (change) => {
    smallSteps = change < tolerance ? smallSteps + 1 : 0;
    return smallSteps >= 2;
  };
}

/** The objective the optimizer saw (L_batch or L_batch / k at `mu`), recomputed in float64. */
function batchObjective(
  matrix: RowMatrix,
  indices: number[] | null,
  mu: number[],
  precision: number[][],
  settings: Settings,
): number {
  const { values, n, d } = matrix;
  const count = indices === null ? n : indices.length;
  let sum = 0;
  for (let r = 0; r < count; r++) {
    const offset = (indices === null ? r : indices[r]) * d;
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) sum += (values[offset + a] - mu[a]) * precision[a][b] * (values[offset + b] - mu[b]);
    }
  }
  return (-0.5 * sum) / (settings.objective === 'mean' ? settings.batchSize : 1);
}
