import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { fitBernoulliLogit, FitBernoulliLogitOptions } from '../../lib/optimize/fit-bernoulli-logit';
import { bernoulliMap } from '../../lib/estimators/bernoulli-map';
import type { BernoulliPrior } from '../../lib/estimators/bernoulli-map';

const flips = [0, 0, 1, 1, 0, 0, 1];
const normal: BernoulliPrior = { kind: 'normal', mean: 0.5, variance: 0.1 };

describe('fitBernoulliLogit', () => {
  it("finds theta_MAP = 1/sqrt(5) under N(0.5, 0.1) read as the variance (the starter code's 0.447)", () => {
    const fit = fitBernoulliLogit(flips, normal);
    assert.equal(fit.status, 'converged');
    // float32 eta near -0.21 carries ~1e-8 absolute rounding; the 1e-6 step test stops within
    // ~1e-6 of the root in eta, i.e. ~2.5e-7 in theta. Allow 2e-6.
    assert.ok(Math.abs(fit.theta - 1 / Math.sqrt(5)) <= 2e-6, `${fit.theta}`);
    assert.ok(Math.abs(fit.theta - bernoulliMap(flips, normal)) <= 2e-6);
    assert.ok(Math.abs(fit.logit - Math.log(fit.theta / (1 - fit.theta))) < 1e-12);
  });

  it('matches bernoulliMap under the standard-deviation reading, a beta and the uniform prior', () => {
    const priors: [BernoulliPrior, number][] = [
      [{ kind: 'normal', mean: 0.5, variance: 0.01 }, 0.4843631],
      [{ kind: 'beta', alpha: 2, beta: 2 }, 4 / 9],
      [{ kind: 'uniform' }, 3 / 7],
    ];
    for (const [prior, expected] of priors) {
      const fit = fitBernoulliLogit(flips, prior, { learningRate: 0.1, maxSteps: 5000 });
      assert.equal(fit.status, 'converged', prior.kind);
      assert.ok(
        Math.abs(fit.theta - expected) <= 2e-6 && Math.abs(fit.theta - bernoulliMap(flips, prior)) <= 2e-6,
        `${prior.kind}: ${fit.theta}`,
      );
    }
  });

  it("with density 'logit' finds the mode of eta's density: for Beta(4, 5) the posterior mean 4/9, not 3/7", () => {
    const fit = fitBernoulliLogit(flips, { kind: 'uniform' }, { density: 'logit' });
    assert.equal(fit.status, 'converged');
    assert.ok(Math.abs(fit.theta - 4 / 9) <= 2e-6, `${fit.theta}`);
  });

  it('records theta and the log posterior along the run; ascent never lowers it at a small rate', () => {
    const fit = fitBernoulliLogit(flips, normal, { init: 0.9, learningRate: 0.2 });
    assert.equal(fit.thetas[0], 0.9);
    assert.equal(fit.thetas.length, fit.steps + 1);
    assert.equal(fit.logPosteriors.length, fit.thetas.length);
    const h = (t: number) => 3 * Math.log(t) + 4 * Math.log(1 - t) - (t - 0.5) ** 2 / 0.2;
    fit.thetas.forEach((t, i) => assert.ok(Math.abs(fit.logPosteriors[i] - h(t)) < 1e-12));
    for (let i = 1; i < fit.logPosteriors.length; i++) assert.ok(fit.logPosteriors[i] >= fit.logPosteriors[i - 1] - 1e-12);
  });

  it("stays inside (0, 1) when the MAP is on the boundary, ending with 'max-steps'", () => {
    const fit = fitBernoulliLogit([0, 0, 0], { kind: 'uniform' }, { maxSteps: 200 });
    assert.equal(fit.status, 'max-steps');
    assert.ok(fit.thetas.every((t) => t > 0 && t < 1));
    assert.ok(fit.theta < 0.05, `${fit.theta}`);
  });

  it("reports 'diverged' when the rate is far too large, and leaks no tensors", () => {
    const before = tf.memory().numTensors;
    const fit = fitBernoulliLogit(flips, { kind: 'normal', mean: 0.5, variance: 1e-4 }, { learningRate: 1e3, maxSteps: 100 });
    assert.notEqual(fit.status, 'converged');
    assert.ok(fit.thetas.every((t) => t > 0 && t < 1) && fit.logPosteriors.every(Number.isFinite));
    fitBernoulliLogit(flips, normal, { maxSteps: 10 });
    assert.equal(tf.memory().numTensors, before);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'fitBernoulliLogit';
    const cases: [FitBernoulliLogitOptions, string, string][] = [
      [{ learningRate: 0 }, 'RangeError', `${fn} requires options.learningRate to be positive, got 0`],
      [{ maxSteps: 0 }, 'RangeError', `${fn} requires options.maxSteps to be a positive integer, got 0`],
      [{ tolerance: -1 }, 'RangeError', `${fn} requires options.tolerance to be non-negative, got -1`],
      [{ init: 1 }, 'RangeError', `${fn} requires options.init to be in (0, 1), got 1`],
      [{ density: 'eta' as 'logit' }, 'RangeError', `${fn} requires options.density to be one of 'theta', 'logit', got 'eta'`],
    ];
    for (const [options, name, message] of cases)
      assert.throws(() => fitBernoulliLogit(flips, normal, options), { name, message });
    assert.throws(() => fitBernoulliLogit([0, 2], normal), {
      name: 'RangeError',
      message: `${fn} requires flips[1] to be 0 or 1, got 2`,
    });
    assert.throws(() => fitBernoulliLogit(flips, { kind: 'normal', mean: 0.5, variance: 0 }), {
      name: 'RangeError',
      message: `${fn} requires prior.variance to be positive, got 0`,
    });
    assert.throws(() => fitBernoulliLogit(flips, { kind: 'cauchy' } as unknown as BernoulliPrior), {
      name: 'RangeError',
      message: `${fn} requires prior.kind to be one of 'normal', 'beta', 'uniform', got 'cauchy'`,
    });
    assert.throws(() => fitBernoulliLogit(flips, null as unknown as BernoulliPrior), {
      name: 'TypeError',
      message: `${fn} requires prior to be an object, got null`,
    });
  });
});
