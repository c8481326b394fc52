import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { near } from '../helpers/near';
import { meanSquaredDistance, sgdNoiseFloor } from '../../lib/optimize/sgd-noise-floor';
import { createUniformGenerator } from '../../lib/random/seeded-uniform';
import { drawIndices } from '../../lib/random/sample-without-replacement';
import { assertSameInEveryForm } from '../helpers/data-forms';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';

// Four points with mean 0 and divide-by-n covariance S = diag(0.5, 0.5); Sigma = I, so P = I.
const rows = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
];
const identity = [
  [1, 0],
  [0, 1],
];

describe('sgdNoiseFloor', () => {
  it('solves the stationary variance worked out by hand for the mean objective', () => {
    // k = 1, lr 0.5: A = 0.5 I, Q = S (fpc 3/3 = 1), lr^2 Q = 0.125 I, C = 0.125 / (1 - 0.25) = 1/6 per coordinate.
    const floor = sgdNoiseFloor(rows, identity, { learningRate: 0.5, batchSize: 1, objective: 'mean' });
    near(floor.meanSquaredDistance, 1 / 3, 1e-14);
    near(floor.contraction, 0.5, 1e-12);
  });

  it('scales the step and the noise by k for the sum objective', () => {
    // k = 2, lr 0.25: A = I - 0.5 I; Q = k^2 (S / k) (4 - 2)/(4 - 1) = 2/3 I; lr^2 Q = 1/24 I; C = (1/24) / 0.75 = 1/18.
    const floor = sgdNoiseFloor(rows, identity, { learningRate: 0.25, batchSize: 2 });
    near(floor.meanSquaredDistance, 1 / 9, 1e-14);
  });

  it('is zero for the full batch and infinite for an unstable step', () => {
    assert.equal(sgdNoiseFloor(rows, identity, { learningRate: 0.5, batchSize: 4, objective: 'mean' }).meanSquaredDistance, 0);
    assert.equal(
      sgdNoiseFloor(rows, identity, { learningRate: 3, batchSize: 1, objective: 'mean' }).meanSquaredDistance,
      Infinity,
    );
  });

  it('sums slow contractions quickly and agrees with lr tr(Q) / (2 lambda) for a small step', () => {
    // lr 1e-4, mean objective, k = 1: tr C ~ lr tr(S) / 2 = 1e-4 * 1 / 2 (to first order in lr).
    const floor = sgdNoiseFloor(rows, identity, { learningRate: 1e-4, batchSize: 1, objective: 'mean' });
    near(floor.meanSquaredDistance, 1e-4 / 2, 1e-8);
  });

  it('matches a float64 simulation of SGD with mini-batches drawn without replacement (within 5 %)', () => {
    // 200000 steps from the optimum, k = 2, lr 0.5, mean objective; the time average of |mu - x-bar|^2.
    const uniform = createUniformGenerator(7);
    let mu = [0, 0];
    let total = 0;
    const steps = 200000;
    for (let t = 0; t < steps; t++) {
      const batch = drawIndices(4, 2, uniform);
      const gradient = [0, 1].map((j) => batch.reduce((s, i) => s + rows[i][j] - mu[j], 0) / 2);
      mu = mu.map((m, j) => m + 0.5 * gradient[j]);
      total += mu[0] ** 2 + mu[1] ** 2;
    }
    const predicted = sgdNoiseFloor(rows, identity, { learningRate: 0.5, batchSize: 2, objective: 'mean' }).meanSquaredDistance;
    near(total / steps, predicted, 0.05 * predicted);
  });

  it('rejects bad options with messages naming the function and argument', () => {
    assert.throws(() => sgdNoiseFloor(rows, identity, { learningRate: 0.1, batchSize: 5 }), {
      name: 'RangeError',
      message: 'sgdNoiseFloor requires options.batchSize to be at most the number of rows (4), got 5',
    });
    assert.throws(() => sgdNoiseFloor(rows, identity, { learningRate: -1, batchSize: 1 }), { name: 'RangeError' });
  });
});

describe('meanSquaredDistance', () => {
  it('averages squared distances from the given step on', () => {
    assert.equal(
      meanSquaredDistance(
        [
          [9, 9],
          [1, 0],
          [-1, 0],
        ],
        [0, 0],
        1,
      ),
      1,
    );
    assert.equal(meanSquaredDistance([[3, 4]], [0, 0]), 25);
  });

  it('rejects a start step beyond the path', () => {
    assert.throws(() => meanSquaredDistance([[0, 0]], [0, 0], 1), {
      name: 'RangeError',
      message: 'meanSquaredDistance requires fromStep to be below path.length (1), got 1',
    });
  });
});

describe('sgdNoiseFloor on dense data (issue 12)', () => {
  it('gives bit for bit the same floor from every data form', () => {
    const covariance = [
      [5, 1],
      [1, 2],
    ];
    const rows = sampleMultivariateNormal(500, [1, 1], covariance, { seed: 8 });
    const floor = assertSameInEveryForm(rows, (data) => sgdNoiseFloor(data, covariance, { learningRate: 1e-3, batchSize: 10 }));
    assert.ok(floor.meanSquaredDistance > 0 && floor.contraction < 1);
    assertSameInEveryForm(rows, (data) =>
      sgdNoiseFloor(data, covariance, { learningRate: 0.5, batchSize: 3, objective: 'mean' }),
    );
  });
});
