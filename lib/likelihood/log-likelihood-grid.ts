import { assertBoolean, assertCovariance, assertInteger, assertOptions, assertFiniteNumber, describeValue } from '../guards';
import { readRows } from '../data/dense-rows';
import type { DataRows } from '../data/dense-rows';
import { logDeterminantFromCholesky, inverseFromCholesky } from '../linalg/spd-inverse';
import { logNormalizer } from './gaussian-log-likelihood';
import { fullDataLogLikelihood } from './full-data-log-likelihood';
import { linspace } from '../numeric/linspace';

/** At most this many grid points per axis: 4 million cells, about 100 MB as arrays. */
const MAX_STEPS = 2000;

/** Options of `logLikelihoodGrid`. */
export interface LogLikelihoodGridOptions {
  /**
   * [min, max] of the first mean coordinate (the heatmap's horizontal axis), min < max.
   * @default [-5, 5]
   */
  xRange?: [number, number];
  /**
   * [min, max] of the second mean coordinate (the vertical axis), min < max.
   * @default [-5, 5]
   */
  yRange?: [number, number];
  /**
   * Grid points per axis (like `np.linspace(min, max, steps)`, both ends included), an integer in
   * [2, 2000] (at most 4 million cells; beyond that a RangeError, not an out-of-memory crash).
   * @default 100
   */
  steps?: number;
  /**
   * Include the normalising constant -n/2 log((2 pi)^2 |Sigma|) (see `gaussianLogLikelihood`).
   * @default false
   */
  normalized?: boolean;
}

/** The log-likelihood surface over a grid of candidate means: plain data. */
export interface LogLikelihoodGrid {
  /** Candidate values of the first mean coordinate, ascending (columns of `values`). */
  xs: number[];
  /** Candidate values of the second mean coordinate, ascending (rows of `values`). */
  ys: number[];
  /** values[i][j] = L(rows, [xs[j], ys[i]], covariance): row i is ys[i], column j is xs[j] (like `np.meshgrid`). */
  values: number[][];
}

/**
 * The log-likelihood L(mu) of 2-D data over a grid of candidate means mu = (x, y), in float64: the
 * surface behind the starter code's `vizualize` heatmap.
 *
 * Orientation: `values[i][j]` is L at mu = (xs[j], ys[i]), i.e. rows follow y and columns follow x,
 * exactly as `np.meshgrid(xs, ys)` lays out `z` for `plt.pcolormesh(x, y, z)`.
 *
 * Cost is O(steps^2 + n), not O(steps^2 n): with the sufficient statistics n, the sample mean
 * x-bar and the centred scatter matrix,
 * L(mu) = -1/2 [ sum_i (x_i - x-bar)^T P (x_i - x-bar) + n (x-bar - mu)^T P (x-bar - mu) ] with
 * P = Sigma^-1. Centring keeps this accurate (the expanded sum x x^T form cancels badly). It agrees
 * with the direct sum of `gaussianLogLikelihood` to rounding.
 *
 * @param rows the data, n rows of length 2 (an array of rows, a `DenseRows` or a float32 tensor [n, 2])
 * @param covariance a 2 x 2 symmetric positive definite matrix
 * @param options `{ xRange = [-5, 5], yRange = [-5, 5], steps = 100, normalized = false }`
 * @returns `{ xs, ys, values }`
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when the data are empty, ragged or not 2-D, the covariance is not 2 x 2
 *   symmetric positive definite, a range is not finite with min < max, steps is not an integer in
 *   [2, 2000], or an option key is unknown. Ranges may span all of float64 ([-1e308, 1e308]: the
 *   coordinates stay finite); where L itself overflows float64 a value is -Infinity.
 * @example
 * const grid = logLikelihoodGrid([[1, 1], [3, 1]], [[1, 0], [0, 1]], { xRange: [0, 4], yRange: [0, 2], steps: 3 });
 * grid.xs; // => [0, 2, 4]
 * grid.values[1][1]; // => -1 (mu = (2, 1))
 */
export function logLikelihoodGrid(
  rows: DataRows,
  covariance: number[][],
  options: LogLikelihoodGridOptions = {},
): LogLikelihoodGrid {
  const fn = 'logLikelihoodGrid';
  const matrix = readRows(fn, 'rows', rows, 2);
  const lower = assertCovariance(fn, 'covariance', covariance, 2);
  assertOptions(fn, options, ['xRange', 'yRange', 'steps', 'normalized']);
  const xRange = options.xRange ?? [-5, 5];
  const yRange = options.yRange ?? [-5, 5];
  const steps = options.steps ?? 100;
  const normalized = options.normalized ?? false;
  assertRange(fn, 'options.xRange', xRange);
  assertRange(fn, 'options.yRange', yRange);
  assertInteger(fn, 'options.steps', steps, 2);
  if (steps > MAX_STEPS)
    throw new RangeError(
      `${fn} requires options.steps to be at most ${MAX_STEPS} (a grid of ${MAX_STEPS}^2 cells), got ${steps}`,
    );
  assertBoolean(fn, 'options.normalized', normalized);

  const precision = inverseFromCholesky(lower);
  const logLikelihood = fullDataLogLikelihood(matrix, precision);
  const constant = normalized ? logNormalizer(matrix.n, 2, logDeterminantFromCholesky(lower)) : 0;
  const xs = linspace(xRange[0], xRange[1], steps);
  const ys = linspace(yRange[0], yRange[1], steps);
  const values = ys.map((y) => xs.map((x) => logLikelihood.at([x, y]) + constant));
  return { xs, ys, values };
}

function assertRange(fn: string, arg: string, range: unknown): void {
  if (!Array.isArray(range)) throw new TypeError(`${fn} requires ${arg} to be an array [min, max], got ${describeValue(range)}`);
  if (range.length !== 2) throw new RangeError(`${fn} requires ${arg} to have length 2, got ${range.length}`);
  assertFiniteNumber(fn, `${arg}[0]`, range[0]);
  assertFiniteNumber(fn, `${arg}[1]`, range[1]);
  if (!(range[0] < range[1])) throw new RangeError(`${fn} requires ${arg} to have min < max, got [${range[0]}, ${range[1]}]`);
}
