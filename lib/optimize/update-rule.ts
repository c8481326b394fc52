/**
 * The update rules of the eight TensorFlow.js 4.22 optimizers of `fitGaussianMean`, as plain
 * float64 JavaScript on `number[]`: no tensors, no backend.
 *
 * Why: the sufficient-statistics step of `fitGaussianMean` knows the gradient in closed form
 * after one pass over the data (n P (x-bar - mu)), so each step costs O(d^2) in plain JavaScript;
 * an optimizer step on tensors would cost more than the whole gradient. These rules follow
 * `@tensorflow/tfjs-core/dist/optimizers/*_optimizer.js` (4.22.0) formula for formula, with the
 * same defaults as `makeOptimizer`, so the two paths of a fit walk the same way. They compute in
 * float64 while tfjs computes in float32 (including its constants: float32(0.9) = 0.8999999761...),
 * so the paths agree to float32 precision, not bit for bit.
 */
import { assertOneOf, assertPositive, describeValue } from '../guards';
import { OPTIMIZER_NAMES } from './types';
import type { OptimizerName } from './types';

/**
 * One step of an optimizer: given the current value and the gradient of the cost being
 * MINIMISED at that value (the `tf.train` convention; to maximise a log-likelihood, pass its
 * negative gradient), returns the new value as a fresh array. Stateful: the optimizer's
 * accumulators live in the closure and advance by one step per call.
 *
 * @example
 * const step: UpdateRule = createUpdateRule('gradient-ascent', 0.1);
 * step([1, 2], [10, -10]); // => [0, 3]
 */
export type UpdateRule = (value: number[], gradient: number[]) => number[];

/**
 * `ENGINE.backend.epsilon()` of tfjs 4.22 for a float32 backend (`EPSILON_FLOAT32` in
 * tfjs-core/dist/backends/backend.js; both tfjs-node and the cpu backend report float
 * precision 32). tfjs uses it when an optimizer is built with no epsilon, as `makeOptimizer` does.
 */
const TFJS_EPSILON = 1e-7;

/** A rule without the argument checks, with its state made lazily from the first value's length. */
type RawRule = (value: number[], gradient: number[]) => number[];

/** Makes each optimizer's raw rule; typed so that no name of `OptimizerName` can be missing. */
const RULE_FACTORIES: { readonly [name in OptimizerName]: (learningRate: number) => RawRule } = {
  'gradient-ascent': sgdRule,
  momentum: (learningRate) => momentumRule(learningRate, 0.9, false),
  nesterov: (learningRate) => momentumRule(learningRate, 0.9, true),
  adagrad: (learningRate) => adagradRule(learningRate, 0.1),
  adadelta: (learningRate) => adadeltaRule(learningRate, 0.95, TFJS_EPSILON),
  rmsprop: (learningRate) => rmspropRule(learningRate, 0.9, 0, TFJS_EPSILON),
  adam: (learningRate) => adamRule(learningRate, 0.9, 0.999, TFJS_EPSILON),
  adamax: (learningRate) => adamaxRule(learningRate, 0.9, 0.999, TFJS_EPSILON, 0),
};

/**
 * Creates the plain-float64 update rule of one of `fitGaussianMean`'s optimizers, mirroring
 * TensorFlow.js 4.22 (`makeOptimizer`'s choices and tfjs defaults). With value x, gradient g of
 * the cost being minimised, learning rate lr, eps = 1e-7 (tfjs's float32 backend epsilon) and
 * every operation elementwise, one call does:
 *
 * - 'gradient-ascent' (`tf.train.sgd(lr)`): x <- x + (-lr) g.
 * - 'momentum' (`tf.train.momentum(lr, 0.9)`): a <- 0.9 a + g; x <- x + (-lr) a (a starts at 0).
 * - 'nesterov' (`tf.train.momentum(lr, 0.9, true)`): a <- 0.9 a + g; x <- x + (-lr) (g + 0.9 a),
 *   with the NEW a.
 * - 'adagrad' (`tf.train.adagrad(lr)`): s <- s + g^2; x <- x + (-lr) g / sqrt(s + eps), with s
 *   starting at 0.1 (tfjs's initialAccumulatorValue), not 0.
 * - 'adadelta' (`tf.train.adadelta(lr)`, rho = 0.95): u = sqrt(A + eps) / sqrt(G + eps) g with
 *   the PREVIOUS G; G <- 0.95 G + 0.05 g^2; A <- 0.95 A + 0.05 u^2; x <- x + (-lr) u. G and A
 *   start at 0, so u = g at every step (tfjs 4.22's adadelta is plain gradient descent; see
 *   `FitGaussianMeanOptions.optimizer`).
 * - 'rmsprop' (`tf.train.rmsprop(lr)`: decay 0.9, momentum 0, not centered):
 *   s <- 0.9 s + 0.1 g^2; m <- 0 m + lr g / sqrt(s + eps); x <- x - m (eps inside the root).
 * - 'adam' (`tf.train.adam(lr)`: beta1 0.9, beta2 0.999): m <- 0.9 m + 0.1 g;
 *   v <- 0.999 v + 0.001 g^2; x <- x + (-lr) (m / (1 - b1)) / (sqrt(v / (1 - b2)) + eps), then
 *   b1 <- 0.9 b1, b2 <- 0.999 b2, where b1 and b2 (tfjs's accBeta1, accBeta2) start at 0.9 and
 *   0.999, so step t uses 0.9^t and 0.999^t (eps outside the root).
 * - 'adamax' (`tf.train.adamax(lr)`: beta1 0.9, beta2 0.999, decay 0): m <- 0.9 m + 0.1 g;
 *   u <- max(0.999 u, |g|); x <- x + ((-lr / (1 + 0 t)) / (1 - b1)) m / (u + eps), then t <- t + 1
 *   and b1 <- 0.9 b1 (t starts at 0, b1 at 0.9).
 *
 * All accumulators start (at zero unless said otherwise) on the first call, with the first
 * value's length, as tfjs makes its state on the first `applyGradients`.
 *
 * Why: the sufficient-statistics step of `fitGaussianMean` has the gradient in closed form, so
 * each step is O(d^2) in plain JavaScript with no tensors; this gives it the same optimizers.
 * Precision: float64 here, float32 in tfjs (values, accumulators, constants), so the two agree
 * to float32 precision, not bit for bit. One difference is larger than rounding: tfjs's adam
 * keeps accBeta2 as a float32 variable, float32(0.999)^t, whose 1 - accBeta2 at early steps is
 * 1.3e-5 relatively too small (float32(0.999) = 0.99900001287...), while its v uses
 * float32(1 - 0.999) = 0.001; so tfjs's adam steps are about 6.4e-6 relatively shorter than
 * these (exact beta^t), a gap that fades only after a few thousand steps.
 *
 * @param optimizer one of `OPTIMIZER_NAMES`
 * @param learningRate the step size lr, a positive finite number
 * @returns a stateful {@link UpdateRule}. Each call takes arrays of one length (that of the first
 *   call, at least 1) holding finite numbers, and returns a fresh array (a huge rate may make its
 *   entries infinite: the caller detects divergence)
 * @throws {TypeError} when optimizer is not a string or learningRate not a number; from the
 *   rule, when value or gradient is not an array or holds a non-number
 * @throws {RangeError} when optimizer is not one of `OPTIMIZER_NAMES`, or learningRate is not
 *   finite or not positive; from the rule, on an empty array, a length other than the first call's,
 *   or NaN / an infinity
 * @example
 * const step = createUpdateRule('momentum', 0.1);
 * step([0, 0], [1, -2]); // => [-0.1, 0.2]          (a = g)
 * step([-0.1, 0.2], [1, -2]); // => [-0.29, 0.58]   (a = 0.9 g + g = 1.9 g; up to float64 rounding)
 */
export function createUpdateRule(optimizer: OptimizerName, learningRate: number): UpdateRule {
  assertOneOf('createUpdateRule', 'optimizer', optimizer, OPTIMIZER_NAMES);
  assertPositive('createUpdateRule', 'learningRate', learningRate);
  const raw = RULE_FACTORIES[optimizer](learningRate);
  let length = -1;
  return (value: number[], gradient: number[]): number[] => {
    checkVector(value, 'value', length);
    checkVector(gradient, 'gradient', length === -1 ? value.length : length);
    length = value.length;
    return raw(value, gradient);
  };
}

/** The per-call guard: O(d), one pass, no allocation. `expected` = -1 before the first call. */
function checkVector(xs: unknown, arg: string, expected: number): asserts xs is number[] {
  const fn = 'createUpdateRule';
  if (!Array.isArray(xs)) {
    throw new TypeError(`${fn} requires ${arg} to be an array of numbers, got ${describeValue(xs)}`);
  }
  if (expected === -1 && xs.length === 0) {
    throw new RangeError(`${fn} requires ${arg} to have at least one entry, got an array of length 0`);
  }
  if (expected !== -1 && xs.length !== expected) {
    throw new RangeError(`${fn} requires ${arg} to have length ${expected} (that of the first step's value), got ${xs.length}`);
  }
  for (let i = 0; i < xs.length; i++) {
    const x: unknown = xs[i];
    if (typeof x !== 'number') {
      throw new TypeError(`${fn} requires ${arg}[${i}] to be a number, got ${describeValue(x)}`);
    }
    if (!Number.isFinite(x)) {
      throw new RangeError(`${fn} requires ${arg}[${i}] to be a finite number, got ${describeValue(x)}`);
    }
  }
}

/** tfjs SGDOptimizer: value + c g with c = -lr. */
function sgdRule(learningRate: number): RawRule {
  const c = -learningRate;
  return (value, gradient) => value.map((x, i) => c * gradient[i] + x);
}

/** tfjs MomentumOptimizer: a <- m a + g; value + c a, or value + c (g + a m) with Nesterov. */
function momentumRule(learningRate: number, momentum: number, useNesterov: boolean): RawRule {
  const c = -learningRate;
  let accumulation: Float64Array | null = null;
  return (value, gradient) => {
    const a = (accumulation ??= new Float64Array(value.length));
    return value.map((x, i) => {
      a[i] = momentum * a[i] + gradient[i];
      return useNesterov ? c * (gradient[i] + a[i] * momentum) + x : c * a[i] + x;
    });
  };
}

/** tfjs AdagradOptimizer: s <- s + g^2 (s from initialAccumulatorValue); value + (g / sqrt(s + eps)) (-lr). */
function adagradRule(learningRate: number, initialAccumulatorValue: number): RawRule {
  let accumulatedGrad: Float64Array | null = null;
  return (value, gradient) => {
    const s = (accumulatedGrad ??= new Float64Array(value.length).fill(initialAccumulatorValue));
    return value.map((x, i) => {
      const g = gradient[i];
      s[i] = s[i] + g * g;
      return (g / Math.sqrt(s[i] + TFJS_EPSILON)) * -learningRate + x;
    });
  };
}

/** tfjs AdadeltaOptimizer, including its use of the previous gradient accumulator in the update. */
function adadeltaRule(learningRate: number, rho: number, epsilon: number): RawRule {
  let accumulatedGrad: Float64Array | null = null;
  let accumulatedUpdate: Float64Array | null = null;
  return (value, gradient) => {
    const G = (accumulatedGrad ??= new Float64Array(value.length));
    const A = (accumulatedUpdate ??= new Float64Array(value.length));
    return value.map((x, i) => {
      const g = gradient[i];
      const newAccumulatedGrad = G[i] * rho + g * g * (1 - rho);
      const update = (Math.sqrt(A[i] + epsilon) / Math.sqrt(G[i] + epsilon)) * g;
      A[i] = A[i] * rho + update * update * (1 - rho);
      G[i] = newAccumulatedGrad;
      return update * -learningRate + x;
    });
  };
}

/** tfjs RMSPropOptimizer, not centered: s <- decay s + (1 - decay) g^2; m <- momentum m + lr g / sqrt(s + eps); value - m. */
function rmspropRule(learningRate: number, decay: number, momentum: number, epsilon: number): RawRule {
  let meanSquare: Float64Array | null = null;
  let moment: Float64Array | null = null;
  return (value, gradient) => {
    const s = (meanSquare ??= new Float64Array(value.length));
    const m = (moment ??= new Float64Array(value.length));
    return value.map((x, i) => {
      const g = gradient[i];
      s[i] = s[i] * decay + g * g * (1 - decay);
      m[i] = m[i] * momentum + (g * learningRate) / Math.sqrt(s[i] + epsilon);
      return x - m[i];
    });
  };
}

/** tfjs AdamOptimizer, with its bias corrections 1 - accBeta1, 1 - accBeta2 (accBeta = beta^t at step t). */
function adamRule(learningRate: number, beta1: number, beta2: number, epsilon: number): RawRule {
  let firstMoment: Float64Array | null = null;
  let secondMoment: Float64Array | null = null;
  let accBeta1 = beta1;
  let accBeta2 = beta2;
  return (value, gradient) => {
    const m = (firstMoment ??= new Float64Array(value.length));
    const v = (secondMoment ??= new Float64Array(value.length));
    const oneMinusAccBeta1 = 1 - accBeta1;
    const oneMinusAccBeta2 = 1 - accBeta2;
    const next = value.map((x, i) => {
      const g = gradient[i];
      m[i] = m[i] * beta1 + g * (1 - beta1);
      v[i] = v[i] * beta2 + g * g * (1 - beta2);
      const biasCorrectedFirst = m[i] / oneMinusAccBeta1;
      const biasCorrectedSecond = v[i] / oneMinusAccBeta2;
      return (biasCorrectedFirst / (Math.sqrt(biasCorrectedSecond) + epsilon)) * -learningRate + x;
    });
    accBeta1 *= beta1;
    accBeta2 *= beta2;
    return next;
  };
}

/** tfjs AdamaxOptimizer: infinity-norm second moment, lr / (1 + decay t), bias correction of the first moment only. */
function adamaxRule(learningRate: number, beta1: number, beta2: number, epsilon: number, decay: number): RawRule {
  let firstMoment: Float64Array | null = null;
  let weightedInfNorm: Float64Array | null = null;
  let iteration = 0;
  let accBeta1 = beta1;
  return (value, gradient) => {
    const m = (firstMoment ??= new Float64Array(value.length));
    const u = (weightedInfNorm ??= new Float64Array(value.length));
    const oneMinusAccBeta1 = 1 - accBeta1;
    const lr = -learningRate / (iteration * decay + 1);
    const next = value.map((x, i) => {
      const g = gradient[i];
      m[i] = m[i] * beta1 + g * (1 - beta1);
      u[i] = Math.max(u[i] * beta2, Math.abs(g));
      return (lr / oneMinusAccBeta1) * (m[i] / (u[i] + epsilon)) + x;
    });
    iteration += 1;
    accBeta1 *= beta1;
    return next;
  };
}
