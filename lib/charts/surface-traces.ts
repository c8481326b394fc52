import type { Data, Layout } from 'plotly.js';
import type { HeatmapGrid } from './heatmap';
import { roundSignificant } from './round';
import { stridedIndices } from './stride';
import { assertInteger, assertOptions, describeValue } from '../guards';
import { requireName } from './validate';

/**
 * One optimizer run drawn on the surface: its iterates and the full-data log-likelihood at each.
 * A `fitGaussianMean` result has both fields, so `{ name: 'adam', ...fit }` is a SurfacePath.
 */
export interface SurfacePath {
  /** Run name shown in the legend and on hover, e.g. `'adam, lr 0.05'`. */
  name: string;
  /** One `[x, y]` iterate per step, starting with the initial point (step 0). */
  path: number[][];
  /** `logLikelihoods[step]` = L at `path[step]`, on the same data and scale as the surface's grid. */
  logLikelihoods: number[];
}

/** An extra surface drawn as a see-through wire mesh over the main one, e.g. the log-likelihood of one mini-batch. */
export interface ExtraSurface {
  /** Name shown on hover, e.g. `'mini-batch 1 (k = 100)'`. */
  name: string;
  /** Its values on a grid, `values[i][j]` at `(xs[j], ys[i])`. */
  grid: HeatmapGrid;
  /**
   * Factor applied to every value: `n / k` turns the log-likelihood of a batch of k points into
   * its estimate of the full-data L over n points, so the two surfaces can be compared.
   * @default 1
   */
  scale?: number;
}

/** Options for {@link surfaceTraces}. */
export interface SurfaceTracesOptions {
  /** Figure title. @default 'Log-likelihood surface' */
  title?: string;
  /** Name of the main surface on hover. @default 'L (full data)' */
  surfaceName?: string;
  /** Surfaces drawn as wire meshes over the main one (mini-batches). @default [] */
  extraSurfaces?: ExtraSurface[];
  /**
   * At most this many grid lines per side of every surface (evenly strided, both borders kept).
   * A 100 x 100 surface is ~10^4 numbers, light for plotly; finer grids are thinned.
   * @default 100
   */
  maxPointsPerSide?: number;
  /** At most this many points per path (evenly strided, first and last kept). @default 500 */
  maxPointsPerPath?: number;
  /** x-axis title. @default 'mu_x' */
  xTitle?: string;
  /** y-axis title. @default 'mu_y' */
  yTitle?: string;
  /** z-axis and colour-bar title. @default 'log-likelihood' */
  zTitle?: string;
  /** Figure height in pixels (the width follows the window). @default 700 */
  height?: number;
}

/** A plotly figure: what nodeplotlib's `plot(data, layout)` takes. Plain data. */
export interface SurfaceFigure {
  /** The traces: the main surface, the extra surfaces, then one 3-D line per path. */
  data: Data[];
  /** Title, axis titles and ranges, camera. */
  layout: Partial<Layout>;
}

/** The option names {@link surfaceTraces} knows (a misspelt one is an error naming the nearest). */
export const SURFACE_TRACES_OPTION_KEYS = [
  'title',
  'surfaceName',
  'extraSurfaces',
  'maxPointsPerSide',
  'maxPointsPerPath',
  'xTitle',
  'yTitle',
  'zTitle',
  'height',
] as const;

const DEFAULTS = {
  title: 'Log-likelihood surface',
  surfaceName: 'L (full data)',
  extraSurfaces: [] as ExtraSurface[],
  maxPointsPerSide: 100,
  maxPointsPerPath: 500,
  xTitle: 'mu_x',
  yTitle: 'mu_y',
  zTitle: 'log-likelihood',
  height: 700,
};

/** Path colours that stand out on the viridis surface (no blues, greens or yellows first). */
export const SURFACE_PATH_COLORS = ['#d62728', '#ff7f0e', '#e377c2', '#ffffff', '#17becf', '#8c564b', '#7f7f7f', '#bcbd22'];
/** Mesh colours of the extra (mini-batch) surfaces: greys that read on the viridis surface. */
const EXTRA_SURFACE_COLORS = ['#404040', '#808080', '#c0c0c0'];
/** Intervals of an extra surface's wire mesh per side. */
const MESH_LINES = 20;

function requireGrid(name: string, grid: unknown): asserts grid is HeatmapGrid {
  if (grid === null || typeof grid !== 'object') {
    throw new TypeError(`surfaceTraces requires ${name} to be an object with xs, ys and values`);
  }
  const { xs, ys, values } = grid as HeatmapGrid;
  for (const [axisName, axis] of [
    ['xs', xs],
    ['ys', ys],
  ] as const) {
    const ok =
      Array.isArray(axis) &&
      axis.length >= 2 &&
      axis.every((v, k) => typeof v === 'number' && Number.isFinite(v) && (k === 0 || v > axis[k - 1]));
    if (!ok)
      throw new RangeError(`surfaceTraces requires ${name}.${axisName} to be at least 2 strictly increasing finite numbers`);
  }
  if (
    !Array.isArray(values) ||
    values.length !== ys.length ||
    values.some((row) => !Array.isArray(row) || row.length !== xs.length || row.some((v) => typeof v !== 'number'))
  ) {
    throw new RangeError(
      `surfaceTraces requires ${name}.values to be ys.length (${ys.length}) rows of xs.length (${xs.length}) numbers`,
    );
  }
}

/** Grid thinned to `maxPerSide` lines per side, values scaled and rounded; non-finite become null (holes). */
function surfaceData(grid: HeatmapGrid, maxPerSide: number, scale = 1) {
  const columns = stridedIndices(grid.xs.length, maxPerSide);
  const rows = stridedIndices(grid.ys.length, maxPerSide);
  return {
    x: columns.map((j) => roundSignificant(grid.xs[j])),
    y: rows.map((i) => roundSignificant(grid.ys[i])),
    z: rows.map((i) =>
      columns.map((j) => {
        const v = grid.values[i][j] * scale;
        return Number.isFinite(v) ? roundSignificant(v) : null;
      }),
    ),
  };
}

function requireNonEmptyArray(name: string, value: unknown): void {
  if (!Array.isArray(value)) throw new TypeError(`surfaceTraces requires ${name} to be an array, got ${describeValue(value)}`);
  if (value.length === 0) throw new RangeError(`surfaceTraces requires ${name} to be a non-empty array`);
}

function requirePath(path: SurfacePath, r: number): void {
  requireName('surfaceTraces', `paths[${r}].name`, path?.name);
  requireNonEmptyArray(`paths[${r}].path`, path.path);
  requireNonEmptyArray(`paths[${r}].logLikelihoods`, path.logLikelihoods);
  if (path.logLikelihoods.length !== path.path.length) {
    throw new RangeError(
      `surfaceTraces requires paths[${r}].logLikelihoods to have one value per point of paths[${r}].path ` +
        `(${path.path.length}), got ${path.logLikelihoods.length}`,
    );
  }
  path.path.forEach((point, step) => {
    if (!Array.isArray(point) || point.length !== 2 || point.some((v) => typeof v !== 'number')) {
      throw new TypeError(`surfaceTraces requires paths[${r}].path[${step}] to be an [x, y] pair of numbers`);
    }
  });
}

/**
 * The log-likelihood L(mu) over the plane of means as a 3-D surface, with each optimizer's path
 * walking on it: the picture a heatmap (see {@link heatmap}) flattens. Drawn by plotly.js, e.g.
 * through nodeplotlib (`showSurface3d` in a notebook, `npm run explore` in a terminal).
 *
 * Traces, in order: the main surface (viridis, contour lines projected on the floor), the extra
 * surfaces as grey wire meshes (say, a few mini-batches' L scaled by n/k: the same bowl shifted to each
 * batch's mean, which is why stochastic steps wobble), then one 3-D line per path with
 * z = `logLikelihoods[step]`, so a path lies on the surface when both come from the same data
 * (`logLikelihoodGrid(rows, ...)` and `fitGaussianMean(rows, ...)`, both without the normalising
 * constant). Path points outside the grid's x/y box or not finite become gaps (`null`), so a
 * diverging run cannot stretch the axes; the x/y ranges are fixed to the grid's. Numbers are
 * rounded to 6 significant digits and thinned (see the options), so the figure stays small and
 * the same on every run.
 *
 * @param grid - the main surface, `values[i][j]` at `(xs[j], ys[i])` (a `logLikelihoodGrid` result)
 * @param paths - optimizer runs, e.g. `[{ name: 'adam', ...fitGaussianMean(rows, cov, { optimizer: 'adam' }) }]`;
 *   may be empty
 * @param options - see {@link SurfaceTracesOptions}
 * @returns `{ data, layout }`, plain JSON for plotly.js / nodeplotlib's `plot(data, layout)`
 * @throws {TypeError} when grid is not an object, paths is not an array, a name is not a
 *   non-empty string or a point is not a pair of numbers
 * @throws {RangeError} when a grid's axes are not strictly increasing, its values do not match
 *   them, a path and its log-likelihoods differ in length, or an option is out of range
 * @example
 * const grid = { xs: [-1, 0, 1], ys: [-1, 0, 1], values: [[-2, -1, -2], [-1, 0, -1], [-2, -1, -2]] };
 * const figure = surfaceTraces(grid, [{ name: 'GD', path: [[-1, -1], [0, 0]], logLikelihoods: [-2, 0] }]);
 * figure.data.map((trace) => trace.type); // => ['surface', 'scatter3d']
 */
export function surfaceTraces(grid: HeatmapGrid, paths: SurfacePath[], options: SurfaceTracesOptions = {}): SurfaceFigure {
  requireGrid('grid', grid);
  if (!Array.isArray(paths)) throw new TypeError(`surfaceTraces requires paths to be an array, got ${describeValue(paths)}`);
  assertOptions('surfaceTraces', options, SURFACE_TRACES_OPTION_KEYS);
  const o = { ...DEFAULTS, ...options };
  assertInteger('surfaceTraces', 'maxPointsPerSide', o.maxPointsPerSide, 2);
  assertInteger('surfaceTraces', 'maxPointsPerPath', o.maxPointsPerPath, 2);
  assertInteger('surfaceTraces', 'height', o.height, 100);
  if (!Array.isArray(o.extraSurfaces)) {
    throw new TypeError(`surfaceTraces requires extraSurfaces to be an array, got ${describeValue(o.extraSurfaces)}`);
  }
  o.extraSurfaces.forEach((extra, s) => {
    requireName('surfaceTraces', `extraSurfaces[${s}].name`, extra?.name);
    requireGrid(`extraSurfaces[${s}].grid`, extra.grid);
    const scale = extra.scale ?? 1;
    if (typeof scale !== 'number') {
      throw new TypeError(`surfaceTraces requires extraSurfaces[${s}].scale to be a number, got ${describeValue(scale)}`);
    }
    if (!Number.isFinite(scale) || !(scale > 0)) {
      throw new RangeError(
        `surfaceTraces requires extraSurfaces[${s}].scale to be a positive finite number, got ${describeValue(scale)}`,
      );
    }
  });
  paths.forEach(requirePath);

  const xRange = [roundSignificant(grid.xs[0]), roundSignificant(grid.xs[grid.xs.length - 1])];
  const yRange = [roundSignificant(grid.ys[0]), roundSignificant(grid.ys[grid.ys.length - 1])];
  const hover = `${o.xTitle} %{x:.4g}<br>${o.yTitle} %{y:.4g}<br>${o.zTitle} %{z:.6g}`;
  // `contours` of surface traces is missing from @types/plotly.js 1.54 (plotly.js has it): cast.
  const main = {
    type: 'surface',
    name: o.surfaceName,
    ...surfaceData(grid, o.maxPointsPerSide),
    colorscale: 'Viridis',
    colorbar: { title: o.zTitle },
    contours: { z: { show: true, usecolormap: true, project: { z: true } } },
    hovertemplate: `${o.surfaceName}<br>${hover}<extra></extra>`,
  } as Data;
  const extras: Data[] = o.extraSurfaces.map((extra, s) => {
    const data = surfaceData(extra.grid, o.maxPointsPerSide, extra.scale ?? 1);
    const color = EXTRA_SURFACE_COLORS[s % EXTRA_SURFACE_COLORS.length];
    // A wire mesh (MESH_LINES lines each way, no faces): several of them stay see-through.
    const mesh = (axis: number[]) => ({
      show: true,
      color,
      width: 1,
      highlight: false,
      start: axis[0],
      end: axis[axis.length - 1],
      size: roundSignificant((axis[axis.length - 1] - axis[0]) / MESH_LINES),
    });
    return {
      type: 'surface',
      name: extra.name,
      ...data,
      hidesurface: true,
      showscale: false,
      contours: { x: mesh(data.x), y: mesh(data.y) },
      hovertemplate: `${extra.name}<br>${hover}<extra></extra>`,
    } as Data;
  });
  const inBox = (x: number, y: number) => x >= xRange[0] && x <= xRange[1] && y >= yRange[0] && y <= yRange[1];
  const lines: Data[] = paths.map((run, r) => {
    const steps = stridedIndices(run.path.length, o.maxPointsPerPath);
    const shown = steps.map((step) => {
      const [x, y] = run.path[step];
      const z = run.logLikelihoods[step];
      const ok = Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z) && inBox(x, y);
      return ok ? [roundSignificant(x), roundSignificant(y), roundSignificant(z)] : [null, null, null];
    });
    const color = SURFACE_PATH_COLORS[r % SURFACE_PATH_COLORS.length];
    return {
      type: 'scatter3d',
      mode: 'lines+markers',
      name: run.name,
      x: shown.map((p) => p[0]),
      y: shown.map((p) => p[1]),
      z: shown.map((p) => p[2]),
      text: steps.map((step) => `step ${step}`),
      line: { color, width: 7 },
      marker: { color, size: 3 },
      hovertemplate: `${run.name}, %{text}<br>${hover}<extra></extra>`,
    };
  });

  return {
    data: [main, ...extras, ...lines],
    layout: {
      title: o.title,
      // Titles as plain strings, the form @types/plotly.js 1.54 knows; plotly.js 1.58 (the version
      // nodeplotlib's page runs) reads them like { text }.
      scene: {
        xaxis: { title: o.xTitle, range: xRange },
        yaxis: { title: o.yTitle, range: yRange },
        zaxis: { title: o.zTitle },
        camera: { eye: { x: 1.25, y: -1.5, z: 1.35 } },
      },
      legend: { x: 0, y: 1 },
      height: o.height,
      margin: { l: 0, r: 0, t: 50, b: 0 },
    },
  };
}
