import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minibatchGradientVariance } from '../../lib/optimize/minibatch-gradient-variance';
import type { Objective } from '../../lib/optimize/types';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';
import reference from '../fixtures/reference.json';
import { assertSameInEveryForm } from '../helpers/data-forms';

describe('minibatchGradientVariance', () => {
  it('gives the exact variance found by enumerating every batch with numpy, to 1e-12', () => {
    for (const ref of reference.minibatchGradientVariance) {
      const { theoretical } = minibatchGradientVariance(ref.rows, ref.covariance, ref.mean, ref.batchSize, {
        objective: ref.objective as Objective,
        samples: 2,
      });
      assert.ok(
        Math.abs(theoretical - ref.variance) <= 1e-12,
        `k = ${ref.batchSize} ${ref.objective}: ${theoretical} vs ${ref.variance}`,
      );
    }
  });

  it('measures a variance that agrees with theory within 4 standard errors', () => {
    const covariance = [
      [5, 0],
      [0, 5],
    ];
    const rows = sampleMultivariateNormal(2000, [1, 1], covariance, { seed: 3 });
    for (const batchSize of [1, 10, 100]) {
      const samples = 4000;
      const result = minibatchGradientVariance(rows, covariance, [0, 0], batchSize, { samples, objective: 'mean', seed: 1 });
      // A sample variance of a sum of 2 roughly Gaussian coordinates has relative SE about sqrt(2/samples) per coordinate
      // and sqrt(1/samples) for the total of two equal ones; batch size 1 has Gaussian gradients too (the data are Gaussian).
      const se = result.theoretical * Math.sqrt(1 / samples) * Math.SQRT2;
      assert.ok(
        Math.abs(result.measured - result.theoretical) < 4 * se,
        `k = ${batchSize}: ${result.measured} vs ${result.theoretical}`,
      );
    }
  });

  it('vanishes when the batch is the whole data set and returns the full gradient', () => {
    const rows = [
      [0, 0],
      [2, 0],
      [0, 2],
      [2, 2],
    ];
    const result = minibatchGradientVariance(
      rows,
      [
        [1, 0],
        [0, 1],
      ],
      [0, 0],
      4,
      { objective: 'mean' },
    );
    assert.equal(result.theoretical, 0);
    assert.ok(result.measured < 1e-20);
    // P (x-bar - mu) = (1, 1).
    assert.deepEqual(result.fullGradient, [1, 1]);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'minibatchGradientVariance';
    const I = [
      [1, 0],
      [0, 1],
    ];
    assert.throws(() => minibatchGradientVariance([[1, 2]], I, [0, 0], 2), {
      name: 'RangeError',
      message: `${fn} requires batchSize to be at most the number of rows (1), got 2`,
    });
    assert.throws(() => minibatchGradientVariance([[1, 2]], I, [0, 0], 0), {
      name: 'RangeError',
      message: `${fn} requires batchSize to be a positive integer, got 0`,
    });
    assert.throws(() => minibatchGradientVariance([[1, 2]], I, [0, 0], 1, { samples: 1 }), {
      name: 'RangeError',
      message: `${fn} requires options.samples to be an integer of at least 2, got 1`,
    });
    assert.throws(() => minibatchGradientVariance([[1, 2]], I, [0], 1), {
      name: 'RangeError',
      message: `${fn} requires mean to have length 2, got 1`,
    });
    assert.throws(() => minibatchGradientVariance([[1, 2]], I, [0, 0], { batchSize: 2 }), {
      name: 'RangeError',
      message: `${fn} requires options.batchSize to be at most the number of rows (1), got 2`,
    });
    assert.throws(() => minibatchGradientVariance([[1, 2]], I, [0, 0], {} as { batchSize: number }), {
      name: 'TypeError',
      message: `${fn} requires options.batchSize to be a number, got undefined`,
    });
    assert.throws(() => minibatchGradientVariance([[1, 2]], I, [0, 0], 1, { sample: 10 } as unknown as { samples: number }), {
      name: 'RangeError',
      message: `${fn} requires options to have only the keys 'samples', 'seed', 'objective', got 'sample' (did you mean 'samples'?)`,
    });
  });

  it('has documented size limits: at most 10^6 batches and 10^8 index draws per call', () => {
    const fn = 'minibatchGradientVariance';
    const rows = sampleMultivariateNormal(
      1000,
      [0, 0],
      [
        [1, 0],
        [0, 1],
      ],
      { seed: 0 },
    );
    assert.throws(
      () =>
        minibatchGradientVariance(
          rows,
          [
            [1, 0],
            [0, 1],
          ],
          [0, 0],
          { batchSize: 1, samples: 1e9 },
        ),
      {
        name: 'RangeError',
        message: `${fn} requires options.samples to be at most 1000000, got 1000000000`,
      },
    );
    assert.throws(
      () =>
        minibatchGradientVariance(
          rows,
          [
            [1, 0],
            [0, 1],
          ],
          [0, 0],
          { batchSize: 1000, samples: 1e6 },
        ),
      {
        name: 'RangeError',
        message: `${fn} requires options.samples x batchSize to be at most 100000000 draws, got 1000000000`,
      },
    );
  });

  it('gives the same numbers in the options form as in the deprecated positional form', () => {
    const rows = sampleMultivariateNormal(
      300,
      [1, 1],
      [
        [2, 0.5],
        [0.5, 1],
      ],
      { seed: 5 },
    );
    const positional = minibatchGradientVariance(
      rows,
      [
        [2, 0.5],
        [0.5, 1],
      ],
      [0, 0],
      7,
      { samples: 50, seed: 2 },
    );
    const options = minibatchGradientVariance(
      rows,
      [
        [2, 0.5],
        [0.5, 1],
      ],
      [0, 0],
      { batchSize: 7, samples: 50, seed: 2 },
    );
    assert.deepEqual(options, positional);
  });
});

describe('minibatchGradientVariance on dense data (issue 12)', () => {
  it('draws the same batches and gives bit for bit the same variances from every data form, in both call forms', () => {
    const covariance = [
      [5, 1],
      [1, 2],
    ];
    const rows = sampleMultivariateNormal(300, [1, 1], covariance, { seed: 9 });
    const result = assertSameInEveryForm(rows, (data) =>
      minibatchGradientVariance(data, covariance, [0, 0], { batchSize: 10, samples: 200, seed: 2 }),
    );
    assert.ok(result.measured > 0 && result.theoretical > 0);
    assertSameInEveryForm(rows, (data) =>
      minibatchGradientVariance(data, covariance, [1, 2], 7, { samples: 50, objective: 'mean' }),
    );
  });
});
