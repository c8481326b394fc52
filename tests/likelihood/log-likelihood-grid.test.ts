import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logLikelihoodGrid } from '../../lib/likelihood/log-likelihood-grid';
import { gaussianLogLikelihood } from '../../lib/likelihood/gaussian-log-likelihood';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';
import reference from '../fixtures/reference.json';
import { assertSameInEveryForm } from '../helpers/data-forms';

const ref = reference.logLikelihoodGrid;

describe('logLikelihoodGrid', () => {
  it('lays out values[i][j] = L at (xs[j], ys[i]) on np.linspace axes, matching numpy to 1e-12', () => {
    const grid = logLikelihoodGrid(ref.rows, ref.covariance);
    assert.equal(grid.xs.length, 100);
    assert.equal(grid.values.length, 100);
    assert.equal(grid.values[0].length, 100);
    for (const p of ref.points) {
      assert.equal(grid.xs[p.j], p.x);
      assert.equal(grid.ys[p.i], p.y);
      // Values are around -50; 1e-12 absolute is ~50 float64 ulps.
      assert.ok(Math.abs(grid.values[p.i][p.j] - p.value) < 1e-12, `${grid.values[p.i][p.j]} vs ${p.value}`);
    }
  });

  it('equals the direct sum at every grid point for 10000 rows within 1e-9 relative', () => {
    const rows = sampleMultivariateNormal(
      10000,
      [1, 1],
      [
        [5, 0],
        [0, 5],
      ],
      { seed: 1 },
    );
    const covariance = [
      [5, 1],
      [1, 3],
    ];
    const grid = logLikelihoodGrid(rows, covariance, { xRange: [-2, 4], yRange: [-3, 3], steps: 7, normalized: true });
    for (let i = 0; i < 7; i++) {
      for (let j = 0; j < 7; j++) {
        const direct = gaussianLogLikelihood(rows, [grid.xs[j], grid.ys[i]], covariance, { normalized: true });
        assert.ok(Math.abs(grid.values[i][j] - direct) <= 1e-9 * Math.abs(direct), `(${i}, ${j})`);
      }
    }
  });

  it('follows the documented example', () => {
    const grid = logLikelihoodGrid(
      [
        [1, 1],
        [3, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
      { xRange: [0, 4], yRange: [0, 2], steps: 3 },
    );
    assert.deepEqual(grid.xs, [0, 2, 4]);
    assert.deepEqual(grid.ys, [0, 1, 2]);
    assert.equal(grid.values[1][1], -1);
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'logLikelihoodGrid';
    const I = [
      [1, 0],
      [0, 1],
    ];
    assert.throws(() => logLikelihoodGrid([[1, 2, 3]], I), {
      name: 'RangeError',
      message: `${fn} requires rows to have rows of length 2, got 3`,
    });
    assert.throws(() => logLikelihoodGrid([[1, 2]], [[1]]), {
      name: 'RangeError',
      message: `${fn} requires covariance to be 2x2, got 1 rows`,
    });
    assert.throws(() => logLikelihoodGrid([[1, 2]], I, { steps: 1 }), {
      name: 'RangeError',
      message: `${fn} requires options.steps to be an integer of at least 2, got 1`,
    });
    assert.throws(() => logLikelihoodGrid([[1, 2]], I, { xRange: [5, -5] }), {
      name: 'RangeError',
      message: `${fn} requires options.xRange to have min < max, got [5, -5]`,
    });
    assert.throws(() => logLikelihoodGrid([[1, 2]], I, { yRange: [0, NaN] }), {
      name: 'RangeError',
      message: `${fn} requires options.yRange[1] to be a finite number, got NaN`,
    });
  });
});

describe('logLikelihoodGrid on dense data (issue 12)', () => {
  it('gives bit for bit the number[][] grid from a float64 DenseRows, and the float32-rounded rows from float32 data and a tensor', () => {
    const covariance = [
      [5, 1],
      [1, 2],
    ];
    const rows = sampleMultivariateNormal(300, [1, 1], covariance, { seed: 11 });
    assertSameInEveryForm(rows, (data) => logLikelihoodGrid(data, covariance, { steps: 9 }));
    assertSameInEveryForm(rows, (data) => logLikelihoodGrid(data, covariance, { steps: 4, normalized: true, xRange: [0, 2] }));
  });

  it('requires 2-D data in every form', () => {
    assert.throws(
      () =>
        logLikelihoodGrid({ data: new Float32Array(3), rows: 1, cols: 3 }, [
          [1, 0],
          [0, 1],
        ]),
      {
        name: 'RangeError',
        message: 'logLikelihoodGrid requires rows to have rows of length 2, got 3',
      },
    );
  });
});
