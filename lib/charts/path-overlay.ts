import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import type { FrameOptions } from './theme';
import { roundSignificant } from './round';
import { stridedIndices } from './stride';
import { clipPolyline } from './clip-polyline';
import { equalScaleSize } from './equal-scale-size';
import { formatNumber } from './format-number';
import { SERIES_LEGEND, seriesStyles } from './palette';
import {
  FRAME_KEYS,
  requireFrameOptions,
  requireIntegerAtLeast,
  requireInterval,
  requireName,
  requireNonEmptyArray,
  requireOptionalString,
} from './validate';

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
  /**
   * Names of runs to keep visible on top (e.g. the assignment's starter run): drawn after all
   * others, with a thicker line and larger dots, so no other path hides them.
   * @default [] (runs drawn in the given order, the last on top)
   */
  highlight?: string[];
  /**
   * Give both axes the same pixels per unit over `domain` (a square plot for a square domain),
   * as {@link heatmap} does, so that the two line up in a {@link layer}.
   * @default true
   */
  equalScales?: boolean;
}

const DEFAULTS = {
  domain: { x: [-5, 5] as [number, number], y: [-5, 5] as [number, number] },
  maxPointsPerPath: 200,
  xTitle: 'mu_x',
  yTitle: 'mu_y',
  highlight: [] as string[],
  equalScales: true,
};

/** Relative luminance of a '#rrggbb' colour (WCAG), 0 for black to 1 for white. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((k) => {
    const c = parseInt(hex.slice(k, k + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Vega expression: is the datum's run one of `names`? */
function runIn(names: string[]): string {
  return `indexof(${JSON.stringify(names)}, datum.run) >= 0`;
}

/** Every option name pathOverlay reads: any other key is a RangeError naming the nearest. */
const OPTION_KEYS = [...FRAME_KEYS, 'domain', 'maxPointsPerPath', 'xTitle', 'yTitle', 'highlight', 'equalScales'];

/**
 * Optimizer update paths in the parameter plane: a line and a dot per step, one colour per run,
 * made to be layered over a {@link heatmap} of the objective with {@link layer}. Hovering a dot
 * shows the run, the step and both coordinates.
 *
 * Colours come from the colour-blind-safe palette of {@link seriesStyles}: a run named after an
 * optimizer ('adam', 'Nesterov, lr 0.01', ...) always gets that optimizer's colour and dash.
 * Every line has a thin halo under it (white, dark under yellow), so it stays visible on any
 * heatmap colour. Runs
 * named in `highlight` are drawn last and thicker. Both axes have the same pixels per unit.
 *
 * Steps whose coordinates are not finite (a run that diverged to NaN or Infinity) are dropped;
 * the scales are fixed to `domain` and the marks clipped to it, so the picture stays on the
 * region of interest even when a run with too large a learning rate flies off.
 *
 * @param paths - one entry per run, `points[step] = [x, y]`
 * @param options - see {@link PathOverlayOptions}
 * @returns a Vega-Lite layer spec (halos, lines, dots; then the same for highlighted runs)
 * @throws {TypeError} when paths is not an array, a name is not a non-empty string, a point
 *   is not a pair of numbers, or an option has the wrong type
 * @throws {RangeError} when paths or a run's points are empty, an option is out of range, or
 *   highlight names a run that is not there
 * @example
 * const spec = pathOverlay([{ name: 'gradient ascent', points: [[-4, 4], [-2, 2], [0, 0]] }],
 *   { highlight: ['gradient ascent'] });
 * spec.data; // => { values: [{ run: 'gradient ascent', step: 0, x: -4, y: 4 }, ...] }
 */
export function pathOverlay(paths: OptimizerPath[], options: PathOverlayOptions = {}): TopLevelSpec {
  requireNonEmptyArray('pathOverlay', 'paths', paths);
  requireFrameOptions('pathOverlay', options, OPTION_KEYS);
  const o = { ...DEFAULTS, ...options };
  requireInterval('pathOverlay', 'domain.x', o.domain?.x);
  requireInterval('pathOverlay', 'domain.y', o.domain?.y);
  requireIntegerAtLeast('pathOverlay', 'maxPointsPerPath', o.maxPointsPerPath, 2);
  requireOptionalString('pathOverlay', 'xTitle', o.xTitle);
  requireOptionalString('pathOverlay', 'yTitle', o.yTitle);
  if (!Array.isArray(o.highlight)) throw new TypeError('pathOverlay requires highlight to be an array of run names');
  const rows: { run: string; piece: number; step: number; x: number; y: number; edge?: boolean }[] = [];
  const summaries: string[] = [];
  paths.forEach((path, r) => {
    requireName('pathOverlay', `paths[${r}].name`, path?.name);
    requireNonEmptyArray('pathOverlay', `paths[${r}].points`, path.points);
    path.points.forEach((point, step) => {
      if (!Array.isArray(point) || point.length !== 2 || point.some((v) => typeof v !== 'number')) {
        throw new TypeError(`pathOverlay requires paths[${r}].points[${step}] to be an [x, y] pair of numbers`);
      }
    });
    // Cut to the domain here rather than by the renderer's clip path: resvg (the PNG) aborts the
    // process on a clipped line that runs far outside, as a diverging run does.
    const strided = stridedIndices(path.points.length, o.maxPointsPerPath).map((step) => path.points[step]);
    const steps = stridedIndices(path.points.length, o.maxPointsPerPath);
    clipPolyline(strided, o.domain.x, o.domain.y).forEach((visible, piece) => {
      for (const point of visible) {
        const k = Math.floor(point.step);
        const step = k === point.step ? steps[k] : steps[k] + (point.step - k) * (steps[k + 1] - steps[k]);
        rows.push({
          run: path.name,
          piece,
          step: roundSignificant(step),
          x: roundSignificant(point.x),
          y: roundSignificant(point.y),
          ...(point.edge ? { edge: true } : {}),
        });
      }
    });
    const first = path.points[0];
    const last = path.points[path.points.length - 1];
    const at = (p: number[]): string => (p.every(Number.isFinite) ? `(${p.map(formatNumber).join(', ')})` : 'a non-finite point');
    summaries.push(`${path.name}: ${path.points.length - 1} steps from ${at(first)} to ${at(last)}`);
  });
  const runs = paths.map((path) => path.name);
  o.highlight.forEach((name, k) => {
    if (!runs.includes(name)) {
      throw new RangeError(
        `pathOverlay requires highlight[${k}] to be one of the run names (${runs.join(', ')}), got '${String(name)}'`,
      );
    }
  });
  const styles = seriesStyles(runs);
  const position = {
    x: { field: 'x', type: 'quantitative' as const, title: o.xTitle, scale: { domain: o.domain.x, nice: false, zero: false } },
    y: { field: 'y', type: 'quantitative' as const, title: o.yTitle, scale: { domain: o.domain.y, nice: false, zero: false } },
  };
  // Legend entries drawn as short strokes, so that they show each run's dash as well as its colour.
  const legend = SERIES_LEGEND;
  const color = { field: 'run', type: 'nominal' as const, title: 'run', scale: { domain: runs, range: styles.colors }, legend };
  // The same legend properties on both channels, so that vega-lite merges them into one legend.
  const strokeDash = {
    field: 'run',
    type: 'nominal' as const,
    title: 'run',
    scale: { domain: runs, range: styles.dashes },
    legend,
  };
  const order = { field: 'step', type: 'quantitative' as const };
  // A halo that contrasts with the line: dark under light colours (yellow), white under the rest.
  // A condition on the name, not a scale: a second scale on 'run' would fight the legend.
  const light = runs.filter((_, k) => luminance(styles.colors[k]) > 0.6);
  const halo =
    light.length === 0 ? { value: '#ffffff' } : { condition: { test: runIn(light), value: '#333333' }, value: '#ffffff' };
  const tooltip = [
    { field: 'run', type: 'nominal' as const, title: 'run' },
    { field: 'step', type: 'quantitative' as const, title: 'step' },
    { field: 'x', type: 'quantitative' as const, title: o.xTitle, format: '.4~g' },
    { field: 'y', type: 'quantitative' as const, title: o.yTitle, format: '.4~g' },
  ];
  // One group of layers per emphasis: a white halo under each line, the line, then its dots.
  // aria: false keeps vega from writing an aria-label into every point's SVG path (~80 bytes each).
  const group = (filter: string | undefined, width: number, dotSize: number): object[] => {
    const transform = filter === undefined ? {} : { transform: [{ filter }] };
    return [
      {
        ...transform,
        mark: { type: 'line', aria: false, clip: true, opacity: 0.7, strokeWidth: width + 2 },
        encoding: {
          ...position,
          stroke: halo,
          detail: [
            { field: 'run', type: 'nominal' },
            { field: 'piece', type: 'ordinal' },
          ],
          order,
        },
      },
      {
        ...transform,
        mark: { type: 'line', aria: false, clip: true, strokeWidth: width },
        encoding: { ...position, color, strokeDash, detail: { field: 'piece', type: 'ordinal' }, order },
      },
      {
        transform: [...(filter === undefined ? [] : [{ filter }]), { filter: '!datum.edge' }],
        mark: { type: 'point', aria: false, clip: true, filled: true, size: dotSize },
        encoding: { ...position, color, tooltip },
      },
    ];
  };
  const highlighted = o.highlight.length > 0;
  const layers = highlighted
    ? [...group(`!(${runIn(o.highlight)})`, 2, 14), ...group(runIn(o.highlight), 3.5, 30)]
    : group(undefined, 2, 14);
  const size = o.equalScales ? equalScaleSize(o.domain.x, o.domain.y, o) : {};
  const region = `${o.xTitle} in [${o.domain.x.map(formatNumber).join(', ')}] and ${o.yTitle} in [${o.domain.y.map(formatNumber).join(', ')}]`;
  const description =
    `Paths of ${paths.length} optimizer run${paths.length === 1 ? '' : 's'} over ${region}, ` +
    `a line and a dot per step, one colour per run (${summaries.join('; ')})` +
    `${highlighted ? `; drawn on top, thicker: ${o.highlight.join(', ')}` : ''}.`;
  return {
    ...frame(o, description, 'pathOverlay'),
    ...size,
    data: { values: rows },
    layer: layers,
  } as TopLevelSpec;
}
