import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { betaMatchingMoments } from '../../lib/estimators/beta-matching-moments';

describe('betaMatchingMoments', () => {
  it('reads mean 0.5, standard deviation 0.1 as Beta(12, 12), worth 24 flips', () => {
    // alpha + beta = 0.25 / 0.01 - 1 = 24.
    const { alpha, beta } = betaMatchingMoments(0.5, 0.01);
    assert.ok(Math.abs(alpha - 12) <= 1e-12 && Math.abs(beta - 12) <= 1e-12, `${alpha}, ${beta}`);
  });

  it('recovers the uniform prior Beta(1, 1) from its variance 1/12', () => {
    const { alpha, beta } = betaMatchingMoments(0.5, 1 / 12);
    assert.ok(Math.abs(alpha - 1) <= 1e-12 && Math.abs(beta - 1) <= 1e-12, `${alpha}, ${beta}`);
  });

  it("round-trips a Beta's own mean and variance", () => {
    // Beta(2, 6): mean 1/4, variance 2 * 6 / (8^2 * 9) = 1/48.
    const { alpha, beta } = betaMatchingMoments(0.25, 1 / 48);
    assert.ok(Math.abs(alpha - 2) <= 1e-12 && Math.abs(beta - 6) <= 1e-12, `${alpha}, ${beta}`);
  });

  it('rejects bad input with messages naming the function and argument', () => {
    const fn = 'betaMatchingMoments';
    assert.throws(() => betaMatchingMoments(1, 0.01), {
      name: 'RangeError',
      message: `${fn} requires mean to be in (0, 1), got 1`,
    });
    assert.throws(() => betaMatchingMoments(0.5, 0), {
      name: 'RangeError',
      message: `${fn} requires variance to be positive, got 0`,
    });
    assert.throws(() => betaMatchingMoments(0.5, 0.25), {
      name: 'RangeError',
      message: `${fn} requires variance to be below mean (1 - mean) = 0.25, got 0.25`,
    });
    assert.throws(() => betaMatchingMoments('0.5' as unknown as number, 0.01), {
      name: 'TypeError',
      message: `${fn} requires mean to be a number, got '0.5'`,
    });
  });
});
