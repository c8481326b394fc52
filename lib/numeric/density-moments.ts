import { assertFiniteArray } from '../guards';

/** Mass, mean and variance of a density sampled on a grid: plain data. */
export interface DensityMoments {
  /** integral of the density (1 for a normalised one). */
  mass: number;
  /** integral x p(x) dx / mass. */
  mean: number;
  /** integral (x - mean)^2 p(x) dx / mass. */
  variance: number;
}

/**
 * Mean and variance of a density known only on a grid (for example a prior truncated to [0, 1]
 * and renormalised numerically), by the trapezoid rule, in float64. The density is divided by its
 * mass, so an unnormalised one works too. Accuracy is that of the trapezoid rule: use a fine grid.
 *
 * @param xs the grid, strictly increasing, at least 2 points
 * @param density the density at each grid point, non-negative, not all 0, same length as xs
 * @returns `{ mass, mean, variance }`
 * @throws {TypeError} when an argument is not an array of numbers
 * @throws {RangeError} when the lengths differ, the grid does not increase, a density value is
 *   negative or not finite, or the mass is 0
 * @example
 * densityMoments([0, 0.5, 1], [1, 1, 1]); // => { mass: 1, mean: 0.5, variance: 0.125 }
 */
export function densityMoments(xs: number[], density: number[]): DensityMoments {
  const fn = 'densityMoments';
  assertFiniteArray(fn, 'xs', xs, 2);
  assertFiniteArray(fn, 'density', density, 2);
  if (density.length !== xs.length) {
    throw new RangeError(`${fn} requires density to have the length of xs (${xs.length}), got ${density.length}`);
  }
  for (let k = 1; k < xs.length; k++) {
    if (!(xs[k] > xs[k - 1])) throw new RangeError(`${fn} requires xs to increase strictly, got ${xs[k]} at ${k}`);
  }
  density.forEach((p, k) => {
    if (p < 0) throw new RangeError(`${fn} requires density to be non-negative, got ${p} at ${k}`);
  });
  const integral = (f: (x: number) => number): number => {
    let sum = 0;
    for (let k = 1; k < xs.length; k++) {
      sum += ((xs[k] - xs[k - 1]) * (f(xs[k]) * density[k] + f(xs[k - 1]) * density[k - 1])) / 2;
    }
    return sum;
  };
  const mass = integral(() => 1);
  if (!(mass > 0)) throw new RangeError(`${fn} requires density to have a positive integral, got ${mass}`);
  const mean = integral((x) => x) / mass;
  const variance = integral((x) => (x - mean) ** 2) / mass;
  return { mass, mean, variance };
}
