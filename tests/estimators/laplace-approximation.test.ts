import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { laplaceApproximation, laplaceDensity } from '../../lib/estimators/laplace-approximation';
import type { BernoulliPrior } from '../../lib/estimators/bernoulli-map';

const flips = [0, 0, 1, 1, 0, 0, 1];

describe('laplaceApproximation', () => {
  it('under the uniform prior: N(3/7, 12/343) beside the exact Beta(4, 5) (by hand)', () => {
    const q = laplaceApproximation(flips, { kind: 'uniform' });
    // curvature 3 / (3/7)^2 + 4 / (4/7)^2 = 49/3 + 49/4 = 343/12.
    assert.ok(Math.abs(q.mode - 3 / 7) < 1e-15);
    assert.ok(Math.abs(q.variance - 12 / 343) < 1e-15);
    assert.ok(Math.abs(q.standardDeviation - Math.sqrt(12 / 343)) < 1e-15);
    // Beta(4, 5): mean 4/9, variance 4 * 5 / (9^2 * 10) = 2/81. Simpson with 2000 intervals: 1e-10.
    assert.ok(Math.abs(q.posteriorMean - 4 / 9) < 1e-10);
    assert.ok(Math.abs(q.posteriorStandardDeviation - Math.sqrt(2 / 81)) < 1e-10);
    // Phi(-(3/7) / 0.187044) = Phi(-2.29129) = 0.0109733855 and Phi(-(4/7) / 0.187044) = Phi(-3.05505)
    // = 0.0011251133 (Python's math.erfc, float64); our erfc approximation is good to 1.2e-7 relative.
    assert.ok(Math.abs(q.massBelowZero - 0.0109733855) < 2e-9, `${q.massBelowZero}`);
    assert.ok(Math.abs(q.massAboveOne - 0.0011251133) < 2e-10, `${q.massAboveOne}`);
  });

  it('under N(0.5, 0.1) read as the variance: mode 1/sqrt(5), curvature 3/t^2 + 4/(1-t)^2 + 10', () => {
    const q = laplaceApproximation(flips, { kind: 'normal', mean: 0.5, variance: 0.1 });
    const t = 1 / Math.sqrt(5);
    assert.ok(Math.abs(q.mode - t) < 1e-12);
    assert.ok(Math.abs(q.variance - 1 / (3 / t ** 2 + 4 / (1 - t) ** 2 + 10)) < 1e-12);
    assert.ok(q.massBelowZero > 0 && q.massBelowZero < 0.01 && q.massAboveOne < q.massBelowZero);
    // The exact posterior mean sits on the long tail's side of the mode (the right, as for Beta(4, 5)).
    assert.ok(q.posteriorMean > q.mode);
  });

  it('narrows like 1 / sqrt(n) and loses its mass outside [0, 1] with many flips', () => {
    const many = Array.from({ length: 700 }, (_, i) => flips[i % 7]);
    const q = laplaceApproximation(many, { kind: 'uniform' });
    assert.ok(Math.abs(q.standardDeviation - Math.sqrt(12 / 343 / 100)) < 1e-12);
    assert.ok(q.massBelowZero < 1e-12);
    assert.ok(Math.abs(q.posteriorMean - q.mode) < 2e-3);
  });

  it('gives normal densities for plotting', () => {
    const d = laplaceDensity(
      { mode: 0.5, variance: 0.01, standardDeviation: 0.1 } as ReturnType<typeof laplaceApproximation>,
      [0.5, 0.6],
    );
    assert.ok(Math.abs(d[0] - 1 / Math.sqrt(2 * Math.PI * 0.01)) < 1e-12);
    assert.ok(Math.abs(d[1] - d[0] * Math.exp(-0.5)) < 1e-12);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'laplaceApproximation';
    assert.throws(() => laplaceApproximation([0, 0, 0], { kind: 'uniform' }), {
      name: 'RangeError',
      message: `${fn} requires theta_MAP to be inside (0, 1), got 0`,
    });
    assert.throws(() => laplaceApproximation([3], { kind: 'uniform' }), {
      name: 'RangeError',
      message: `${fn} requires flips[0] to be 0 or 1, got 3`,
    });
    assert.throws(() => laplaceApproximation(flips, { kind: 'beta', alpha: -1, beta: 1 } as BernoulliPrior), {
      name: 'RangeError',
      message: `${fn} requires prior.alpha to be positive, got -1`,
    });
    assert.throws(() => laplaceDensity({ mode: 0.5, variance: 0.01 } as ReturnType<typeof laplaceApproximation>, []), {
      name: 'RangeError',
      message: 'laplaceDensity requires at least one data point',
    });
  });
});
