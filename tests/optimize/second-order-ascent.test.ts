import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { secondOrderAscent, SecondOrderAscentOptions, StepRule } from '../../lib/optimize/second-order-ascent';
import { contractionFactors } from '../../lib/optimize/contraction-factors';
import { multivariateGaussianMle } from '../../lib/estimators/multivariate-gaussian';
import { gaussianLogLikelihood } from '../../lib/likelihood/gaussian-log-likelihood';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';
import { assertSameInEveryForm } from '../helpers/data-forms';

// Sigma = R diag(10, 0.5) R^T, R a rotation by 30 degrees: Sigma^-1 has eigenvalues 0.1 and 2
// (condition number 20) along (cos 30, sin 30) and (-sin 30, cos 30).
const c = Math.cos(Math.PI / 6);
const s = Math.sin(Math.PI / 6);
const covariance = [
  [10 * c * c + 0.5 * s * s, 9.5 * c * s],
  [9.5 * c * s, 10 * s * s + 0.5 * c * c],
];
const n = 1000;
const rows = sampleMultivariateNormal(n, [1, 1], covariance, { seed: 0 });
const sampleMean = multivariateGaussianMle(rows).mean;
const init = [-4, 4];

function distance(a: number[], b: number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

describe('secondOrderAscent', () => {
  it('measures the Hessian -n Sigma^-1 by second-order automatic differentiation', () => {
    const run = secondOrderAscent(rows, covariance, { maxSteps: 1, init });
    // Sigma^-1 = R diag(0.1, 2) R^T: entries 0.1 c^2 + 2 s^2 = 0.575, (0.1 - 2) c s = -0.8227, 0.1 s^2 + 2 c^2 = 1.525.
    const expected = [
      [-575, 822.7241335952167],
      [822.7241335952167, -1525],
    ];
    // float32 second derivatives of a sum of 1000 terms: 1e-4 relative.
    run.hessian.forEach((row, i) =>
      row.forEach((h, j) => assert.ok(Math.abs(h - expected[i][j]) <= 1e-4 * 1525, `H[${i}][${j}] = ${h}`)),
    );
  });

  it("lands on the sample mean in one step with 'newton' and with 'natural-gradient' at rate 1", () => {
    for (const method of ['newton', 'natural-gradient'] as StepRule[]) {
      const run = secondOrderAscent(rows, covariance, { method, init });
      // One step from 5.7 away: float32 gradients (relative error ~1e-6 of terms up to n |x - mu|) leave ~1e-4.
      assert.ok(distance(run.path[1], sampleMean) <= 1e-3, `${method}: ${run.path[1]} vs ${sampleMean}`);
      assert.equal(run.status, 'converged');
      assert.ok(run.steps <= 4, `${method}: ${run.steps} steps`);
    }
  });

  it('needs many more steps with plain ascent on the ill-conditioned Sigma, and gets there too', () => {
    const run = secondOrderAscent(rows, covariance, { method: 'gradient', learningRate: 0.95e-3, init, maxSteps: 1000 });
    assert.equal(run.status, 'converged');
    assert.ok(run.steps > 100, `${run.steps} steps`);
    assert.ok(distance(run.mean, sampleMean) <= 1e-3);
    run.path.forEach((p, i) => {
      const direct = gaussianLogLikelihood(rows, p, covariance);
      assert.ok(Math.abs(run.logLikelihoods[i] - direct) <= 1e-10 * Math.abs(direct), `step ${i}`);
    });
  });

  it("reports 'diverged' past the stable rate and 'max-steps' when out of steps", () => {
    const wild = secondOrderAscent(rows, covariance, { method: 'gradient', learningRate: 2e-3, init, maxSteps: 1000 });
    assert.equal(wild.status, 'diverged');
    assert.ok(wild.path.every((p) => p.every(Number.isFinite)) && wild.logLikelihoods.every(Number.isFinite));
    const short = secondOrderAscent(rows, covariance, { method: 'natural-gradient', learningRate: 0.1, init, maxSteps: 3 });
    assert.equal(short.status, 'max-steps');
    assert.equal(short.path.length, 4);
  });

  it('leaks no tensors', () => {
    const before = tf.memory().numTensors;
    for (const method of ['gradient', 'newton', 'natural-gradient'] as StepRule[]) {
      secondOrderAscent(rows, covariance, { method, learningRate: 1e-4, maxSteps: 5, tolerance: 0 });
    }
    assert.equal(tf.memory().numTensors, before);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'secondOrderAscent';
    const cases: [SecondOrderAscentOptions, string, string][] = [
      [
        { method: 'gradient' },
        'RangeError',
        `${fn} requires options.learningRate with method 'gradient' (below 2 / (n lambda_max(Sigma^-1)))`,
      ],
      [
        { method: 'bfgs' as StepRule },
        'RangeError',
        `${fn} requires options.method to be one of 'gradient', 'newton', 'natural-gradient', got 'bfgs'`,
      ],
      [{ learningRate: -1 }, 'RangeError', `${fn} requires options.learningRate to be positive, got -1`],
      [{ maxSteps: 1.5 }, 'RangeError', `${fn} requires options.maxSteps to be a positive integer, got 1.5`],
      [{ tolerance: -1 }, 'RangeError', `${fn} requires options.tolerance to be non-negative, got -1`],
      [{ init: [1, 2, 3] }, 'RangeError', `${fn} requires options.init to have length 2, got 3`],
    ];
    for (const [options, name, message] of cases)
      assert.throws(() => secondOrderAscent(rows, covariance, options), { name, message });
    assert.throws(
      () =>
        secondOrderAscent(rows, [
          [1, 2],
          [2, 1],
        ]),
      { name: 'RangeError', message: `${fn} requires covariance to be symmetric positive definite` },
    );
    assert.throws(() => secondOrderAscent([], covariance), {
      name: 'RangeError',
      message: `${fn} requires at least one data point`,
    });
  });
});

describe('contractionFactors', () => {
  it('predicts |1 - lr n lambda| per eigenvector of Sigma^-1 and measures the same on the path', () => {
    // lr = 1 / (n lambda_max) = 5e-4: the steep direction (lambda = 2) is done in one step, the flat one contracts by 0.95.
    const run = secondOrderAscent(rows, covariance, { method: 'gradient', learningRate: 5e-4, init, maxSteps: 1000 });
    const factors = contractionFactors(run.path, sampleMean, n, covariance, { learningRate: 5e-4 });
    assert.equal(factors.length, 2);
    assert.ok(Math.abs(factors[0].eigenvalue - 0.1) < 1e-12 && Math.abs(factors[1].eigenvalue - 2) < 1e-12);
    assert.ok(Math.abs(factors[0].direction[0] - c) < 1e-12 && Math.abs(factors[0].direction[1] - s) < 1e-12);
    assert.ok(Math.abs(factors[0].predicted - 0.95) < 1e-12 && factors[1].predicted < 1e-12);
    // The flat direction: dozens of steps measured, float32 iterates agree with theory to 1e-4.
    assert.ok(factors[0].stepsUsed > 50 && Math.abs((factors[0].measured ?? NaN) - 0.95) < 1e-4, JSON.stringify(factors[0]));
    // The steep direction: one step to float32 rounding (the component falls by > 1e4).
    assert.ok(factors[1].stepsUsed === 1 && (factors[1].measured ?? NaN) < 1e-4, JSON.stringify(factors[1]));
  });

  it('predicts 1 - lr in every direction for the natural gradient, and measures it', () => {
    const run = secondOrderAscent(rows, covariance, { method: 'natural-gradient', learningRate: 0.5, init });
    for (const f of contractionFactors(run.path, sampleMean, n, covariance, { method: 'natural-gradient', learningRate: 0.5 })) {
      assert.equal(f.predicted, 0.5);
      assert.ok(Math.abs((f.measured ?? NaN) - 0.5) < 1e-3, JSON.stringify(f));
    }
  });

  it('measures factors above 1 for a diverging run, and null where the start has no component', () => {
    const path = [
      [1, 0],
      [-1.5, 0],
      [2.25, 0],
    ];
    const factors = contractionFactors(
      path,
      [0, 0],
      1,
      [
        [1, 0],
        [0, 1],
      ],
      { learningRate: 2.5 },
    );
    // Sigma = I: eigenvalues 1, 1; symmetricEigen gives the axes. Along x: ratios 1.5, 1.5.
    const alongX = factors.find((f) => Math.abs(f.direction[0]) === 1);
    const alongY = factors.find((f) => Math.abs(f.direction[1]) === 1);
    assert.ok(alongX && Math.abs((alongX.measured ?? NaN) - 1.5) < 1e-12 && alongX.stepsUsed === 2 && alongX.predicted === 1.5);
    assert.ok(alongY && alongY.measured === null && alongY.stepsUsed === 0);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'contractionFactors';
    const ok = [
      [1, 1],
      [0, 0],
    ];
    const identity = [
      [1, 0],
      [0, 1],
    ];
    assert.throws(() => contractionFactors([[1, 1]], [0, 0], 1, identity, { learningRate: 1 }), {
      name: 'RangeError',
      message: `${fn} requires path to have at least 2 points, got 1`,
    });
    assert.throws(() => contractionFactors([[1, 1], [0]], [0, 0], 1, identity, { learningRate: 1 }), {
      name: 'RangeError',
      message: `${fn} requires path[1] to have length 2, got 1`,
    });
    assert.throws(() => contractionFactors(ok, [0, 0], 0, identity, { learningRate: 1 }), {
      name: 'RangeError',
      message: `${fn} requires n to be a positive integer, got 0`,
    });
    assert.throws(() => contractionFactors(ok, [0, 0], 1, identity, { learningRate: 0 }), {
      name: 'RangeError',
      message: `${fn} requires options.learningRate to be positive, got 0`,
    });
    assert.throws(() => contractionFactors(ok, [0, 0], 1, identity, undefined as unknown as { learningRate: number }), {
      name: 'TypeError',
      message: `${fn} requires options to be an object, got undefined`,
    });
    assert.throws(() => contractionFactors(ok, [0, 0], 1, identity, { learningRate: 1, threshold: -1 }), {
      name: 'RangeError',
      message: `${fn} requires options.threshold to be non-negative, got -1`,
    });
  });
});

describe('secondOrderAscent on dense data (issue 12)', () => {
  it('gives bit for bit the same run from every data form (float32 forms: the rounded rows), leaking no tensor', () => {
    const covariance = [
      [10, 0],
      [0, 0.5],
    ];
    const rows = sampleMultivariateNormal(200, [1, 1], covariance, { seed: 6 });
    const newton = assertSameInEveryForm(rows, (data) => secondOrderAscent(data, covariance, { maxSteps: 4 }));
    // One Newton step lands on the sample mean to float32 precision (|x-bar| ~ 1: 1e-5 is ~100 ulps).
    const sampleMean = multivariateGaussianMle(rows).mean;
    newton.path[1].forEach((m, j) => assert.ok(Math.abs(m - sampleMean[j]) < 1e-5, `${m} vs ${sampleMean[j]}`));
    assertSameInEveryForm(rows, (data) =>
      secondOrderAscent(data, covariance, { method: 'gradient', learningRate: 1e-3, maxSteps: 20 }),
    );
    assertSameInEveryForm(rows, (data) =>
      secondOrderAscent(data, covariance, { method: 'natural-gradient', learningRate: 0.5, maxSteps: 10 }),
    );
  });
});
