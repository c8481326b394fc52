import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { fitGaussianMean, OptimizerName, OPTIMIZER_NAMES, FitGaussianMeanOptions } from '../../lib/optimize/fit-gaussian-mean';
import { learningRateBound } from '../../lib/optimize/learning-rate-bound';
import { multivariateGaussianMle } from '../../lib/estimators/multivariate-gaussian';
import { gaussianLogLikelihood } from '../../lib/likelihood/gaussian-log-likelihood';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';
import { toDenseRows } from '../../lib/data/dense-rows';
import { assertSameInEveryForm } from '../helpers/data-forms';

const covariance = [
  [5, 0],
  [0, 5],
];
// The seed's setting scaled down to n = 2000 so the pure-JS cpu backend stays quick.
const rows = sampleMultivariateNormal(2000, [1, 1], covariance, { seed: 0 });
const mle = multivariateGaussianMle(rows).mean;

function assertNearMle(mean: number[], tolerance: number, label: string): void {
  mean.forEach((v, j) => assert.ok(Math.abs(v - mle[j]) <= tolerance, `${label}: mean[${j}] = ${v}, MLE ${mle[j]}`));
}

/**
 * Settings under which each optimizer converges on this problem (n = 2000, Sigma = 5 I: curvature
 * n / 5 = 400 for 'sum'). Adaptive methods take steps of about the learning rate, hence 1e-2.
 */
const SETTINGS: Record<OptimizerName, FitGaussianMeanOptions> = {
  'gradient-ascent': { learningRate: 1e-3 }, // lr * 400 = 0.4: error shrinks by 0.6 per step
  momentum: { learningRate: 2e-4 },
  nesterov: { learningRate: 2e-4 },
  adagrad: { learningRate: 0.5 },
  adadelta: { learningRate: 1, objective: 'mean' },
  rmsprop: { learningRate: 1e-2 },
  adam: { learningRate: 1e-2 },
  adamax: { learningRate: 1e-2 },
};

describe('fitGaussianMean', () => {
  for (const optimizer of OPTIMIZER_NAMES) {
    it(`reaches the closed-form MLE mean with ${optimizer}`, () => {
      const fit = fitGaussianMean(rows, covariance, { optimizer, maxSteps: 3000, tolerance: 1e-7, ...SETTINGS[optimizer] });
      assert.equal(fit.status, 'converged');
      // Tolerance 1e-3: float32 (u = 6e-8) gradients of 2000 terms of size |x - mu| <= 15 can
      // misplace the stationary point by up to n u max|x - mu| / n = u * 15 * (growth of the sum's
      // rounding, <= n) ~ 1e-3 in the worst case; observed errors are ~1e-5. The stopping rule
      // (two steps below 1e-7) adds far less for these rates.
      assertNearMle(fit.mean, 1e-3, optimizer);
    });
  }

  it("reaches the MLE with the 'mean' objective at a rate n times larger", () => {
    const fit = fitGaussianMean(rows, covariance, { objective: 'mean', learningRate: 2, tolerance: 1e-7 });
    assert.equal(fit.status, 'converged');
    assertNearMle(fit.mean, 1e-3, 'mean objective');
  });

  it('hovers around the MLE with mini-batches of 100, averaged over the last 500 steps', () => {
    const fit = fitGaussianMean(rows, covariance, {
      objective: 'mean',
      learningRate: 0.05,
      batchSize: 100,
      maxSteps: 2000,
      seed: 5,
    });
    assert.equal(fit.status, 'max-steps');
    const tail = fit.path.slice(-500);
    const average = [0, 1].map((j) => tail.reduce((s, p) => s + p[j], 0) / tail.length);
    // SGD's stationary spread: lr tr(Cov g) / (2 c) = 0.05 * (0.4 / 100) / 0.4 = 5e-4, sd 0.022; 500
    // steps with correlation time 1 / (lr c) = 100 average to sd ~0.01. Allow 0.1.
    assertNearMle(average, 0.1, 'minibatch');
  });

  it('starts the path at init, records full-data L in float64 and the batch objective per step', () => {
    const fit = fitGaussianMean(rows, covariance, { init: [-1, -1], learningRate: 1e-3, maxSteps: 20 });
    assert.deepEqual(fit.path[0], [-1, -1]);
    assert.equal(fit.path.length, fit.steps + 1);
    assert.equal(fit.logLikelihoods.length, fit.path.length);
    assert.equal(fit.batchLogLikelihoods.length, fit.steps);
    fit.path.forEach((p, i) => {
      const direct = gaussianLogLikelihood(rows, p, covariance);
      // Sufficient statistics vs direct float64 sum: 1e-10 relative.
      assert.ok(Math.abs(fit.logLikelihoods[i] - direct) <= 1e-10 * Math.abs(direct), `step ${i}`);
    });
    // Full batch: the batch objective at path[i] is L there, computed in float32 (1e-5 relative).
    fit.batchLogLikelihoods.forEach((v, i) => assert.ok(Math.abs(v - fit.logLikelihoods[i]) <= 1e-5 * Math.abs(v), `batch ${i}`));
    // Ascent: L never decreases at a stable rate.
    for (let i = 1; i < fit.logLikelihoods.length; i++) assert.ok(fit.logLikelihoods[i] >= fit.logLikelihoods[i - 1]);
  });

  it("stops with 'max-steps' when out of steps", () => {
    const fit = fitGaussianMean(rows, covariance, { learningRate: 1e-6, maxSteps: 5 });
    assert.equal(fit.status, 'max-steps');
    assert.equal(fit.steps, 5);
    assert.equal(fit.path.length, 6);
  });

  it("reports 'diverged' at three times the stable rate and returns only finite numbers", () => {
    const { stable } = learningRateBound(rows.length, covariance);
    const fit = fitGaussianMean(rows, covariance, { learningRate: 3 * stable, maxSteps: 1000 });
    assert.equal(fit.status, 'diverged');
    assert.ok(fit.steps < 100);
    for (const p of fit.path) assert.ok(p.every(Number.isFinite));
    assert.ok(fit.logLikelihoods.every(Number.isFinite));
    assert.ok(fit.batchLogLikelihoods.every(Number.isFinite));
    assert.ok(fit.mean.every(Number.isFinite));
  });

  it("reproduces the seed's Adam slip with direction 'descent': the mean walks away from the data", () => {
    const fit = fitGaussianMean(rows, covariance, { optimizer: 'adam', learningRate: 1e-2, direction: 'descent', maxSteps: 200 });
    const distance = (p: number[]) => Math.hypot(p[0] - mle[0], p[1] - mle[1]);
    assert.ok(distance(fit.mean) > distance(fit.path[0]) + 1, `ended at ${fit.mean}`);
    assert.ok(fit.logLikelihoods[fit.logLikelihoods.length - 1] < fit.logLikelihoods[0]);
  });

  it('is deterministic: the same seed gives the same path, another seed another path', () => {
    const options: FitGaussianMeanOptions = { objective: 'mean', learningRate: 0.05, batchSize: 10, maxSteps: 50, seed: 7 };
    const a = fitGaussianMean(rows, covariance, options);
    const b = fitGaussianMean(rows, covariance, options);
    const c = fitGaussianMean(rows, covariance, { ...options, seed: 8 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.path, c.path);
    // The full batch draws nothing, so the seed does not matter there.
    const full = (seed: number) => fitGaussianMean(rows, covariance, { learningRate: 1e-3, maxSteps: 10, seed }).path;
    assert.deepEqual(full(1), full(2));
  });

  it('calls onProgress every progressEvery steps with the step, a mean copy and full-data L', () => {
    const calls: [number, number[], number][] = [];
    const fit = fitGaussianMean(rows, covariance, {
      learningRate: 1e-3,
      maxSteps: 10,
      tolerance: 0,
      progressEvery: 3,
      onProgress: (step, mean, logLikelihood) => calls.push([step, mean, logLikelihood]),
    });
    assert.deepEqual(
      calls.map((c) => c[0]),
      [3, 6, 9],
    );
    assert.deepEqual(calls[1][1], fit.path[6]);
    assert.equal(calls[2][2], fit.logLikelihoods[9]);
  });

  it('leaks no tensors over a 1000-step fit, nor when onProgress throws', () => {
    const before = tf.memory().numTensors;
    for (const optimizer of OPTIMIZER_NAMES) {
      fitGaussianMean(rows.slice(0, 200), covariance, {
        optimizer,
        maxSteps: optimizer === 'adam' ? 1000 : 20,
        tolerance: 0,
        batchSize: 50,
      });
    }
    assert.equal(tf.memory().numTensors, before);
    assert.throws(
      () =>
        fitGaussianMean(rows, covariance, {
          onProgress: (step) => {
            if (step === 3) throw new Error('stop');
          },
        }),
      { message: 'stop' },
    );
    assert.equal(tf.memory().numTensors, before);
  });

  // Speed is measured side by side in scripts/bench.js, never asserted here.
  it('runs all 1000 steps on n = 10000 and leaves no tensor behind', () => {
    const big = sampleMultivariateNormal(10000, [1, 1], covariance, { seed: 1 });
    const before = tf.memory().numTensors;
    const fit = fitGaussianMean(big, covariance, { optimizer: 'adam', learningRate: 1e-3, maxSteps: 1000, tolerance: 0 });
    assert.equal(fit.steps, 1000);
    assert.equal(fit.status, 'max-steps');
    assert.equal(fit.path.length, 1001);
    assert.equal(tf.memory().numTensors, before);
  });

  it('keeps batchLogLikelihoods.length === steps when float32 overflows (reporting the float64 objective)', () => {
    // Data near 1e19: (x - mu)^2 ~ 1e38 per point, so the float32 sum over 2 points overflows at step 1.
    const far = [
      [1e19, 0],
      [-1e19, 0],
    ];
    const before = tf.memory().numTensors;
    const fit = fitGaussianMean(
      far,
      [
        [1, 0],
        [0, 1],
      ],
      { init: [3e19, 0], learningRate: 1e-3, maxSteps: 5 },
    );
    assert.equal(fit.status, 'diverged');
    assert.equal(fit.batchLogLikelihoods.length, fit.steps);
    assert.ok(fit.batchLogLikelihoods.every(Number.isFinite));
    // L at (3e19, 0) = -1/2 ((2e19)^2 + (4e19)^2) = -1e39, beyond float32 but exact enough in float64.
    assert.ok(Math.abs(fit.batchLogLikelihoods[0] + 1e39) <= 1e-12 * 1e39, `${fit.batchLogLikelihoods[0]}`);
    assert.equal(tf.memory().numTensors, before);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'fitGaussianMean';
    const cases: [FitGaussianMeanOptions, string, string][] = [
      [{ learningRate: 0 }, 'RangeError', `${fn} requires options.learningRate to be positive, got 0`],
      [{ learningRate: -1 }, 'RangeError', `${fn} requires options.learningRate to be positive, got -1`],
      [{ maxSteps: 0 }, 'RangeError', `${fn} requires options.maxSteps to be a positive integer, got 0`],
      [{ maxSteps: 2.5 }, 'RangeError', `${fn} requires options.maxSteps to be a positive integer, got 2.5`],
      [{ batchSize: 0 }, 'RangeError', `${fn} requires options.batchSize to be a positive integer, got 0`],
      [{ batchSize: 2001 }, 'RangeError', `${fn} requires options.batchSize to be at most the number of rows (2000), got 2001`],
      [
        { optimizer: 'lbfgs' as OptimizerName },
        'RangeError',
        `${fn} requires options.optimizer to be one of 'gradient-ascent', 'momentum', 'nesterov', 'adagrad', 'adadelta', 'rmsprop', 'adam', 'adamax', got 'lbfgs'`,
      ],
      [{ objective: 'max' as 'sum' }, 'RangeError', `${fn} requires options.objective to be one of 'sum', 'mean', got 'max'`],
      [
        { direction: 'up' as 'ascent' },
        'RangeError',
        `${fn} requires options.direction to be one of 'ascent', 'descent', got 'up'`,
      ],
      [{ tolerance: -1 }, 'RangeError', `${fn} requires options.tolerance to be non-negative, got -1`],
      [{ init: [0] }, 'RangeError', `${fn} requires options.init to have length 2, got 1`],
      [{ seed: -1 }, 'RangeError', `${fn} requires options.seed to be a non-negative integer, got -1`],
      [{ progressEvery: 0 }, 'RangeError', `${fn} requires options.progressEvery to be a positive integer, got 0`],
      [{ onProgress: 3 as unknown as () => void }, 'TypeError', `${fn} requires options.onProgress to be a function, got 3`],
      [{ optimizer: 7 as unknown as OptimizerName }, 'TypeError', `${fn} requires options.optimizer to be a string, got 7`],
      [
        { learningRate: 1e-300 },
        'RangeError',
        `${fn} requires options.learningRate to be at least float32's smallest normal number (1.1754943508222875e-38), got 1e-300`,
      ],
      [
        { init: [0, 1e39] },
        'RangeError',
        `${fn} requires options.init[1] to be within float32's range (|x| <= 3.4028234663852886e+38), got 1e+39`,
      ],
      [
        { learningrate: 1 } as FitGaussianMeanOptions,
        'RangeError',
        `${fn} requires options to have only the keys 'optimizer', 'learningRate', 'maxSteps', 'tolerance', 'init', 'batchSize', 'seed', 'objective', 'direction', 'onProgress', 'progressEvery', 'gradient', got 'learningrate' (did you mean 'learningRate'?)`,
      ],
    ];
    for (const [options, name, message] of cases)
      assert.throws(() => fitGaussianMean(rows, covariance, options), { name, message });
    assert.throws(() => fitGaussianMean([], covariance), {
      name: 'RangeError',
      message: `${fn} requires at least one data point`,
    });
    assert.throws(() => fitGaussianMean([[1, 2], [3]], covariance), {
      name: 'RangeError',
      message: `${fn} requires rows to be rectangular: rows[1] has length 1, expected 2`,
    });
    assert.throws(
      () =>
        fitGaussianMean(rows, [
          [1, 2],
          [2, 1],
        ]),
      { name: 'RangeError', message: `${fn} requires covariance to be symmetric positive definite` },
    );
    assert.throws(
      () =>
        fitGaussianMean(
          [
            [0, 0],
            [4e38, 0],
          ],
          covariance,
        ),
      {
        name: 'RangeError',
        message: `${fn} requires rows[1][0] to be within float32's range (|x| <= 3.4028234663852886e+38), got 4e+38`,
      },
    );
    assert.throws(
      () =>
        fitGaussianMean(rows, [
          [1e-40, 0],
          [0, 1e-40],
        ]),
      {
        name: 'RangeError',
        message: `${fn} requires the precision matrix covariance^-1[0][0] to be within float32's range (|x| <= 3.4028234663852886e+38), got 1e+40`,
      },
    );
    assert.throws(() => fitGaussianMean(rows, covariance, 'fast' as unknown as FitGaussianMeanOptions), {
      name: 'TypeError',
      message: `${fn} requires options to be an object, got 'fast'`,
    });
  });
});

describe('fitGaussianMean on dense data (issue 12)', () => {
  const covariance = [
    [5, 0],
    [0, 5],
  ];
  const rows = sampleMultivariateNormal(1000, [1, 1], covariance, { seed: 4 });
  const fields = (fit: ReturnType<typeof fitGaussianMean>) => {
    const { mean, path, logLikelihoods, batchLogLikelihoods, steps, status } = fit;
    return { mean, path, logLikelihoods, batchLogLikelihoods, steps, status };
  };

  it('gives bit for bit the full-batch fit of number[][] from a float64 DenseRows, of the rounded rows from float32 data and a tensor', () => {
    for (const options of [
      { learningRate: 1e-4, maxSteps: 60 },
      { optimizer: 'adam' as OptimizerName, learningRate: 0.05, maxSteps: 60 },
      { optimizer: 'nesterov' as OptimizerName, objective: 'mean' as const, learningRate: 0.3, maxSteps: 60, init: [-3, 4] },
      { direction: 'descent' as const, maxSteps: 20 },
    ]) {
      const fit = assertSameInEveryForm(rows, (data) => fields(fitGaussianMean(data, covariance, options)));
      assert.equal(fit.path.length, fit.steps + 1);
    }
  });

  it('draws the same mini-batches and gives bit for bit the same mini-batch fit from every data form', () => {
    for (const options of [
      { batchSize: 20, seed: 3, learningRate: 1e-2, maxSteps: 50 },
      {
        batchSize: 7,
        seed: 1,
        objective: 'mean' as const,
        optimizer: 'rmsprop' as OptimizerName,
        learningRate: 0.1,
        maxSteps: 50,
      },
    ]) {
      const fit = assertSameInEveryForm(rows, (data) => fields(fitGaussianMean(data, covariance, options)));
      assert.equal(fit.batchLogLikelihoods.length, 50);
    }
  });

  it("reports the same status from every form: 'converged', 'max-steps' and 'diverged'", () => {
    const { stable } = learningRateBound(rows.length, covariance);
    const statuses = [
      // stable / 2 contracts by |1 - 1| = 0 per step, stable / 8 by 0.75 (learningRateBound: stable = 2 / curvature).
      { learningRate: stable / 2, maxSteps: 2000 },
      { learningRate: stable / 8, maxSteps: 3 },
      { learningRate: stable * 3, maxSteps: 200 },
    ].map((options) => assertSameInEveryForm(rows, (data) => fitGaussianMean(data, covariance, options).status));
    assert.deepEqual(statuses, ['converged', 'max-steps', 'diverged']);
  });

  it('rejects bad dense data with messages naming the entry, and keeps a rejected tensor alive', () => {
    const fn = 'fitGaussianMean';
    assert.throws(
      () =>
        fitGaussianMean(toDenseRows([[1, 4e38]]), [
          [1, 0],
          [0, 1],
        ]),
      {
        name: 'RangeError',
        message: `${fn} requires rows.data[1] (row 0, column 1) to be within float32's range (|x| <= 3.4028234663852886e+38), got 4e+38`,
      },
    );
    assert.throws(
      () =>
        fitGaussianMean({ data: new Float32Array([1, NaN]), rows: 1, cols: 2 }, [
          [1, 0],
          [0, 1],
        ]),
      {
        name: 'RangeError',
        message: `${fn} requires rows.data[1] (row 0, column 1) to be a finite number, got NaN`,
      },
    );
    assert.throws(() => fitGaussianMean({ data: new Float64Array(6), rows: 2, cols: 3 }, covariance), {
      name: 'RangeError',
      message: `${fn} requires covariance to be 3x3, got 2 rows`,
    });
    const before = tf.memory().numTensors;
    const integers = tf.tensor2d([[1, 2]], [1, 2], 'int32');
    assert.throws(() => fitGaussianMean(integers, covariance), {
      name: 'TypeError',
      message: `${fn} requires rows to be a float32 tensor, got dtype int32`,
    });
    assert.equal(integers.isDisposed, false);
    integers.dispose();
    const disposed = tf.tensor2d([[1, 2]]);
    disposed.dispose();
    assert.throws(() => fitGaussianMean(disposed, covariance), {
      name: 'TypeError',
      message: `${fn} requires rows to be a live tensor, got a disposed one`,
    });
    assert.equal(tf.memory().numTensors, before);
  });

  it("frees everything but the caller's tensor when onProgress throws", () => {
    const tensor = tf.tensor2d(rows);
    const before = tf.memory().numTensors;
    const onProgress = (step: number) => {
      if (step === 5) throw new Error('stop');
    };
    assert.throws(() => fitGaussianMean(tensor, covariance, { onProgress }), { message: 'stop' });
    assert.equal(tf.memory().numTensors, before);
    assert.equal(tensor.isDisposed, false);
    tensor.dispose();
  });
});
