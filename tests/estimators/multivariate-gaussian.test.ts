import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { near } from '../helpers/near';
import { multivariateGaussianMle } from '../../lib/estimators/multivariate-gaussian';
import reference from '../fixtures/reference.json';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';
import { assertSameInEveryForm } from '../helpers/data-forms';

describe('multivariateGaussianMle', () => {
  it('recovers the mean and divide-by-n covariance of the corners of a square', () => {
    // Corners of [0,2]^2: mean (1,1); each coordinate is ±1 about it, independent: covariance I.
    assert.deepEqual(
      multivariateGaussianMle([
        [0, 0],
        [2, 0],
        [0, 2],
        [2, 2],
      ]),
      {
        mean: [1, 1],
        covariance: [
          [1, 0],
          [0, 1],
        ],
      },
    );
  });

  it('matches numpy mean and np.cov(bias=True) in 2 and 3 dimensions to 1e-13', () => {
    for (const ref of reference.multivariateGaussianMle) {
      const { mean, covariance } = multivariateGaussianMle(ref.rows);
      ref.mean.forEach((m, j) => near(mean[j], m, 1e-13));
      ref.covariance.forEach((row, i) => row.forEach((c, j) => near(covariance[i][j], c, 1e-13)));
    }
  });

  it('returns an exactly symmetric covariance', () => {
    const { covariance } = multivariateGaussianMle(reference.multivariateGaussianMle[1].rows);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) assert.equal(covariance[i][j], covariance[j][i]);
  });

  it('rejects bad input with messages naming the function and argument', () => {
    const fn = 'multivariateGaussianMle';
    assert.throws(() => multivariateGaussianMle([]), { name: 'RangeError', message: `${fn} requires at least one data point` });
    assert.throws(() => multivariateGaussianMle({} as unknown as number[][]), {
      name: 'TypeError',
      message: `${fn} requires rows to be an array of rows, a { data, rows, cols } object or a 2-D tensor, got object`,
    });
    assert.throws(() => multivariateGaussianMle([1, 2] as unknown as number[][]), {
      name: 'TypeError',
      message: `${fn} requires rows[0] to be an array of numbers, got 1`,
    });
    assert.throws(() => multivariateGaussianMle([[]]), {
      name: 'RangeError',
      message: `${fn} requires rows[0] to have at least one entry`,
    });
    assert.throws(() => multivariateGaussianMle([[1, 2], [3]]), {
      name: 'RangeError',
      message: `${fn} requires rows to be rectangular: rows[1] has length 1, expected 2`,
    });
    assert.throws(
      () =>
        multivariateGaussianMle([
          [1, 2],
          [3, NaN],
        ]),
      {
        name: 'RangeError',
        message: `${fn} requires rows[1][1] to be a finite number, got NaN`,
      },
    );
  });
});

describe('multivariateGaussianMle on dense data (issue 12)', () => {
  it('gives bit for bit the number[][] estimate from a float64 DenseRows, and the float32-rounded rows from float32 data and a tensor', () => {
    const cov3 = [
      [2, 0.5, 0],
      [0.5, 1, 0.2],
      [0, 0.2, 3],
    ];
    const estimate = assertSameInEveryForm(sampleMultivariateNormal(400, [1, -1, 1e3], cov3, { seed: 2 }), (data) =>
      multivariateGaussianMle(data),
    );
    assert.equal(estimate.covariance.length, 3);
    // Columns near overflow and underflow are scaled the same way in every form.
    const extreme = [
      [1e300, 2, 1e-200],
      [3e300, -1, -3e-200],
      [2e300, 5, 2e-200],
    ];
    assert.deepStrictEqual(
      multivariateGaussianMle({ data: Float64Array.from(extreme.flat()), rows: 3, cols: 3 }),
      multivariateGaussianMle(extreme),
    );
  });
});
