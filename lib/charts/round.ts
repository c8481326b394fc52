/**
 * Rounds a number to a fixed count of significant digits, so that chart data stays short in the
 * JSON spec (a float64 printed in full takes ~18 characters, six significant digits ~8) while
 * staying far finer than a pixel. `-0` becomes `0` so that specs compare equal.
 *
 * @param value - the number to round; non-finite values are returned unchanged
 * @param digits - significant digits to keep, 1 to 17
 * @returns the rounded number
 * @example
 * roundSignificant(Math.PI); // => 3.14159
 * roundSignificant(123456789, 3); // => 123000000
 */
export function roundSignificant(value: number, digits = 6): number {
  if (!Number.isFinite(value)) return value;
  const rounded = Number(value.toPrecision(digits));
  return rounded === 0 ? 0 : rounded;
}
