import type { TopLevelSpec } from 'vega-lite';
import { chartTheme, frame } from './theme';
import { formatNumber } from './format-number';
import { SERIES_LEGEND, seriesStyles } from './palette';
import { roundSignificant } from './round';
import { stridedIndices } from './stride';
import { FRAME_KEYS, requireFrameOptions, requireIntegerAtLeast, requireName, requireNonEmptyArray } from './validate';
import type { OptimizerPath } from './path-overlay';

/** Options for {@link coordinateTraces}. */
export interface CoordinateTracesOptions {
  /** Names of the coordinates, one panel each. @default ['mu_x', 'mu_y'] */
  coordinateNames?: string[];
  /**
   * Reference values drawn as dashed horizontal rules, one per coordinate (e.g. the true mean,
   * or the closed-form MLE).
   * @default undefined (no rules)
   */
  reference?: number[];
  /** Legend and tooltip title of the rule. @default 'reference' */
  referenceTitle?: string;
  /** At most this many points per run (evenly strided, first and last kept). @default 1000 */
  maxPointsPerRun?: number;
  /** Chart title. @default undefined (no title) */
  title?: string;
  /** Width of each panel in pixels. @default chartTheme.width */
  width?: number;
  /** Height of each panel in pixels. @default 120 */
  height?: number;
  /** What the chart shows, in words (see {@link FrameOptions}). @default a sentence from the data */
  description?: string;
}

/** Every option name coordinateTraces reads: any other key is a RangeError naming the nearest. */
const OPTION_KEYS = [...FRAME_KEYS, 'coordinateNames', 'reference', 'referenceTitle', 'maxPointsPerRun'];

/**
 * Each coordinate of the parameter per step, one panel per coordinate stacked vertically and one
 * colour per run, with an optional dashed rule at a reference value (true mean, closed-form MLE):
 * shows how fast and how smoothly each coordinate converges, and overshoot that a path plot hides.
 * Non-finite coordinates (a diverged run) are dropped.
 *
 * @param runs - one entry per run, `points[step]` a vector of coordinates
 * @param options - see {@link CoordinateTracesOptions}
 * @returns a Vega-Lite vconcat spec holding one described vconcat of the panels (cannot be
 *   passed to {@link layer})
 * @throws {TypeError} when runs is not an array, a name is not a non-empty string or a point
 *   is not an array of coordinateNames.length numbers
 * @throws {RangeError} when runs or points are empty, or reference has the wrong length
 * @example
 * const spec = coordinateTraces([{ name: 'Adam', points: [[0, 0], [0.5, 0.4], [0.9, 1.1]] }],
 *   { reference: [1, 1] });
 * spec.vconcat[0].vconcat.length; // => 2
 */
export function coordinateTraces(runs: OptimizerPath[], options: CoordinateTracesOptions = {}): TopLevelSpec {
  requireNonEmptyArray('coordinateTraces', 'runs', runs);
  requireFrameOptions('coordinateTraces', options, OPTION_KEYS);
  const o = { coordinateNames: ['mu_x', 'mu_y'], referenceTitle: 'reference', maxPointsPerRun: 1000, height: 120, ...options };
  requireNonEmptyArray('coordinateTraces', 'coordinateNames', o.coordinateNames);
  requireIntegerAtLeast('coordinateTraces', 'maxPointsPerRun', o.maxPointsPerRun, 2);
  const dimension = o.coordinateNames.length;
  if (
    o.reference !== undefined &&
    (!Array.isArray(o.reference) || o.reference.length !== dimension || !o.reference.every(Number.isFinite))
  ) {
    throw new RangeError(`coordinateTraces requires reference to be ${dimension} finite numbers, one per coordinate`);
  }
  const rows: { run: string; step: number; coordinate: string; value: number }[] = [];
  runs.forEach((run, r) => {
    requireName('coordinateTraces', `runs[${r}].name`, run?.name);
    requireNonEmptyArray('coordinateTraces', `runs[${r}].points`, run.points);
    run.points.forEach((point, step) => {
      if (!Array.isArray(point) || point.length !== dimension || point.some((v) => typeof v !== 'number')) {
        throw new TypeError(`coordinateTraces requires runs[${r}].points[${step}] to be ${dimension} numbers`);
      }
    });
    for (const step of stridedIndices(run.points.length, o.maxPointsPerRun)) {
      run.points[step].forEach((value, c) => {
        if (Number.isFinite(value)) {
          rows.push({ run: run.name, step, coordinate: o.coordinateNames[c], value: roundSignificant(value) });
        }
      });
    }
  });
  const runNames = runs.map((run) => run.name);
  const styles = seriesStyles(runNames);
  const panels = o.coordinateNames.map((name, c) => {
    const trace = {
      transform: [{ filter: { field: 'coordinate', equal: name } }],
      mark: { type: 'line' as const, strokeWidth: 1.5 },
      encoding: {
        x: { field: 'step', type: 'quantitative' as const, title: 'step' },
        y: { field: 'value', type: 'quantitative' as const, title: name, scale: { zero: false } },
        color: {
          field: 'run',
          type: 'nominal' as const,
          title: 'run',
          scale: { domain: runNames, range: styles.colors },
          legend: SERIES_LEGEND,
        },
        strokeDash: {
          field: 'run',
          type: 'nominal' as const,
          title: 'run',
          scale: { domain: runNames, range: styles.dashes },
          legend: SERIES_LEGEND,
        },
        tooltip: [
          { field: 'run', type: 'nominal' as const, title: 'run' },
          { field: 'step', type: 'quantitative' as const, title: 'step' },
          { field: 'value', type: 'quantitative' as const, title: name, format: '.6~g' },
        ],
      },
    };
    const rule =
      o.reference === undefined
        ? []
        : [
            {
              data: { values: [{ reference: roundSignificant(o.reference[c]) }] },
              mark: { type: 'rule' as const, strokeDash: [4, 3], color: 'black' },
              encoding: {
                y: { field: 'reference', type: 'quantitative' as const },
                tooltip: [{ field: 'reference', type: 'quantitative' as const, title: o.referenceTitle, format: '.6~g' }],
              },
            },
          ];
    return { width: o.width ?? chartTheme.width, height: o.height, layer: [trace, ...rule] };
  });
  const description =
    `${dimension} panels stacked vertically, one per coordinate (${o.coordinateNames.join(', ')}), ` +
    `each showing the coordinate against the step for ${runs.length} run${runs.length === 1 ? '' : 's'} ` +
    `(${runNames.join(', ')}), one colour per run` +
    `${o.reference !== undefined ? `; dashed rules at the reference (${o.reference.map(formatNumber).join(', ')})` : ''}.`;
  // The panels carry the sizes; a vconcat has no top-level width, height or view.
  const {
    width: _w,
    height: _h,
    view: _v,
    ...top
  } = frame({ title: o.title, description: o.description }, description, 'coordinateTraces');
  return {
    ...top,
    data: { values: rows },
    // A nested view's description reaches the SVG as aria-label; the top-level one does not.
    vconcat: [{ description: top.description, vconcat: panels }],
  } as TopLevelSpec;
}
