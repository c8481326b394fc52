import { assertFiniteNumber, assertInteger } from '../guards';

/** At most this many points per call (80 MB of float64). */
const MAX_COUNT = 1e7;

/**
 * `count` evenly spaced numbers from `start` to `stop`, both included, computed as numpy's
 * `linspace` does: start + k step with step = (stop - start) / (count - 1), the last point exactly
 * `stop`. The one grid maker of Likelihood Lab (theta grids, log-likelihood grids, benchmarks).
 * When stop - start overflows float64 (e.g. [-1e308, 1e308]) the points are computed as the
 * weighted average start (1 - t) + stop t, t = k / (count - 1), so every point stays finite.
 *
 * @param start first value, finite
 * @param stop last value, finite (may be below `start`: the grid then decreases)
 * @param count how many values, an integer in [2, 10^7]
 * @returns the grid
 * @throws {TypeError} when an argument is not a number
 * @throws {RangeError} when an argument is not finite or count is not an integer in [2, 10^7]
 * @example
 * linspace(0, 1, 5); // => [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(start: number, stop: number, count: number): number[] {
  assertFiniteNumber('linspace', 'start', start);
  assertFiniteNumber('linspace', 'stop', stop);
  assertInteger('linspace', 'count', count, 2);
  if (count > MAX_COUNT) throw new RangeError(`linspace requires count to be at most ${MAX_COUNT}, got ${count}`);
  const last = count - 1;
  const step = (stop - start) / last;
  if (Number.isFinite(step)) return Array.from({ length: count }, (_, k) => (k === last ? stop : start + k * step));
  return Array.from({ length: count }, (_, k) => (k === last ? stop : start * (1 - k / last) + stop * (k / last)));
}
