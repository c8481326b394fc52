import { assertCovariance, assertInteger, assertOptions, assertVector, describeValue } from '../guards';
import { createStandardNormalGenerator } from './seeded-normal';

/** At most this many rows per call (arrays of plain numbers: about a gigabyte at d = 2). */
const MAX_ROWS = 1e7;

/** Options of `sampleMultivariateNormal`. */
export interface SampleMultivariateNormalOptions {
  /**
   * Seed of the generator: a non-negative safe integer. Same seed, same rows, on every machine and backend.
   * @default 0
   */
  seed?: number;
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
 * @param options `{ seed }` (default 0)
 * @returns n rows of length d
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when n is not an integer in [1, 10^7], an option key is unknown, mean is empty, the covariance has the
 *   wrong shape or is not symmetric positive definite, or the seed is not a non-negative integer
 * @example
 * const rows = sampleMultivariateNormal(10000, [1, 1], [[5, 0], [0, 5]], { seed: 0 });
 * rows.length; // => 10000
 */
export function sampleMultivariateNormal(
  n: number,
  mean: number[],
  covariance: number[][],
  options: SampleMultivariateNormalOptions = {},
): number[][] {
  const fn = 'sampleMultivariateNormal';
  assertInteger(fn, 'n', n);
  if (n > MAX_ROWS) throw new RangeError(`${fn} requires n to be at most ${MAX_ROWS}, got ${n}`);
  if (!Array.isArray(mean)) throw new TypeError(`${fn} requires mean to be an array of numbers, got ${describeValue(mean)}`);
  if (mean.length === 0) throw new RangeError(`${fn} requires mean to have at least one entry`);
  const d = mean.length;
  assertVector(fn, 'mean', mean, d);
  const lower = assertCovariance(fn, 'covariance', covariance, d);
  assertOptions(fn, options, ['seed']);
  const seed = options.seed ?? 0;
  assertInteger(fn, 'options.seed', seed, 0);
  const normal = createStandardNormalGenerator(seed);
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
