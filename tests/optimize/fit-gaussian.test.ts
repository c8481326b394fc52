import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { fitGaussian, FitGaussianOptions } from '../../lib/optimize/fit-gaussian';
import type { OptimizerName } from '../../lib/optimize/fit-gaussian-mean';
import { multivariateGaussianMle } from '../../lib/estimators/multivariate-gaussian';
import { gaussianMle } from '../../lib/estimators/gaussian';
import { gaussianLogLikelihood } from '../../lib/likelihood/gaussian-log-likelihood';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';
import { assertSameInEveryForm } from '../helpers/data-forms';

const truth = [
  [2, 0.8],
  [0.8, 1],
];
// n = 500 keeps the pure-JS cpu backend quick.
const rows = sampleMultivariateNormal(500, [1, -1], truth, { seed: 0 });
const mle = multivariateGaussianMle(rows);

function maxAbsDifference(a: number[] | number[][], b: number[] | number[][]): number {
  const flat = (x: number[] | number[][]) => (x as (number | number[])[]).flat() as number[];
  const fa = flat(a);
  const fb = flat(b);
  return Math.max(...fa.map((v, k) => Math.abs(v - fb[k])));
}

function isPositiveDefinite2x2(m: number[][]): boolean {
  return m[0][0] > 0 && m[0][0] * m[1][1] - m[0][1] * m[1][0] > 0 && m[0][1] === m[1][0];
}

describe('fitGaussian', () => {
  const cases: [OptimizerName, FitGaussianOptions][] = [
    // Objective L/n: curvature Sigma^-1 in the mean (largest eigenvalue ~1.6 here) and about 2 in
    // each log standard deviation, so 0.1 contracts every direction by at least 0.8 per step.
    ['gradient-ascent', { learningRate: 0.1 }],
    ['adam', { learningRate: 0.05 }],
  ];
  for (const [optimizer, settings] of cases) {
    it(`reaches the closed-form mean and covariance with ${optimizer}`, () => {
      const fit = fitGaussian(rows, { optimizer, maxSteps: 4000, ...settings });
      assert.equal(fit.status, 'converged');
      // Tolerance 1e-3: float32 gradients of 500 terms (u = 6e-8, |x - mu| <= 6) place the
      // stationary point within ~1e-4 in the worst case; observed errors are ~1e-5. The stopping
      // rule (two steps below 1e-6 at a contraction >= 0.8 per step) leaves at most ~1e-5.
      assert.ok(maxAbsDifference(fit.mean, mle.mean) <= 1e-3, `mean ${fit.mean} vs ${mle.mean}`);
      assert.ok(maxAbsDifference(fit.covariance, mle.covariance) <= 1e-3, `covariance ${fit.covariance} vs ${mle.covariance}`);
    });
  }

  it('records the full log-likelihood, normalising constant included, in float64 along the path', () => {
    const init = {
      mean: [0, 0],
      covariance: [
        [1, 0],
        [0, 1],
      ],
    };
    const fit = fitGaussian(rows, { learningRate: 0.05, maxSteps: 30, init });
    assert.deepEqual(fit.path[0], init);
    assert.equal(fit.path.length, fit.steps + 1);
    assert.equal(fit.logLikelihoods.length, fit.path.length);
    fit.path.forEach((p, i) => {
      const direct = gaussianLogLikelihood(rows, p.mean, p.covariance, { normalized: true });
      // Sufficient statistics vs the direct float64 sum: 1e-10 relative.
      assert.ok(Math.abs(fit.logLikelihoods[i] - direct) <= 1e-10 * Math.abs(direct), `step ${i}`);
    });
    // A small rate on a smooth objective: L never decreases.
    for (let i = 1; i < fit.logLikelihoods.length; i++)
      assert.ok(fit.logLikelihoods[i] >= fit.logLikelihoods[i - 1], `step ${i}`);
    // The maximum: L at the closed-form MLE is -n/2 (d log(2 pi) + log|S| + d).
    const best = gaussianLogLikelihood(rows, mle.mean, mle.covariance, { normalized: true });
    const { covariance: s } = mle;
    const expected = (-rows.length / 2) * (2 * Math.log(2 * Math.PI) + Math.log(s[0][0] * s[1][1] - s[0][1] ** 2) + 2);
    assert.ok(Math.abs(best - expected) <= 1e-9 * Math.abs(expected));
    assert.ok(fit.logLikelihoods.every((l) => l <= best));
  });

  it('keeps every covariance of the path symmetric positive definite, even from a far start', () => {
    const fit = fitGaussian(rows, {
      learningRate: 0.2,
      maxSteps: 200,
      init: {
        mean: [10, -10],
        covariance: [
          [100, -99],
          [-99, 100],
        ],
      },
    });
    assert.notEqual(fit.status, 'diverged');
    for (const p of fit.path) assert.ok(isPositiveDefinite2x2(p.covariance), JSON.stringify(p.covariance));
  });

  it('fits one and three dimensions too', () => {
    const xs = sampleMultivariateNormal(300, [2], [[4]], { seed: 3 });
    const one = fitGaussian(xs, { learningRate: 0.2, maxSteps: 3000 });
    const closed = gaussianMle(xs.map((r) => r[0]));
    assert.equal(one.status, 'converged');
    assert.ok(Math.abs(one.mean[0] - closed.mean) <= 1e-3 && Math.abs(one.covariance[0][0] - closed.variance) <= 1e-3);
    const three = sampleMultivariateNormal(
      300,
      [0, 1, 2],
      [
        [1, 0.5, 0],
        [0.5, 2, 0.3],
        [0, 0.3, 1.5],
      ],
      { seed: 4 },
    );
    const fit3 = fitGaussian(three, { optimizer: 'adam', learningRate: 0.05, maxSteps: 4000 });
    const closed3 = multivariateGaussianMle(three);
    assert.equal(fit3.status, 'converged');
    assert.ok(maxAbsDifference(fit3.covariance, closed3.covariance) <= 1e-3, `${fit3.covariance}`);
    assert.ok(maxAbsDifference(fit3.mean, closed3.mean) <= 1e-3);
  });

  it("stops with 'max-steps' when out of steps", () => {
    const fit = fitGaussian(rows, { learningRate: 1e-3, maxSteps: 5 });
    assert.equal(fit.status, 'max-steps');
    assert.equal(fit.steps, 5);
    assert.equal(fit.path.length, 6);
  });

  it("reports 'diverged' at a rate far past the stable one and returns only finite numbers", () => {
    const fit = fitGaussian(rows, { learningRate: 20, maxSteps: 1000 });
    assert.equal(fit.status, 'diverged');
    assert.ok(fit.steps < 100, `${fit.steps} steps`);
    for (const p of fit.path) assert.ok(p.mean.every(Number.isFinite) && p.covariance.flat().every(Number.isFinite));
    assert.ok(fit.logLikelihoods.every(Number.isFinite));
  });

  it("reaches the same point with the 'sum' objective at a rate n times smaller", () => {
    const fit = fitGaussian(rows, { objective: 'sum', learningRate: 0.1 / rows.length, maxSteps: 4000 });
    assert.equal(fit.status, 'converged');
    assert.ok(maxAbsDifference(fit.covariance, mle.covariance) <= 1e-3);
  });

  it('is deterministic and calls onProgress every progressEvery steps', () => {
    const calls: [number, number[], number[][], number][] = [];
    const options: FitGaussianOptions = { maxSteps: 10, tolerance: 0, progressEvery: 4 };
    const a = fitGaussian(rows, {
      ...options,
      onProgress: (step, mean, covariance, l) => calls.push([step, mean, covariance, l]),
    });
    const b = fitGaussian(rows, options);
    assert.deepEqual(a, b);
    assert.deepEqual(
      calls.map((c) => c[0]),
      [4, 8],
    );
    assert.deepEqual(calls[1][1], a.path[8].mean);
    assert.deepEqual(calls[1][2], a.path[8].covariance);
    assert.equal(calls[0][3], a.logLikelihoods[4]);
  });

  it('leaks no tensors, with any optimizer, nor when onProgress throws', () => {
    const before = tf.memory().numTensors;
    for (const optimizer of ['gradient-ascent', 'momentum', 'adam'] as OptimizerName[]) {
      fitGaussian(rows.slice(0, 100), { optimizer, maxSteps: 20, tolerance: 0 });
    }
    assert.equal(tf.memory().numTensors, before);
    const stop = () =>
      fitGaussian(rows, {
        onProgress: (step) => {
          if (step === 3) throw new Error('stop');
        },
      });
    assert.throws(stop, { message: 'stop' });
    assert.equal(tf.memory().numTensors, before);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'fitGaussian';
    const cases: [FitGaussianOptions, string, string][] = [
      [{ learningRate: 0 }, 'RangeError', `${fn} requires options.learningRate to be positive, got 0`],
      [{ maxSteps: 0 }, 'RangeError', `${fn} requires options.maxSteps to be a positive integer, got 0`],
      [{ tolerance: -1 }, 'RangeError', `${fn} requires options.tolerance to be non-negative, got -1`],
      [
        { optimizer: 'lbfgs' as OptimizerName },
        'RangeError',
        `${fn} requires options.optimizer to be one of 'gradient-ascent', 'momentum', 'nesterov', 'adagrad', 'adadelta', 'rmsprop', 'adam', 'adamax', got 'lbfgs'`,
      ],
      [{ objective: 'max' as 'sum' }, 'RangeError', `${fn} requires options.objective to be one of 'sum', 'mean', got 'max'`],
      [{ init: 3 as unknown as FitGaussianOptions['init'] }, 'TypeError', `${fn} requires options.init to be an object, got 3`],
      [{ init: { mean: [0] } }, 'RangeError', `${fn} requires options.init.mean to have length 2, got 1`],
      [
        {
          init: {
            covariance: [
              [1, 2],
              [2, 1],
            ],
          },
        },
        'RangeError',
        `${fn} requires options.init.covariance to be symmetric positive definite`,
      ],
      [{ progressEvery: 0 }, 'RangeError', `${fn} requires options.progressEvery to be a positive integer, got 0`],
      [{ onProgress: 3 as unknown as () => void }, 'TypeError', `${fn} requires options.onProgress to be a function, got 3`],
    ];
    for (const [options, name, message] of cases) assert.throws(() => fitGaussian(rows, options), { name, message });
    assert.throws(() => fitGaussian([]), { name: 'RangeError', message: `${fn} requires at least one data point` });
    assert.throws(
      () =>
        fitGaussian([
          [1, 0],
          [2, 0],
          [3, 0],
        ]),
      {
        name: 'RangeError',
        message: `${fn} requires rows to have a positive definite sample covariance (at least 3 points, not on one hyperplane)`,
      },
    );
    assert.throws(() => fitGaussian(rows, 'fast' as unknown as FitGaussianOptions), {
      name: 'TypeError',
      message: `${fn} requires options to be an object, got 'fast'`,
    });
  });
});

describe('fitGaussian on dense data (issue 12)', () => {
  it("gives bit for bit the same fit from every data form, leaking no tensor and keeping the caller's tensor", () => {
    const rows = sampleMultivariateNormal(
      300,
      [1, -1],
      [
        [2, 0.8],
        [0.8, 1],
      ],
      { seed: 0 },
    );
    const fit = assertSameInEveryForm(rows, (data) => fitGaussian(data, { optimizer: 'adam', learningRate: 0.05, maxSteps: 40 }));
    assert.equal(fit.steps, 40);
    assertSameInEveryForm(rows, (data) => fitGaussian(data, { objective: 'sum', learningRate: 1e-4, maxSteps: 10 }));
  });

  it('fits three dimensions from a DenseRows', () => {
    const cov3 = [
      [2, 0.5, 0],
      [0.5, 1, 0.2],
      [0, 0.2, 3],
    ];
    assertSameInEveryForm(sampleMultivariateNormal(100, [0, 1, 2], cov3, { seed: 5 }), (data) =>
      fitGaussian(data, { maxSteps: 8 }),
    );
  });
});
