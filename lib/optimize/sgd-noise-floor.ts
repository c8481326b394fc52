import {
  assertCovariance,
  assertFiniteArray,
  assertObject,
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
import { inverseFromCholesky } from '../linalg/spd-inverse';
import { matrixAdd, matrixMultiply, trace } from '../linalg/dense';
import { eigenvaluesUnchecked } from '../linalg/symmetric-eigenvalues';
import { OBJECTIVES } from './types';
import type { Objective } from './types';

/** Options of {@link sgdNoiseFloor}. */
export interface SgdNoiseFloorOptions {
  /** Constant step size of plain stochastic gradient ascent, > 0. */
  learningRate: number;
  /** Points per step k, an integer in [1, n]. */
  batchSize: number;
  /** 'sum' (the starter code's L over the batch) or 'mean' (L / k), as in `fitGaussianMean`. @default 'sum' */
  objective?: Objective;
}

/** The long-run spread of constant-step SGD around the optimum: plain data. */
export interface SgdNoiseFloor {
  /**
   * Expected squared distance E|mu_t - x-bar|^2 of the iterates from the sample mean once the
   * start is forgotten (the trace of the stationary covariance); `Infinity` when the step is
   * unstable (contraction >= 1).
   */
  meanSquaredDistance: number;
  /** Largest |eigenvalue| of I - lr H, the factor by which the mean error shrinks per step. */
  contraction: number;
}

/**
 * Where constant-step stochastic gradient ascent ends up: not at the optimum but wandering around
 * it, with a spread set by the learning rate and the mini-batch gradient's noise (the "noise
 * floor" of Task 3). For the Gaussian mean the update is linear,
 * mu_{t+1} - x-bar = A (mu_t - x-bar) + lr xi_t with A = I - lr H, H = c Sigma^-1 (c = k for
 * 'sum', 1 for 'mean') and xi_t the batch gradient's error, of covariance
 * Q = c^2 (P S P / k) (n - k)/(n - 1) (see `minibatchGradientVariance`). Its stationary covariance
 * solves C = A C A^T + lr^2 Q, i.e. C = sum_m A^m (lr^2 Q) A^m, summed here by doubling
 * (C <- C + A^N C A^N, A^N squared each round), so even a contraction of 0.99998 needs ~60 rounds.
 * For small lr H, tr C is about lr tr(Q) / (2 c lambda): proportional to lr times the gradient variance.
 * See https://en.wikipedia.org/wiki/Lyapunov_equation (discrete form).
 *
 * @param rows the data, n rows of length d: an array of rows, a `DenseRows` or a float32
 *   `tf.Tensor2D` [n, d] (read once, never disposed); only its sample covariance S is used
 * @param covariance the known d x d covariance Sigma, symmetric positive definite
 * @param options `{ learningRate, batchSize, objective = 'sum' }`
 * @returns `{ meanSquaredDistance, contraction }`
 * @throws {TypeError} when an argument has the wrong type (including data in none of the three forms)
 * @throws {RangeError} when the data or covariance are invalid, learningRate <= 0 or batchSize is outside [1, n]
 * @example
 * const rows = sampleMultivariateNormal(10000, [1, 1], [[5, 0], [0, 5]]);
 * sgdNoiseFloor(rows, [[5, 0], [0, 5]], { learningRate: 1, batchSize: 1, objective: 'mean' });
 * // => { meanSquaredDistance: ~1.11 (= 2 x 0.2 / (1 - 0.8^2)), contraction: 0.8 }
 */
export function sgdNoiseFloor(rows: DataRows, covariance: number[][], options: SgdNoiseFloorOptions): SgdNoiseFloor {
  const fn = 'sgdNoiseFloor';
  const matrix = readRows(fn, 'rows', rows);
  const { n, d } = matrix;
  const lower = assertCovariance(fn, 'covariance', covariance, d);
  assertObject(fn, 'options', options);
  assertOptions(fn, options, ['learningRate', 'batchSize', 'objective']);
  const { learningRate, batchSize } = options;
  const objective = options.objective ?? 'sum';
  assertPositive(fn, 'options.learningRate', learningRate);
  assertInteger(fn, 'options.batchSize', batchSize);
  if (batchSize > n)
    throw new RangeError(`${fn} requires options.batchSize to be at most the number of rows (${n}), got ${batchSize}`);
  assertOneOf(fn, 'options.objective', objective, OBJECTIVES);

  const precision = inverseFromCholesky(lower);
  const { covariance: scatter } = momentsOfRows(matrix);
  const c = objective === 'sum' ? batchSize : 1;
  const correction = n === 1 ? 0 : (n - batchSize) / (n - 1);
  const noiseScale = (learningRate * learningRate * c * c * correction) / batchSize;
  let power = precision.map((row, i) => row.map((p, j) => (i === j ? 1 : 0) - learningRate * c * p));
  // A is symmetric (P is exactly symmetric), so its spectral radius is its largest |eigenvalue|.
  const eigenvalues = eigenvaluesUnchecked(power);
  const contraction = Math.max(Math.abs(eigenvalues[0]), Math.abs(eigenvalues[eigenvalues.length - 1]));
  if (contraction >= 1) return { meanSquaredDistance: Infinity, contraction };
  let sum = matrixMultiply(matrixMultiply(precision, scatter), precision).map((row) => row.map((v) => v * noiseScale));
  for (let round = 0; round < 200; round++) {
    const next = matrixAdd(sum, matrixMultiply(matrixMultiply(power, sum), power));
    const done = next.every((row, i) => Math.abs(row[i] - sum[i][i]) <= 1e-15 * Math.abs(row[i]));
    sum = next;
    power = matrixMultiply(power, power);
    if (done) break;
  }
  return { meanSquaredDistance: trace(sum), contraction };
}

/**
 * Mean squared distance of a run's iterates from a centre (e.g. the sample mean), from a given
 * step to the end: the measured counterpart of {@link sgdNoiseFloor}'s `meanSquaredDistance`.
 *
 * @param path iterates, `path[step]` a vector of length d
 * @param centre the point to measure from, length d
 * @param fromStep first step included (skip the approach from the start), 0 <= fromStep < path.length
 * @returns the average of |path[t] - centre|^2 over t = fromStep .. path.length - 1
 * @throws {TypeError} when path is not an array of vectors
 * @throws {RangeError} when fromStep is out of range or a point has the wrong length
 * @example
 * meanSquaredDistance([[9, 9], [1, 0], [-1, 0]], [0, 0], 1); // => 1
 */
export function meanSquaredDistance(path: number[][], centre: number[], fromStep = 0): number {
  const fn = 'meanSquaredDistance';
  if (!Array.isArray(path)) throw new TypeError(`${fn} requires path to be an array of vectors, got ${describeValue(path)}`);
  assertFiniteArray(fn, 'centre', centre);
  assertInteger(fn, 'fromStep', fromStep, 0);
  if (fromStep >= path.length)
    throw new RangeError(`${fn} requires fromStep to be below path.length (${path.length}), got ${fromStep}`);
  let total = 0;
  for (let t = fromStep; t < path.length; t++) {
    assertVector(fn, `path[${t}]`, path[t], centre.length);
    total += path[t].reduce((s, v, j) => s + (v - centre[j]) ** 2, 0);
  }
  return total / (path.length - fromStep);
}
