import { assertFiniteNumber, assertObject, assertOptions, assertPositive } from '../guards';
import type { LinearModel } from '../likelihood/linear-regression-log-likelihood';
import { sampleMultivariateNormal } from './sample-multivariate-normal';

/**
 * Draws a seeded data set from the linear model: x_i ~ N(xMean, xVariance), y_i = slope x_i +
 * intercept + e_i with e_i ~ N(0, noiseVariance), all in float64 from one seeded stream (via
 * `sampleMultivariateNormal` on the independent pair (x, e)), the same on every machine.
 *
 * @param n number of points, a positive integer
 * @param model the true `{ slope, intercept, noiseVariance }`
 * @param options `{ seed, xMean, xVariance }` (defaults 0, 0, 1)
 * @returns `{ xs, ys }`
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when n, a variance or the seed is out of range
 * @example
 * const { xs, ys } = sampleLinearModel(3, { slope: 2, intercept: 1, noiseVariance: 0.5 }, { seed: 1 });
 * xs.length; // => 3
 */
export function sampleLinearModel(
  n: number,
  model: LinearModel,
  options: { seed?: number; xMean?: number; xVariance?: number } = {},
): { xs: number[]; ys: number[] } {
  const fn = 'sampleLinearModel';
  assertObject(fn, 'model', model);
  assertFiniteNumber(fn, 'model.slope', model.slope);
  assertFiniteNumber(fn, 'model.intercept', model.intercept);
  assertPositive(fn, 'model.noiseVariance', model.noiseVariance);
  assertOptions(fn, options, ['seed', 'xMean', 'xVariance']);
  const { seed = 0, xMean = 0, xVariance = 1 } = options;
  const rows = sampleMultivariateNormal(
    n,
    [xMean, 0],
    [
      [xVariance, 0],
      [0, model.noiseVariance],
    ],
    { seed },
  );
  return { xs: rows.map((r) => r[0]), ys: rows.map((r) => model.slope * r[0] + model.intercept + r[1]) };
}
