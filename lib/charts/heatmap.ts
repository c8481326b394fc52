import type { ColorScheme } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import type { FrameOptions } from './theme';
import type { ContourLinesOptions } from './contour-lines';
import { roundSignificant } from './round';
import { stridedIndices } from './stride';
import { contourLines } from './contour-lines';
import { chainSegments } from './chain-segments';
import { simplifyPolyline } from './simplify-polyline';
import { equalScaleSize } from './equal-scale-size';
import { formatNumber } from './format-number';
import { FRAME_KEYS, requireFrameOptions, requireIntegerAtLeast, requireOptionalString } from './validate';

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
  /**
   * How many contour lines (iso-lines of the values, see {@link contourLines}) to draw over the
   * colours, at levels evenly spaced between the smallest and the largest value; 0 draws none.
   * They are computed on the resampled grid (at most `maxCellsPerSide` per side).
   * @default 8
   */
  contours?: number;
  /** Contour levels to draw instead of `contours` spaced ones. @default undefined */
  contourLevels?: number[];
  /**
   * Spacing of the `contours` levels (see {@link ContourLinesOptions}): `'quadratic'` gives evenly
   * spaced rings on a quadratic bowl such as a Gaussian log-likelihood; `'linear'` is evenly
   * spaced in value.
   * @default 'quadratic'
   */
  contourSpacing?: 'linear' | 'quadratic';
  /**
   * Give both axes the same pixels per unit, so that a circle looks round: the plot's
   * width / height equals the x range / y range (see {@link equalScaleSize}; [-5, 5]^2 is a
   * 320 x 320 square by default). With `false`, width and height are used as given.
   * @default true
   */
  equalScales?: boolean;
}

const DEFAULTS = {
  maxCellsPerSide: 50,
  xTitle: 'mu_x',
  yTitle: 'mu_y',
  valueTitle: 'log-likelihood',
  scheme: 'viridis' as ColorScheme,
  contours: 8,
  contourSpacing: 'quadratic' as 'linear' | 'quadratic',
  equalScales: true,
};

/** Contour lines: thin, see-through; white over the dark part of the colours, dark grey over the bright part. */
const CONTOUR_STYLE = { opacity: 0.6, strokeWidth: 0.9 };

/** Where on the colour scale (0 low, 1 high) viridis turns bright enough for dark lines. */
const BRIGHT_FROM = 0.55;

function requireAxis(name: 'xs' | 'ys', axis: unknown): asserts axis is number[] {
  const ok =
    Array.isArray(axis) &&
    axis.length >= 2 &&
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

function arrayLiteral(numbers: number[], digits = 6): string {
  return `[${numbers.map((v) => roundSignificant(v, digits)).join(',')}]`;
}

/**
 * The contour layer: one CSV row `c,x,y` per polyline vertex, c the polyline's number (inline CSV
 * is half the bytes of JSON objects), polylines simplified to a third of a pixel.
 */
function contourLayer(grid: HeatmapGrid, options: ContourLinesOptions, o: { valueTitle: string }, brightAbove: number): object[] {
  const lines = contourLines(grid, options);
  const xSpan = grid.xs[grid.xs.length - 1] - grid.xs[0];
  const ySpan = grid.ys[grid.ys.length - 1] - grid.ys[0];
  // A thousandth of the plot (a third of a pixel at 320 px) keeps the coordinates short.
  const snap = (v: number, span: number): number => roundSignificant(Math.round((v / span) * 1e3) * (span / 1e3), 4);
  const rows: string[] = [];
  const lineLevels: number[] = [];
  for (const line of lines) {
    for (const polyline of chainSegments(line.segments)) {
      const c = lineLevels.length;
      lineLevels.push(line.level);
      // Simplify in units of the plot (x and y spans differ), to a thousandth of it.
      const unit = polyline.map(([x, y]) => [x / xSpan, y / ySpan]);
      for (const [u, v] of simplifyPolyline(unit, 1e-3)) rows.push(`${c},${snap(u * xSpan, xSpan)},${snap(v * ySpan, ySpan)}`);
    }
  }
  if (rows.length === 0) return [];
  return [
    {
      data: { values: `c,x,y\n${rows.join('\n')}`, format: { type: 'csv', parse: { c: 'number', x: 'number', y: 'number' } } },
      transform: [{ calculate: `${arrayLiteral(lineLevels)}[datum.c]`, as: 'level' }],
      mark: { type: 'line', aria: false, clip: true, interpolate: 'linear', ...CONTOUR_STYLE },
      encoding: {
        stroke: { condition: { test: `datum.level > ${roundSignificant(brightAbove)}`, value: '#333333' }, value: '#ffffff' },
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        detail: { field: 'c', type: 'nominal' },
        order: { value: null },
        tooltip: [{ field: 'level', type: 'quantitative', title: `contour of ${o.valueTitle}`, format: '.6~g' }],
      },
    },
  ];
}

/** Every option name heatmap reads: any other key is a RangeError naming the nearest. */
const OPTION_KEYS = [
  ...FRAME_KEYS,
  'maxCellsPerSide',
  'xTitle',
  'yTitle',
  'valueTitle',
  'scheme',
  'contours',
  'contourLevels',
  'contourSpacing',
  'equalScales',
];

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
 * overlay drawn on the same domain lines up. Non-finite values (NaN, ±Infinity) are left blank.
 *
 * Reading aids: both axes have the same pixels per unit (`equalScales`, a square plot for a
 * square region), `contours` iso-lines are drawn over the colours (white over dark colours,
 * grey over bright ones; a polyline per connected piece, coordinates rounded to 1e-3 of the
 * plot), the colour scale's domain is the values' range written out (so that {@link concat} can
 * share it between panels), and the spec's description says in words what is drawn (see
 * {@link FrameOptions}).
 *
 * @param grid - grid coordinates and values, `values[i][j]` at `(xs[j], ys[i])`
 * @param options - see {@link HeatmapOptions}
 * @returns a Vega-Lite rect-mark spec, or a layer spec (rects, then contour lines) when contours
 *   are drawn
 * @throws {TypeError} when grid is not an object with xs, ys and values, a value is not a number
 *   (a string cell), or an option has the wrong type
 * @throws {RangeError} when xs or ys is not strictly increasing, values is not ys.length rows
 *   of xs.length numbers, or an option is out of range (width NaN or <= 0, contours < 0)
 * @example
 * const xs = [-5, 0, 5], ys = [-5, 0, 5];
 * const values = ys.map((y) => xs.map((x) => -(x * x + y * y) / 2));
 * const spec = heatmap({ xs, ys, values }, { title: 'log-likelihood of the mean', contours: 0 });
 * spec.mark; // => { type: 'rect', aria: false }
 * [spec.width, spec.height]; // => [320, 320]
 * heatmap({ xs, ys, values }, { contours: 4 }).layer.length; // => 2 (rects, contour lines)
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
    throw new RangeError(`heatmap requires values to have ys.length (${ys.length}) rows of xs.length (${xs.length}) numbers`);
  }
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (typeof v !== 'number') {
        throw new TypeError(
          `heatmap requires values[${i}][${j}] to be a number, got ${typeof v === 'string' ? `'${v}'` : v === null ? 'null' : typeof v}`,
        );
      }
    }),
  );
  requireFrameOptions('heatmap', options, OPTION_KEYS);
  const o = { ...DEFAULTS, ...options };
  requireIntegerAtLeast('heatmap', 'maxCellsPerSide', o.maxCellsPerSide, 2);
  requireIntegerAtLeast('heatmap', 'contours', o.contours, 0);
  for (const key of ['xTitle', 'yTitle', 'valueTitle'] as const) requireOptionalString('heatmap', key, o[key]);
  if (
    o.contourLevels !== undefined &&
    (!Array.isArray(o.contourLevels) || !o.contourLevels.every((l) => typeof l === 'number' && Number.isFinite(l)))
  ) {
    throw new RangeError('heatmap requires contourLevels to be an array of finite numbers');
  }

  const columns = stridedIndices(xs.length, o.maxCellsPerSide);
  const rows = stridedIndices(ys.length, o.maxCellsPerSide);
  const xCentres = columns.map((j) => xs[j]);
  const yCentres = rows.map((i) => ys[i]);
  const cells: { i: number; j: number; v: number }[] = [];
  rows.forEach((row, i) => {
    columns.forEach((column, j) => {
      const v = values[row][column];
      if (Number.isFinite(v)) cells.push({ i, j, v: roundSignificant(v) });
    });
  });
  const xEdges = arrayLiteral(edges(xCentres));
  const yEdges = arrayLiteral(edges(yCentres));
  // Each cell's far edge reaches a quarter cell into its neighbour, which is drawn later and covers
  // it: canvas renderers (JupyterLab) anti-alias abutting rects into faint white seams otherwise.
  const xFarEdges = arrayLiteral(overlappingFarEdges(edges(xCentres)));
  const yFarEdges = arrayLiteral(overlappingFarEdges(edges(yCentres)));
  const xDomain: [number, number] = [roundSignificant(xs[0]), roundSignificant(xs[xs.length - 1])];
  const yDomain: [number, number] = [roundSignificant(ys[0]), roundSignificant(ys[ys.length - 1])];
  const finite = cells.map((c) => c.v);
  const colorDomain = finite.length > 0 ? [Math.min(...finite), Math.max(...finite)] : undefined;
  const size = o.equalScales ? equalScaleSize(xDomain, yDomain, o) : {};

  const resampled = { xs: xCentres, ys: yCentres, values: rows.map((row) => columns.map((column) => values[row][column])) };
  const levels = o.contourLevels ?? o.contours;
  if (o.contourSpacing !== 'linear' && o.contourSpacing !== 'quadratic') {
    throw new RangeError(`heatmap requires contourSpacing to be 'linear' or 'quadratic', got ${String(o.contourSpacing)}`);
  }
  const contours =
    (Array.isArray(levels) ? levels.length : levels) > 0
      ? contourLayer(
          resampled,
          { levels, spacing: o.contourSpacing },
          o,
          colorDomain === undefined ? Infinity : colorDomain[0] + BRIGHT_FROM * (colorDomain[1] - colorDomain[0]),
        )
      : [];
  const range = (d: number[]): string => `[${formatNumber(d[0])}, ${formatNumber(d[1])}]`;
  const description = [
    `Heatmap of the ${o.valueTitle} over ${o.xTitle} in ${range(xDomain)} and ${o.yTitle} in ${range(yDomain)}`,
    o.scheme === 'viridis' ? '; brighter is higher (dark purple lowest, yellow highest)' : `; colour scheme ${o.scheme}`,
    colorDomain !== undefined
      ? `, values from ${formatNumber(colorDomain[0])} to ${formatNumber(colorDomain[1])}`
      : ', no finite values',
    contours.length > 0 ? `; contour lines at ${Array.isArray(levels) ? levels.length : levels} levels` : '',
    cells.length < rows.length * columns.length
      ? `; ${rows.length * columns.length - cells.length} blank cells (non-finite values)`
      : '',
    '.',
  ].join('');

  const rect = {
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
      color: {
        field: 'v',
        type: 'quantitative',
        title: o.valueTitle,
        scale: { scheme: o.scheme, ...(colorDomain !== undefined ? { domain: colorDomain } : {}) },
      },
      tooltip: [
        { field: 'x', type: 'quantitative', title: o.xTitle, format: '.4~g' },
        { field: 'y', type: 'quantitative', title: o.yTitle, format: '.4~g' },
        { field: 'v', type: 'quantitative', title: o.valueTitle, format: '.6~g' },
      ],
    },
  };
  const top = { ...frame(o, description, 'heatmap'), ...size };
  return (contours.length === 0 ? { ...top, ...rect } : { ...top, layer: [rect, ...contours] }) as TopLevelSpec;
}
