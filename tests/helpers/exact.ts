/**
 * Exact rational arithmetic on float64 values for reference results: every finite double is an
 * integer multiple of 2^-1074, so x * 2^1074 is an exact BigInt and sums, products and squares of
 * such integers are exact. `toNumber` rounds a rational num / den back to the nearest double
 * (to within one ulp).
 */
const SHIFT = 1074n;

/** x * 2^1074 as an exact BigInt. */
export function exact(x: number): bigint {
  if (x === 0) return 0n;
  const sign = x < 0 ? -1n : 1n;
  let m = Math.abs(x);
  let e = 0;
  // Scale m to an integer mantissa below 2^53 exactly, tracking the power of two.
  while (m >= 2 ** 53) {
    m /= 2;
    e += 1;
  }
  while (!Number.isInteger(m)) {
    m *= 2;
    e -= 1;
  }
  const shift = BigInt(e) + SHIFT;
  return sign * (shift >= 0n ? BigInt(m) << shift : BigInt(m) >> -shift);
}

/** The double nearest num / den (den > 0), exact to about one ulp. */
export function toNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const negative = num < 0n;
  const a = negative ? -num : num;
  // Keep 64 significant bits of the quotient.
  const shift = BigInt(Math.max(0, 64 - (a.toString(2).length - den.toString(2).length)));
  const q = (a << shift) / den;
  // Divide by 2^shift in steps: 2^shift itself may overflow (and 2^-shift underflow) a double.
  let value = Number(q);
  for (let k = Number(shift); k > 0; k -= 1000) value /= 2 ** Math.min(k, 1000);
  return negative ? -value : value;
}

/** Sum of exact values. */
export function sum(values: bigint[]): bigint {
  return values.reduce((s, v) => s + v, 0n);
}

/** 2^1074 as a BigInt: the unit of `exact`. */
export const UNIT = 1n << SHIFT;
