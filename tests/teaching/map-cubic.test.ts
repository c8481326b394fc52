import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bernoulliNormalMapCubic, evaluatePolynomial } from '../../lib/teaching/map-cubic';
import { bernoulliMap } from '../../lib/estimators/bernoulli-map';

const D = [0, 0, 1, 1, 0, 0, 1];

describe('bernoulliNormalMapCubic', () => {
  it('gives t^3 - 1.5 t^2 - 0.2 t + 0.3 = (t - 3/2)(t^2 - 1/5) for the seed data and variance 0.1', () => {
    const c = bernoulliNormalMapCubic(D, 0.5, 0.1);
    [1, -1.5, -0.2, 0.3].forEach((expected, k) => assert.ok(Math.abs(c[k] - expected) < 1e-15));
    assert.ok(Math.abs(evaluatePolynomial(c, 1 / Math.sqrt(5))) < 1e-15);
    assert.ok(Math.abs(evaluatePolynomial(c, 1.5)) < 1e-15);
  });

  it('has bernoulliMap as a root for the standard-deviation reading (variance 0.01)', () => {
    const c = bernoulliNormalMapCubic(D, 0.5, 0.01);
    assert.ok(Math.abs(evaluatePolynomial(c, bernoulliMap(D, { kind: 'normal', mean: 0.5, variance: 0.01 }))) < 1e-13);
  });

  it('rejects a non-positive variance, a non-finite mean and flips other than 0/1 with exact messages', () => {
    assert.throws(() => bernoulliNormalMapCubic(D, 0.5, 0), { name: 'RangeError', message: 'bernoulliNormalMapCubic requires variance to be positive, got 0' });
    assert.throws(() => bernoulliNormalMapCubic(D, NaN, 0.1), { name: 'RangeError', message: 'bernoulliNormalMapCubic requires mean to be a finite number, got NaN' });
    assert.throws(() => bernoulliNormalMapCubic([0, 2], 0.5, 0.1), { name: 'RangeError' });
  });
});

describe('evaluatePolynomial', () => {
  it('evaluates by Horner: 2 t^2 - 3 t + 1 at t = 2 is 3', () => {
    assert.equal(evaluatePolynomial([2, -3, 1], 2), 3);
  });

  it('rejects empty coefficients and a non-finite t with exact messages', () => {
    assert.throws(() => evaluatePolynomial([], 1), { name: 'RangeError', message: 'evaluatePolynomial requires at least one data point' });
    assert.throws(() => evaluatePolynomial([1], Infinity), { name: 'RangeError', message: 'evaluatePolynomial requires t to be a finite number, got Infinity' });
  });
});
