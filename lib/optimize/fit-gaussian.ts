import type { Optimizer, Scalar, Tensor, Tensor1D, Tensor2D, Variable } from '@tensorflow/tfjs';
import { tf } from '../backend';
import {
  assertCovariance,
  assertFiniteNumber,
  assertInteger,
  assertOneOf,
  assertOptions,
  assertPositive,
  assertVector,
  describeValue,
} from '../guards';
import { readRows } from '../data/dense-rows';
import type { DataRows } from '../data/dense-rows';
import { releaseRowsTensor, rowsTensor } from '../data/rows-tensor';
import { momentsOfRows } from '../estimators/multivariate-gaussian';
import { OPTIMIZER_NAMES } from './fit-gaussian-mean';
import type { FitStatus, OptimizerName } from './fit-gaussian-mean';
import type { Objective } from './learning-rate-bound';
import { disposeOptimizer, makeOptimizer } from './make-optimizer';

/** One iterate of a joint fit: the mean and the covariance after some number of steps. */
export interface GaussianIterate {
  /** The mean vector, length d. */
  mean: number[];
  /** The covariance L L^T, d x d, symmetric positive definite. */
  covariance: number[][];
}

/** Options of `fitGaussian`. */
export interface FitGaussianOptions {
  /**
   * The update rule, as for `fitGaussianMean`: 'gradient-ascent' = `tf.train.sgd(lr)`, ...
   * @default 'gradient-ascent'
   */
  optimizer?: OptimizerName;
  /**
   * Step size, > 0. With objective 'mean' the curvature in the mean is Sigma^-1 (so plain ascent
   * needs lr < 2 lambda_min(Sigma)) and about 2 in each log standard deviation.
   * @default 0.1 with objective 'mean', 0.1 / n with 'sum'
   */
  learningRate?: number;
  /**
   * 'mean': maximise L / n, whose gradient does not grow with n; 'sum': maximise L itself.
   * @default 'mean'
   */
  objective?: Objective;
  /**
   * Maximum number of optimizer steps, a positive integer.
   * @default 1000
   */
  maxSteps?: number;
  /**
   * Converged when, in two consecutive steps, no parameter (mean coordinate, log of a Cholesky
   * diagonal entry, off-diagonal Cholesky entry) changed by this much or more (>= 0).
   * @default 1e-6
   */
  tolerance?: number;
  /**
   * Starting point. Either field may be left out.
   * @default { mean: zeros, covariance: identity }
   */
  init?: { mean?: number[]; covariance?: number[][] };
  /**
   * Called after every `progressEvery`-th step with the step number (1-based), copies of the
   * current mean and covariance, and the full log-likelihood there (float64). A throw aborts the
   * fit (tensors are still freed).
   * @default undefined (no callback)
   */
  onProgress?: (step: number, mean: number[], covariance: number[][], logLikelihood: number) => void;
  /**
   * How many steps between `onProgress` calls, a positive integer.
   * @default 1
   */
  progressEvery?: number;
}

/** The outcome of `fitGaussian`: plain data, finite numbers only. */
export interface FitGaussianResult {
  /** The final mean (the last iterate's). */
  mean: number[];
  /** The final covariance (the last iterate's). */
  covariance: number[][];
  /** Every iterate, starting with `init`: path[s] = the mean and covariance after s steps. */
  path: GaussianIterate[];
  /**
   * logLikelihoods[i] = sum_k log N(x_k; path[i].mean, path[i].covariance), the FULL
   * log-likelihood with its normalising constant -n/2 log((2 pi)^d |Sigma|), in float64.
   */
  logLikelihoods: number[];
  /** Optimizer steps taken; path.length = steps + 1 unless a step went non-finite ('diverged'). */
  steps: number;
  /**
   * 'converged': two consecutive steps changed no parameter by `tolerance` or more. 'max-steps':
   * ran out of steps. 'diverged': a parameter or the objective became non-finite, the mean moved
   * farther than 1e6 R from the sample mean (R as in `fitGaussianMean`), or a diagonal entry of
   * the Cholesky factor left [1e-6, 1e6] times the sample covariance's (a point that far is kept).
   */
  status: FitStatus;
}

const DEFAULTS = {
  optimizer: 'gradient-ascent' as OptimizerName,
  learningRate: 0.1,
  objective: 'mean' as Objective,
  maxSteps: 1000,
  tolerance: 1e-6,
  progressEvery: 1,
  divergenceFactor: 1e6,
};

/**
 * Maximum-likelihood estimate of BOTH the mean and the covariance of a multivariate Gaussian by
 * gradient ascent with TensorFlow.js automatic differentiation: the step after the assignment,
 * where Sigma is unknown too.
 *
 * The objective is the full log-likelihood, normalising constant included (it now depends on a
 * parameter, Sigma, so it can no longer be dropped):
 * L(mu, Sigma) = -n/2 (d log(2 pi) + log|Sigma|) - 1/2 sum_i (x_i - mu)^T Sigma^-1 (x_i - mu).
 * Sigma is parametrised by its lower Cholesky factor L (Sigma = L L^T) whose diagonal is stored
 * as logs, L_jj = exp(s_j): every value of the unconstrained parameters (mu, s, the entries below
 * the diagonal) gives a symmetric positive definite Sigma, so plain gradient steps can never
 * leave the set of covariances. log|Sigma| = 2 sum_j s_j, and the quadratic forms are
 * |L^-1 (x_i - mu)|^2, by forward substitution on the tensors (no inverse formed).
 * The answer should approach the closed form `multivariateGaussianMle(rows)` (sample mean and
 * covariance dividing by n) to float32 precision.
 *
 * Tensors: the data are uploaded once (a caller's tensor is used as it is); each step runs inside `tf.tidy` and reads back the
 * parameters; variables, optimizer state and data are disposed at the end, also when the fit
 * throws. The reported `logLikelihoods` are recomputed in float64 from sufficient statistics.
 *
 * @param rows the data, n rows of length d, with a positive definite sample covariance
 *   (at least d + 1 points, not all on one hyperplane): an array of rows, a `DenseRows` (uploaded
 *   once as float32) or a float32 `tf.Tensor2D` [n, d] (used as it is, never disposed)
 * @param options see {@link FitGaussianOptions}
 * @returns `{ mean, covariance, path, logLikelihoods, steps, status }`
 * @throws {TypeError} when an argument or option has the wrong type (including data in none of
 *   the three forms, a disposed or non-float32 tensor)
 * @throws {RangeError} when the data are invalid or degenerate, or an option is out of range
 * @example
 * const rows = sampleMultivariateNormal(2000, [1, -1], [[2, 0.8], [0.8, 1]], { seed: 0 });
 * const fit = fitGaussian(rows, { optimizer: 'adam', learningRate: 0.05, maxSteps: 3000 });
 * fit.status;     // => 'converged'
 * fit.covariance; // => close to multivariateGaussianMle(rows).covariance
 */
export function fitGaussian(rows: DataRows, options: FitGaussianOptions = {}): FitGaussianResult {
  const fn = 'fitGaussian';
  const matrix = readRows(fn, 'rows', rows);
  const { values, n, d } = matrix;
  assertOptions(fn, options);
  const optimizerName = options.optimizer ?? DEFAULTS.optimizer;
  assertOneOf(fn, 'options.optimizer', optimizerName, OPTIMIZER_NAMES);
  const objective = options.objective ?? DEFAULTS.objective;
  assertOneOf(fn, 'options.objective', objective, ['sum', 'mean'] as const);
  const learningRate = options.learningRate ?? (objective === 'mean' ? DEFAULTS.learningRate : DEFAULTS.learningRate / n);
  assertPositive(fn, 'options.learningRate', learningRate);
  const maxSteps = options.maxSteps ?? DEFAULTS.maxSteps;
  assertInteger(fn, 'options.maxSteps', maxSteps);
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  assertFiniteNumber(fn, 'options.tolerance', tolerance);
  if (tolerance < 0) throw new RangeError(`${fn} requires options.tolerance to be non-negative, got ${tolerance}`);
  const init = options.init ?? {};
  if (typeof init !== 'object' || init === null || Array.isArray(init)) {
    throw new TypeError(`${fn} requires options.init to be an object, got ${describeValue(init)}`);
  }
  const initMean = init.mean ?? new Array<number>(d).fill(0);
  assertVector(fn, 'options.init.mean', initMean, d);
  const initCovariance = init.covariance ?? identity(d);
  const initLower = assertCovariance(fn, 'options.init.covariance', initCovariance, d);
  const onProgress = options.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new TypeError(`${fn} requires options.onProgress to be a function, got ${describeValue(onProgress)}`);
  }
  const progressEvery = options.progressEvery ?? DEFAULTS.progressEvery;
  assertInteger(fn, 'options.progressEvery', progressEvery);

  const stats = momentsOfRows(matrix);
  const sampleLower = choleskyOrNull(stats.covariance);
  if (sampleLower === null || n <= d) {
    throw new RangeError(
      `${fn} requires rows to have a positive definite sample covariance (at least ${d + 1} points, not on one hyperplane)`,
    );
  }
  let radius = 1;
  for (let j = 0; j < d; j++) {
    radius = Math.max(radius, Math.sqrt(stats.covariance[j][j]), Math.abs(initMean[j] - stats.mean[j]));
    for (let k = j; k < values.length; k += d) radius = Math.max(radius, Math.abs(values[k] - stats.mean[j]));
  }
  radius *= DEFAULTS.divergenceFactor;
  const logScaleLimit = Math.log(DEFAULTS.divergenceFactor);
  const sampleLogDiagonal = sampleLower.map((row, j) => Math.log(row[j]));
  const offPositions = lowerPositions(d);

  const first = { mean: initMean.slice(), lower: initLower };
  const path: GaussianIterate[] = [{ mean: first.mean, covariance: lowerTimesTranspose(initLower) }];
  const logLikelihoods: number[] = [fullLogLikelihood(n, d, stats, first.mean, initLower)];
  let previous = packParameters(first.mean, initLower, offPositions);
  let status: FitStatus = 'max-steps';
  let steps = 0;
  let smallSteps = 0;

  let data: Tensor2D | null = null;
  const variables: Variable[] = [];
  let optimizer: Optimizer | null = null;
  try {
    data = rowsTensor(matrix);
    const x = data;
    const makeVariable = (values: number[]) =>
      tf.tidy(() => tf.variable(tf.tensor1d(values, 'float32'), true, undefined, 'float32'));
    const meanVariable = makeVariable(first.mean);
    const logDiagonalVariable = makeVariable(initLower.map((row, j) => Math.log(row[j])));
    variables.push(meanVariable, logDiagonalVariable);
    const offVariable = offPositions.length > 0 ? makeVariable(offPositions.map(([i, j]) => initLower[i][j])) : null;
    if (offVariable !== null) variables.push(offVariable);
    optimizer = makeOptimizer(optimizerName, learningRate);
    const opt = optimizer;
    const scale = objective === 'mean' ? 1 / n : 1;
    const gatherIndex = lowerGatherIndex(d, offPositions.length);
    for (let step = 1; step <= maxSteps; step++) {
      const readback = tf.tidy(() => {
        const cost = opt.minimize(
          () => {
            const lower = assembleLower(logDiagonalVariable, offVariable, gatherIndex, d);
            const value = logLikelihoodTensor(x, meanVariable, lower, logDiagonalVariable, d);
            return tf.mul(-scale, value) as Scalar;
          },
          true,
          variables,
        ) as Scalar;
        const parts: Tensor[] = [meanVariable, logDiagonalVariable];
        if (offVariable !== null) parts.push(offVariable);
        parts.push(tf.reshape(cost, [1]));
        return tf.concat(parts);
      });
      const values = Array.from(readback.dataSync());
      readback.dispose();
      steps = step;
      if (!values.every(Number.isFinite)) {
        status = 'diverged';
        break;
      }
      const next = values.slice(0, values.length - 1);
      const { mean, lower, logDiagonal } = unpackParameters(next, d, offPositions);
      const logLikelihood = fullLogLikelihood(n, d, stats, mean, lower);
      const covariance = lowerTimesTranspose(lower);
      path.push({ mean, covariance });
      logLikelihoods.push(logLikelihood);
      if (onProgress !== undefined && step % progressEvery === 0) {
        onProgress(
          step,
          mean.slice(),
          covariance.map((row) => row.slice()),
          logLikelihood,
        );
      }
      let change = 0;
      for (let k = 0; k < next.length; k++) change = Math.max(change, Math.abs(next[k] - previous[k]));
      previous = next;
      const farMean = mean.some((m, j) => Math.abs(m - stats.mean[j]) > radius);
      const farScale = logDiagonal.some((s, j) => Math.abs(s - sampleLogDiagonal[j]) > logScaleLimit);
      if (farMean || farScale || !Number.isFinite(logLikelihood)) {
        status = 'diverged';
        break;
      }
      smallSteps = change < tolerance ? smallSteps + 1 : 0;
      if (smallSteps >= 2) {
        status = 'converged';
        break;
      }
    }
  } finally {
    disposeOptimizer(optimizer);
    for (const variable of variables) variable.dispose();
    releaseRowsTensor(matrix, data);
  }
  if (!Number.isFinite(logLikelihoods[logLikelihoods.length - 1]) && path.length > 1) {
    path.pop();
    logLikelihoods.pop();
  }
  const last = path[path.length - 1];
  return {
    mean: last.mean.slice(),
    covariance: last.covariance.map((row) => row.slice()),
    path,
    logLikelihoods,
    steps,
    status,
  };
}

/** The (i, j) positions below the diagonal, row by row: the order of the off-diagonal parameters. */
function lowerPositions(d: number): [number, number][] {
  const positions: [number, number][] = [];
  for (let i = 1; i < d; i++) for (let j = 0; j < i; j++) positions.push([i, j]);
  return positions;
}

/**
 * Where each entry of the d x d factor comes from in [exp(s_0..s_{d-1}), off_0.., 0]: the diagonal
 * from the first block, the lower entries from the second, the upper ones from the final zero.
 */
function lowerGatherIndex(d: number, offCount: number): number[] {
  const index: number[] = [];
  let off = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      if (i === j) index.push(i);
      else if (j < i) index.push(d + off++);
      else index.push(d + offCount);
    }
  }
  return index;
}

function assembleLower(logDiagonal: Variable, off: Variable | null, gatherIndex: number[], d: number): Tensor2D {
  const parts: Tensor[] = [tf.exp(logDiagonal)];
  if (off !== null) parts.push(off);
  parts.push(tf.zeros([1]));
  return tf.reshape(tf.gather(tf.concat(parts), tf.tensor1d(gatherIndex, 'int32')), [d, d]) as Tensor2D;
}

/**
 * L(mu, Sigma) on tensors with Sigma = L L^T: -n/2 d log(2 pi) - n sum_j s_j - 1/2 sum |L^-1 (x - mu)|^2,
 * the solve by forward substitution over the d columns (d is small).
 */
function logLikelihoodTensor(x: Tensor2D, mean: Variable, lower: Tensor2D, logDiagonal: Variable, d: number): Scalar {
  const n = x.shape[0];
  // Slices rather than unstack: unstack's gradient fails when some of its outputs go unused.
  const residual = tf.sub(x, mean as Tensor as Tensor1D);
  const flat = tf.reshape(lower, [d * d]);
  const entry = (j: number, k: number) => tf.slice(flat, [j * d + k], [1]);
  const solved: Tensor[] = [];
  for (let j = 0; j < d; j++) {
    let numerator: Tensor = tf.slice(residual, [0, j], [n, 1]);
    for (let k = 0; k < j; k++) numerator = tf.sub(numerator, tf.mul(entry(j, k), solved[k]));
    solved.push(tf.div(numerator, entry(j, j)));
  }
  const squares = tf.addN(solved.map((z) => tf.sum(tf.square(z))));
  const constant = (-n * d * Math.log(2 * Math.PI)) / 2;
  return tf.sub(tf.sub(constant, tf.mul(n, tf.sum(logDiagonal))), tf.mul(0.5, squares)) as Scalar;
}

function packParameters(mean: number[], lower: number[][], offPositions: [number, number][]): number[] {
  return [...mean, ...lower.map((row, j) => Math.log(row[j])), ...offPositions.map(([i, j]) => lower[i][j])];
}

function unpackParameters(
  values: number[],
  d: number,
  offPositions: [number, number][],
): { mean: number[]; lower: number[][]; logDiagonal: number[] } {
  const mean = values.slice(0, d);
  const logDiagonal = values.slice(d, 2 * d);
  const lower = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (__, j) => (i === j ? Math.exp(logDiagonal[i]) : 0)),
  );
  offPositions.forEach(([i, j], k) => {
    lower[i][j] = values[2 * d + k];
  });
  return { mean, lower, logDiagonal };
}

function lowerTimesTranspose(lower: number[][]): number[][] {
  const d = lower.length;
  const product: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = 0; k <= j; k++) sum += lower[i][k] * lower[j][k];
      product[i][j] = sum;
      product[j][i] = sum;
    }
  }
  return product;
}

/**
 * The full log-likelihood in float64 from sufficient statistics (sample mean m, MLE covariance S):
 * -n/2 [d log(2 pi) + log|Sigma| + tr(Sigma^-1 S) + (m - mu)^T Sigma^-1 (m - mu)].
 */
function fullLogLikelihood(
  n: number,
  d: number,
  stats: { mean: number[]; covariance: number[][] },
  mean: number[],
  lower: number[][],
): number {
  let logDeterminant = 0;
  for (let j = 0; j < d; j++) logDeterminant += 2 * Math.log(lower[j][j]);
  // tr(Sigma^-1 S) = |L^-1 C|_F^2 with S = C C^T, and the between term = |L^-1 (m - mu)|^2.
  const sampleFactor = choleskyOrNull(stats.covariance) as number[][];
  let trace = 0;
  for (let c = 0; c < d; c++)
    trace += squaredSolve(
      lower,
      sampleFactor.map((row) => row[c]),
    );
  const between = squaredSolve(
    lower,
    stats.mean.map((m, j) => m - mean[j]),
  );
  return (-n / 2) * (d * Math.log(2 * Math.PI) + logDeterminant + trace + between);
}

/** |L^-1 v|^2 by forward substitution. */
function squaredSolve(lower: number[][], v: number[]): number {
  const y: number[] = [];
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    let value = v[i];
    for (let k = 0; k < i; k++) value -= lower[i][k] * y[k];
    y.push(value / lower[i][i]);
    sum += y[i] * y[i];
  }
  return sum;
}

/** Lower Cholesky factor, or null when the matrix is not positive definite. */
function choleskyOrNull(matrix: number[][]): number[][] | null {
  const d = matrix.length;
  const lower: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let j = 0; j < d; j++) {
    let diagonal = matrix[j][j];
    for (let k = 0; k < j; k++) diagonal -= lower[j][k] * lower[j][k];
    if (!(diagonal > 0) || !Number.isFinite(diagonal)) return null;
    lower[j][j] = Math.sqrt(diagonal);
    for (let i = j + 1; i < d; i++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= lower[i][k] * lower[j][k];
      lower[i][j] = sum / lower[j][j];
    }
  }
  return lower;
}

function identity(d: number): number[][] {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (__, j) => (i === j ? 1 : 0)));
}
