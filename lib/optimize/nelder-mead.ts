import { assertFiniteArray, assertInteger, assertOptions, assertPositive, describeValue } from '../guards';

/** Options for {@link nelderMeadMaximize}. */
export interface NelderMeadOptions {
  /** Side of the initial simplex along each coordinate. @default 1 */
  initialStep?: number;
  /** Stop when every vertex of the simplex is within this distance (per coordinate) of the best one. @default 1e-10 */
  tolerance?: number;
  /** Give up after this many iterations. @default 5000 */
  maxIterations?: number;
}

/** Result of {@link nelderMeadMaximize}: plain data. */
export interface NelderMeadResult {
  /** The best point found. */
  argmax: number[];
  /** f at that point. */
  value: number;
  /** Iterations used. */
  iterations: number;
  /** Whether the tolerance was met before maxIterations. */
  converged: boolean;
}

/**
 * Maximises a function of a few variables with the Nelder–Mead simplex method, derivative-free,
 * in float64: the "numerical optimum" against which the notebooks check closed-form MLEs. It uses
 * only values of f, so it shares nothing with the derivation it checks.
 * Standard coefficients (reflection 1, expansion 2, contraction 1/2, shrink 1/2); fully
 * deterministic. See https://en.wikipedia.org/wiki/Nelder%E2%80%93Mead_method
 *
 * @param f the objective; may return -Infinity or NaN outside its domain (treated as -Infinity)
 * @param start the starting point, at least one finite coordinate
 * @param options see {@link NelderMeadOptions}
 * @returns `{ argmax, value, iterations, converged }`
 * @throws {TypeError} when f is not a function or start is not an array of numbers
 * @throws {RangeError} when start is empty or an option is out of range
 * @example
 * const r = nelderMeadMaximize(([x, y]) => -((x - 1) ** 2) - (y + 2) ** 2, [0, 0]);
 * r.argmax.map((v) => v.toFixed(6)); // => ['1.000000', '-2.000000']
 */
export function nelderMeadMaximize(
  f: (point: number[]) => number,
  start: number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const fn = 'nelderMeadMaximize';
  if (typeof f !== 'function') throw new TypeError(`${fn} requires f to be a function, got ${describeValue(f)}`);
  assertFiniteArray(fn, 'start', start);
  assertOptions(fn, options, ['initialStep', 'tolerance', 'maxIterations']);
  const { initialStep = 1, tolerance = 1e-10, maxIterations = 5000 } = options;
  assertPositive(fn, 'options.initialStep', initialStep);
  assertPositive(fn, 'options.tolerance', tolerance);
  assertInteger(fn, 'options.maxIterations', maxIterations);
  const value = (p: number[]): number => {
    const v = f(p);
    return Number.isNaN(v) ? -Infinity : v;
  };
  const d = start.length;
  const simplex = [start.slice(), ...start.map((_, k) => start.map((s, j) => (j === k ? s + initialStep : s)))];
  let values = simplex.map(value);
  const along = (from: number[], to: number[], t: number): number[] => from.map((a, j) => a + t * (to[j] - a));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const order = simplex.map((_, k) => k).sort((a, b) => values[b] - values[a]);
    const sorted = order.map((k) => simplex[k]);
    values = order.map((k) => values[k]);
    simplex.splice(0, simplex.length, ...sorted);
    const size = Math.max(...simplex.slice(1).map((p) => Math.max(...p.map((v, j) => Math.abs(v - simplex[0][j])))));
    if (Number.isFinite(values[d]) && size <= tolerance) {
      return { argmax: simplex[0].slice(), value: values[0], iterations, converged: true };
    }
    const centroid = start.map((_, j) => simplex.slice(0, d).reduce((s, p) => s + p[j], 0) / d);
    const worst = simplex[d];
    const reflected = along(centroid, worst, -1);
    const fr = value(reflected);
    if (fr > values[0]) {
      const expanded = along(centroid, worst, -2);
      const fe = value(expanded);
      [simplex[d], values[d]] = fe > fr ? [expanded, fe] : [reflected, fr];
    } else if (fr > values[d - 1]) {
      [simplex[d], values[d]] = [reflected, fr];
    } else {
      const contracted = fr > values[d] ? along(centroid, reflected, 0.5) : along(centroid, worst, 0.5);
      const fc = value(contracted);
      if (fc > Math.max(fr, values[d])) {
        [simplex[d], values[d]] = [contracted, fc];
      } else {
        for (let k = 1; k <= d; k++) {
          simplex[k] = along(simplex[0], simplex[k], 0.5);
          values[k] = value(simplex[k]);
        }
      }
    }
  }
  return { argmax: simplex[0].slice(), value: values[0], iterations, converged: false };
}
