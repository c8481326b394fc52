import { assertFiniteArray, assertFiniteNumber, assertPositive } from '../guards';
import { compensatedSum } from '../numeric/compensated-sum';

/** What {@link densityProductVersusLogSum} finds: plain data. */
export interface DensityProductVersusLogSum {
  /** prod_i p(x_i) multiplied left to right in float64 (plain JavaScript numbers). */
  productFloat64: number;
  /** The same product with every factor and every partial product rounded to float32 (`Math.fround`). */
  productFloat32: number;
  /** Number of factors after which the float64 product first became exactly 0, or `null` if it never did. */
  underflowAfterFloat64: number | null;
  /** Number of factors after which the float32 product first became exactly 0, or `null` if it never did. */
  underflowAfterFloat32: number | null;
  /** sum_i log p(x_i) in float64: the log-likelihood, finite where the product is 0. */
  logSum: number;
}

/**
 * Why we take the log of a likelihood, in numbers: multiplies the N(mean, variance) densities of
 * all observations the naive way, in float64 and in float32, and adds their logs instead.
 *
 * Each density of a typical point is below 1 (for a standard normal at most 0.399), so the product
 * of n of them shrinks geometrically and falls below the smallest subnormal (about 4.9e-324 in
 * float64, 1.4e-45 in float32) after a few hundred (float64) or a few dozen (float32) factors: it
 * becomes exactly 0 and every maximiser is lost. The sum of log-densities,
 * sum_i [-(x_i - mean)^2 / (2 variance) - log(2 pi variance) / 2], stays of order n.
 *
 * @param xs the observations, at least one finite number
 * @param mean the mean of the Gaussian density
 * @param variance its variance, > 0
 * @returns the two products, when each hit 0, and the log-sum
 * @throws {TypeError} when an argument is not a number (array)
 * @throws {RangeError} when xs is empty or holds a non-finite number, or variance is not > 0
 * @example
 * const r = densityProductVersusLogSum(new Array(10000).fill(0), 0, 1);
 * [r.productFloat64, r.productFloat32, r.logSum.toFixed(4)]; // => [0, 0, '-9189.3853']
 */
export function densityProductVersusLogSum(xs: number[], mean: number, variance: number): DensityProductVersusLogSum {
  const fn = 'densityProductVersusLogSum';
  assertFiniteArray(fn, 'xs', xs);
  assertFiniteNumber(fn, 'mean', mean);
  assertPositive(fn, 'variance', variance);
  const logNormaliser = -0.5 * Math.log(2 * Math.PI * variance);
  const logDensities = xs.map((x) => logNormaliser - ((x - mean) * (x - mean)) / (2 * variance));
  let productFloat64 = 1;
  let productFloat32 = 1;
  let underflowAfterFloat64: number | null = null;
  let underflowAfterFloat32: number | null = null;
  logDensities.forEach((logDensity, i) => {
    const density = Math.exp(logDensity);
    productFloat64 *= density;
    productFloat32 = Math.fround(productFloat32 * Math.fround(density));
    if (productFloat64 === 0 && underflowAfterFloat64 === null) underflowAfterFloat64 = i + 1;
    if (productFloat32 === 0 && underflowAfterFloat32 === null) underflowAfterFloat32 = i + 1;
  });
  return { productFloat64, productFloat32, underflowAfterFloat64, underflowAfterFloat32, logSum: compensatedSum(logDensities) };
}
