import { assertCovariance, assertInteger, assertOneOf, assertOptions, assertVector, describeValue } from '../guards';
import type { DenseRows } from '../data/dense-rows';
import { FLOAT32_MAX } from '../numeric/float32';
import { createStandardNormalGenerator } from './seeded-normal';

/** At most this many rows per call as arrays of rows (plain numbers: about a gigabyte at d = 2). */
const MAX_ROWS = 1e7;
/** At most this many entries (n d) in the dense form: 1e8 float64 values are 800 MB. */
const MAX_DENSE_ENTRIES = 1e8;

/** Options of `sampleMultivariateNormal`. */
export interface SampleMultivariateNormalOptions {
  /**
   * Seed of the generator: a non-negative safe integer. Same seed, same rows, on every machine and backend.
   * @default 0
   */
  seed?: number;
  /**
   * 'rows': an array of n rows (number[][]), for notebooks and small data. 'dense': a
   * {@link DenseRows} `{ data, rows: n, cols: d }`, one typed array, for large n (10^7 points in
   * 160 MB as float64, 80 MB as float32, where arrays of rows take about a gigabyte).
   * @default 'rows'
   */
  format?: 'rows' | 'dense';
  /**
   * The typed array of the 'dense' format: 'float64' holds exactly the numbers of the 'rows' format;
   * 'float32' rounds them to float32 (what a float32 tensor holds anyway) and halves the memory.
   * Only with format 'dense'.
   * @default 'float64'
   */
  dtype?: 'float64' | 'float32';
}

/**
 * Draws n rows from the multivariate normal N(mean, covariance), reproducibly, in float64.
 *
 * x = mean + L z where L L^T = covariance (Cholesky) and z has independent standard normal
 * entries from `createStandardNormalGenerator(seed)` (row by row, coordinate by coordinate).
 * Replaces the starter code's `np.random.multivariate_normal(mu, sigma, n)` with a draw that is identical
 * on every machine and backend, because it involves no tensors and no `Math.random`.
 *
 * @param n number of rows, an integer in [1, 10^7]
 * @param mean the mean vector, length d >= 1
 * @param covariance a d x d symmetric positive definite matrix
 * @param options `{ seed, format, dtype }` (defaults 0, 'rows', 'float64')
 * @returns n rows of length d; with `format: 'dense'` the same numbers as a {@link DenseRows}
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when n is not an integer in [1, 10^7], an option key is unknown, mean is empty, the covariance has the
 *   wrong shape or is not symmetric positive definite, or the seed is not a non-negative integer
 * @example
 * const rows = sampleMultivariateNormal(10000, [1, 1], [[5, 0], [0, 5]], { seed: 0 });
 * rows.length; // => 10000
 * const big = sampleMultivariateNormal(1e7, [1, 1], [[5, 0], [0, 5]], { format: 'dense', dtype: 'float32' });
 * big.data.length; // => 20000000
 */
export function sampleMultivariateNormal(
  n: number,
  mean: number[],
  covariance: number[][],
  options?: SampleMultivariateNormalOptions & { format?: 'rows' },
): number[][];
export function sampleMultivariateNormal(
  n: number,
  mean: number[],
  covariance: number[][],
  options: SampleMultivariateNormalOptions & { format: 'dense' },
): DenseRows;
export function sampleMultivariateNormal(
  n: number,
  mean: number[],
  covariance: number[][],
  options?: SampleMultivariateNormalOptions,
): number[][] | DenseRows;
export function sampleMultivariateNormal(
  n: number,
  mean: number[],
  covariance: number[][],
  options: SampleMultivariateNormalOptions = {},
): number[][] | DenseRows {
  const fn = 'sampleMultivariateNormal';
  assertInteger(fn, 'n', n);
  if (!Array.isArray(mean)) throw new TypeError(`${fn} requires mean to be an array of numbers, got ${describeValue(mean)}`);
  if (mean.length === 0) throw new RangeError(`${fn} requires mean to have at least one entry`);
  const d = mean.length;
  assertVector(fn, 'mean', mean, d);
  const lower = assertCovariance(fn, 'covariance', covariance, d);
  assertOptions(fn, options, ['seed', 'format', 'dtype']);
  const seed = options.seed ?? 0;
  assertInteger(fn, 'options.seed', seed, 0);
  const format = options.format ?? 'rows';
  assertOneOf(fn, 'options.format', format, ['rows', 'dense'] as const);
  if (format === 'rows' && n > MAX_ROWS) {
    throw new RangeError(`${fn} requires n to be at most ${MAX_ROWS} with format 'rows' (use format 'dense' for more), got ${n}`);
  }
  if (format === 'dense' && n * d > MAX_DENSE_ENTRIES) {
    throw new RangeError(`${fn} requires n d to be at most ${MAX_DENSE_ENTRIES} with format 'dense', got ${n} x ${d}`);
  }
  if (options.dtype !== undefined && format !== 'dense') {
    throw new RangeError(`${fn} requires options.format to be 'dense' when options.dtype is given, got '${format}'`);
  }
  const dtype = options.dtype ?? 'float64';
  assertOneOf(fn, 'options.dtype', dtype, ['float64', 'float32'] as const);
  const normal = createStandardNormalGenerator(seed);
  if (format === 'dense') return sampleDense(n, mean, lower, normal, dtype);
  const rows: number[][] = new Array(n);
  const z = new Array<number>(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) z[j] = normal();
    const row = new Array<number>(d);
    for (let i = 0; i < d; i++) {
      let value = mean[i];
      for (let j = 0; j <= i; j++) value += lower[i][j] * z[j];
      row[i] = value;
    }
    rows[r] = row;
  }
  return rows;
}

/** The same draws as the 'rows' format, row by row, into one typed array (internal). */
function sampleDense(
  n: number,
  mean: number[],
  lower: number[][],
  normal: () => number,
  dtype: 'float64' | 'float32',
): DenseRows {
  const fn = 'sampleMultivariateNormal';
  const d = mean.length;
  const data = dtype === 'float64' ? new Float64Array(n * d) : new Float32Array(n * d);
  const z = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) z[j] = normal();
    for (let i = 0; i < d; i++) {
      let value = mean[i];
      for (let j = 0; j <= i; j++) value += lower[i][j] * z[j];
      if (dtype === 'float32' && Math.abs(value) > FLOAT32_MAX) {
        throw new RangeError(
          `${fn} requires the draws to be within float32's range (|x| <= ${FLOAT32_MAX}) for dtype 'float32', got ${value} at row ${r}`,
        );
      }
      data[r * d + i] = value;
    }
  }
  return { data, rows: n, cols: d };
}
