import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { minibatchLogLikelihoodGrids } from '../../lib/likelihood/minibatch-log-likelihood-grids';
import { logLikelihoodGrid } from '../../lib/likelihood/log-likelihood-grid';
import { sampleWithoutReplacement } from '../../lib/random/sample-without-replacement';
import { createUniformGenerator } from '../../lib/random/seeded-uniform';
import { assertSameInEveryForm } from '../helpers/data-forms';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';

const covariance = [
  [5, 0],
  [0, 5],
];
// 40 points on a small lattice, so batch means differ from the sample mean
const rows = Array.from({ length: 40 }, (_, i) => [(i % 8) - 3, Math.floor(i / 8) - 1]);
const gridOptions = { xRange: [-2, 2] as [number, number], yRange: [-1, 1] as [number, number], steps: 5 };

describe('minibatchLogLikelihoodGrids', () => {
  it('gives each of count batches its own L on the grid, scaled by n/k, named in order', () => {
    const meshes = minibatchLogLikelihoodGrids(rows, covariance, { batchSize: 10, count: 2, seed: 7, ...gridOptions });
    assert.deepEqual(
      meshes.map((m) => [m.name, m.scale]),
      [
        ['mini-batch 1 of 10 points', 4],
        ['mini-batch 2 of 10 points', 4],
      ],
    );
    // the batches are consecutive draws from one generator seeded by `seed`
    const uniform = createUniformGenerator(7);
    for (const mesh of meshes) {
      const batch = sampleWithoutReplacement(40, 10, uniform).map((i) => rows[i]);
      assert.deepEqual(mesh.grid, logLikelihoodGrid(batch, covariance, gridOptions));
    }
    assert.notDeepEqual(meshes[0].grid.values, meshes[1].grid.values);
  });

  it('is the same on every call with the same seed, and defaults to 3 batches with seed 0', () => {
    const a = minibatchLogLikelihoodGrids(rows, covariance, { batchSize: 5, ...gridOptions });
    const b = minibatchLogLikelihoodGrids(rows, covariance, { batchSize: 5, seed: 0, count: 3, ...gridOptions });
    assert.equal(a.length, 3);
    assert.deepEqual(a, b);
  });

  it('times n/k, a batch holding all the data is the full-data surface', () => {
    const [whole] = minibatchLogLikelihoodGrids(rows, covariance, { batchSize: 40, count: 1, ...gridOptions });
    const full = logLikelihoodGrid(rows, covariance, gridOptions);
    assert.equal(whole.scale, 1);
    whole.grid.values.forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - full.values[i][j]) < 1e-9)));
  });

  it('rejects bad input with exact messages', () => {
    const fn = minibatchLogLikelihoodGrids as any;
    assert.throws(() => fn(rows, covariance), {
      name: 'TypeError',
      message: 'minibatchLogLikelihoodGrids requires options to be an object with a batchSize, got undefined',
    });
    assert.throws(() => fn(rows, covariance, { batchSize: 41 }), {
      name: 'RangeError',
      message: 'minibatchLogLikelihoodGrids requires options.batchSize to be at most the number of rows (40), got 41',
    });
    assert.throws(() => fn(rows, covariance, { batchSize: 0 }), {
      name: 'RangeError',
      message: 'minibatchLogLikelihoodGrids requires options.batchSize to be a positive integer, got 0',
    });
    assert.throws(() => fn(rows, covariance, { batchSize: 5, count: 0 }), {
      name: 'RangeError',
      message: 'minibatchLogLikelihoodGrids requires options.count to be a positive integer, got 0',
    });
    assert.throws(() => fn(rows, covariance, { batchSize: 5, seed: -1 }), {
      name: 'RangeError',
      message: 'minibatchLogLikelihoodGrids requires options.seed to be a non-negative integer, got -1',
    });
    assert.throws(() => fn(rows, covariance, { batchSize: 5, batchsize: 5 }), {
      name: 'RangeError',
      message:
        /^minibatchLogLikelihoodGrids requires options to have only the keys .*, got 'batchsize' \(did you mean 'batchSize'\?\)$/,
    });
  });
});

describe('minibatchLogLikelihoodGrids on dense data (issue 12)', () => {
  it('draws the same batches and gives bit for bit the same grids from every data form', () => {
    const covariance = [
      [5, 0],
      [0, 5],
    ];
    const rows = sampleMultivariateNormal(400, [1, 1], covariance, { seed: 3 });
    const grids = assertSameInEveryForm(rows, (data) =>
      minibatchLogLikelihoodGrids(data, covariance, { batchSize: 40, count: 2, seed: 5, steps: 7 }),
    );
    assert.equal(grids.length, 2);
    assertSameInEveryForm(rows, (data) =>
      minibatchLogLikelihoodGrids(data, covariance, { batchSize: 400, count: 1, steps: 5, normalized: true }),
    );
  });

  it('requires 2-D data in the dense form too', () => {
    assert.throws(
      () =>
        minibatchLogLikelihoodGrids(
          { data: new Float64Array(6), rows: 2, cols: 3 },
          [
            [1, 0],
            [0, 1],
          ],
          { batchSize: 1 },
        ),
      { name: 'RangeError', message: 'minibatchLogLikelihoodGrids requires rows to have rows of length 2, got 3' },
    );
  });
});
