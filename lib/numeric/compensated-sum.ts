/**
 * Sum of an array in float64 with Neumaier's compensation (improved Kahan–Babuška summation).
 *
 * Plain left-to-right summation loses about log2(n) bits; the compensated sum carries the
 * rounding error of every addition in a second accumulator, so the result is accurate to a few
 * ulps independent of n. Used by the closed-form estimators so that, e.g., a sample mean of 10^6
 * values near 10^9 is still exact to float64 precision.
 * See https://en.wikipedia.org/wiki/Kahan_summation_algorithm#Further_enhancements
 *
 * No validation: an internal building block; callers validate first.
 *
 * @param xs the numbers to add
 * @returns their sum (0 for an empty array)
 * @example
 * compensatedSum([1, 1e100, 1, -1e100]); // => 2
 */
export function compensatedSum(xs: ArrayLike<number>): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
    else compensation += x - t + sum;
    sum = t;
  }
  // An infinite partial sum makes the compensation NaN: the plain sum is then the honest answer.
  return Number.isFinite(sum) ? sum + compensation : sum;
}
