import { assertBernoulliPrior, assertFiniteArray } from '../guards';
import { countFlips } from '../estimators/bernoulli';
import type { BernoulliPrior } from '../estimators/bernoulli-map';

/** Curves over a theta grid for a coin: plain data, one value per grid point. */
export interface BernoulliCurves {
  /** The grid, copied. */
  thetas: number[];
  /** The likelihood theta^H (1 - theta)^T. */
  likelihood: number[];
  /** Its log, H log theta + T log(1 - theta) (-Infinity at an end where it is 0). */
  logLikelihood: number[];
  /** The likelihood scaled to integrate to 1 over the grid (trapezoid rule), to share an axis with densities. */
  likelihoodDensity: number[];
  /** The prior density on [0, 1] (a normal prior truncated to [0, 1]), normalised on the grid. */
  priorDensity: number[];
  /** prior x likelihood, normalised on the grid: the posterior density. */
  posteriorDensity: number[];
}

function trapezoid(xs: number[], ys: number[]): number {
  let area = 0;
  for (let k = 1; k < xs.length; k++) area += ((xs[k] - xs[k - 1]) * (ys[k] + ys[k - 1])) / 2;
  return area;
}

function normalise(xs: number[], ys: number[]): number[] {
  const area = trapezoid(xs, ys);
  return ys.map((y) => y / area);
}

/**
 * ys / area; when that area underflows to 0 or overflows (a likelihood of thousands of flips, a
 * Beta(1e4, 1e4) prior), the same curve from its logs, exp(log y - max log y), normalised instead.
 */
function normaliseWithLogs(fn: string, xs: number[], ys: number[], logs: () => number[]): number[] {
  const area = trapezoid(xs, ys);
  if (area > 0 && Number.isFinite(area)) return ys.map((y) => y / area);
  const values = logs();
  const top = Math.max(...values);
  if (!Number.isFinite(top)) throw new RangeError(`${fn} requires thetas to include a point where the density is positive`);
  return normalise(
    xs,
    values.map((v) => Math.exp(v - top)),
  );
}

/** c log t, with 0 log 0 = 0 (a zero power contributes nothing, even at the end of [0, 1]). */
function powerLog(power: number, t: number): number {
  return power === 0 ? 0 : power * Math.log(t);
}

function logPrior(prior: BernoulliPrior, theta: number): number {
  if (prior.kind === 'uniform') return 0;
  if (prior.kind === 'beta') return powerLog(prior.alpha - 1, theta) + powerLog(prior.beta - 1, 1 - theta);
  return -((theta - prior.mean) ** 2) / (2 * prior.variance);
}

function unnormalisedPrior(prior: BernoulliPrior, theta: number): number {
  if (prior.kind === 'uniform') return 1;
  if (prior.kind === 'beta') return theta ** (prior.alpha - 1) * (1 - theta) ** (prior.beta - 1);
  return Math.exp(-((theta - prior.mean) ** 2) / (2 * prior.variance));
}

/**
 * Likelihood, log-likelihood, prior and posterior of a coin's head probability theta, sampled on
 * a grid in [0, 1]: the data behind the theory charts (the log is monotone, so likelihood and
 * log-likelihood peak at the same theta; the posterior is prior x likelihood, renormalised).
 * Densities are normalised numerically with the trapezoid rule on the grid, so the three curves
 * can be drawn on one axis; use a fine grid (a few hundred points).
 *
 * @param flips the observed flips, each 0 (tail) or 1 (head)
 * @param prior the prior as for `bernoulliMap`: normal (by its variance), beta or uniform
 * @param thetas the grid, finite numbers in [0, 1], increasing, at least 2
 * @returns the curves, one value per grid point
 * @throws {TypeError} when an argument has the wrong type
 * Any number of flips and any prior parameters: where the likelihood (below 1e-308 after ~1000
 * flips) or a Beta prior's density (alpha, beta in the thousands) underflows, densities are formed
 * from logs instead, so they stay finite; `likelihood` itself may then be 0 while `logLikelihood`
 * stays finite.
 *
 * @throws {RangeError} when a flip is not 0 or 1, a grid point is outside [0, 1], a prior parameter
 *   is out of range, or no grid point has a positive density
 * @example
 * const c = bernoulliCurves([1, 0], { kind: 'uniform' }, [0, 0.5, 1]);
 * c.likelihood; // => [0, 0.25, 0]
 * c.posteriorDensity; // => [0, 2, 0]
 */
export function bernoulliCurves(flips: number[], prior: BernoulliPrior, thetas: number[]): BernoulliCurves {
  const fn = 'bernoulliCurves';
  const { heads, tails } = countFlips(fn, flips);
  assertBernoulliPrior(fn, 'prior', prior);
  assertFiniteArray(fn, 'thetas', thetas, 2);
  thetas.forEach((t, k) => {
    if (t < 0 || t > 1 || (k > 0 && t <= thetas[k - 1]))
      throw new RangeError(`${fn} requires thetas to increase within [0, 1], got ${t} at ${k}`);
  });
  const likelihood = thetas.map((t) => t ** heads * (1 - t) ** tails);
  const logLikelihood = thetas.map((t, k) =>
    likelihood[k] > 0 ? Math.log(likelihood[k]) : powerLog(heads, t) + powerLog(tails, 1 - t),
  );
  const logPriors = (): number[] => thetas.map((t) => logPrior(prior, t));
  const priorDensity = normaliseWithLogs(
    fn,
    thetas,
    thetas.map((t) => unnormalisedPrior(prior, t)),
    logPriors,
  );
  return {
    thetas: thetas.slice(),
    likelihood,
    logLikelihood,
    likelihoodDensity: normaliseWithLogs(fn, thetas, likelihood, () => logLikelihood),
    priorDensity,
    posteriorDensity: normaliseWithLogs(
      fn,
      thetas,
      likelihood.map((l, k) => l * priorDensity[k]),
      () => logPriors().map((p, k) => logLikelihood[k] + p),
    ),
  };
}
