import type { ColorScheme } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import type { FrameOptions } from './theme';
import { roundSignificant } from './round';
import { stridedIndices } from './stride';
import { requireIntegerAtLeast } from './validate';

/** A function of two variables sampled on a rectangular grid. */
export interface HeatmapGrid {
  /** Grid coordinates along x, strictly increasing. */
  xs: number[];
  /** Grid coordinates along y, strictly increasing. */
  ys: number[];
  /** `values[i][j]` is the value at `(xs[j], ys[i])`: one row per y, one column per x. */
  values: number[][];
}

/** Options for {@link heatmap}. */
export interface HeatmapOptions extends FrameOptions {
  /**
   * At most this many cells per side. A finer grid is resampled by evenly strided grid lines (the
   * values shown are exact grid values, not averages), because every cell becomes one SVG path:
   * 100x100 cells are over 1 MB of SVG, 50x50 about a quarter of that.
   * @default 50
   */
  maxCellsPerSide?: number;
  /** x-axis and tooltip title. @default 'mu_x' */
  xTitle?: string;
  /** y-axis and tooltip title. @default 'mu_y' */
  yTitle?: string;
  /** Legend and tooltip title of the value. @default 'log-likelihood' */
  valueTitle?: string;
  /** Sequential Vega colour scheme. @default 'viridis' */
  scheme?: ColorScheme;
}

const DEFAULTS = {
  maxCellsPerSide: 50,
  xTitle: 'mu_x',
  yTitle: 'mu_y',
  valueTitle: 'log-likelihood',
  scheme: 'viridis' as ColorScheme,
};

function requireAxis(name: 'xs' | 'ys', axis: unknown): asserts axis is number[] {
  const ok = Array.isArray(axis) && axis.length >= 2 &&
    axis.every((v, k) => typeof v === 'number' && Number.isFinite(v) && (k === 0 || v > axis[k - 1]));
  if (!ok) throw new RangeError(`heatmap requires ${name} to be at least 2 strictly increasing finite numbers`);
}

/** Cell edges around sampled centres: midpoints inside, the outer centres at the border. */
function edges(centres: number[]): number[] {
  const inner = centres.slice(1).map((c, k) => (centres[k] + c) / 2);
  return [centres[0], ...inner, centres[centres.length - 1]];
}

/** Far edge of each cell, pushed a quarter of the next cell into it (the last one stays put). */
function overlappingFarEdges(cellEdges: number[]): number[] {
  const last = cellEdges.length - 2;
  return cellEdges.slice(1).map((edge, k) => (k < last ? edge + (cellEdges[k + 2] - edge) / 4 : edge));
}

function arrayLiteral(numbers: number[]): string {
  return `[${numbers.map((v) => roundSignificant(v)).join(',')}]`;
}

/**
 * Colour map of a function of two variables, such as the log-likelihood of the mean of a 2-D
 * Gaussian over the square [-5, 5]^2: the picture on which optimizer paths are drawn (see
 * {@link pathOverlay} and {@link layer}). Hovering a cell shows x, y and the value.
 *
 * Size: each cell becomes one SVG element, so grids larger than `maxCellsPerSide` per side are
 * resampled along evenly strided grid lines (always keeping the first and last). Each cell is
 * sent as `{i, j, v}` (row index, column index, value to 6 significant digits); the cell centres
 * and edges are looked up from two short arrays in `calculate` transforms, which keeps the spec
 * about three times smaller than rows with explicit coordinates. Cells touching the border are
 * half-width, so the plot covers exactly [xs[0], xs[last]] x [ys[0], ys[last]] and a path
 * overlay drawn on the same domain lines up. Non-finite values are left blank.
 *
 * @param grid - grid coordinates and values, `values[i][j]` at `(xs[j], ys[i])`
 * @param options - see {@link HeatmapOptions}
 * @returns a Vega-Lite rect-mark spec
 * @throws {TypeError} when grid is not an object with xs, ys and values
 * @throws {RangeError} when xs or ys is not strictly increasing, or values is not ys.length rows
 *   of xs.length numbers
 * @example
 * const xs = [-5, 0, 5], ys = [-5, 0, 5];
 * const values = ys.map((y) => xs.map((x) => -(x * x + y * y) / 2));
 * const spec = heatmap({ xs, ys, values }, { title: 'log-likelihood of the mean' });
 * spec.mark; // => { type: 'rect', aria: false }
 */
export function heatmap(grid: HeatmapGrid, options: HeatmapOptions = {}): TopLevelSpec {
  if (grid === null || typeof grid !== 'object') {
    throw new TypeError('heatmap requires grid to be an object with xs, ys and values');
  }
  const { xs, ys, values } = grid;
  if (!Array.isArray(values) || values.length === 0 || !Array.isArray(values[0]) || values[0].length === 0) {
    throw new RangeError('heatmap requires values to be a non-empty grid');
  }
  requireAxis('xs', xs);
  requireAxis('ys', ys);
  if (values.length !== ys.length || values.some((row) => !Array.isArray(row) || row.length !== xs.length)) {
    throw new RangeError(
      `heatmap requires values to have ys.length (${ys.length}) rows of xs.length (${xs.length}) numbers`,
    );
  }
  const o = { ...DEFAULTS, ...options };
  requireIntegerAtLeast('heatmap', 'maxCellsPerSide', o.maxCellsPerSide, 2);

  const columns = stridedIndices(xs.length, o.maxCellsPerSide);
  const rows = stridedIndices(ys.length, o.maxCellsPerSide);
  const xCentres = columns.map((j) => xs[j]);
  const yCentres = rows.map((i) => ys[i]);
  const cells: { i: number; j: number; v: number }[] = [];
  rows.forEach((row, i) => {
    columns.forEach((column, j) => {
      const v = values[row][column];
      if (typeof v === 'number' && Number.isFinite(v)) cells.push({ i, j, v: roundSignificant(v) });
    });
  });
  const xEdges = arrayLiteral(edges(xCentres));
  const yEdges = arrayLiteral(edges(yCentres));
  // Each cell's far edge reaches a quarter cell into its neighbour, which is drawn later and covers
  // it: canvas renderers (JupyterLab) anti-alias abutting rects into faint white seams otherwise.
  const xFarEdges = arrayLiteral(overlappingFarEdges(edges(xCentres)));
  const yFarEdges = arrayLiteral(overlappingFarEdges(edges(yCentres)));
  const xDomain = [roundSignificant(xs[0]), roundSignificant(xs[xs.length - 1])];
  const yDomain = [roundSignificant(ys[0]), roundSignificant(ys[ys.length - 1])];

  return {
    ...frame(o),
    data: { values: cells },
    transform: [
      { calculate: `${arrayLiteral(xCentres)}[datum.j]`, as: 'x' },
      { calculate: `${xEdges}[datum.j]`, as: 'x0' },
      { calculate: `${xFarEdges}[datum.j]`, as: 'x1' },
      { calculate: `${arrayLiteral(yCentres)}[datum.i]`, as: 'y' },
      { calculate: `${yEdges}[datum.i]`, as: 'y0' },
      { calculate: `${yFarEdges}[datum.i]`, as: 'y1' },
    ],
    // aria: false keeps vega from writing an aria-label into every one of the cells' SVG paths.
    mark: { type: 'rect', aria: false },
    encoding: {
      x: { field: 'x0', type: 'quantitative', title: o.xTitle, scale: { domain: xDomain, nice: false, zero: false } },
      x2: { field: 'x1' },
      y: { field: 'y0', type: 'quantitative', title: o.yTitle, scale: { domain: yDomain, nice: false, zero: false } },
      y2: { field: 'y1' },
      color: { field: 'v', type: 'quantitative', title: o.valueTitle, scale: { scheme: o.scheme } },
      tooltip: [
        { field: 'x', type: 'quantitative', title: o.xTitle, format: '.4~g' },
        { field: 'y', type: 'quantitative', title: o.yTitle, format: '.4~g' },
        { field: 'v', type: 'quantitative', title: o.valueTitle, format: '.6~g' },
      ],
    },
  };
}
