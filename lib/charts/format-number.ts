/**
 * A number written for a sentence (a chart's description): 4 significant digits, no trailing
 * zeros, no exponent for everyday magnitudes.
 *
 * @param value - the number; non-finite values are written as JavaScript does
 * @returns the text
 * @example
 * formatNumber(-28378.81); // => '-28380'
 * formatNumber(0.000123456); // => '0.0001235'
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(4));
  return String(rounded === 0 ? 0 : rounded);
}
