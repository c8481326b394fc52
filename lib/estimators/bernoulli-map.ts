import { assertBernoulliPrior } from '../guards';
import { countFlips } from './bernoulli';

/**
 * A normal prior N(mean, variance) on the head probability theta, restricted to (0, 1).
 * The assignment writes N(0.5, 0.1): read 0.1 as the variance, pass `variance: 0.1`; read it as
 * the standard deviation, pass `variance: 0.01`.
 */
export interface NormalPrior {
  kind: 'normal';
  /** The prior mean; any finite number (a mean outside [0, 1] pulls theta towards an end). */
  mean: number;
  /** The prior variance, > 0 (NOT the standard deviation). */
  variance: number;
}

/** A Beta(alpha, beta) prior on theta, the conjugate prior of the Bernoulli likelihood. */
export interface BetaPrior {
  kind: 'beta';
  /** Pseudo-count of heads, > 0. */
  alpha: number;
  /** Pseudo-count of tails, > 0. */
  beta: number;
}

/** The uniform prior U(0, 1), which is Beta(1, 1): its MAP estimate is the MLE. */
export interface UniformPrior {
  kind: 'uniform';
}

/** A prior on a Bernoulli head probability, for `bernoulliMap`. */
export type BernoulliPrior = NormalPrior | BetaPrior | UniformPrior;

/**
 * Maximum a posteriori (MAP) estimate of a coin's head probability theta, in float64.
 *
 * Maximises log p(theta | D) = H log theta + T log(1 - theta) + log p(theta) + const over
 * [0, 1] (H heads, T tails; Assignment 1.2, Theory, Task 3).
 *
 * - `normal` prior: h(t) = H log t + T log(1 - t) - (t - mean)^2 / (2 variance). h is strictly
 *   concave (h'' = -H/t^2 - T/(1-t)^2 - 1/variance < 0), so the root of
 *   h'(t) = H/t - T/(1-t) - (t - mean)/variance is the unique maximiser; it is found by Newton's
 *   method safeguarded by bisection on a shrinking bracket, to 1e-12. With H > 0 and T > 0,
 *   h' runs from +infinity to -infinity and the root is interior. With no heads the log t term
 *   vanishes (theta^0 = 1) and h'(0) = mean/variance - T: if that is <= 0, h decreases on [0, 1)
 *   and the maximiser is 0 exactly; otherwise the prior pulls it inside. No tails is the mirror
 *   image (1 when (1 - mean)/variance <= H). No flips at all: the prior mode clamped to [0, 1].
 *   With the starter code's D = (0,0,1,1,0,0,1) and N(0.5, 0.1) read as variance 0.1 the answer is
 *   exactly 1/sqrt(5) = 0.4472135955; read as standard deviation (variance 0.01) 0.4843631.
 * - `beta` prior: the posterior is Beta(a, b) with a = H + alpha, b = T + beta, whose mode is
 *   (a - 1)/(a + b - 2) when a >= 1 and b >= 1; 0 when a < 1 <= b (density decreasing, the
 *   supremum sits at 0); 1 when b < 1 <= a. When a < 1 and b < 1 the posterior is U-shaped (modes
 *   at both 0 and 1) and when a = b = 1 it is flat: no unique MAP, a RangeError is thrown.
 * - `uniform` prior: Beta(1, 1), so the MAP is H / n, the MLE; with no flips it is undefined.
 *
 * An empty `flips` is accepted: the MAP is then the prior's mode (when unique).
 *
 * @param flips the observed flips, each 0 (tail) or 1 (head)
 * @param prior `{ kind: 'normal', mean, variance }`, `{ kind: 'beta', alpha, beta }` or `{ kind: 'uniform' }`
 * @returns theta-MAP in [0, 1]
 * @throws {TypeError} when `flips` is not an array of numbers, `prior` is not an object or its fields are not numbers
 * @throws {RangeError} when a flip is not 0 or 1, the prior kind is unknown, a prior parameter is
 *   out of range (variance, alpha, beta must be > 0), or the posterior has no unique mode
 * @example
 * bernoulliMap([0, 0, 1, 1, 0, 0, 1], { kind: 'normal', mean: 0.5, variance: 0.1 }); // => 0.4472135954999579
 * bernoulliMap([0, 0, 1, 1, 0, 0, 1], { kind: 'beta', alpha: 2, beta: 2 }); // => 0.4444444444444444
 */
export function bernoulliMap(flips: number[], prior: BernoulliPrior): number {
  const fn = 'bernoulliMap';
  const { heads, tails } = countFlips(fn, flips);
  const checked = assertBernoulliPrior(fn, 'prior', prior);
  if (checked.kind === 'normal') return normalPriorMap(heads, tails, checked.mean, checked.variance);
  if (checked.kind === 'beta') return betaPosteriorMode(fn, heads + checked.alpha, tails + checked.beta);
  return betaPosteriorMode(fn, heads + 1, tails + 1);
}

function betaPosteriorMode(fn: string, a: number, b: number): number {
  if (a === 1 && b === 1) {
    throw new RangeError(`${fn} requires data or a prior that gives a unique posterior mode, got a flat Beta(1, 1) posterior`);
  }
  if (a < 1 && b < 1) {
    throw new RangeError(`${fn} requires a posterior with a unique mode, got Beta(${a}, ${b}) with modes at both 0 and 1`);
  }
  if (a < 1) return 0;
  if (b < 1) return 1;
  const denominator = a + b - 2;
  if (Number.isFinite(denominator)) return (a - 1) / denominator;
  // a + b overflowed (alpha = beta = 1e308): scale both by the larger first.
  const scale = Math.max(a - 1, b - 1);
  return (a - 1) / scale / ((a - 1) / scale + (b - 1) / scale);
}

function normalPriorMap(heads: number, tails: number, mean: number, variance: number): number {
  const slope = (t: number): number => (heads > 0 ? heads / t : 0) - (tails > 0 ? tails / (1 - t) : 0) - (t - mean) / variance;
  const curvature = (t: number): number =>
    -(heads > 0 ? heads / (t * t) : 0) - (tails > 0 ? tails / ((1 - t) * (1 - t)) : 0) - 1 / variance;
  if (heads === 0 && tails === 0) return Math.min(1, Math.max(0, mean));
  // h' is finite at an end whose log term is absent; there the maximiser can sit on the boundary.
  if (heads === 0 && slope(0) <= 0) return 0;
  if (tails === 0 && slope(1) >= 0) return 1;
  let lo = 0;
  let hi = 1;
  let t = heads / (heads + tails);
  t = Math.min(1 - 1e-3, Math.max(1e-3, t));
  for (let iteration = 0; iteration < 200; iteration++) {
    const g = slope(t);
    if (g === 0) return t;
    if (g > 0) lo = t;
    else hi = t;
    let next = t - g / curvature(t);
    // Bisect when Newton leaves the bracket (or lands on its ends, where h' may be infinite).
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 || hi - lo <= 1e-15) return next;
    t = next;
  }
  return t;
}
