import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Tensor1D, Tensor2D } from '@tensorflow/tfjs';
import { tf } from '../lib/backend';
import { gaussianMle } from '../lib/estimators/gaussian';
import { linearRegressionMle } from '../lib/estimators/linear-regression';
import { multivariateGaussianMle } from '../lib/estimators/multivariate-gaussian';
import { gaussianLogLikelihood, gaussianLogLikelihoodTensor } from '../lib/likelihood/gaussian-log-likelihood';
import { logLikelihoodGrid } from '../lib/likelihood/log-likelihood-grid';
import { symmetricEigenvalues } from '../lib/linalg/symmetric-eigenvalues';
import { learningRateBound } from '../lib/optimize/learning-rate-bound';
import { nelderMeadMaximize } from '../lib/optimize/nelder-mead';
import { sampleMultivariateNormal } from '../lib/random/sample-multivariate-normal';
import { sampleLinearModel } from '../lib/random/sample-linear-model';
import { sampleWithoutReplacement } from '../lib/random/sample-without-replacement';
import { compensatedSum } from '../lib/numeric/compensated-sum';

// Issue 11, one block per class of hostile input; each expected value is worked out in a comment.

describe('closed forms near overflow and underflow (class 1)', () => {
  it('averages values near 1e308 without overflowing the sum', () => {
    // The plain sum 3 x 1.7e308 overflows; the scaled mean is exactly 1.7e308, spread 0.
    assert.deepEqual(gaussianMle([1.7e308, 1.7e308, 1.7e308]), { mean: 1.7e308, variance: 0 });
    // Mean of 1.7e308 and 1.6e308 (their sum overflows): 1.65e308; variance (5e306)^2 overflows.
    assert.throws(() => gaussianMle([1.7e308, 1.6e308]), { name: 'RangeError' });
  });

  it('gets the variance of +-1e150 (1e300) although the squares of 1e150 are near the edge', () => {
    const { mean, variance } = gaussianMle([1e150, -1e150]);
    assert.equal(mean, 0);
    assert.ok(Math.abs(variance - 1e300) <= 1e-15 * 1e300, String(variance));
  });

  it('names the float64 limit when the variance itself does not exist in float64 (+-1e200: 1e400)', () => {
    assert.throws(() => gaussianMle([1e200, -1e200]), {
      name: 'RangeError',
      message:
        "gaussianMle requires the variance of xs to be within float64's range (<= 1.7976931348623157e+308), got a spread of about 1e+200",
    });
  });

  it('fits a line through x near 1e-160 and 1e-200 exactly (squares would underflow)', () => {
    // y = 3 + 2e160 x at x = 1e-160 k: slope 2e160, intercept 3, no noise.
    const xs = [1, 2, 3, 5].map((k) => k * 1e-160);
    const fit = linearRegressionMle(
      xs,
      xs.map((x) => 3 + 2e160 * x),
    );
    assert.ok(Math.abs(fit.slope / 2e160 - 1) < 1e-14, String(fit.slope));
    assert.ok(Math.abs(fit.intercept - 3) < 1e-14, String(fit.intercept));
    // x = 1e-200 k is not "all equal".
    const tiny = linearRegressionMle([1e-200, 2e-200, 3e-200], [1, 3, 5]);
    assert.ok(Math.abs(tiny.slope / 2e200 - 1) < 1e-14 && Math.abs(tiny.intercept + 1) < 1e-14, JSON.stringify(tiny));
  });

  it('estimates a column near 1e308 beside an ordinary one', () => {
    const { mean, covariance } = multivariateGaussianMle([
      [1e308, 1],
      [1e308, 3],
    ]);
    assert.deepEqual(mean, [1e308, 2]);
    assert.deepEqual(covariance, [
      [0, 0],
      [0, 1],
    ]);
  });

  it('adds infinite terms to an infinite sum, not NaN', () => {
    assert.equal(compensatedSum([1e308, 1e308]), Infinity);
  });

  it('names the float64 limit for the log-likelihood of a far point under a tiny covariance (no NaN)', () => {
    // (1e10)^2 / 1e-300 = 1e320 > 1.8e308: no float64 answer.
    assert.throws(
      () =>
        gaussianLogLikelihood(
          [[1e10, 0]],
          [0, 0],
          [
            [1e-300, 0],
            [0, 1e-300],
          ],
        ),
      {
        name: 'RangeError',
        message:
          "gaussianLogLikelihood requires the log-likelihood to be within float64's range (|L| <= 1.7976931348623157e+308), got an overflow: the rows are too many standard deviations from the mean",
      },
    );
    // 3^2 / 1e-300 / 2 = 4.5e300 is representable and returned.
    assert.ok(
      Math.abs(
        gaussianLogLikelihood(
          [[3, 0]],
          [0, 0],
          [
            [1e-300, 0],
            [0, 1],
          ],
        ) + 4.5e300,
      ) <=
        1e-15 * 4.5e300,
    );
  });

  it('lays a grid over [-1e308, 1e308] with finite coordinates and no NaN value', () => {
    const grid = logLikelihoodGrid(
      [
        [0, 0],
        [1, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
      { xRange: [-1e308, 1e308], yRange: [-1e308, 1e308], steps: 5 },
    );
    assert.deepEqual(grid.xs, [-1e308, -5e307, 0, 5e307, 1e308]);
    assert.ok(grid.values.flat().every((v) => !Number.isNaN(v)));
    // At (0, 0): -1/2 (0 + 2) = -1.
    assert.equal(grid.values[2][2], -1);
  });
});

describe('2 x 2 eigenvalues keep the small one (class 2)', () => {
  it('returns diag(1, 1e-17) and diag(1, 1e-12) exactly and the bound from them', () => {
    assert.deepEqual(
      symmetricEigenvalues([
        [1, 0],
        [0, 1e-17],
      ]),
      [1e-17, 1],
    );
    assert.deepEqual(
      symmetricEigenvalues([
        [1, 0],
        [0, 1e-12],
      ]),
      [1e-12, 1],
    );
    // Sigma = diag(1, 1e-17), n = 10: curvatureMax = 10 / 1e-17 = 1e18, stable = 2e-18.
    const bound = learningRateBound(10, [
      [1, 0],
      [0, 1e-17],
    ]);
    assert.ok(Math.abs(bound.stable - 2e-18) <= 1e-15 * 2e-18 && Number.isFinite(bound.curvatureMax));
  });

  it('gets the small root of a nearly singular non-diagonal matrix from det / larger', () => {
    // [[1, 1e-9], [1e-9, 1e-17]]: det = 1e-17 - 1e-18 = 9e-18, larger ~ 1, so smaller ~ 9e-18.
    const [small, large] = symmetricEigenvalues([
      [1, 1e-9],
      [1e-9, 1e-17],
    ]);
    assert.ok(Math.abs(small - 9e-18) <= 1e-15 * 9e-18, String(small));
    assert.ok(Math.abs(large - 1) <= 1e-15);
  });

  it('survives entries near overflow', () => {
    // [[1e300, 5e299], [5e299, 1e300]]: 1e300 -+ 5e299.
    const [small, large] = symmetricEigenvalues([
      [1e300, 5e299],
      [5e299, 1e300],
    ]);
    assert.ok(Math.abs(small / 5e299 - 1) < 1e-15 && Math.abs(large / 1.5e300 - 1) < 1e-15, `${small} ${large}`);
  });
});

describe('size limits (class 4)', () => {
  it('refuses a 1e5-step grid and 2^32 samples with RangeErrors naming the limit', () => {
    assert.throws(
      () =>
        logLikelihoodGrid(
          [[0, 0]],
          [
            [1, 0],
            [0, 1],
          ],
          { steps: 1e5 },
        ),
      {
        name: 'RangeError',
        message: 'logLikelihoodGrid requires options.steps to be at most 2000 (a grid of 2000^2 cells), got 100000',
      },
    );
    assert.throws(() => sampleMultivariateNormal(2 ** 32, [0], [[1]]), {
      name: 'RangeError',
      message:
        "sampleMultivariateNormal requires n to be at most 10000000 with format 'rows' (use format 'dense' for more), got 4294967296",
    });
    assert.throws(() => sampleWithoutReplacement(2 ** 40, 2 ** 32, 0), {
      name: 'RangeError',
      message: 'sampleWithoutReplacement requires sampleSize to be at most 10000000, got 4294967296',
    });
  });
});

describe('strict options (class 5)', () => {
  it('rejects misspelt keys everywhere with the nearest suggestion', () => {
    const cases: [() => unknown, string][] = [
      [
        () => gaussianLogLikelihood([[0]], [0], [[1]], { normalised: true } as never),
        "gaussianLogLikelihood requires options to have only the keys 'normalized', got 'normalised' (did you mean 'normalized'?)",
      ],
      [
        () =>
          logLikelihoodGrid(
            [[0, 0]],
            [
              [1, 0],
              [0, 1],
            ],
            { step: 3 } as never,
          ),
        "logLikelihoodGrid requires options to have only the keys 'xRange', 'yRange', 'steps', 'normalized', got 'step' (did you mean 'steps'?)",
      ],
      [
        () => sampleMultivariateNormal(1, [0], [[1]], { sed: 1 } as never),
        "sampleMultivariateNormal requires options to have only the keys 'seed', 'format', 'dtype', got 'sed' (did you mean 'seed'?)",
      ],
      [
        () => nelderMeadMaximize(([x]) => -x * x, [1], { maxIteration: 3 } as never),
        "nelderMeadMaximize requires options to have only the keys 'initialStep', 'tolerance', 'maxIterations', got 'maxIteration' (did you mean 'maxIterations'?)",
      ],
      [
        () => sampleLinearModel(2, { slope: 1, intercept: 0, noiseVariance: 1 }, { xmean: 1 } as never),
        "sampleLinearModel requires options to have only the keys 'seed', 'xMean', 'xVariance', got 'xmean' (did you mean 'xMean'?)",
      ],
    ];
    for (const [run, message] of cases) assert.throws(run, { name: 'RangeError', message });
  });
});

describe('tensor contracts (class 7)', () => {
  it('names the function when given a disposed tensor', () => {
    const x = tf.tensor2d([[1, 1]]);
    const mean = tf.tensor1d([0, 0]);
    const precision = tf.eye(2) as Tensor2D;
    x.dispose();
    assert.throws(() => gaussianLogLikelihoodTensor(x, mean, precision), {
      name: 'TypeError',
      message: 'gaussianLogLikelihoodTensor requires x to be a live tensor, got a disposed one',
    });
    tf.dispose([mean, precision]);
  });

  it('accepts int32 tensors without leaking the cast and gives the float32 value', () => {
    const x = tf.tensor2d(
      [
        [1, 1],
        [3, 1],
      ],
      [2, 2],
      'int32',
    );
    const mean = tf.tensor1d([2, 1], 'int32') as Tensor1D;
    const precision = tf.eye(2, 2, undefined, 'int32') as Tensor2D;
    const before = tf.memory().numTensors;
    const value = gaussianLogLikelihoodTensor(x, mean, precision);
    // Each row is 1 away in x: -1/2 (1 + 1) = -1; the one new tensor is the result.
    assert.equal(value.dataSync()[0], -1);
    assert.equal(tf.memory().numTensors, before + 1);
    tf.dispose([value, x, mean, precision]);
  });
});
