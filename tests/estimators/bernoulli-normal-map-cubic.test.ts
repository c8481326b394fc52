import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bernoulliNormalMapCubic } from '../../lib/estimators/bernoulli-normal-map-cubic';
import { bernoulliMap } from '../../lib/estimators/bernoulli-map';
import { evaluatePolynomial } from '../../lib/numeric/evaluate-polynomial';

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
    assert.throws(() => bernoulliNormalMapCubic(D, 0.5, 0), {
      name: 'RangeError',
      message: 'bernoulliNormalMapCubic requires variance to be positive, got 0',
    });
    assert.throws(() => bernoulliNormalMapCubic(D, NaN, 0.1), {
      name: 'RangeError',
      message: 'bernoulliNormalMapCubic requires mean to be a finite number, got NaN',
    });
    assert.throws(() => bernoulliNormalMapCubic([0, 2], 0.5, 0.1), { name: 'RangeError' });
  });
});
