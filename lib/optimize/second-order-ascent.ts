import type { Scalar, Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs';
import { tf } from '../backend';
import {
  assertCovariance,
  assertFiniteNumber,
  assertInteger,
  assertOneOf,
  assertOptions,
  assertPositive,
  assertVector,
} from '../guards';
import { readRows } from '../data/dense-rows';
import type { DataRows } from '../data/dense-rows';
import { releaseRowsTensor, rowsTensor } from '../data/rows-tensor';
import { momentsOfRows } from '../estimators/multivariate-gaussian';
import { spdInverse } from '../linalg/spd-inverse';
import type { FitStatus } from './fit-gaussian-mean';

/** How a step turns the gradient g of L into a move of the mean. */
export type StepRule = 'gradient' | 'newton' | 'natural-gradient';

/** All step rules, first order first. */
export const STEP_RULES: readonly StepRule[] = ['gradient', 'newton', 'natural-gradient'];

/** Options of `secondOrderAscent`. */
export interface SecondOrderAscentOptions {
  /**
   * 'gradient': mu <- mu + lr g (plain ascent). 'newton': mu <- mu - lr H^-1 g with the Hessian H
   * of L by automatic differentiation (second derivatives). 'natural-gradient':
   * mu <- mu + lr F^-1 g with F = n Sigma^-1, the Fisher information of the mean.
   * @default 'newton'
   */
  method?: StepRule;
  /**
   * Step size, > 0. Newton and the natural gradient are scale-free: 1 is the full step.
   * Plain ascent needs lr < 2 / (n lambda_max(Sigma^-1)) (`learningRateBound`).
   * @default 1 for 'newton' and 'natural-gradient'; for 'gradient' there is no safe default and the
   *   option is required
   */
  learningRate?: number;
  /**
   * Maximum number of steps, a positive integer.
   * @default 100
   */
  maxSteps?: number;
  /**
   * Converged when two consecutive steps moved no coordinate by this much or more (>= 0).
   * @default 1e-6
   */
  tolerance?: number;
  /**
   * Starting mean, length d.
   * @default zeros
   */
  init?: number[];
}

/** The outcome of `secondOrderAscent`: plain data, finite numbers only. */
export interface SecondOrderAscentResult {
  /** The final mean (the last point of `path`). */
  mean: number[];
  /** Every iterate, path[0] = init. */
  path: number[][];
  /** logLikelihoods[i] = the assignment's L at path[i] on all rows (no normalising constant), float64. */
  logLikelihoods: number[];
  /**
   * The Hessian of L at the first iterate, from automatic differentiation (float32): for this L it is
   * -n Sigma^-1 everywhere. Filled for every method, so a notebook can check it against -n Sigma^-1.
   */
  hessian: number[][];
  /** Steps taken. */
  steps: number;
  /** As for `fitGaussianMean`: 'converged', 'max-steps' or 'diverged' (non-finite, or 1e6 R away). */
  status: FitStatus;
}

const DEFAULTS = { method: 'newton' as StepRule, learningRate: 1, maxSteps: 100, tolerance: 1e-6, divergenceFactor: 1e6 };

/**
 * Second-order steps for the Gaussian mean with known covariance, beside first-order ascent on
 * the assignment's L(mu) = sum_i -1/2 (x_i - mu)^T Sigma^-1 (x_i - mu).
 *
 * The gradient g = n Sigma^-1 (x-bar - mu) comes from TensorFlow.js autodiff (float32). L is a
 * quadratic with Hessian H = -n Sigma^-1, so plain ascent contracts the error along the k-th
 * eigenvector of Sigma^-1 (eigenvalue lambda_k) by |1 - lr n lambda_k| per step: an
 * ill-conditioned Sigma forces lr below 2 / (n lambda_max) and leaves the flat directions crawling.
 * Newton's step -H^-1 g (H from second-order autodiff, one backward pass per coordinate)
 * rescales every direction by its own curvature and lands on x-bar in one step at lr = 1. The
 * natural gradient preconditions by the inverse Fisher information F^-1 = Sigma / n of the mean;
 * for this model F = -H, so it is Newton's step, and lr < 1 contracts every direction by the
 * same 1 - lr. (They differ for models whose Hessian depends on the data, e.g. with a prior.)
 *
 * @param rows the data, n rows of length d: an array of rows, a `DenseRows` (uploaded once as
 *   float32) or a float32 `tf.Tensor2D` [n, d] (used as it is, never disposed)
 * @param covariance the known d x d covariance, symmetric positive definite
 * @param options see {@link SecondOrderAscentOptions}
 * @returns `{ mean, path, logLikelihoods, hessian, steps, status }`
 * @throws {TypeError} when an argument or option has the wrong type (including data in none of
 *   the three forms, a disposed or non-float32 tensor)
 * @throws {RangeError} when the data or covariance are invalid, an option is out of range, or
 *   method 'gradient' is asked for without a learningRate
 * @example
 * const rows = sampleMultivariateNormal(1000, [1, 1], [[10, 0], [0, 0.5]], { seed: 0 });
 * const newton = secondOrderAscent(rows, [[10, 0], [0, 0.5]], { method: 'newton' });
 * newton.path[1]; // => the sample mean (to float32 precision): one step
 */
export function secondOrderAscent(
  rows: DataRows,
  covariance: number[][],
  options: SecondOrderAscentOptions = {},
): SecondOrderAscentResult {
  const fn = 'secondOrderAscent';
  const matrix = readRows(fn, 'rows', rows);
  const { values, n, d } = matrix;
  assertCovariance(fn, 'covariance', covariance, d);
  assertOptions(fn, options);
  const method = options.method ?? DEFAULTS.method;
  assertOneOf(fn, 'options.method', method, STEP_RULES);
  if (method === 'gradient' && options.learningRate === undefined) {
    throw new RangeError(`${fn} requires options.learningRate with method 'gradient' (below 2 / (n lambda_max(Sigma^-1)))`);
  }
  const learningRate = options.learningRate ?? DEFAULTS.learningRate;
  assertPositive(fn, 'options.learningRate', learningRate);
  const maxSteps = options.maxSteps ?? DEFAULTS.maxSteps;
  assertInteger(fn, 'options.maxSteps', maxSteps);
  const tolerance = options.tolerance ?? DEFAULTS.tolerance;
  assertFiniteNumber(fn, 'options.tolerance', tolerance);
  if (tolerance < 0) throw new RangeError(`${fn} requires options.tolerance to be non-negative, got ${tolerance}`);
  const init = options.init ?? new Array<number>(d).fill(0);
  assertVector(fn, 'options.init', init, d);

  const precision = spdInverse(covariance);
  const stats = momentsOfRows(matrix);
  const logLikelihoodAt = quadraticLogLikelihood(n, precision, stats);
  let radius = 1;
  for (let j = 0; j < d; j++) {
    radius = Math.max(radius, Math.sqrt(covariance[j][j]), Math.abs(init[j] - stats.mean[j]));
    for (let k = j; k < values.length; k += d) radius = Math.max(radius, Math.abs(values[k] - stats.mean[j]));
  }
  radius *= DEFAULTS.divergenceFactor;

  const path: number[][] = [init.slice()];
  const logLikelihoods = [logLikelihoodAt(init)];
  let hessian: number[][] = [];
  let status: FitStatus = 'max-steps';
  let steps = 0;
  let smallSteps = 0;
  let data: Tensor2D | null = null;
  let precisionTensor: Tensor2D | null = null;
  try {
    data = rowsTensor(matrix);
    precisionTensor = tf.tensor2d(precision, [d, d], 'float32');
    const [x, p] = [data, precisionTensor];
    const objective = (mu: Tensor) => assignmentLogLikelihood(x, mu as Tensor1D, p);
    const gradientOf = tf.grad(objective);
    for (let step = 1; step <= maxSteps; step++) {
      const current = path[path.length - 1];
      const gradient = tf.tidy(() => Array.from(gradientOf(tf.tensor1d(current, 'float32')).dataSync()));
      if (step === 1 || method === 'newton') {
        hessian = tf.tidy(() => hessianRows(gradientOf, current));
      }
      let move: number[];
      if (method === 'gradient') move = gradient.map((g) => learningRate * g);
      else if (method === 'newton') move = solve(hessian, gradient).map((v) => -learningRate * v);
      else move = covariance.map((row) => (learningRate * row.reduce((s, c, j) => s + c * gradient[j], 0)) / n);
      const next = current.map((m, j) => m + move[j]);
      steps = step;
      if (!next.every(Number.isFinite)) {
        status = 'diverged';
        break;
      }
      path.push(next);
      const logLikelihood = logLikelihoodAt(next);
      logLikelihoods.push(logLikelihood);
      if (!Number.isFinite(logLikelihood) || next.some((m, j) => Math.abs(m - stats.mean[j]) > radius)) {
        status = 'diverged';
        break;
      }
      smallSteps = move.every((v) => Math.abs(v) < tolerance) ? smallSteps + 1 : 0;
      if (smallSteps >= 2) {
        status = 'converged';
        break;
      }
    }
  } finally {
    releaseRowsTensor(matrix, data);
    precisionTensor?.dispose();
  }
  if (!Number.isFinite(logLikelihoods[logLikelihoods.length - 1])) {
    path.pop();
    logLikelihoods.pop();
  }
  return { mean: path[path.length - 1].slice(), path, logLikelihoods, hessian, steps, status };
}

/** The assignment's L on tensors (internal). */
function assignmentLogLikelihood(x: Tensor2D, mu: Tensor1D, precision: Tensor2D): Scalar {
  const diff = tf.sub(x, mu);
  return tf.mul(-0.5, tf.sum(tf.mul(tf.matMul(diff, precision), diff))) as Scalar;
}

/** Row j of the Hessian = the gradient of the j-th gradient component: second-order autodiff. */
function hessianRows(gradientOf: (mu: Tensor) => Tensor, at: number[]): number[][] {
  const d = at.length;
  const point = tf.tensor1d(at, 'float32');
  const rows: number[][] = [];
  for (let j = 0; j < d; j++) {
    const component = tf.grad((mu: Tensor) =>
      tf.sum(tf.mul(gradientOf(mu), tf.oneHot(tf.tensor1d([j], 'int32'), d).reshape([d]))),
    );
    rows.push(Array.from(component(point).dataSync()));
  }
  return rows;
}

/** Solves A x = b by Gaussian elimination with partial pivoting, in float64 (d is small). */
function solve(a: number[][], b: number[]): number[] {
  const d = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < d; c++) {
    let pivot = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    for (let r = c + 1; r < d; r++) {
      const factor = m[r][c] / m[c][c];
      for (let k = c; k <= d; k++) m[r][k] -= factor * m[c][k];
    }
  }
  const x = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let sum = m[r][d];
    for (let k = r + 1; k < d; k++) sum -= m[r][k] * x[k];
    x[r] = sum / m[r][r];
  }
  return x;
}

/** L(mu) = -n/2 [tr(P S) + (x-bar - mu)^T P (x-bar - mu)] from sufficient statistics, float64. */
function quadraticLogLikelihood(
  n: number,
  precision: number[][],
  stats: { mean: number[]; covariance: number[][] },
): (mu: number[]) => number {
  const d = precision.length;
  let within = 0;
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) within += precision[a][b] * stats.covariance[b][a];
  return (mu) => {
    let between = 0;
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) between += precision[a][b] * (stats.mean[a] - mu[a]) * (stats.mean[b] - mu[b]);
    }
    return (-n / 2) * (within + between);
  };
}
