import type { HeatmapGrid } from './heatmap';

/**
 * A straight piece of a contour line, `[x1, y1, x2, y2]`.
 *
 * @example
 * const piece: ContourSegment = [0, 1, 0.7071, 0.7071];
 */
export type ContourSegment = [number, number, number, number];

/**
 * All pieces of the iso-line of one level.
 *
 * @example
 * const [line] = contourLines(grid, { levels: [-10] });
 * line.level; // => -10
 */
export interface ContourLine {
  /** The value the line follows. */
  level: number;
  /** Its straight pieces, one or two per grid cell it crosses, in no particular order. */
  segments: ContourSegment[];
}

/**
 * Options for {@link contourLines}.
 *
 * @example
 * const options: ContourLinesOptions = { levels: 6, spacing: 'quadratic' };
 */
export interface ContourLinesOptions {
  /**
   * Either how many levels, evenly spaced strictly between the grid's smallest and largest finite
   * value (`k` levels at `min + (max - min) * i / (k + 1)`, i = 1..k), or the levels themselves.
   * @default 8
   */
  levels?: number | number[];
  /**
   * How a count of levels is spaced. `'linear'`: evenly in value. `'quadratic'`: evenly in the
   * square root of the distance below the maximum, `max - (max - min) * (i / (k + 1))^2`, which on
   * a quadratic bowl (a Gaussian log-likelihood) gives evenly spaced rings instead of rings
   * crowded at the rim and one near the top.
   * @default 'linear'
   */
  spacing?: 'linear' | 'quadratic';
}

function checkGrid(grid: HeatmapGrid): void {
  if (grid === null || typeof grid !== 'object') {
    throw new TypeError('contourLines requires grid to be an object with xs, ys and values');
  }
  const { xs, ys, values } = grid;
  for (const [name, axis] of [
    ['xs', xs],
    ['ys', ys],
  ] as const) {
    const ok =
      Array.isArray(axis) &&
      axis.length >= 2 &&
      axis.every((v, k) => typeof v === 'number' && Number.isFinite(v) && (k === 0 || v > axis[k - 1]));
    if (!ok) throw new RangeError(`contourLines requires ${name} to be at least 2 strictly increasing finite numbers`);
  }
  if (
    !Array.isArray(values) ||
    values.length !== ys.length ||
    values.some((row) => !Array.isArray(row) || row.length !== xs.length)
  ) {
    throw new RangeError(
      `contourLines requires values to have ys.length (${ys.length}) rows of xs.length (${xs.length}) numbers`,
    );
  }
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v !== 'number') throw new TypeError(`contourLines requires values[${i}][${j}] to be a number, got ${typeof v}`);
    }),
  );
}

function resolveLevels(values: number[][], levels: number | number[], spacing: 'linear' | 'quadratic'): number[] {
  if (Array.isArray(levels)) {
    levels.forEach((l, k) => {
      if (typeof l !== 'number' || !Number.isFinite(l)) {
        throw new RangeError(`contourLines requires levels[${k}] to be a finite number, got ${String(l)}`);
      }
    });
    return levels;
  }
  if (typeof levels !== 'number' || !Number.isInteger(levels) || levels < 0) {
    throw new RangeError(
      `contourLines requires levels to be a non-negative integer or an array of numbers, got ${String(levels)}`,
    );
  }
  let min = Infinity;
  let max = -Infinity;
  for (const row of values) {
    for (const v of row) {
      if (Number.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
  }
  if (!(max > min)) return [];
  if (spacing === 'quadratic') {
    return Array.from({ length: levels }, (_, i) => max - (max - min) * ((levels - i) / (levels + 1)) ** 2);
  }
  return Array.from({ length: levels }, (_, i) => min + ((max - min) * (i + 1)) / (levels + 1));
}

/**
 * Contour lines (iso-lines) of a function sampled on a rectangular grid, by marching squares
 * with linear interpolation along the cell edges: in each grid cell whose corners lie on both
 * sides of a level, the line is drawn between the points where the edges cross it. A saddle cell
 * (two opposite corners above, two below) is split by the mean of its corners. Cells with a
 * non-finite corner are skipped. Plain JavaScript, no tensors: the lines a {@link heatmap} draws.
 *
 * An edge's crossing point is always computed from the same end, so neighbouring cells produce
 * bit-identical end points and the segments join exactly (see {@link chainSegments}).
 *
 * @param grid - `values[i][j]` at `(xs[j], ys[i])`, as for {@link heatmap}
 * @param options - see {@link ContourLinesOptions}
 * @returns one {@link ContourLine} per level, in the order of the levels
 * @throws {TypeError} when grid is not an object or a value is not a number
 * @throws {RangeError} when xs or ys is not strictly increasing, values has the wrong shape, or
 *   levels is neither a non-negative integer nor an array of finite numbers, or spacing is unknown
 * @example
 * const xs = [-2, -1, 0, 1, 2];
 * const values = xs.map((y) => xs.map((x) => x * x + y * y));
 * const [circle] = contourLines({ xs, ys: xs, values }, { levels: [1] });
 * circle.segments.length; // => 4 (a diamond through (±1, 0) and (0, ±1) on this coarse grid)
 */
export function contourLines(grid: HeatmapGrid, options: ContourLinesOptions = {}): ContourLine[] {
  checkGrid(grid);
  const { xs, ys, values } = grid;
  const spacing = options.spacing ?? 'linear';
  if (spacing !== 'linear' && spacing !== 'quadratic') {
    throw new RangeError(`contourLines requires spacing to be 'linear' or 'quadratic', got ${String(spacing)}`);
  }
  const levels = resolveLevels(values, options.levels ?? 8, spacing);
  // Crossing on the edge between grid points (i1, j1) and (i2, j2), (i1, j1) the smaller one.
  const cross = (level: number, i1: number, j1: number, i2: number, j2: number): [number, number] => {
    const v1 = values[i1][j1];
    const t = (level - v1) / (values[i2][j2] - v1);
    return [xs[j1] + t * (xs[j2] - xs[j1]), ys[i1] + t * (ys[i2] - ys[i1])];
  };
  return levels.map((level) => {
    const segments: ContourSegment[] = [];
    const add = (p: [number, number], q: [number, number]): void => {
      segments.push([p[0], p[1], q[0], q[1]]);
    };
    for (let i = 0; i + 1 < ys.length; i += 1) {
      for (let j = 0; j + 1 < xs.length; j += 1) {
        const a = values[i][j],
          b = values[i][j + 1],
          c = values[i + 1][j + 1],
          d = values[i + 1][j];
        if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c) || !Number.isFinite(d)) continue;
        const code = (a >= level ? 1 : 0) | (b >= level ? 2 : 0) | (c >= level ? 4 : 0) | (d >= level ? 8 : 0);
        if (code === 0 || code === 15) continue;
        const bottom = (): [number, number] => cross(level, i, j, i, j + 1);
        const right = (): [number, number] => cross(level, i, j + 1, i + 1, j + 1);
        const top = (): [number, number] => cross(level, i + 1, j, i + 1, j + 1);
        const left = (): [number, number] => cross(level, i, j, i + 1, j);
        if (code === 5 || code === 10) {
          const centreHigh = (a + b + c + d) / 4 >= level;
          const cutOffBD = (code === 5) === centreHigh;
          if (cutOffBD) {
            add(bottom(), right());
            add(top(), left());
          } else {
            add(left(), bottom());
            add(right(), top());
          }
          continue;
        }
        // Exactly two edges cross: the ones whose two corners differ.
        const crossings: [number, number][] = [];
        if ((code & 1) !== (code & 2) >> 1) crossings.push(bottom());
        if ((code & 2) >> 1 !== (code & 4) >> 2) crossings.push(right());
        if ((code & 8) >> 3 !== (code & 4) >> 2) crossings.push(top());
        if ((code & 1) !== (code & 8) >> 3) crossings.push(left());
        add(crossings[0], crossings[1]);
      }
    }
    return { level, segments };
  });
}
