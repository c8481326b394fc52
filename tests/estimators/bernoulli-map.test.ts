import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { near } from '../helpers/near';
import { bernoulliMap, BernoulliPrior } from '../../lib/estimators/bernoulli-map';
import { bernoulliMle } from '../../lib/estimators/bernoulli';
import reference from '../fixtures/reference.json';

const D = [0, 0, 1, 1, 0, 0, 1];

describe('bernoulliMap with a normal prior', () => {
  it("gives the seed's theta_MAP = 1/sqrt(5) = 0.4472136 for N(0.5, 0.1) read as variance, to 1e-12", () => {
    // h'(t) = 3/t - 4/(1-t) - 10 (t - 1/2) = 0  <=>  10 t^3 - 15 t^2 - 2 t + 3 = 0
    //       <=>  (2t - 3)(5 t^2 - 1) = 0, whose root in (0,1) is exactly 1/sqrt(5).
    const theta = bernoulliMap(D, { kind: 'normal', mean: 0.5, variance: 0.1 });
    near(theta, 1 / Math.sqrt(5), 1e-12);
    // P(x8 = 0, x9 = 0 | theta) = (1 - theta)^2 = 0.3055728 (the seed's 0.3058 used theta rounded to 0.447).
    near((1 - theta) ** 2, 0.3055728, 5e-8);
  });

  it('gives 0.4843631 when the 0.1 is read as a standard deviation (variance 0.01)', () => {
    const theta = bernoulliMap(D, { kind: 'normal', mean: 0.5, variance: 0.01 });
    near(theta, 0.4843631, 5e-8);
    near((1 - theta) ** 2, 0.2658815, 5e-8);
  });

  it('matches scipy brentq on h-prime to 1e-12, including the boundary cases', () => {
    for (const ref of reference.bernoulliMapNormal) {
      const theta = bernoulliMap(ref.flips, { kind: 'normal', mean: ref.mean, variance: ref.variance });
      near(theta, ref.brentq, 1e-12);
      // The bounded minimiser is only good to ~1e-8; it checks brentq's reading of the problem.
      near(theta, ref.minimizeScalar, 1e-7);
    }
  });

  it('returns exactly 0 with no heads when the prior cannot outweigh the tails', () => {
    // h'(0) = mean/variance - T = 5 - 12 < 0 and h is concave, so h falls on [0, 1).
    assert.equal(bernoulliMap(new Array(12).fill(0), { kind: 'normal', mean: 0.5, variance: 0.1 }), 0);
    assert.equal(bernoulliMap(new Array(20).fill(1), { kind: 'normal', mean: 0.5, variance: 0.1 }), 1);
  });

  it('returns the prior mean clamped to [0, 1] when there are no flips', () => {
    assert.equal(bernoulliMap([], { kind: 'normal', mean: 0.3, variance: 1 }), 0.3);
    assert.equal(bernoulliMap([], { kind: 'normal', mean: -2, variance: 1 }), 0);
    assert.equal(bernoulliMap([], { kind: 'normal', mean: 7, variance: 1 }), 1);
  });

  it('stays in [0, 1] and finite for extreme priors and data', () => {
    const priors: BernoulliPrior[] = [
      { kind: 'normal', mean: 100, variance: 1e-6 },
      { kind: 'normal', mean: -100, variance: 1e-6 },
      { kind: 'normal', mean: 0.5, variance: 1e12 },
      { kind: 'normal', mean: 0.5, variance: 1e-12 },
    ];
    const datasets = [D, [0], [1], new Array(1000).fill(0).map((_, i) => (i % 3 === 0 ? 1 : 0))];
    for (const prior of priors) {
      for (const flips of datasets) {
        const theta = bernoulliMap(flips, prior);
        assert.ok(theta >= 0 && theta <= 1, `theta = ${theta}`);
      }
    }
  });

  it('approaches the MLE when the prior is very wide', () => {
    // variance 1e12 adds a pull of order 1e-12 to h'; the root moves by about that much.
    near(bernoulliMap(D, { kind: 'normal', mean: 0.5, variance: 1e12 }), 3 / 7, 1e-10);
  });
});

describe('bernoulliMap with a Beta or uniform prior', () => {
  it('is the posterior mode (H + alpha - 1)/(n + alpha + beta - 2), matching scipy', () => {
    // Beta(2, 3) prior, H = 3, T = 4: (3 + 1)/(7 + 3) = 0.4.
    assert.equal(bernoulliMap(D, { kind: 'beta', alpha: 2, beta: 3 }), 0.4);
    near(bernoulliMap(D, { kind: 'beta', alpha: 2, beta: 3 }), reference.betaBernoulli.betaPriorMap.mode, 1e-8);
  });

  it('equals the MLE with the uniform prior', () => {
    assert.equal(bernoulliMap(D, { kind: 'uniform' }), bernoulliMle(D));
    assert.equal(bernoulliMap(D, { kind: 'beta', alpha: 1, beta: 1 }), 3 / 7);
  });

  it('puts the mode on a boundary when one posterior parameter is below 1', () => {
    // No heads, alpha = 0.5: posterior Beta(0.5, 4), density infinite at 0 and decreasing.
    assert.equal(bernoulliMap([0, 0, 0], { kind: 'beta', alpha: 0.5, beta: 1 }), 0);
    assert.equal(bernoulliMap([1, 1], { kind: 'beta', alpha: 2, beta: 0.5 }), 1);
    // Beta(1, b) with b > 1 decreases from its maximum at 0.
    assert.equal(bernoulliMap([0], { kind: 'uniform' }), 0);
  });

  it('rejects posteriors without a unique mode', () => {
    assert.throws(() => bernoulliMap([], { kind: 'uniform' }), {
      name: 'RangeError',
      message: 'bernoulliMap requires data or a prior that gives a unique posterior mode, got a flat Beta(1, 1) posterior',
    });
    assert.throws(() => bernoulliMap([], { kind: 'beta', alpha: 0.5, beta: 0.5 }), {
      name: 'RangeError',
      message: 'bernoulliMap requires a posterior with a unique mode, got Beta(0.5, 0.5) with modes at both 0 and 1',
    });
  });
});

describe('bernoulliMap input checks', () => {
  it('rejects bad input with messages naming the function and argument', () => {
    const fn = 'bernoulliMap';
    assert.throws(() => bernoulliMap([0, 3], { kind: 'uniform' }), {
      name: 'RangeError',
      message: `${fn} requires flips[1] to be 0 or 1, got 3`,
    });
    assert.throws(() => bernoulliMap(D, undefined as unknown as BernoulliPrior), {
      name: 'TypeError',
      message: `${fn} requires prior to be an object, got undefined`,
    });
    assert.throws(() => bernoulliMap(D, { kind: 'laplace' } as unknown as BernoulliPrior), {
      name: 'RangeError',
      message: `${fn} requires prior.kind to be one of 'normal', 'beta', 'uniform', got 'laplace'`,
    });
    assert.throws(() => bernoulliMap(D, { kind: 'normal', mean: 0.5, variance: 0 }), {
      name: 'RangeError',
      message: `${fn} requires prior.variance to be positive, got 0`,
    });
    assert.throws(() => bernoulliMap(D, { kind: 'normal', mean: 0.5, variance: -0.1 }), {
      name: 'RangeError',
      message: `${fn} requires prior.variance to be positive, got -0.1`,
    });
    assert.throws(() => bernoulliMap(D, { kind: 'normal', mean: NaN, variance: 0.1 }), {
      name: 'RangeError',
      message: `${fn} requires prior.mean to be a finite number, got NaN`,
    });
    assert.throws(() => bernoulliMap(D, { kind: 'normal', mean: '0.5', variance: 0.1 } as unknown as BernoulliPrior), {
      name: 'TypeError',
      message: `${fn} requires prior.mean to be a number, got '0.5'`,
    });
    assert.throws(() => bernoulliMap(D, { kind: 'beta', alpha: 0, beta: 1 }), {
      name: 'RangeError',
      message: `${fn} requires prior.alpha to be positive, got 0`,
    });
    assert.throws(() => bernoulliMap(D, { kind: 'beta', alpha: 1, beta: -2 }), {
      name: 'RangeError',
      message: `${fn} requires prior.beta to be positive, got -2`,
    });
  });

  it('keeps the Beta posterior mode finite and right when a + b overflows float64', () => {
    assert.equal(bernoulliMap([1, 0], { kind: 'beta', alpha: 1e308, beta: 1e308 }), 0.5);
  });
});
