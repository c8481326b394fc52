import { assertFiniteArray, assertFiniteNumber } from '../guards';

/**
 * Value of a polynomial at t by Horner's rule.
 *
 * @param coefficients highest power first, at least one
 * @param t where to evaluate
 * @returns c_0 t^(k-1) + ... + c_(k-1)
 * @throws {TypeError} when an argument is not a number (array)
 * @throws {RangeError} when coefficients is empty or an argument is not finite
 * @example
 * evaluatePolynomial([1, -1.5, -0.2, 0.3], 1.5); // => 0 (to rounding)
 */
export function evaluatePolynomial(coefficients: number[], t: number): number {
  assertFiniteArray('evaluatePolynomial', 'coefficients', coefficients);
  assertFiniteNumber('evaluatePolynomial', 't', t);
  return coefficients.reduce((acc, c) => acc * t + c, 0);
}
