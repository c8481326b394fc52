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
      name: 'RangeError', message: "bernoulliCurves requires prior.kind to be one of 'normal', 'beta', 'uniform', got 'cauchy'",
    });
  });
});
