import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { toDenseRows } from '../../lib/data/dense-rows';
import { multivariateGaussianMle } from '../../lib/estimators/multivariate-gaussian';
import { fitGaussianMean, OPTIMIZER_NAMES } from '../../lib/optimize/fit-gaussian-mean';
import type { FitGaussianMeanOptions, OptimizerName } from '../../lib/optimize/fit-gaussian-mean';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';

const covariance = [
  [5, 0],
  [0, 5],
];
const rows = sampleMultivariateNormal(2000, [1, 1], covariance, { seed: 0 });
const mle = multivariateGaussianMle(rows).mean;
const closedForm: FitGaussianMeanOptions = { gradient: 'sufficient-statistics' };

/** Rates under which every optimizer converges here (n = 2000, curvature n / 5 = 400 for 'sum'). */
const RATES: Record<OptimizerName, number> = {
  'gradient-ascent': 1e-3,
  momentum: 2e-4,
  nesterov: 2e-4,
  adagrad: 0.5,
  adadelta: 1e-3,
  rmsprop: 1e-2,
  adam: 5e-2,
  adamax: 5e-2,
};

describe("fitGaussianMean with gradient: 'sufficient-statistics'", () => {
  it('takes the first step mu_1 = mu_0 + lr n P (x-bar - mu_0), in float64 (1e-14 relative)', () => {
    // Plain ascent from 0 with P = I / 5: mu_1 = 1e-3 x 2000 / 5 x x-bar = 0.4 x-bar.
    const fit = fitGaussianMean(rows, covariance, { ...closedForm, learningRate: 1e-3, maxSteps: 1 });
    fit.path[1].forEach((v, j) => assert.ok(Math.abs(v - 0.4 * mle[j]) <= 1e-14 * Math.abs(v), `${v} vs ${0.4 * mle[j]}`));
    assert.equal(fit.status, 'max-steps');
  });

  it('follows the autodiff path of every optimizer to float32 precision and ends at the MLE', () => {
    for (const optimizer of OPTIMIZER_NAMES) {
      const options: FitGaussianMeanOptions = { optimizer, learningRate: RATES[optimizer], maxSteps: 3000 };
      const autodiff = fitGaussianMean(rows, covariance, options);
      const closed = fitGaussianMean(rows, covariance, { ...options, ...closedForm });
      assert.equal(closed.status, 'converged', optimizer);
      // The two differ by float32 rounding per step (autodiff) against float64 (closed form); the
      // first 20 iterates agree to 1e-4 and both end within 1e-3 of the MLE (the stopping tolerance
      // 1e-6 per step, summed over a slow tail, for adagrad).
      for (let s = 0; s <= 20; s++) {
        closed.path[s].forEach((v, j) =>
          assert.ok(Math.abs(v - autodiff.path[s][j]) <= 1e-4, `${optimizer} step ${s}: ${v} vs ${autodiff.path[s][j]}`),
        );
      }
      closed.mean.forEach((v, j) => assert.ok(Math.abs(v - mle[j]) <= 1e-3, `${optimizer}: ${v} vs MLE ${mle[j]}`));
      assert.ok(Math.abs(closed.steps - autodiff.steps) <= Math.max(3, 0.05 * autodiff.steps), `${optimizer} steps`);
    }
  });

  it('records the objective the optimizer saw in float64: L at path[i], and L_batch / k for mini-batches', () => {
    const full = fitGaussianMean(rows, covariance, { ...closedForm, learningRate: 1e-3, maxSteps: 5 });
    full.batchLogLikelihoods.forEach((value, i) => assert.equal(value, full.logLikelihoods[i]));
    const batch = fitGaussianMean(rows, covariance, {
      ...closedForm,
      batchSize: 10,
      objective: 'mean',
      learningRate: 0.5,
      maxSteps: 5,
      seed: 4,
    });
    const autodiff = fitGaussianMean(rows, covariance, {
      batchSize: 10,
      objective: 'mean',
      learningRate: 0.5,
      maxSteps: 5,
      seed: 4,
    });
    // Same seed, same batches: the float32 objective of the autodiff path agrees to 1e-5 relative.
    batch.batchLogLikelihoods.forEach((value, i) => {
      const other = autodiff.batchLogLikelihoods[i];
      assert.ok(Math.abs(value - other) <= 1e-5 * Math.max(1, Math.abs(other)), `step ${i + 1}: ${value} vs ${other}`);
    });
  });

  it('walks away from the data with direction descent (the starter code slip), like the autodiff path', () => {
    const options: FitGaussianMeanOptions = { direction: 'descent', learningRate: 1e-4, maxSteps: 30 };
    const closed = fitGaussianMean(rows, covariance, { ...options, ...closedForm });
    const autodiff = fitGaussianMean(rows, covariance, options);
    assert.ok(closed.logLikelihoods[30] < closed.logLikelihoods[0]);
    closed.mean.forEach((v, j) => assert.ok(Math.abs(v - autodiff.mean[j]) <= 1e-4 * Math.max(1, Math.abs(v))));
  });

  it("detects divergence as the autodiff path does (status 'diverged', the blow-up kept in path)", () => {
    // Above the stable rate 2 / (n / 5) = 5e-3, plain ascent overshoots further at every step.
    const fit = fitGaussianMean(rows, covariance, { ...closedForm, learningRate: 2e-2, maxSteps: 1000 });
    assert.equal(fit.status, 'diverged');
    assert.ok(fit.path.flat().every(Number.isFinite));
    assert.ok(fit.steps < 1000);
  });

  it('makes no tensor at all, and gives the same fit from number[][] and a DenseRows', () => {
    const before = tf.memory().numTensors;
    const fromRows = fitGaussianMean(rows, covariance, { ...closedForm, optimizer: 'adam', learningRate: 0.05 });
    const fromDense = fitGaussianMean(toDenseRows(rows), covariance, { ...closedForm, optimizer: 'adam', learningRate: 0.05 });
    assert.equal(tf.memory().numTensors, before);
    assert.deepEqual(fromDense, fromRows);
  });

  it('rejects an unknown gradient with the exact message', () => {
    assert.throws(() => fitGaussianMean(rows, covariance, { gradient: 'closed-form' as 'autodiff' }), {
      name: 'RangeError',
      message: "fitGaussianMean requires options.gradient to be one of 'autodiff', 'sufficient-statistics', got 'closed-form'",
    });
  });
});
