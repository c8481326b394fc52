import { assertCovariance, assertInteger, assertOneOf, assertOptions, assertVector } from '../guards';
import { readRows } from '../data/dense-rows';
import type { DataRows } from '../data/dense-rows';
import { momentsOfRows } from '../estimators/multivariate-gaussian';
import { inverseFromCholesky } from '../linalg/spd-inverse';
import { createUniformGenerator } from '../random/seeded-uniform';
import { drawIndices } from '../random/sample-without-replacement';
import { OBJECTIVES } from './types';
import type { Objective } from './types';

/** At most this many mini-batches per call (`options.samples`). */
const MAX_SAMPLES = 1e6;
/** At most this many index draws per call (`samples` x `batchSize`), about a second of work. */
const MAX_DRAWS = 1e8;

/** Options of `minibatchGradientVariance`. */
export interface MinibatchGradientVarianceOptions {
  /**
   * k, the points per batch: an integer in [1, n]. Required (in the options object or, the old
   * form, as the fourth argument).
   */
  batchSize?: number;
  /**
   * Number of mini-batches drawn to measure the variance, an integer in [2, 10^6], with
   * samples x batchSize <= 10^8 (the draws a call may make; beyond that a RangeError).
   * @default 1000
   */
  samples?: number;
  /**
   * Seed of the batch draws, a non-negative integer.
   * @default 0
   */
  seed?: number;
  /**
   * 'sum' (the starter code's L over the batch) or 'mean' (L / k), as in `fitGaussianMean`.
   * @default 'sum'
   */
  objective?: Objective;
}

/** Measured and predicted noise of a mini-batch gradient: plain data. */
export interface MinibatchGradientVariance {
  /**
   * Total variance (trace of the covariance matrix) of the batch gradient over `samples` random
   * batches, with the unbiased divisor samples - 1.
   */
  measured: number;
  /** The exact total variance over all batches of that size: see `minibatchGradientVariance`. */
  theoretical: number;
  /** The full-data gradient at `mean` (the expected batch gradient, scaled like the objective). */
  fullGradient: number[];
}

/**
 * How noisy is a mini-batch gradient? Total variance of the gradient of the Gaussian
 * log-likelihood in the mean over random batches of k rows, measured by sampling and derived in
 * closed form, in float64 (no tensors): the quantity behind Task 3's "how does k affect convergence".
 *
 * Derivation. The per-point gradient is g_i = P (x_i - mu), P = Sigma^-1; over the n points its
 * covariance is P S P, where S is the divide-by-n sample covariance (it does not depend on mu,
 * since g_i is x_i shifted and transformed). A batch B of k points drawn WITHOUT replacement has
 * mean gradient g-bar_B = (1/k) sum_{i in B} g_i, and sampling theory's finite-population
 * correction gives Cov(g-bar_B) = (P S P / k) (n - k)/(n - 1). So, for objective 'mean',
 * theoretical = tr(P S P) / k x (n - k)/(n - 1); for 'sum' (gradient k g-bar_B) multiply by k^2:
 * tr(P S P) k (n - k)/(n - 1). Both vanish at k = n (every batch is the full data). With 'mean'
 * the noise falls like 1/k; with 'sum' it grows like k but relative to the gradient's size
 * (also proportional to k) it falls like 1/k too.
 * See https://en.wikipedia.org/wiki/Standard_error#Finite_population_correction_(FPC)
 *
 * Cost: one pass over the data for S and x-bar, then d^2 operations per drawn row (each batch
 * row's gradient is formed when it is drawn; nothing of size n is kept).
 *
 * @param rows the data, n rows of length d: an array of rows, a `DenseRows` or a float32
 *   `tf.Tensor2D` [n, d] (read once, never disposed)
 * @param covariance the known d x d covariance Sigma, symmetric positive definite
 * @param mean the point mu where gradients are taken, length d
 * @param options `{ batchSize, samples = 1000, seed = 0, objective = 'sum' }` (batchSize required)
 * @returns `{ measured, theoretical, fullGradient }`
 * @throws {TypeError} when an argument has the wrong type (including data in none of the three forms)
 * @throws {RangeError} when the data or covariance are invalid, batchSize is outside [1, n], samples is
 *   outside [2, 10^6], samples x batchSize exceeds 10^8, or an option key is unknown
 * @example
 * const rows = sampleMultivariateNormal(10000, [1, 1], [[5, 0], [0, 5]]);
 * minibatchGradientVariance(rows, [[5, 0], [0, 5]], [0, 0], { batchSize: 10, objective: 'mean' });
 * // => { measured: ~0.04, theoretical: ~0.04, fullGradient: [~0.2, ~0.2] }
 */
export function minibatchGradientVariance(
  rows: DataRows,
  covariance: number[][],
  mean: number[],
  options: MinibatchGradientVarianceOptions,
): MinibatchGradientVariance;
/**
 * @deprecated The positional batch size: write
 * `minibatchGradientVariance(rows, covariance, mean, { batchSize, ...options })`. Kept for one
 * release; same result.
 * @example
 * minibatchGradientVariance(rows, covariance, [0, 0], 10, { objective: 'mean' });
 */
export function minibatchGradientVariance(
  rows: DataRows,
  covariance: number[][],
  mean: number[],
  batchSize: number,
  options?: Omit<MinibatchGradientVarianceOptions, 'batchSize'>,
): MinibatchGradientVariance;
export function minibatchGradientVariance(
  rows: DataRows,
  covariance: number[][],
  mean: number[],
  batchSizeOrOptions: number | MinibatchGradientVarianceOptions,
  positionalOptions: MinibatchGradientVarianceOptions = {},
): MinibatchGradientVariance {
  const fn = 'minibatchGradientVariance';
  const matrix = readRows(fn, 'rows', rows);
  const { values, n, d } = matrix;
  const lower = assertCovariance(fn, 'covariance', covariance, d);
  assertVector(fn, 'mean', mean, d);
  const { batchSize, samples, seed, objective } = resolveOptions(fn, n, batchSizeOrOptions, positionalOptions);

  const precision = inverseFromCholesky(lower);
  const scale = objective === 'sum' ? 1 : 1 / batchSize;
  const uniform = createUniformGenerator(seed);
  // draws[s d + j]: coordinate j of batch s's gradient. A drawn row's gradient P (x_i - mu) is
  // formed when it is drawn (no n x d table of per-point gradients).
  const draws = new Float64Array(samples * d);
  const g = new Array<number>(d);
  for (let s = 0; s < samples; s++) {
    g.fill(0);
    for (const i of drawIndices(n, batchSize, uniform)) {
      for (let j = 0; j < d; j++) {
        const p = precision[j];
        let gradient = 0;
        for (let l = 0; l < d; l++) gradient += p[l] * (values[i * d + l] - mean[l]);
        g[j] += gradient;
      }
    }
    for (let j = 0; j < d; j++) draws[s * d + j] = g[j] * scale;
  }
  let measured = 0;
  for (let j = 0; j < d; j++) {
    let total = 0;
    for (let s = 0; s < samples; s++) total += draws[s * d + j];
    const average = total / samples;
    let squares = 0;
    for (let s = 0; s < samples; s++) squares += (draws[s * d + j] - average) ** 2;
    measured += squares / (samples - 1);
  }

  const { mean: sampleMean, covariance: sampleCovariance } = momentsOfRows(matrix);
  // tr(P S P) = sum_ab (P S)_ab P_ba.
  let tracePSP = 0;
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < d; b++) {
      let ps = 0;
      for (let c = 0; c < d; c++) ps += precision[a][c] * sampleCovariance[c][b];
      tracePSP += ps * precision[b][a];
    }
  }
  const correction = n === 1 ? 0 : (n - batchSize) / (n - 1);
  const theoretical = objective === 'mean' ? (tracePSP / batchSize) * correction : tracePSP * batchSize * correction;
  const fullScale = objective === 'sum' ? batchSize : 1;
  const fullGradient = precision.map((p) => fullScale * p.reduce((s, pj, j) => s + pj * (sampleMean[j] - mean[j]), 0));
  return { measured, theoretical, fullGradient };
}

/** Reads the options of either call form and checks them (internal). */
function resolveOptions(
  fn: string,
  n: number,
  batchSizeOrOptions: unknown,
  positionalOptions: unknown,
): { batchSize: number; samples: number; seed: number; objective: Objective } {
  const positional = typeof batchSizeOrOptions === 'number';
  const options = (positional ? positionalOptions : batchSizeOrOptions) as MinibatchGradientVarianceOptions;
  const keys = ['samples', 'seed', 'objective'];
  assertOptions(fn, options, positional ? keys : ['batchSize', ...keys]);
  const batchSize = positional ? batchSizeOrOptions : options.batchSize;
  const batchArg = positional ? 'batchSize' : 'options.batchSize';
  assertInteger(fn, batchArg, batchSize);
  if (batchSize > n) throw new RangeError(`${fn} requires ${batchArg} to be at most the number of rows (${n}), got ${batchSize}`);
  const samples = options.samples ?? 1000;
  assertInteger(fn, 'options.samples', samples, 2);
  if (samples > MAX_SAMPLES) throw new RangeError(`${fn} requires options.samples to be at most ${MAX_SAMPLES}, got ${samples}`);
  if (samples * batchSize > MAX_DRAWS) {
    throw new RangeError(
      `${fn} requires options.samples x batchSize to be at most ${MAX_DRAWS} draws, got ${samples * batchSize}`,
    );
  }
  const seed = options.seed ?? 0;
  assertInteger(fn, 'options.seed', seed, 0);
  const objective = options.objective ?? 'sum';
  assertOneOf(fn, 'options.objective', objective, OBJECTIVES);
  return { batchSize, samples, seed, objective };
}
