import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { near } from '../helpers/near';
import { tf } from '../../lib/backend';
import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs';
import { gaussianLogLikelihood, gaussianLogLikelihoodTensor } from '../../lib/likelihood/gaussian-log-likelihood';
import { spdInverse } from '../../lib/linalg/spd-inverse';
import reference from '../fixtures/reference.json';
import { assertSameInEveryForm } from '../helpers/data-forms';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';

const ref = reference.gaussianLogLikelihood;

describe('gaussianLogLikelihood', () => {
  it('is -1/2 the sum of squared distances for identity covariance, by hand', () => {
    // Distances from (2,1): (-1,0) and (1,0); squares 1 + 1, times -1/2 = -1.
    assert.equal(
      gaussianLogLikelihood(
        [
          [1, 1],
          [3, 1],
        ],
        [2, 1],
        [
          [1, 0],
          [0, 1],
        ],
      ),
      -1,
    );
  });

  it("matches the seed's L(X, mu, sigma) computed by numpy to 1e-13, without the constant by default", () => {
    near(gaussianLogLikelihood(ref.rows, ref.mean, ref.covariance), ref.seed, 1e-13);
  });

  it('matches scipy multivariate_normal.logpdf summed when normalized, to 1e-12', () => {
    near(gaussianLogLikelihood(ref.rows, ref.mean, ref.covariance, { normalized: true }), ref.normalized, 1e-12);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'gaussianLogLikelihood';
    assert.throws(() => gaussianLogLikelihood([], [0], [[1]]), {
      name: 'RangeError',
      message: `${fn} requires at least one data point`,
    });
    assert.throws(() => gaussianLogLikelihood([[1, 2]], [0], [[1]]), {
      name: 'RangeError',
      message: `${fn} requires mean to have length 2, got 1`,
    });
    assert.throws(
      () =>
        gaussianLogLikelihood(
          [[1, 2]],
          [0, 0],
          [
            [1, 0],
            [0, -1],
          ],
        ),
      {
        name: 'RangeError',
        message: `${fn} requires covariance to be symmetric positive definite`,
      },
    );
    assert.throws(
      () =>
        gaussianLogLikelihood(
          [[1, 2]],
          [0, 0],
          [
            [1, 0],
            [0, 1],
          ],
          { normalized: 'yes' as unknown as boolean },
        ),
      {
        name: 'TypeError',
        message: `${fn} requires options.normalized to be a boolean, got 'yes'`,
      },
    );
  });
});

describe('gaussianLogLikelihoodTensor', () => {
  it('agrees with the float64 version to float32 precision (relative 1e-6)', () => {
    const before = tf.memory().numTensors;
    const precision = spdInverse(ref.covariance);
    for (const normalized of [false, true]) {
      const value = tf.tidy(() =>
        gaussianLogLikelihoodTensor(tf.tensor2d(ref.rows), tf.tensor1d(ref.mean), tf.tensor2d(precision), { normalized }),
      );
      const expected = normalized ? ref.normalized : ref.seed;
      // float32 has a 6e-8 unit roundoff; a few dozen operations stay within 1e-6 relative.
      near(value.dataSync()[0], expected, 1e-6 * Math.abs(expected));
      value.dispose();
    }
    assert.equal(tf.memory().numTensors, before);
  });

  it('has the gradient P (sum x_i - n mu) with respect to the mean', () => {
    const precision = spdInverse(ref.covariance);
    const x = tf.tensor2d(ref.rows);
    const p = tf.tensor2d(precision);
    const gradient = tf.grad((m: Tensor) => gaussianLogLikelihoodTensor(x, m as Tensor1D, p))(tf.tensor1d(ref.mean));
    const sums = [0, 1].map((j) => ref.rows.reduce((s, r) => s + r[j] - ref.mean[j], 0));
    const expected = [0, 1].map((i) => precision[i][0] * sums[0] + precision[i][1] * sums[1]);
    const got = gradient.dataSync();
    expected.forEach((g, i) => near(got[i], g, 1e-5 * Math.max(1, Math.abs(g)))); // float32
    tf.dispose([x, p, gradient]);
  });

  it('rejects tensors of the wrong kind or shape', () => {
    const fn = 'gaussianLogLikelihoodTensor';
    const x = tf.tensor2d([[1, 2]]);
    const m = tf.tensor1d([0, 0]);
    const m3 = tf.tensor1d([0, 0, 0]);
    const p = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    assert.throws(() => gaussianLogLikelihoodTensor([[1, 2]] as unknown as Tensor2D, m, p), {
      name: 'TypeError',
      message: `${fn} requires x to be a tensor, got an array of length 1`,
    });
    assert.throws(() => gaussianLogLikelihoodTensor(x, p as unknown as Tensor1D, p), {
      name: 'RangeError',
      message: `${fn} requires mean to have rank 1, got 2`,
    });
    assert.throws(() => gaussianLogLikelihoodTensor(x, m3, p), {
      name: 'RangeError',
      message: `${fn} requires mean to have shape [2], got [3]`,
    });
    tf.dispose([x, m, m3, p]);
  });
});

describe('gaussianLogLikelihood on dense data (issue 12)', () => {
  const covariance = [
    [2, 0.3],
    [0.3, 1],
  ];
  const rows = sampleMultivariateNormal(300, [1, -1], covariance, { seed: 12 });

  it('gives bit for bit the number[][] result from a DenseRows, and the float32-rounded rows from float32 data and a tensor', () => {
    const plain = assertSameInEveryForm(rows, (data) => gaussianLogLikelihood(data, [0.5, 1.5], covariance));
    assert.ok(Number.isFinite(plain) && plain < 0);
    assertSameInEveryForm(rows, (data) => gaussianLogLikelihood(data, [0.5, 1.5], covariance, { normalized: true }));
    // Three dimensions: the rows are read at the right offsets.
    const cov3 = [
      [2, 0.5, 0],
      [0.5, 1, 0.2],
      [0, 0.2, 3],
    ];
    assertSameInEveryForm(sampleMultivariateNormal(50, [0, 1, 2], cov3, { seed: 1 }), (data) =>
      gaussianLogLikelihood(data, [0, 0, 0], cov3),
    );
  });

  it('names the data form in its messages', () => {
    const fn = 'gaussianLogLikelihood';
    assert.throws(() => gaussianLogLikelihood({ data: new Float64Array([1, NaN]), rows: 1, cols: 2 }, [0, 0], covariance), {
      name: 'RangeError',
      message: `${fn} requires rows.data[1] (row 0, column 1) to be a finite number, got NaN`,
    });
    assert.throws(() => gaussianLogLikelihood({ data: new Float64Array(3), rows: 1, cols: 3 }, [0, 0], covariance), {
      name: 'RangeError',
      message: `${fn} requires mean to have length 3, got 2`,
    });
    assert.throws(() => gaussianLogLikelihood('rows' as never, [0, 0], covariance), {
      name: 'TypeError',
      message: `${fn} requires rows to be an array of rows, a { data, rows, cols } object or a 2-D tensor, got 'rows'`,
    });
  });
});
