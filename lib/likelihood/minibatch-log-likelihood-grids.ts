import { assertInteger, assertOptions } from '../guards';
import { readRows } from '../data/dense-rows';
import type { DataRows } from '../data/dense-rows';
import { createUniformGenerator } from '../random/seeded-uniform';
import { sampleWithoutReplacement } from '../random/sample-without-replacement';
import { logLikelihoodGrid } from './log-likelihood-grid';
import type { LogLikelihoodGrid, LogLikelihoodGridOptions } from './log-likelihood-grid';

/** Options of `minibatchLogLikelihoodGrids`: the batches, and the grid (as `logLikelihoodGrid`). */
export interface MinibatchLogLikelihoodGridsOptions extends LogLikelihoodGridOptions {
  /** Points per mini-batch, k, an integer in [1, n]. Required. */
  batchSize: number;
  /** How many mini-batches, an integer >= 1. @default 3 */
  count?: number;
  /** Seed of the batch draws, a non-negative integer. @default 0 */
  seed?: number;
}

/** One mini-batch's log-likelihood on the grid, with the factor that puts it on the full-data scale. */
export interface MinibatchLogLikelihoodGrid {
  /** e.g. 'mini-batch 2 of 100 points'. */
  name: string;
  /** L of the batch alone over the grid (as `logLikelihoodGrid(batchRows, ...)`). */
  grid: LogLikelihoodGrid;
  /** n / k: times this, the batch's L estimates the full-data L. */
  scale: number;
}

/**
 * The log-likelihood surfaces of a few random mini-batches of the data: what a stochastic step
 * climbs instead of the full-data L. Times `scale` = n / k, each is an unbiased estimate of the
 * full-data surface: for a Gaussian mean, the same bowl (same curvature) shifted to the batch's
 * mean, which is why stochastic paths wobble around the sample mean. Drawn as meshes over the
 * full surface by `surfaceTraces` (pass the result as its `extraSurfaces`).
 *
 * Batches are drawn without replacement from one generator seeded by `seed`, one after another
 * (the same batches on every run; not the batches an optimizer run with the same seed uses).
 *
 * @param rows the data, n rows of length 2: an array of rows, a `DenseRows` or a float32
 *   `tf.Tensor2D` [n, 2] (read once, never disposed); each batch is copied out as k rows
 * @param covariance a 2 x 2 symmetric positive definite matrix
 * @param options `{ batchSize, count = 3, seed = 0 }` and the grid's `{ xRange, yRange, steps, normalized }`
 * @returns one `{ name, grid, scale }` per batch
 * @throws {TypeError} when an argument has the wrong type (including data in none of the three forms)
 * @throws {RangeError} when batchSize is not an integer in [1, n], count is not a positive
 *   integer, or the data, covariance or grid options are invalid (as in `logLikelihoodGrid`)
 * @example
 * const meshes = minibatchLogLikelihoodGrids(rows, [[5, 0], [0, 5]], { batchSize: 100, steps: 81 });
 * meshes.map((m) => m.name); // => ['mini-batch 1 of 100 points', 'mini-batch 2 of 100 points', 'mini-batch 3 of 100 points']
 * meshes[0].scale; // => rows.length / 100
 */
export function minibatchLogLikelihoodGrids(
  rows: DataRows,
  covariance: number[][],
  options: MinibatchLogLikelihoodGridsOptions,
): MinibatchLogLikelihoodGrid[] {
  const fn = 'minibatchLogLikelihoodGrids';
  const { values, n } = readRows(fn, 'rows', rows, 2);
  assertOptions(fn, options, ['batchSize', 'count', 'seed', 'xRange', 'yRange', 'steps', 'normalized']);
  if (options === undefined) throw new TypeError(`${fn} requires options to be an object with a batchSize, got undefined`);
  const { batchSize, count = 3, seed = 0, ...gridOptions } = options;
  assertInteger(fn, 'options.batchSize', batchSize);
  if (batchSize > n) {
    throw new RangeError(`${fn} requires options.batchSize to be at most the number of rows (${n}), got ${batchSize}`);
  }
  assertInteger(fn, 'options.count', count);
  assertInteger(fn, 'options.seed', seed, 0);
  const uniform = createUniformGenerator(seed);
  return Array.from({ length: count }, (_, b) => {
    // The batch's rows, copied exactly (float32 entries are exact in float64), as a DenseRows.
    const batch = new Float64Array(2 * batchSize);
    sampleWithoutReplacement(n, batchSize, uniform).forEach((i, r) => {
      batch[2 * r] = values[2 * i];
      batch[2 * r + 1] = values[2 * i + 1];
    });
    return {
      name: `mini-batch ${b + 1} of ${batchSize} points`,
      grid: logLikelihoodGrid({ data: batch, rows: batchSize, cols: 2 }, covariance, gridOptions),
      scale: n / batchSize,
    };
  });
}
