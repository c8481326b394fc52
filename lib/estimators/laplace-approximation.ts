import { assertFiniteArray } from '../guards';
import { countFlips } from './bernoulli';
import { bernoulliMap } from './bernoulli-map';
import type { BernoulliPrior } from './bernoulli-map';
import { logPriorAt, validatePrior } from './bernoulli-prior';

/** The Laplace approximation of a coin's posterior, with the exact posterior's moments beside it. */
export interface BernoulliLaplaceApproximation {
  /** theta_MAP, the approximation's mean (float64, from `bernoulliMap`). */
  mode: number;
  /** 1 / curvature: the inverse of -d^2/dtheta^2 log p(theta | D) at the mode. */
  variance: number;
  /** sqrt(variance). */
  standardDeviation: number;
  /** P(theta < 0) under the approximation N(mode, variance): mass on impossible values. */
  massBelowZero: number;
  /** P(theta > 1) under the approximation. */
  massAboveOne: number;
  /** The exact posterior mean E[theta | D], by quadrature on [0, 1] (Simpson, 2000 intervals). */
  posteriorMean: number;
  /** The exact posterior standard deviation, by the same quadrature. */
  posteriorStandardDeviation: number;
}

const INTERVALS = 2000;

/**
 * The Laplace approximation of the posterior of a coin's head probability theta: the normal
 * distribution centred at theta_MAP whose variance is the inverse curvature of the log posterior
 * there, N(theta_MAP, 1 / h) with h = H / theta^2 + T / (1 - theta)^2 + (prior's share:
 * 1 / variance for a normal prior, (alpha - 1) / theta^2 + (beta - 1) / (1 - theta)^2 for a beta,
 * 0 for the uniform). It is exact for a Gaussian log posterior and good when many flips make the
 * posterior narrow; with few flips it is symmetric where the posterior is skewed, puts its mean at
 * the mode instead of the posterior mean, and gives positive density, even mass, outside [0, 1]:
 * the fields `massBelowZero`, `massAboveOne`, `posteriorMean` and `posteriorStandardDeviation`
 * measure those errors. See Bishop, Pattern Recognition and Machine Learning (2006), section 4.4.
 *
 * @param flips the observed flips, each 0 (tail) or 1 (head)
 * @param prior as for `bernoulliMap` (a normal prior by its variance)
 * @returns `{ mode, variance, standardDeviation, massBelowZero, massAboveOne, posteriorMean, posteriorStandardDeviation }`
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when a flip is not 0 or 1, a prior parameter is out of range, or theta_MAP
 *   is 0 or 1 (no curvature there: no Laplace approximation)
 * @example
 * const q = laplaceApproximation([0, 0, 1, 1, 0, 0, 1], { kind: 'uniform' });
 * q.mode;              // => 0.42857142857142855 (3/7)
 * q.standardDeviation; // => 0.18704 (sqrt(12/343))
 * q.posteriorMean;     // => 0.44444 (4/9, the mean of Beta(4, 5))
 */
export function laplaceApproximation(flips: number[], prior: BernoulliPrior): BernoulliLaplaceApproximation {
  const fn = 'laplaceApproximation';
  const { heads, tails } = countFlips(fn, flips);
  validatePrior(fn, prior);
  const mode = bernoulliMap(flips, prior);
  if (!(mode > 0 && mode < 1)) {
    throw new RangeError(`${fn} requires theta_MAP to be inside (0, 1), got ${mode}`);
  }
  let curvature = heads / mode ** 2 + tails / (1 - mode) ** 2;
  if (prior.kind === 'normal') curvature += 1 / prior.variance;
  if (prior.kind === 'beta') curvature += (prior.alpha - 1) / mode ** 2 + (prior.beta - 1) / (1 - mode) ** 2;
  const variance = 1 / curvature;
  const standardDeviation = Math.sqrt(variance);
  const moments = posteriorMoments(heads, tails, prior, mode);
  return {
    mode,
    variance,
    standardDeviation,
    massBelowZero: normalCdf(-mode / standardDeviation),
    massAboveOne: normalCdf(-(1 - mode) / standardDeviation),
    posteriorMean: moments.mean,
    posteriorStandardDeviation: Math.sqrt(moments.variance),
  };
}

/**
 * Densities of the Laplace approximation N(mode, variance) at the given thetas, for plotting it
 * beside the exact posterior (`bernoulliCurves(...).posteriorDensity`).
 *
 * @param approximation the result of {@link laplaceApproximation}
 * @param thetas where to evaluate, finite numbers
 * @returns one density per theta
 * @throws {TypeError} when thetas is not an array of numbers
 * @throws {RangeError} when thetas is empty or holds a non-finite number
 * @example
 * laplaceDensity({ mode: 0.5, variance: 0.01 } as BernoulliLaplaceApproximation, [0.5]); // => [3.9894]
 */
export function laplaceDensity(approximation: BernoulliLaplaceApproximation, thetas: number[]): number[] {
  assertFiniteArray('laplaceDensity', 'thetas', thetas);
  const { mode, variance } = approximation;
  return thetas.map((t) => Math.exp(-((t - mode) ** 2) / (2 * variance)) / Math.sqrt(2 * Math.PI * variance));
}

/** Mean and variance of the exact posterior by Simpson's rule, scaled by the density at the mode. */
function posteriorMoments(heads: number, tails: number, prior: BernoulliPrior, mode: number): { mean: number; variance: number } {
  const logAt = (t: number) =>
    (heads > 0 ? heads * Math.log(t) : 0) + (tails > 0 ? tails * Math.log(1 - t) : 0) + logPriorAt(prior, t);
  const peak = logAt(mode);
  const sums = [0, 0, 0];
  for (let k = 0; k <= INTERVALS; k++) {
    const t = k / INTERVALS;
    const weight = k === 0 || k === INTERVALS ? 1 : k % 2 === 1 ? 4 : 2;
    const value = Math.exp(logAt(t) - peak);
    const density = Number.isFinite(value) ? value : 0;
    sums[0] += weight * density;
    sums[1] += weight * density * t;
    sums[2] += weight * density * t * t;
  }
  const mean = sums[1] / sums[0];
  return { mean, variance: sums[2] / sums[0] - mean * mean };
}

/** Standard normal CDF via erfc (Numerical Recipes' erfcc, fractional error < 1.2e-7). */
function normalCdf(z: number): number {
  const x = -z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return 0.5 * (x >= 0 ? erfc : 2 - erfc);
}
