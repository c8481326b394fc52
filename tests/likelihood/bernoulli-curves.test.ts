import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bernoulliCurves } from '../../lib/likelihood/bernoulli-curves';
import { linspace } from '../../lib/numeric/linspace';

describe('bernoulliCurves', () => {
  it('works out a three-point grid by hand', () => {
    // likelihood t(1 - t) = [0, 1/4, 0]; trapezoid area = 2 * (0.5 * 0.25 / 2) = 1/8, so density [0, 2, 0].
    const c = bernoulliCurves([1, 0], { kind: 'uniform' }, [0, 0.5, 1]);
    assert.deepEqual(c.likelihood, [0, 0.25, 0]);
    assert.deepEqual(c.likelihoodDensity, [0, 2, 0]);
    assert.deepEqual(c.priorDensity, [1, 1, 1]);
    assert.deepEqual(c.posteriorDensity, [0, 2, 0]);
    assert.equal(c.logLikelihood[0], -Infinity);
  });

  it('gives the Beta(4, 5) density for D = (0,0,1,1,0,0,1) under the uniform prior (to 1e-4 on 2001 points)', () => {
    // Beta(4, 5) density = 280 t^3 (1 - t)^4 since B(4, 5) = 3! 4! / 8! = 1/280.
    const thetas = linspace(0, 1, 2001);
    const c = bernoulliCurves([0, 0, 1, 1, 0, 0, 1], { kind: 'uniform' }, thetas);
    thetas.forEach((t, k) => assert.ok(Math.abs(c.posteriorDensity[k] - 280 * t ** 3 * (1 - t) ** 4) < 1e-4));
  });

  it('peaks the posterior at theta_MAP = 1/sqrt(5) for the normal prior with variance 0.1', () => {
    const thetas = linspace(0, 1, 100001);
    const c = bernoulliCurves([0, 0, 1, 1, 0, 0, 1], { kind: 'normal', mean: 0.5, variance: 0.1 }, thetas);
    const best = c.posteriorDensity.indexOf(Math.max(...c.posteriorDensity));
    assert.ok(Math.abs(thetas[best] - 1 / Math.sqrt(5)) <= 1e-5, String(thetas[best]));
  });

  it('rejects a grid outside [0, 1] or not increasing, and unknown priors', () => {
    assert.throws(() => bernoulliCurves([1], { kind: 'uniform' }, [0, 1.5]), { name: 'RangeError' });
    assert.throws(() => bernoulliCurves([1], { kind: 'uniform' }, [0.5, 0.5]), { name: 'RangeError' });
    assert.throws(() => bernoulliCurves([1], { kind: 'cauchy' } as never, [0, 1]), {
      name: 'RangeError',
      message: "bernoulliCurves requires prior.kind to be one of 'normal', 'beta', 'uniform', got 'cauchy'",
    });
  });

  it('stays finite for 3000 flips and a Beta(1e4, 1e4) prior, where the plain products underflow', () => {
    // 1000 heads, 2000 tails: theta^1000 (1 - theta)^2000 < 1e-308 everywhere, so the densities
    // come from logs; each is normalised (trapezoid area 1) and peaks where its log does.
    const flips = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const thetas = linspace(0, 1, 301);
    const c = bernoulliCurves(flips, { kind: 'beta', alpha: 1e4, beta: 1e4 }, thetas);
    for (const curve of [c.likelihoodDensity, c.priorDensity, c.posteriorDensity]) {
      assert.ok(curve.every(Number.isFinite));
      const area = curve.slice(1).reduce((s, y, k) => s + ((thetas[k + 1] - thetas[k]) * (y + curve[k])) / 2, 0);
      assert.ok(Math.abs(area - 1) < 1e-12, String(area));
    }
    // Likelihood mode 1/3 (grid point 100), prior mode 1/2 (150), posterior mode
    // (1000 + 1e4 - 1) / (3000 + 2e4 - 2) = 0.4782 (grid point 143).
    assert.equal(c.likelihoodDensity.indexOf(Math.max(...c.likelihoodDensity)), 100);
    assert.equal(c.priorDensity.indexOf(Math.max(...c.priorDensity)), 150);
    assert.equal(c.posteriorDensity.indexOf(Math.max(...c.posteriorDensity)), 143);
    // log L at 1/3: 1000 log(1/3) + 2000 log(2/3) = -1909.54.
    assert.ok(Math.abs(c.logLikelihood[100] - (1000 * Math.log(1 / 3) + 2000 * Math.log(2 / 3))) < 1e-9);
  });
});
