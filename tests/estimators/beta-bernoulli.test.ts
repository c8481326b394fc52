import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { betaBernoulliPosterior, BetaParameters } from '../../lib/estimators/beta-bernoulli';
import reference from '../fixtures/reference.json';

const D = [0, 0, 1, 1, 0, 0, 1];

describe('betaBernoulliPosterior', () => {
  it("gives the seed's Beta(4, 5) and P(head | D) = 4/9 with the uniform prior", () => {
    const posterior = betaBernoulliPosterior(D);
    assert.deepEqual(posterior, { alpha: 4, beta: 5, mean: 4 / 9, predictiveHead: 4 / 9 });
    assert.equal(posterior.alpha, reference.betaBernoulli.alpha);
    assert.ok(Math.abs(posterior.mean - reference.betaBernoulli.mean) <= 1e-15); // scipy.stats.beta(4, 5).mean()
  });

  it('adds heads to alpha and tails to beta for any prior', () => {
    assert.deepEqual(betaBernoulliPosterior([1, 1, 0], { alpha: 0.5, beta: 2 }), {
      alpha: 2.5,
      beta: 3,
      mean: 2.5 / 5.5,
      predictiveHead: 2.5 / 5.5,
    });
  });

  it('returns the prior when there are no flips', () => {
    assert.deepEqual(betaBernoulliPosterior([], { alpha: 2, beta: 6 }), { alpha: 2, beta: 6, mean: 0.25, predictiveHead: 0.25 });
  });

  it('rejects bad input with messages naming the function and argument', () => {
    const fn = 'betaBernoulliPosterior';
    assert.throws(() => betaBernoulliPosterior([1, -1]), {
      name: 'RangeError',
      message: `${fn} requires flips[1] to be 0 or 1, got -1`,
    });
    assert.throws(() => betaBernoulliPosterior(D, { alpha: 0, beta: 1 }), {
      name: 'RangeError',
      message: `${fn} requires prior.alpha to be positive, got 0`,
    });
    assert.throws(() => betaBernoulliPosterior(D, { alpha: 1, beta: Infinity }), {
      name: 'RangeError',
      message: `${fn} requires prior.beta to be a finite number, got Infinity`,
    });
    assert.throws(() => betaBernoulliPosterior(D, 5 as unknown as BetaParameters), {
      name: 'TypeError',
      message: `${fn} requires prior to be an object, got 5`,
    });
  });

  it('keeps the mean at 0.5 when alpha + beta overflows float64 (alpha = beta = 1e308)', () => {
    assert.equal(betaBernoulliPosterior([0, 1], { alpha: 1e308, beta: 1e308 }).mean, 0.5);
    assert.equal(betaBernoulliPosterior([], { alpha: 1.5e308, beta: 5e307 }).mean, 0.75);
  });
});
