import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { readRows } from '../../lib/data/dense-rows';
import { createAutodiffStep } from '../../lib/optimize/gaussian-mean-autodiff-step';
import type { AutodiffStepSettings } from '../../lib/optimize/gaussian-mean-autodiff-step';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';

const rows = sampleMultivariateNormal(
  1000,
  [1, -2],
  [
    [4, 1],
    [1, 2],
  ],
  { seed: 7 },
);
const matrix = readRows('test', 'rows', rows);
const precision = [
  [2 / 7, -1 / 7],
  [-1 / 7, 4 / 7],
]; // the inverse of [[4, 1], [1, 2]] (determinant 7)

/** Runs `steps` steps and returns every read-back (mean and cost) as plain arrays. */
function run(settings: AutodiffStepSettings, steps: number, indices: (step: number) => number[] | null): number[][] {
  const autodiff = createAutodiffStep(matrix, precision, settings);
  try {
    return Array.from({ length: steps }, (_, s) => Array.from(autodiff.step(indices(s))));
  } finally {
    autodiff.dispose();
  }
}

const base: AutodiffStepSettings = { optimizer: 'gradient-ascent', learningRate: 1e-3, init: [0, 0], factor: 0.5 };

describe('createAutodiffStep', () => {
  it('takes the plain gradient step mu + lr dL/dmu with dL/dmu = sum_i P (x_i - mu), worked in float64', () => {
    // Cost 0.5 sum (x - mu)^T P (x - mu) = -L; its gradient at mu = 0 is -P sum_i x_i, so the first
    // step is mu_1 = lr P sum_i x_i, and the cost read back is the one at mu_0 = 0.
    const [first] = run(base, 1, () => null);
    const sum = [0, 1].map((j) => rows.reduce((s, row) => s + row[j], 0));
    const expected = [0, 1].map((a) => 1e-3 * (precision[a][0] * sum[0] + precision[a][1] * sum[1]));
    let quadratic = 0;
    for (const row of rows) {
      quadratic += row[0] * (precision[0][0] * row[0] + precision[0][1] * row[1]);
      quadratic += row[1] * (precision[1][0] * row[0] + precision[1][1] * row[1]);
    }
    // float32 data and sums over 1000 points: 1e-5 relative.
    expected.forEach((v, j) => assert.ok(Math.abs(first[j] - v) <= 1e-5 * Math.abs(v), `mu[${j}] ${first[j]} vs ${v}`));
    assert.ok(Math.abs(first[2] - 0.5 * quadratic) <= 1e-5 * quadratic, `cost ${first[2]} vs ${0.5 * quadratic}`);
  });

  it('runs small data as the starter code wrote L: the same float32 operations as a hand-written loop', () => {
    // The loop of notebook 02: L = -1/2 sum(((X - mu) P) * (X - mu)), mu += lr dL/dmu by tf.grad.
    const X = tf.tensor2d(rows);
    const P = tf.tensor2d(precision);
    const mu = tf.variable(tf.tensor1d([0, 0]));
    const gradL = tf.grad((m) => {
      const diff = tf.sub(X, m);
      return tf.mul(-0.5, tf.sum(tf.mul(tf.matMul(diff, P), diff)));
    });
    const byHand: number[][] = [];
    for (let s = 0; s < 10; s++) {
      tf.tidy(() => {
        mu.assign(tf.add(mu, tf.mul(1e-3, gradL(mu))));
      });
      byHand.push(Array.from(mu.dataSync()));
    }
    tf.dispose([X, P, mu]);
    assert.deepEqual(
      run(base, 10, () => null).map((values) => values.slice(0, 2)),
      byHand,
    );
  });

  it('gives the same steps in blocks of points per column as in the row layout (to float32 rounding)', () => {
    for (const optimizer of ['gradient-ascent', 'adam'] as const) {
      const settings = { ...base, optimizer, learningRate: optimizer === 'adam' ? 0.05 : 1e-3 };
      const one = run(settings, 20, () => null);
      // 2 x 150 entries per block: 7 blocks, the last one partial.
      const blocked = run({ ...settings, rowLayoutEntries: 0, blockEntries: 300 }, 20, () => null);
      const single = run({ ...settings, rowLayoutEntries: 0 }, 20, () => null);
      single.forEach((values, s) =>
        values.forEach((v, j) =>
          assert.ok(Math.abs(v - one[s][j]) <= 1e-5 * Math.max(1, Math.abs(v)), `${optimizer} one block, step ${s} [${j}]`),
        ),
      );
      one.forEach((values, s) =>
        values.forEach((v, j) =>
          assert.ok(
            Math.abs(v - blocked[s][j]) <= 1e-5 * Math.max(1, Math.abs(v)),
            `${optimizer} step ${s} [${j}]: ${v} vs ${blocked[s][j]}`,
          ),
        ),
      );
    }
  });

  it('gathers a mini-batch across blocks: the same step as the batch gathered from one block', () => {
    // Indices in every block, drawn out of order; the gradient of a sum does not depend on the order.
    const batch = [999, 3, 500, 151, 152, 0, 720, 301];
    const one = run(base, 3, () => batch);
    const blocked = run({ ...base, rowLayoutEntries: 0, blockEntries: 300 }, 3, () => batch);
    one.forEach((values, s) =>
      values.forEach((v, j) => assert.ok(Math.abs(v - blocked[s][j]) <= 1e-5 * Math.max(1, Math.abs(v)), `step ${s} [${j}]`)),
    );
    // And the batch's gradient really is that of those 8 rows: mu_1 = lr P sum_batch x.
    const sum = [0, 1].map((j) => batch.reduce((s, i) => s + rows[i][j], 0));
    [0, 1].forEach((a) => {
      const expected = 1e-3 * (precision[a][0] * sum[0] + precision[a][1] * sum[1]);
      assert.ok(Math.abs(one[0][a] - expected) <= 1e-6 * Math.max(1, Math.abs(expected)), `mu[${a}]`);
    });
  });

  it('frees every tensor it made, with one block or several, also when a step throws', () => {
    const before = tf.memory().numTensors;
    run(base, 3, () => null);
    run({ ...base, rowLayoutEntries: 0, blockEntries: 300 }, 3, (s) => (s === 1 ? [1, 2, 3] : null));
    const autodiff = createAutodiffStep(matrix, precision, { ...base, rowLayoutEntries: 0, blockEntries: 300 });
    assert.throws(() => autodiff.step([1e9]));
    autodiff.dispose();
    assert.equal(tf.memory().numTensors, before);
  });

  it('leaves a caller-made tensor of the data alive and gives the same steps from it, in both layouts', () => {
    const tensor = tf.tensor2d(rows, [1000, 2], 'float32');
    try {
      const fromTensor = readRows('test', 'rows', tensor);
      for (const layout of [{}, { rowLayoutEntries: 0 }]) {
        const autodiff = createAutodiffStep(fromTensor, precision, { ...base, ...layout });
        const viaTensor = Array.from(autodiff.step(null));
        autodiff.dispose();
        assert.equal(tensor.isDisposed, false);
        assert.deepEqual(viaTensor, run({ ...base, ...layout }, 1, () => null)[0]);
      }
    } finally {
      tensor.dispose();
    }
  });
});
