import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';
import { multivariateGaussianMle } from '../../lib/estimators/multivariate-gaussian';

describe('sampleMultivariateNormal', () => {
  it('produces the pinned first rows for seed 0 (identical on every machine and backend)', () => {
    assert.deepEqual(
      sampleMultivariateNormal(
        3,
        [1, 1],
        [
          [5, 0],
          [0, 5],
        ],
        { seed: 0 },
      ),
      [
        [6.415171231173003, -0.5210171831209083],
        [0.3697899563996405, 2.5083908797679606],
        [0.2830795532705911, 2.483060960904443],
      ],
    );
    assert.deepEqual(
      sampleMultivariateNormal(
        2,
        [0, 0],
        [
          [2, 0.5],
          [0.5, 1],
        ],
        { seed: 7 },
      ),
      [
        [-0.2849370994192362, 0.22670131058591458],
        [-2.485632142958052, -1.8106213327239553],
      ],
    );
  });

  it('uses seed 0 by default and the first rows do not depend on n', () => {
    const few = sampleMultivariateNormal(
      3,
      [1, 1],
      [
        [5, 0],
        [0, 5],
      ],
    );
    const many = sampleMultivariateNormal(
      100,
      [1, 1],
      [
        [5, 0],
        [0, 5],
      ],
      { seed: 0 },
    );
    assert.deepEqual(many.slice(0, 3), few);
  });

  it('has sample mean and covariance within 4 standard errors of the truth over 10000 rows', () => {
    const mean = [1, -2];
    const covariance = [
      [5, 1.5],
      [1.5, 2],
    ];
    const n = 10000;
    const fit = multivariateGaussianMle(sampleMultivariateNormal(n, mean, covariance, { seed: 123 }));
    for (let i = 0; i < 2; i++) {
      // SE of a mean coordinate: sqrt(Sigma_ii / n).
      assert.ok(Math.abs(fit.mean[i] - mean[i]) < 4 * Math.sqrt(covariance[i][i] / n), `mean[${i}] = ${fit.mean[i]}`);
      for (let j = 0; j < 2; j++) {
        // SE of a Gaussian sample covariance entry: sqrt((Sigma_ii Sigma_jj + Sigma_ij^2) / n).
        const se = Math.sqrt((covariance[i][i] * covariance[j][j] + covariance[i][j] ** 2) / n);
        assert.ok(Math.abs(fit.covariance[i][j] - covariance[i][j]) < 4 * se, `cov[${i}][${j}] = ${fit.covariance[i][j]}`);
      }
    }
  });

  it('works in one and three dimensions', () => {
    assert.equal(sampleMultivariateNormal(4, [0], [[1]]).length, 4);
    const rows = sampleMultivariateNormal(
      2,
      [0, 0, 0],
      [
        [4, 1, 0.5],
        [1, 3, 0.2],
        [0.5, 0.2, 2],
      ],
      { seed: 1 },
    );
    assert.equal(rows[1].length, 3);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'sampleMultivariateNormal';
    const I = [
      [1, 0],
      [0, 1],
    ];
    assert.throws(() => sampleMultivariateNormal(0, [0, 0], I), {
      name: 'RangeError',
      message: `${fn} requires n to be a positive integer, got 0`,
    });
    assert.throws(() => sampleMultivariateNormal(2.5, [0, 0], I), {
      name: 'RangeError',
      message: `${fn} requires n to be a positive integer, got 2.5`,
    });
    assert.throws(() => sampleMultivariateNormal(2, [], I), {
      name: 'RangeError',
      message: `${fn} requires mean to have at least one entry`,
    });
    assert.throws(() => sampleMultivariateNormal(2, [0, 0, 0], I), {
      name: 'RangeError',
      message: `${fn} requires covariance to be 3x3, got 2 rows`,
    });
    assert.throws(
      () =>
        sampleMultivariateNormal(
          2,
          [0, 0],
          [
            [1, 2],
            [2, 1],
          ],
        ),
      {
        name: 'RangeError',
        message: `${fn} requires covariance to be symmetric positive definite`,
      },
    );
    assert.throws(
      () =>
        sampleMultivariateNormal(
          2,
          [0, 0],
          [
            [1, 0.5],
            [0, 1],
          ],
        ),
      {
        name: 'RangeError',
        message: `${fn} requires covariance to be symmetric, got covariance[1][0] = 0 but covariance[0][1] = 0.5`,
      },
    );
    assert.throws(() => sampleMultivariateNormal(2, [0, 0], I, { seed: -3 }), {
      name: 'RangeError',
      message: `${fn} requires options.seed to be a non-negative integer, got -3`,
    });
  });
});

describe("sampleMultivariateNormal with format 'dense' (issue 12)", () => {
  const covariance = [
    [2, 0.8, 0],
    [0.8, 1, 0.3],
    [0, 0.3, 4],
  ];
  const mean = [1, -2, 1e6];

  it("holds exactly the numbers of format 'rows', row after row, as float64 by default", () => {
    const rows = sampleMultivariateNormal(500, mean, covariance, { seed: 7 });
    const dense = sampleMultivariateNormal(500, mean, covariance, { seed: 7, format: 'dense' });
    assert.ok(dense.data instanceof Float64Array);
    assert.deepEqual({ rows: dense.rows, cols: dense.cols }, { rows: 500, cols: 3 });
    assert.deepStrictEqual(Array.from(dense.data), rows.flat());
    assert.deepStrictEqual(
      Array.from(sampleMultivariateNormal(4, [0], [[1]], { format: 'dense', dtype: 'float64' }).data),
      sampleMultivariateNormal(4, [0], [[1]]).flat(),
    );
  });

  it("holds Math.fround of the same numbers with dtype 'float32' (1e6 + x keeps only float32's bits)", () => {
    const rows = sampleMultivariateNormal(500, mean, covariance, { seed: 7 });
    const dense = sampleMultivariateNormal(500, mean, covariance, { seed: 7, format: 'dense', dtype: 'float32' });
    assert.ok(dense.data instanceof Float32Array);
    assert.deepStrictEqual(Array.from(dense.data), rows.flat().map(Math.fround));
    // The rounding is visible: float32 holds 1e6 + x to 1/16.
    assert.notDeepStrictEqual(Array.from(dense.data), rows.flat());
  });

  it('rejects bad options with exact messages', () => {
    const fn = 'sampleMultivariateNormal';
    assert.throws(() => sampleMultivariateNormal(2, [0], [[1]], { dtype: 'float32' }), {
      name: 'RangeError',
      message: `${fn} requires options.format to be 'dense' when options.dtype is given, got 'rows'`,
    });
    assert.throws(() => sampleMultivariateNormal(2, [0], [[1]], { format: 'rows', dtype: 'float64' }), {
      name: 'RangeError',
      message: `${fn} requires options.format to be 'dense' when options.dtype is given, got 'rows'`,
    });
    assert.throws(() => sampleMultivariateNormal(2, [0], [[1]], { format: 'tensor' as never }), {
      name: 'RangeError',
      message: `${fn} requires options.format to be one of 'rows', 'dense', got 'tensor'`,
    });
    assert.throws(() => sampleMultivariateNormal(2, [0], [[1]], { format: 'dense', dtype: 'int32' as never }), {
      name: 'RangeError',
      message: `${fn} requires options.dtype to be one of 'float64', 'float32', got 'int32'`,
    });
    assert.throws(() => sampleMultivariateNormal(2, [0], [[1]], { format: 1 as never }), {
      name: 'TypeError',
      message: `${fn} requires options.format to be a string, got 1`,
    });
    // Sizes are checked before anything is allocated.
    assert.throws(() => sampleMultivariateNormal(1e7 + 1, [0], [[1]]), {
      name: 'RangeError',
      message: `${fn} requires n to be at most 10000000 with format 'rows' (use format 'dense' for more), got 10000001`,
    });
    assert.throws(
      () =>
        sampleMultivariateNormal(
          5e7 + 1,
          [0, 0],
          [
            [1, 0],
            [0, 1],
          ],
          { format: 'dense' },
        ),
      {
        name: 'RangeError',
        message: `${fn} requires n d to be at most 100000000 with format 'dense', got 50000001 x 2`,
      },
    );
    assert.throws(() => sampleMultivariateNormal(2, [1e39], [[1]], { format: 'dense', dtype: 'float32' }), {
      name: 'RangeError',
      message: `${fn} requires the draws to be within float32's range (|x| <= 3.4028234663852886e+38) for dtype 'float32', got 1e+39 at row 0`,
    });
  });
});
