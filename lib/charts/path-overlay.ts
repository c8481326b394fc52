import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import type { FrameOptions } from './theme';
import { roundSignificant } from './round';
import { stridedIndices } from './stride';
import { requireIntegerAtLeast, requireInterval, requireName, requireNonEmptyArray } from './validate';

/** The iterates of one optimizer run: `points[step] = [x, y]`. */
export interface OptimizerPath {
  /** Run name shown in the legend and tooltip, e.g. `'Adam, lr 0.1'`. */
  name: string;
  /** One `[x, y]` pair per step, starting with the initial point (step 0). */
  points: number[][];
}

/** Options for {@link pathOverlay}. */
export interface PathOverlayOptions extends FrameOptions {
  /**
   * Visible region; the scales are fixed to it and marks outside are clipped, so a diverging run
   * cannot stretch the axes (use the same domain as the heatmap underneath).
   * @default { x: [-5, 5], y: [-5, 5] }
   */
  domain?: { x: [number, number]; y: [number, number] };
  /**
   * At most this many points per run (evenly strided, first and last kept); steps keep their
   * original numbers. Each point is ~150 bytes of SVG, so 3 runs of 200 points cost ~100 KB.
   * @default 200
   */
  maxPointsPerPath?: number;
  /** x-axis and tooltip title. @default 'mu_x' */
  xTitle?: string;
  /** y-axis and tooltip title. @default 'mu_y' */
  yTitle?: string;
}

const DEFAULTS = {
  domain: { x: [-5, 5] as [number, number], y: [-5, 5] as [number, number] },
  maxPointsPerPath: 200,
  xTitle: 'mu_x',
  yTitle: 'mu_y',
};

/**
 * Optimizer update paths in the parameter plane: a line and a dot per step, one colour per run,
 * made to be layered over a {@link heatmap} of the objective with {@link layer}. Hovering a dot
 * shows the run, the step and both coordinates.
 *
 * Steps whose coordinates are not finite (a run that diverged to NaN or Infinity) are dropped;
 * the scales are fixed to `domain` and the marks clipped to it, so the picture stays on the
 * region of interest even when a run with too large a learning rate flies off.
 *
 * @param paths - one entry per run, `points[step] = [x, y]`
 * @param options - see {@link PathOverlayOptions}
 * @returns a Vega-Lite layer spec (line + points)
 * @throws {TypeError} when paths is not an array, a name is not a non-empty string or a point
 *   is not a pair of numbers
 * @throws {RangeError} when paths or a run's points are empty, or an option is out of range
 * @example
 * const spec = pathOverlay([{ name: 'gradient ascent', points: [[-4, 4], [-2, 2], [0, 0]] }]);
 * spec.data; // => { values: [{ run: 'gradient ascent', step: 0, x: -4, y: 4 }, ...] }
 */
export function pathOverlay(paths: OptimizerPath[], options: PathOverlayOptions = {}): TopLevelSpec {
  requireNonEmptyArray('pathOverlay', 'paths', paths);
  const o = { ...DEFAULTS, ...options };
  requireInterval('pathOverlay', 'domain.x', o.domain?.x);
  requireInterval('pathOverlay', 'domain.y', o.domain?.y);
  requireIntegerAtLeast('pathOverlay', 'maxPointsPerPath', o.maxPointsPerPath, 2);
  const rows: { run: string; step: number; x: number; y: number }[] = [];
  paths.forEach((path, r) => {
    requireName('pathOverlay', `paths[${r}].name`, path?.name);
    requireNonEmptyArray('pathOverlay', `paths[${r}].points`, path.points);
    path.points.forEach((point, step) => {
      if (!Array.isArray(point) || point.length !== 2 || point.some((v) => typeof v !== 'number')) {
        throw new TypeError(`pathOverlay requires paths[${r}].points[${step}] to be an [x, y] pair of numbers`);
      }
    });
    for (const step of stridedIndices(path.points.length, o.maxPointsPerPath)) {
      const [x, y] = path.points[step];
      if (Number.isFinite(x) && Number.isFinite(y)) {
        rows.push({ run: path.name, step, x: roundSignificant(x), y: roundSignificant(y) });
      }
    }
  });
  const runs = paths.map((path) => path.name);
  const position = {
    x: { field: 'x', type: 'quantitative' as const, title: o.xTitle, scale: { domain: o.domain.x, nice: false, zero: false } },
    y: { field: 'y', type: 'quantitative' as const, title: o.yTitle, scale: { domain: o.domain.y, nice: false, zero: false } },
    color: { field: 'run', type: 'nominal' as const, title: 'run', scale: { domain: runs } },
  };
  return {
    ...frame(o),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'line', aria: false, clip: true, strokeWidth: 2 },
        encoding: { ...position, order: { field: 'step', type: 'quantitative' } },
      },
      {
        // aria: false keeps vega from writing an aria-label into every point's SVG path (~80 bytes each).
        mark: { type: 'point', aria: false, clip: true, filled: true, size: 14 },
        encoding: {
          ...position,
          tooltip: [
            { field: 'run', type: 'nominal', title: 'run' },
            { field: 'step', type: 'quantitative', title: 'step' },
            { field: 'x', type: 'quantitative', title: o.xTitle, format: '.4~g' },
            { field: 'y', type: 'quantitative', title: o.yTitle, format: '.4~g' },
          ],
        },
      },
    ],
  };
}
