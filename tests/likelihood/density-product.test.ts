import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { densityProductVersusLogSum } from '../../lib/likelihood/density-product';

describe('densityProductVersusLogSum', () => {
  it('underflows the product of 10000 standard normal densities at 0 while the log-sum stays finite', () => {
    // Each factor is the peak density 1/sqrt(2 pi) = 0.39894: log = -0.918938533, times 10000.
    // float64 reaches 0 once 0.39894^k < 2^-1075 (k > 1075 ln 2 / 0.918939 = 810.8), float32 once
    // below 2^-150 (k > 113.2); rounding of the partial products can move that by one.
    const r = densityProductVersusLogSum(new Array(10000).fill(0), 0, 1);
    assert.equal(r.productFloat64, 0);
    assert.equal(r.productFloat32, 0);
    assert.ok(r.underflowAfterFloat64 !== null && Math.abs(r.underflowAfterFloat64 - 811) <= 1, String(r.underflowAfterFloat64));
    assert.ok(r.underflowAfterFloat32 !== null && Math.abs(r.underflowAfterFloat32 - 114) <= 1, String(r.underflowAfterFloat32));
    assert.ok(Math.abs(r.logSum - -9189.385332046728) < 1e-9, String(r.logSum));
  });

  it('keeps a short product exact and never marks an underflow', () => {
    // Two points at the mean of N(0, 1/(2 pi)): each density is exactly 1.
    const r = densityProductVersusLogSum([0, 0], 0, 1 / (2 * Math.PI));
    assert.ok(Math.abs(r.productFloat64 - 1) < 1e-15);
    assert.equal(r.underflowAfterFloat64, null);
    assert.equal(r.underflowAfterFloat32, null);
    assert.ok(Math.abs(r.logSum) < 1e-15);
  });

  it('rejects bad input with messages naming the function and argument', () => {
    assert.throws(() => densityProductVersusLogSum([], 0, 1), {
      name: 'RangeError',
      message: 'densityProductVersusLogSum requires at least one data point',
    });
    assert.throws(() => densityProductVersusLogSum([1], 0, 0), { name: 'RangeError' });
    assert.throws(() => densityProductVersusLogSum([1], '0' as unknown as number, 1), { name: 'TypeError' });
  });
});
