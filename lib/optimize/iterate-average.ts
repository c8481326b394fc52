import { assertInteger, assertVector, describeValue } from '../guards';

/**
 * The running average of an optimizer's iterates from a burn-in step on (Polyak–Ruppert
 * averaging): averaged[t] = mean of path[fromStep .. fromStep + t].
 *
 * Why: constant-rate stochastic gradient ascent never settles; its iterates wander around the
 * optimum with a spread set by the rate and the gradient noise (the noise floor). Their average
 * cancels most of that wandering, so the averaged point keeps approaching the optimum at the
 * statistical rate 1/t in squared distance, without lowering the rate.
 * See https://en.wikipedia.org/wiki/Stochastic_gradient_descent#Averaging
 *
 * @param path iterates, `path[step]` a vector of length d (e.g. `fitGaussianMean(...).path`)
 * @param fromStep the first iterate averaged (skip the approach from the start), 0 <= fromStep < path.length
 * @returns path.length - fromStep averaged points, each a new array of length d (float64)
 * @throws {TypeError} when path is not an array of vectors
 * @throws {RangeError} when fromStep is out of range or the points differ in length
 * @example
 * iterateAverage([[9, 9], [1, 0], [-1, 2], [0, 1]], 1); // => [[1, 0], [0, 1], [0, 1]]
 */
export function iterateAverage(path: number[][], fromStep = 0): number[][] {
  const fn = 'iterateAverage';
  if (!Array.isArray(path) || path.length === 0)
    throw new TypeError(`${fn} requires path to be a non-empty array of vectors, got ${describeValue(path)}`);
  assertInteger(fn, 'fromStep', fromStep, 0);
  if (fromStep >= path.length)
    throw new RangeError(`${fn} requires fromStep to be below path.length (${path.length}), got ${fromStep}`);
  const d = Array.isArray(path[fromStep]) ? path[fromStep].length : 0;
  const sum = new Array<number>(d).fill(0);
  const averaged: number[][] = [];
  for (let t = fromStep; t < path.length; t++) {
    assertVector(fn, `path[${t}]`, path[t], d);
    for (let j = 0; j < d; j++) sum[j] += path[t][j];
    averaged.push(sum.map((s) => s / (t - fromStep + 1)));
  }
  return averaged;
}
