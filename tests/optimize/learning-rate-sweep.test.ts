import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { learningRateSweep } from '../../lib/optimize/learning-rate-sweep';
import { fitGaussianMean } from '../../lib/optimize/fit-gaussian-mean';
import { multivariateGaussianMle } from '../../lib/estimators/multivariate-gaussian';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';
import { assertSameInEveryForm } from '../helpers/data-forms';

// Sigma = I and the 'mean' objective: the Hessian is I, so plain ascent at lr multiplies the error
// mu - x-bar by (1 - lr) per step, exactly (up to float32 rounding).
const identity = [
  [1, 0],
  [0, 1],
];
const rows = sampleMultivariateNormal(200, [1, 1], identity, { seed: 3 });
const mle = multivariateGaussianMle(rows).mean;
const startDistance = Math.hypot(mle[0], mle[1]); // init = (0, 0)
const distance = (point: number[]) => Math.hypot(point[0] - mle[0], point[1] - mle[1]);

describe('learningRateSweep', () => {
  it('counts one step for the one-step rate and stops the run after settleSteps steps', () => {
    const [run] = learningRateSweep(rows, identity, { learningRates: [1], optimizers: ['gradient-ascent'] });
    assert.deepEqual(run, { optimizer: 'gradient-ascent', learningRate: 1, steps: 1, status: 'reached', stepsRun: 10 });
  });

  it('counts the steps worked out by hand for a halving error', () => {
    // lr 0.5 halves the distance each step: D 0.5^t <= D 0.5^6.5 first at t = 7.
    const tolerance = startDistance * 0.5 ** 6.5;
    const [run] = learningRateSweep(rows, identity, {
      learningRates: [0.5],
      optimizers: ['gradient-ascent'],
      tolerance,
      settleSteps: 3,
    });
    assert.equal(run.steps, 7);
    assert.equal(run.stepsRun, 9);
  });

  it('reports max-steps and diverged runs with steps null', () => {
    // lr 2.5 multiplies the error by -1.5 per step: not yet a blow-up after 3 steps, one after 200.
    const runs = learningRateSweep(rows, identity, { learningRates: [0.5, 2.5], optimizers: ['gradient-ascent'], maxSteps: 3 });
    assert.deepEqual(
      runs.map((r) => [r.status, r.steps, r.stepsRun]),
      [
        ['max-steps', null, 3],
        ['max-steps', null, 3],
      ],
    );
    const long = learningRateSweep(rows, identity, { learningRates: [2.5], optimizers: ['gradient-ascent'], maxSteps: 200 });
    assert.equal(long[0].status, 'diverged');
    assert.ok(long[0].stepsRun < 200, `a blow-up ends the run early, ran ${long[0].stepsRun}`);
  });

  it('does not count a pass through the target: the iterate must stay for settleSteps steps', () => {
    const options = {
      optimizer: 'momentum' as const,
      learningRate: 0.3,
      objective: 'mean' as const,
      maxSteps: 300,
      tolerance: 0,
    };
    const path = fitGaussianMean(rows, identity, options).path;
    const tolerance = 0.05;
    const settle = 10;
    const inside = path.map((p) => distance(p) <= tolerance);
    const firstEntry = inside.indexOf(true);
    let expected = -1;
    for (let t = 0; t + settle <= path.length && expected < 0; t++) {
      if (inside.slice(t, t + settle).every(Boolean) && (t === 0 || !inside[t - 1])) expected = t;
    }
    assert.ok(
      expected > firstEntry,
      `momentum leaves the ball after first entering it (entry ${firstEntry}, settles ${expected})`,
    );
    const [run] = learningRateSweep(rows, identity, {
      learningRates: [0.3],
      optimizers: ['momentum'],
      tolerance,
      settleSteps: settle,
      maxSteps: 300,
    });
    assert.equal(run.steps, expected);
  });

  it('lists runs optimizer by optimizer, rates in the given order, and leaks no tensors', () => {
    const before = tf.memory().numTensors;
    const runs = learningRateSweep(rows, identity, { learningRates: [0.1, 1], optimizers: ['adam', 'nesterov'], maxSteps: 20 });
    assert.equal(tf.memory().numTensors, before);
    assert.deepEqual(
      runs.map((r) => [r.optimizer, r.learningRate]),
      [
        ['adam', 0.1],
        ['adam', 1],
        ['nesterov', 0.1],
        ['nesterov', 1],
      ],
    );
  });

  it('rejects bad arguments with messages naming the argument', () => {
    const sweep = (options: unknown) => () => learningRateSweep(rows, identity, options as never);
    assert.throws(sweep(undefined), {
      name: 'TypeError',
      message: 'learningRateSweep requires options to be an object, got undefined',
    });
    assert.throws(sweep({}), {
      name: 'TypeError',
      message: 'learningRateSweep requires options.learningRates to be an array of numbers, got undefined',
    });
    assert.throws(sweep({ learningRates: [0.1, -1] }), {
      name: 'RangeError',
      message: 'learningRateSweep requires options.learningRates[1] to be positive, got -1',
    });
    assert.throws(sweep({ learningRates: [1], optimizers: ['sgd'] }), { name: 'RangeError' });
    assert.throws(sweep({ learningRates: [1], optimizers: [] }), {
      name: 'TypeError',
      message: 'learningRateSweep requires options.optimizers to be a non-empty array, got an array of length 0',
    });
    assert.throws(sweep({ learningRates: [1], settleSteps: 0 }), { name: 'RangeError' });
    assert.throws(sweep({ learningRates: [1], init: [0] }), {
      name: 'RangeError',
      message: 'learningRateSweep requires options.init to have length 2, got 1',
    });
    assert.throws(sweep({ learningRates: [1], tolerance: 0 }), { name: 'RangeError' });
  });
});

describe("learningRateSweep with gradient: 'sufficient-statistics'", () => {
  it('counts the same steps as the autodiff sweep for every rate, with no tensor made', () => {
    // Rates from crawling to diverging (curvature n = 200 for 'sum' with identity: stable below 0.01).
    const options = {
      learningRates: [1e-4, 1e-3, 5e-3, 9e-3, 1.2e-2],
      optimizers: ['gradient-ascent', 'momentum', 'adam'] as const,
      objective: 'sum' as const,
      maxSteps: 300,
    };
    const autodiff = learningRateSweep(rows, identity, { ...options, optimizers: [...options.optimizers] });
    const before = tf.memory().numTensors;
    const closed = learningRateSweep(rows, identity, {
      ...options,
      optimizers: [...options.optimizers],
      gradient: 'sufficient-statistics',
    });
    assert.equal(tf.memory().numTensors, before);
    assert.deepEqual(
      closed.map((r) => [r.optimizer, r.learningRate, r.steps, r.status]),
      autodiff.map((r) => [r.optimizer, r.learningRate, r.steps, r.status]),
    );
  });

  it('rejects an unknown gradient and an unknown option key', () => {
    assert.throws(() => learningRateSweep(rows, identity, { learningRates: [1], gradient: 'exact' as 'autodiff' }), {
      name: 'RangeError',
      message: "learningRateSweep requires options.gradient to be one of 'autodiff', 'sufficient-statistics', got 'exact'",
    });
    assert.throws(() => learningRateSweep(rows, identity, { learningRates: [1], maxstep: 3 } as never), {
      name: 'RangeError',
      message:
        "learningRateSweep requires options to have only the keys 'learningRates', 'optimizers', 'init', 'objective', 'maxSteps', 'tolerance', 'settleSteps', 'gradient', got 'maxstep' (did you mean 'maxSteps'?)",
    });
  });
});

describe('learningRateSweep on dense data (issue 12)', () => {
  it("gives bit for bit the same sweep from every data form, leaking no tensor and keeping the caller's tensor", () => {
    const covariance = [
      [1, 0],
      [0, 1],
    ];
    const rows = sampleMultivariateNormal(200, [1, 1], covariance, { seed: 2 });
    const runs = assertSameInEveryForm(rows, (data) =>
      learningRateSweep(data, covariance, {
        learningRates: [0.1, 1, 3],
        optimizers: ['gradient-ascent', 'adam'],
        maxSteps: 40,
      }),
    );
    assert.deepEqual(
      runs.map((r) => r.status),
      ['max-steps', 'reached', 'diverged', 'max-steps', 'max-steps', 'max-steps'],
    );
  });
});
