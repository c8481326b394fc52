import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePolynomial } from '../../lib/numeric/evaluate-polynomial';

describe('evaluatePolynomial', () => {
  it('evaluates by Horner: 2 t^2 - 3 t + 1 at t = 2 is 3', () => {
    assert.equal(evaluatePolynomial([2, -3, 1], 2), 3);
  });

  it('rejects empty coefficients and a non-finite t with exact messages', () => {
    assert.throws(() => evaluatePolynomial([], 1), {
      name: 'RangeError',
      message: 'evaluatePolynomial requires at least one data point',
    });
    assert.throws(() => evaluatePolynomial([1], Infinity), {
      name: 'RangeError',
      message: 'evaluatePolynomial requires t to be a finite number, got Infinity',
    });
  });
});
