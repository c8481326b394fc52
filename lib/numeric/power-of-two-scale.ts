/**
 * A power of two to divide values by before squaring them, so that squares neither overflow
 * (|x| near 1e308 or 1e200) nor underflow (|x| near 1e-160): 1 when the largest |x| already lies
 * in [2^-500, 2^500] (then nothing changes, bit for bit), else 2^round(log2 max|x|). Dividing by a
 * power of two is exact (barring subnormal results), so a closed form computed on x / s and scaled
 * back loses nothing. Internal building block of the float64 estimators.
 *
 * @param values finite numbers
 * @returns the scale s, a power of two (1 for an empty array or all zeros)
 * @example
 * powerOfTwoScale([1, 2, 3]); // => 1
 * powerOfTwoScale([1e300]) > 1e299; // => true
 */
export function powerOfTwoScale(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  if (largest === 0 || (largest >= 2 ** -500 && largest <= 2 ** 500)) return 1;
  return 2 ** Math.max(-1074, Math.min(1023, Math.round(Math.log2(largest))));
}
