import type { Optimizer, Scalar, Tensor, Tensor1D, Tensor2D, Variable } from '@tensorflow/tfjs';
import { tf } from '../backend';
import {
  assertCovariance,
  assertFiniteNumber,
  assertInteger,
  assertOneOf,
  assertOptions,
  assertPositive,
  assertRows,
  assertVector,
  describeValue,
} from '../guards';
import { fullDataLogLikelihood } from '../likelihood/full-data-log-likelihood';
import { gaussianLogLikelihoodTensor } from '../likelihood/gaussian-log-likelihood';
import { inverseFromCholesky } from '../linalg/spd-inverse';
import { createUniformGenerator } from '../random/seeded-uniform';
import { drawIndices } from '../random/sample-without-replacement';
import type { Objective } from './learning-rate-bound';

/** The TensorFlow.js optimizers `fitGaussianMean` can use. */
export type OptimizerName = 'gradient-ascent' | 'momentum' | 'nesterov' | 'adagrad' | 'adadelta' | 'rmsprop' | 'adam' | 'adamax';

/** All optimizer names, in the order the notebooks compare them. */
export const OPTIMIZER_NAMES: readonly OptimizerName[] = [
  'gradient-ascent',
  'momentum',
  'nesterov',
  'adagrad',
  'adadelta',
  'rmsprop',
  'adam',
  'adamax',
];

/** Why a fit stopped. */
export type FitStatus = 'converged' | 'max-steps' | 'diverged';

/** Options of `fitGaussianMean`. */
export interface FitGaussianMeanOptions {
  /**
   * The update rule, each a TensorFlow.js optimizer: 'gradient-ascent' = `tf.train.sgd(lr)`,
   * 'momentum' = `tf.train.momentum(lr, 0.9)`, 'nesterov' = `tf.train.momentum(lr, 0.9, true)`,
   * 'adagrad', 'adadelta', 'rmsprop', 'adam', 'adamax' = `tf.train.<name>(lr)` with tfjs defaults.
   * @default 'gradient-ascent'
   */
  optimizer?: OptimizerName;
  /**
   * Step size, > 0. For 'gradient-ascent' it must stay below `learningRateBound(...).stable`
   * (2 / (n lambda_max(Sigma^-1)) for 'sum'). Adaptive optimizers (adam, adamax, rmsprop,
   * adagrad) move about `learningRate` per step whatever the gradient's scale.
   * @default 1e-4 with objective 'sum' (the seed's), 0.1 with objective 'mean'
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
   * Starting mean, length d.
   * @default zeros (the seed's mu_0 = (0, 0))
   */
  init?: number[];
  /**
   * Points per step, an integer in [1, n]. Below n, each step draws a fresh batch without
   * replacement from one generator seeded by `seed` (the seed's `get_random_batch`).
   * @default n (full-batch)
   */
  batchSize?: number;
  /**
   * Seed of the mini-batch draws (a non-negative integer); unused when batchSize = n.
   * @default 0
   */
  seed?: number;
  /**
   * 'sum': maximise the seed's L over the batch (the gradient grows with the batch size, so a
   * fixed rate makes small batches crawl and large ones overshoot); 'mean': maximise L / k, whose
   * gradient scale does not depend on k (then use a rate about n times larger).
   * @default 'sum'
   */
  objective?: Objective;
  /**
   * 'ascent' maximises the log-likelihood by minimising its negative with the tfjs optimizer.
   * 'descent' minimises the log-likelihood itself: the slip of the seed's Adam code
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
}

/** The outcome of `fitGaussianMean`: plain data, finite numbers only. */
export interface FitGaussianMeanResult {
  /** The final mean (the last point of `path`). */
  mean: number[];
  /** Every iterate, starting with `init`: path[0] = init, path[s] = the mean after s steps. */
  path: number[][];
  /**
   * logLikelihoods[i] = the seed's L at path[i] on the FULL data (sum over all n points, no
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
  divergenceFactor: 1e6,
};

/**
 * Maximum-likelihood estimate of a Gaussian's mean by iterative optimisation with
 * TensorFlow.js automatic differentiation: Assignment 1.2, Praxis, Tasks 1–3.
 *
 * The covariance is known. Each step evaluates the seed's log-likelihood
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
 * @param rows the data, n rows of length d
 * @param covariance the known d x d covariance, symmetric positive definite
 * @param options see {@link FitGaussianMeanOptions}
 * @returns `{ mean, path, logLikelihoods, batchLogLikelihoods, steps, status }`
 * @throws {TypeError} when an argument or option has the wrong type
 * @throws {RangeError} when the data or covariance are invalid, or an option is out of range
 *   (learningRate <= 0, maxSteps not a positive integer, batchSize outside [1, n], unknown optimizer ...)
 * @example
 * const rows = sampleMultivariateNormal(10000, [1, 1], [[5, 0], [0, 5]], { seed: 0 });
 * const fit = fitGaussianMean(rows, [[5, 0], [0, 5]], { learningRate: 1e-4 });
 * fit.status; // => 'converged'
 * fit.mean;   // => close to multivariateGaussianMle(rows).mean
 */
export function fitGaussianMean(
  rows: number[][],
  covariance: number[][],
  options: FitGaussianMeanOptions = {},
): FitGaussianMeanResult {
  const fn = 'fitGaussianMean';
  const d = assertRows(fn, 'rows', rows);
  const lower = assertCovariance(fn, 'covariance', covariance, d);
  assertOptions(fn, options);
  const n = rows.length;
  const optimizerName = options.optimizer ?? DEFAULTS.optimizer;
  assertOneOf(fn, 'options.optimizer', optimizerName, OPTIMIZER_NAMES);
  const objective = options.objective ?? DEFAULTS.objective;
  assertOneOf(fn, 'options.objective', objective, ['sum', 'mean'] as const);
  const direction = options.direction ?? DEFAULTS.direction;
  assertOneOf(fn, 'options.direction', direction, ['ascent', 'descent'] as const);
  const learningRate = options.learningRate ?? DEFAULTS.learningRate[objective];
  assertPositive(fn, 'options.learningRate', learningRate);
  const maxSteps = options.maxSteps ?? DEFAULTS.maxSteps;
  assertInteger(fn, 'options.maxSteps', maxSteps);
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  assertFiniteNumber(fn, 'options.tolerance', tolerance);
  if (tolerance < 0) throw new RangeError(`${fn} requires options.tolerance to be non-negative, got ${tolerance}`);
  const init = options.init ?? new Array<number>(d).fill(0);
  assertVector(fn, 'options.init', init, d);
  const batchSize = options.batchSize ?? n;
  assertInteger(fn, 'options.batchSize', batchSize);
  if (batchSize > n) throw new RangeError(`${fn} requires options.batchSize to be at most the number of rows (${n}), got ${batchSize}`);
  const seed = options.seed ?? DEFAULTS.seed;
  assertInteger(fn, 'options.seed', seed, 0);
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(`${fn} requires options.onProgress to be a function, got ${describeValue(onProgress)}`);
  }
  const progressEvery = options.progressEvery ?? DEFAULTS.progressEvery;
  assertInteger(fn, 'options.progressEvery', progressEvery);

  const precision = inverseFromCholesky(lower);
  const fullLogLikelihood = fullDataLogLikelihood(rows, d, precision);
  const sampleMean = fullLogLikelihood.sampleMean;
  let scale = 1;
  for (let j = 0; j < d; j++) {
    scale = Math.max(scale, Math.sqrt(covariance[j][j]), Math.abs(init[j] - sampleMean[j]));
    for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(rows[i][j] - sampleMean[j]));
  }
  const divergenceRadius = DEFAULTS.divergenceFactor * scale;
  const uniform = batchSize < n ? createUniformGenerator(seed) : null;

  const path: number[][] = [init.slice()];
  const logLikelihoods: number[] = [fullLogLikelihood.at(init)];
  const batchLogLikelihoods: number[] = [];
  let status: FitStatus = 'max-steps';
  let steps = 0;
  let smallSteps = 0;

  let data: Tensor2D | null = null;
  let precisionTensor: Tensor2D | null = null;
  let mu: Variable | null = null;
  let optimizer: Optimizer | null = null;
  try {
    data = tf.tensor2d(rows, [n, d], 'float32');
    precisionTensor = tf.tensor2d(precision, [d, d], 'float32');
    mu = tf.tidy(() => tf.variable(tf.tensor1d(init, 'float32'), true, undefined, 'float32'));
    optimizer = makeOptimizer(optimizerName, learningRate);
    const sign = direction === 'ascent' ? -1 : 1;
    const perPoint = objective === 'mean' ? 1 / batchSize : 1;
    const x = data;
    const p = precisionTensor;
    const m = mu;
    const opt = optimizer;
    for (let step = 1; step <= maxSteps; step++) {
      const indices = uniform === null ? null : drawIndices(n, batchSize, uniform);
      const readback = tf.tidy(() => {
        const batch = indices === null ? x : tf.gather(x, tf.tensor1d(indices, 'int32'));
        const cost = opt.minimize(
          () => tf.mul(sign * perPoint, gaussianLogLikelihoodTensor(batch, m as Tensor as Tensor1D, p)) as Scalar,
          true,
          [m],
        ) as Scalar;
        return tf.concat([m, tf.reshape(cost, [1])]);
      });
      const values = readback.dataSync();
      readback.dispose();
      steps = step;
      const batchValue = sign * values[d];
      const next = Array.from(values.subarray(0, d));
      if (!Number.isFinite(batchValue) || !next.every(Number.isFinite)) {
        status = 'diverged';
        break;
      }
      batchLogLikelihoods.push(batchValue);
      const previous = path[path.length - 1];
      path.push(next);
      const logLikelihood = fullLogLikelihood.at(next);
      logLikelihoods.push(logLikelihood);
      if (onProgress !== undefined && step % progressEvery === 0) onProgress(step, next.slice(), logLikelihood);
      let change = 0;
      let distance = 0;
      for (let j = 0; j < d; j++) {
        change = Math.max(change, Math.abs(next[j] - previous[j]));
        distance = Math.max(distance, Math.abs(next[j] - sampleMean[j]));
      }
      if (distance > divergenceRadius || !Number.isFinite(logLikelihood)) {
        status = 'diverged';
        break;
      }
      // Two consecutive small steps: momentum methods pause at the turning points of their
      // oscillation, where a single small step says nothing about being near the optimum.
      smallSteps = change < tolerance ? smallSteps + 1 : 0;
      if (smallSteps >= 2) {
        status = 'converged';
        break;
      }
    }
  } finally {
    optimizer?.dispose();
    // tfjs 4.22's MomentumOptimizer.dispose() forgets the learning-rate scalar `c` it inherits
    // from SGDOptimizer (one leaked tensor per fit); free it when it is still alive.
    const inherited = (optimizer as unknown as { c?: Tensor } | null)?.c;
    if (inherited instanceof tf.Tensor && !inherited.isDisposed) inherited.dispose();
    mu?.dispose();
    data?.dispose();
    precisionTensor?.dispose();
  }
  if (!Number.isFinite(logLikelihoods[logLikelihoods.length - 1])) {
    // Only reachable for absurd but finite iterates (L overflowing float64): keep the contract.
    path.pop();
    logLikelihoods.pop();
  }
  return { mean: path[path.length - 1].slice(), path, logLikelihoods, batchLogLikelihoods, steps, status };
}

function makeOptimizer(name: OptimizerName, learningRate: number): Optimizer {
  switch (name) {
    case 'gradient-ascent':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'nesterov':
      return tf.train.momentum(learningRate, 0.9, true);
    case 'adagrad':
      return tf.train.adagrad(learningRate);
    case 'adadelta':
      return tf.train.adadelta(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'adam':
      return tf.train.adam(learningRate);
    case 'adamax':
      return tf.train.adamax(learningRate);
  }
}
