import { assertFiniteArray, assertFiniteNumber, assertObject } from '../guards';

/** Parameters of the linear model with Gaussian noise y = slope x + intercept + noise. */
export interface LinearModel {
  /** The assignment's a. */
  slope: number;
  /** The assignment's b. */
  intercept: number;
  /** The assignment's sigma^2, > 0. */
  noiseVariance: number;
}

/**
 * Log-likelihood of a linear model with Gaussian noise, in float64:
 * log p(ys | xs; a, b, sigma^2) = -n/2 log(2 pi sigma^2) - sum_i (y_i - a x_i - b)^2 / (2 sigma^2)
 * (Assignment 1.2, Theory, Task 2). The objective that `linearRegressionMle` maximises in closed
 * form; the notebooks maximise it numerically to check that closed form.
 *
 * @param xs the inputs, at least one finite number
 * @param ys the outputs, same length
 * @param model `{ slope, intercept, noiseVariance }`
 * @returns the log-likelihood, or -Infinity when noiseVariance <= 0 (outside the domain, so a
 *   numerical maximiser can step there safely)
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when xs is empty, the lengths differ or a value is not finite
 * @example
 * linearRegressionLogLikelihood([0, 1], [1, 3], { slope: 2, intercept: 1, noiseVariance: 1 }).toFixed(6); // => '-1.837877'
 */
export function linearRegressionLogLikelihood(xs: number[], ys: number[], model: LinearModel): number {
  const fn = 'linearRegressionLogLikelihood';
  assertFiniteArray(fn, 'xs', xs);
  assertFiniteArray(fn, 'ys', ys);
  if (ys.length !== xs.length)
    throw new RangeError(`${fn} requires ys to have the same length as xs (${xs.length}), got ${ys.length}`);
  assertObject(fn, 'model', model);
  assertFiniteNumber(fn, 'model.slope', model.slope);
  assertFiniteNumber(fn, 'model.intercept', model.intercept);
  assertFiniteNumber(fn, 'model.noiseVariance', model.noiseVariance);
  if (model.noiseVariance <= 0) return -Infinity;
  const squares = xs.reduce((s, x, i) => s + (ys[i] - model.slope * x - model.intercept) ** 2, 0);
  return -0.5 * xs.length * Math.log(2 * Math.PI * model.noiseVariance) - squares / (2 * model.noiseVariance);
}
