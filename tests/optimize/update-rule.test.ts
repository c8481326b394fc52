import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tf } from '../../lib/backend';
import { createUpdateRule } from '../../lib/optimize/update-rule';
import type { UpdateRule } from '../../lib/optimize/update-rule';
import { disposeOptimizer, makeOptimizer } from '../../lib/optimize/make-optimizer';
import { OPTIMIZER_NAMES } from '../../lib/optimize/fit-gaussian-mean';
import type { OptimizerName } from '../../lib/optimize/types';
import { near } from '../helpers/near';

const STEPS = 50;

/**
 * A fixed gradient sequence: oscillating, of both signs, with exact zeros in the second
 * coordinate every 7th step (adamax's max(), adagrad's sum), rounded to float32 so that tfjs and
 * the JS rule receive exactly the same numbers.
 */
const GRADIENTS: number[][] = Array.from({ length: STEPS }, (_, t) => [
  Math.fround(3 * Math.cos(0.3 * t) + 0.5),
  t % 7 === 3 ? 0 : Math.fround(-2 * Math.sin(0.2 * t) + 0.04 * t),
]);
const INIT = [0.5, -1.25]; // float32 numbers

/** The tfjs path: makeOptimizer's optimizer on a float32 variable, fed `gradientAt(t, value)`. */
function tfjsPath(name: OptimizerName, learningRate: number, gradientAt: (t: number, value: number[]) => number[]): number[][] {
  const variable = tf.tidy(() => tf.variable(tf.tensor1d(INIT)));
  const optimizer = makeOptimizer(name, learningRate);
  const path = [INIT.slice()];
  try {
    for (let t = 0; t < STEPS; t++) {
      const gradient = tf.tensor1d(gradientAt(t, path[t]));
      optimizer.applyGradients({ [variable.name]: gradient });
      gradient.dispose();
      path.push(Array.from(variable.dataSync()));
    }
  } finally {
    disposeOptimizer(optimizer);
    variable.dispose();
  }
  return path;
}

/** The same walk with the float64 rule. */
function rulePath(name: OptimizerName, learningRate: number, gradientAt: (t: number, value: number[]) => number[]): number[][] {
  const rule = createUpdateRule(name, learningRate);
  const path = [INIT.slice()];
  for (let t = 0; t < STEPS; t++) path.push(rule(path[t], gradientAt(t, path[t])));
  return path;
}

/** float32's unit roundoff, 2^-24. */
const U = 2 ** -24;

/**
 * The tolerance, relative to the length walked so far per coordinate, S_t = |x_0| + sum_{s<=t} |x_s - x_{s-1}|.
 * tfjs rounds each step's handful of operations (at most ~10 roundings of size u, relative to the
 * step) and every new value (u relative to |x_s| <= S_s): after 50 steps at most about
 * (10 + 50) u S = 3.6e-6 S; we allow 64 u S = 3.8e-6 S.
 * Adam gets 1.3e-5 S more: tfjs's bias correction 1 - float32(0.999)^t is 1.29e-5 relatively too small
 * at early steps (float32(0.999) = 0.99900001287; exact beta^t here), so v-hat is that much too large
 * and every tfjs step about 6.4e-6 relatively shorter, all with the same sign. (With the bias
 * correction done in float32 as tfjs does, adam's gap falls to 1.6e-7: checked once by hand.)
 */
function relativeTolerance(name: OptimizerName): number {
  return 64 * U + (name === 'adam' ? 1.3e-5 : 0);
}

function assertPathsAgree(name: OptimizerName, expected: number[][], actual: number[][]): void {
  assert.equal(actual.length, expected.length);
  const walked = expected[0].map(Math.abs);
  for (let t = 1; t < expected.length; t++) {
    for (let i = 0; i < walked.length; i++) {
      walked[i] += Math.abs(expected[t][i] - expected[t - 1][i]);
      const tolerance = relativeTolerance(name) * walked[i];
      assert.ok(
        Math.abs(actual[t][i] - expected[t][i]) <= tolerance,
        `${name}, step ${t}, coordinate ${i}: tfjs ${expected[t][i]}, rule ${actual[t][i]}, tolerance ${tolerance}`,
      );
    }
  }
}

describe('createUpdateRule', () => {
  for (const name of OPTIMIZER_NAMES) {
    for (const learningRate of [0.01, 0.1, 0.5]) {
      it(`follows tf.train's ${name} over ${STEPS} fixed gradients at rate ${learningRate}, to float32 precision`, () => {
        const before = tf.memory().numTensors;
        const expected = tfjsPath(name, learningRate, (t) => GRADIENTS[t]);
        assert.equal(tf.memory().numTensors, before);
        const actual = rulePath(name, learningRate, (t) => GRADIENTS[t]);
        assertPathsAgree(name, expected, actual);
        // The walk moved more than one learning rate: agreement is not two paths standing still.
        assert.ok(Math.abs(actual[STEPS][0] - INIT[0]) > learningRate);
      });
    }
  }

  // Gradients near 3e-5 make epsilon = 1e-7 matter: rmsprop's sqrt(s + eps) with s ~ 1e-10 is
  // 30 times sqrt(s) + eps, and adam's and adamax's denominators (~3e-5) feel eps at 3e-3.
  const TINY_GRADIENTS = GRADIENTS.map((g) => g.map((x) => Math.fround(x * 1e-5)));
  for (const name of OPTIMIZER_NAMES) {
    it(`follows tf.train's ${name} where epsilon matters (gradients near 1e-5)`, () => {
      const expected = tfjsPath(name, 0.01, (t) => TINY_GRADIENTS[t]);
      assertPathsAgree(
        name,
        expected,
        rulePath(name, 0.01, (t) => TINY_GRADIENTS[t]),
      );
    });
  }

  // On a quadratic, each side computes its own gradient A (x - b) from its own iterate. For the rules
  // that are linear in the gradient (sgd, momentum, Nesterov, adadelta = sgd) the closed loop contracts
  // the float32 differences, so the same tolerance holds. The adaptive rules (adagrad, rmsprop, adam,
  // adamax) divide by a running gradient size that shrinks near the optimum, which amplifies them:
  // rmsprop at rate 0.3 ends 1e-2 apart after 50 steps, so they are compared on fixed gradients only.
  for (const name of ['gradient-ascent', 'momentum', 'nesterov', 'adadelta'] as const) {
    it(`follows tf.train's ${name} on a 2-D quadratic, each side using its own gradient`, () => {
      const gradientAt = (_t: number, x: number[]): number[] => [
        2 * (x[0] - 1) + 0.5 * (x[1] + 1),
        0.5 * (x[0] - 1) + (x[1] + 1),
      ];
      const expected = tfjsPath(name, 0.1, gradientAt);
      const actual = rulePath(name, 0.1, gradientAt);
      assertPathsAgree(name, expected, actual);
      near(actual[STEPS][0], 1, 0.1); // it converges towards the minimiser (1, -1)
    });
  }

  it("is adadelta's exact sgd path: the previous accumulators' ratio is 1 at every step", () => {
    const adadelta = rulePath('adadelta', 0.1, (t) => GRADIENTS[t]);
    const sgd = rulePath('gradient-ascent', 0.1, (t) => GRADIENTS[t]);
    assert.deepEqual(adadelta, sgd);
  });

  it('takes the first sgd step worked out by hand', () => {
    // x + (-lr) g with lr = 0.5: 1 - 0.5 * 4 = -1 and -2 - 0.5 * (-6) = 1, exact in float64.
    assert.deepEqual(createUpdateRule('gradient-ascent', 0.5)([1, -2], [4, -6]), [-1, 1]);
  });

  it('takes the first two momentum steps worked out by hand', () => {
    const step = createUpdateRule('momentum', 0.5);
    // Step 1: a = 0.9 * 0 + g = (2, -4); x = (1, -2) - 0.5 * (2, -4) = (0, 0).
    const first = step([1, -2], [2, -4]);
    assert.deepEqual(first, [0, 0]);
    // Step 2: a = 0.9 * (2, -4) + (2, 0) = (3.8, -3.6); x = (0, 0) - 0.5 * (3.8, -3.6) = (-1.9, 1.8).
    const second = step(first, [2, 0]);
    near(second[0], -1.9, 1e-15);
    near(second[1], 1.8, 1e-15);
  });

  it('takes the first two Nesterov steps worked out by hand (the new accumulator looks ahead)', () => {
    const step = createUpdateRule('nesterov', 0.5);
    // Step 1: a = g = (2, -4); x = (1, -2) - 0.5 * (g + 0.9 a) = (1, -2) - 0.5 * (3.8, -7.6) = (-0.9, 1.8).
    const first = step([1, -2], [2, -4]);
    near(first[0], -0.9, 1e-15);
    near(first[1], 1.8, 1e-15);
    // Step 2: a = 0.9 * (2, -4) + (2, 0) = (3.8, -3.6); g + 0.9 a = (5.42, -3.24);
    // x = (-0.9, 1.8) - 0.5 * (5.42, -3.24) = (-3.61, 3.42).
    const second = step(first, [2, 0]);
    near(second[0], -3.61, 1e-14);
    near(second[1], 3.42, 1e-14);
  });

  it('takes the first two adam steps worked out by hand, bias corrections included', () => {
    const eps = 1e-7;
    const step = createUpdateRule('adam', 0.1);
    // Step 1, g = (3, -0.5): m = 0.1 g = (0.3, -0.05), v = 0.001 g^2 = (0.009, 0.00025);
    // m-hat = m / (1 - 0.9) = g, v-hat = v / (1 - 0.999) = g^2, so x = 0 - 0.1 g / (|g| + eps).
    const first = step([0, 0], [3, -0.5]);
    near(first[0], (-0.1 * 3) / (3 + eps), 1e-16);
    near(first[1], (0.1 * 0.5) / (0.5 + eps), 1e-16);
    // Step 2, g = (3, 0.5): m = 0.9 (0.3, -0.05) + 0.1 (3, 0.5) = (0.57, 0.005);
    // v = 0.999 (0.009, 0.00025) + 0.001 (9, 0.25) = (0.017991, 0.00049975);
    // m-hat = m / (1 - 0.81) = (3, 0.5 / 19); v-hat = v / (1 - 0.998001) = (9, 0.25);
    // x = x_1 - 0.1 (3 / (3 + eps), (0.5 / 19) / (0.5 + eps)).
    const second = step(first, [3, 0.5]);
    near(second[0], first[0] - (0.1 * 3) / (3 + eps), 1e-15);
    near(second[1], first[1] - (0.1 * (0.5 / 19)) / (0.5 + eps), 1e-15);
  });

  it("starts adagrad's accumulator at 0.1, as tfjs does", () => {
    // s = 0.1 + 1^2 = 1.1; x = 0 - 1 * 1 / sqrt(1.1 + 1e-7).
    near(createUpdateRule('adagrad', 1)([0], [1])[0], -1 / Math.sqrt(1.1 + 1e-7), 1e-16);
  });

  it('returns a fresh array and leaves its arguments alone', () => {
    for (const name of OPTIMIZER_NAMES) {
      const value = [1, 2];
      const gradient = [0.5, -0.5];
      const next = createUpdateRule(name, 0.1)(value, gradient);
      assert.notEqual(next, value);
      assert.deepEqual(value, [1, 2]);
      assert.deepEqual(gradient, [0.5, -0.5]);
    }
  });

  it('keeps state per rule: two rules of one optimizer do not share accumulators', () => {
    const a = createUpdateRule('momentum', 0.1);
    const b = createUpdateRule('momentum', 0.1);
    a([0], [1]);
    a([0], [1]);
    assert.deepEqual(b([0], [1]), createUpdateRule('momentum', 0.1)([0], [1]));
  });

  it('rejects a bad optimizer or learning rate with exact messages', () => {
    const names = OPTIMIZER_NAMES.map((name) => `'${name}'`).join(', ');
    assert.throws(() => createUpdateRule('sgd' as OptimizerName, 0.1), {
      name: 'RangeError',
      message: `createUpdateRule requires optimizer to be one of ${names}, got 'sgd'`,
    });
    assert.throws(() => createUpdateRule(1 as unknown as OptimizerName, 0.1), {
      name: 'TypeError',
      message: 'createUpdateRule requires optimizer to be a string, got 1',
    });
    assert.throws(() => createUpdateRule('adam', 0), {
      name: 'RangeError',
      message: 'createUpdateRule requires learningRate to be positive, got 0',
    });
    assert.throws(() => createUpdateRule('adam', -0.1), {
      name: 'RangeError',
      message: 'createUpdateRule requires learningRate to be positive, got -0.1',
    });
    assert.throws(() => createUpdateRule('adam', Infinity), {
      name: 'RangeError',
      message: 'createUpdateRule requires learningRate to be a finite number, got Infinity',
    });
    assert.throws(() => createUpdateRule('adam', NaN), {
      name: 'RangeError',
      message: 'createUpdateRule requires learningRate to be a finite number, got NaN',
    });
    assert.throws(() => createUpdateRule('adam', '0.1' as unknown as number), {
      name: 'TypeError',
      message: "createUpdateRule requires learningRate to be a number, got '0.1'",
    });
  });

  it('rejects bad steps with exact messages, and a rejected step leaves the state as it was', () => {
    const step: UpdateRule = createUpdateRule('momentum', 0.1);
    const bad = (value: unknown, gradient: unknown) => () => step(value as number[], gradient as number[]);
    assert.throws(bad('x', [1]), {
      name: 'TypeError',
      message: "createUpdateRule requires value to be an array of numbers, got 'x'",
    });
    assert.throws(bad([], []), {
      name: 'RangeError',
      message: 'createUpdateRule requires value to have at least one entry, got an array of length 0',
    });
    assert.throws(bad([1, 2], [1]), {
      name: 'RangeError',
      message: "createUpdateRule requires gradient to have length 2 (that of the first step's value), got 1",
    });
    assert.throws(bad([1, 2], null), {
      name: 'TypeError',
      message: 'createUpdateRule requires gradient to be an array of numbers, got null',
    });
    assert.throws(bad([1, NaN], [0, 0]), {
      name: 'RangeError',
      message: 'createUpdateRule requires value[1] to be a finite number, got NaN',
    });
    assert.throws(bad([1, 2], [1, '2']), {
      name: 'TypeError',
      message: "createUpdateRule requires gradient[1] to be a number, got '2'",
    });
    assert.throws(bad([1, 2], [-Infinity, 0]), {
      name: 'RangeError',
      message: 'createUpdateRule requires gradient[0] to be a finite number, got -Infinity',
    });
    // None of these advanced the state: the first good step is a fresh rule's first step.
    assert.deepEqual(step([1, 2], [1, 1]), createUpdateRule('momentum', 0.1)([1, 2], [1, 1]));
    // From now on the length is fixed at 2, for the value as for the gradient.
    assert.throws(bad([1, 2, 3], [1, 2, 3]), {
      name: 'RangeError',
      message: "createUpdateRule requires value to have length 2 (that of the first step's value), got 3",
    });
    assert.throws(bad([1, 2], [1, 2, 3]), {
      name: 'RangeError',
      message: "createUpdateRule requires gradient to have length 2 (that of the first step's value), got 3",
    });
  });
});
