import assert from 'node:assert/strict';

/**
 * Asserts |actual - expected| <= tolerance, with a message that shows all three: the one
 * tolerance check the unit tests share.
 *
 * @example
 * near(0.1 + 0.2, 0.3, 1e-15); // passes
 */
export function near(actual: number, expected: number, tolerance: number): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `expected ${expected} ± ${tolerance}, got ${actual}`);
}
