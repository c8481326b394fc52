import type { TopLevelSpec } from 'vega-lite';
import { chartTheme } from './theme';
import type { FrameOptions } from './theme';
import { roundSignificant } from './round';
import { requireFinite, requireName, requireNonEmptyArray } from './validate';

/** One run's contraction along one direction: predicted by theory and measured on its path. */
export interface ContractionFactorRow {
  /** The run, e.g. `'gradient, lr 5e-4'` or `'Newton'`: one row of the plot. */
  run: string;
  /** The direction, e.g. `'flat (λ = 0.1)'`: one colour. */
  direction: string;
  /** The predicted factor per step, e.g. |1 - lr n lambda|. */
  predicted: number;
  /** The measured factor, or null when the run gave nothing to measure (then only the prediction shows). */
  measured: number | null;
}

/** Options for {@link contractionFactorPlot}. */
export interface ContractionFactorPlotOptions extends FrameOptions {
  /**
   * What the chart shows, in words (the spec's `description`, for screen readers).
   * @default 'Predicted (bars) and measured (dots) contraction factors per step for N runs and M directions'
   */
  description?: string;
  /** x-axis title. @default 'contraction factor per step' */
  xTitle?: string;
}

/**
 * A dot plot of per-direction contraction factors: one row per run, one colour per direction, a
 * vertical bar where theory puts the factor and a dot where the run's path measured it. The
 * dashed line at 1 separates contraction (left) from growth (right). Made for
 * `contractionFactors` (lib/optimize): plain ascent on an ill-conditioned Sigma shows one
 * direction near 0 and the other near 1, Newton both at 0, the natural gradient both at 1 - lr.
 *
 * @param rows - one entry per run and direction
 * @param options - see {@link ContractionFactorPlotOptions}
 * @returns a Vega-Lite layer spec (ticks for predictions, points for measurements, a rule at 1)
 * @throws {TypeError} when rows is not an array, or a run or direction is not a non-empty string
 * @throws {RangeError} when rows is empty or a factor is not finite
 * @example
 * const spec = contractionFactorPlot([{ run: 'Newton', direction: 'flat', predicted: 0, measured: 1e-5 }]);
 * spec.layer.length; // => 3
 */
export function contractionFactorPlot(rows: ContractionFactorRow[], options: ContractionFactorPlotOptions = {}): TopLevelSpec {
  const fn = 'contractionFactorPlot';
  requireNonEmptyArray(fn, 'rows', rows);
  const values = rows.map((row, k) => {
    requireName(fn, `rows[${k}].run`, row?.run);
    requireName(fn, `rows[${k}].direction`, row.direction);
    requireFinite(fn, `rows[${k}].predicted`, row.predicted);
    if (row.measured !== null) requireFinite(fn, `rows[${k}].measured`, row.measured);
    return {
      run: row.run,
      direction: row.direction,
      predicted: roundSignificant(row.predicted, 4),
      measured: row.measured === null ? null : roundSignificant(row.measured, 4),
    };
  });
  const runs = [...new Set(values.map((v) => v.run))];
  const directions = [...new Set(values.map((v) => v.direction))];
  const xTitle = options.xTitle ?? 'contraction factor per step';
  const y = { field: 'run', type: 'nominal' as const, title: null, sort: runs };
  const yOffset = { field: 'direction', type: 'nominal' as const, sort: directions };
  const color = { field: 'direction', type: 'nominal' as const, title: 'direction', scale: { domain: directions } };
  const tooltip = [
    { field: 'run', type: 'nominal' as const },
    { field: 'direction', type: 'nominal' as const },
    { field: 'predicted', type: 'quantitative' as const, format: '.4f' },
    { field: 'measured', type: 'quantitative' as const, format: '.4f' },
  ];
  const description =
    options.description ??
    `Predicted (bars) and measured (dots) contraction factors per step for ${runs.length} runs and ${directions.length} directions`;
  return {
    $schema: chartTheme.schema,
    ...(options.title !== undefined ? { title: options.title } : {}),
    description,
    // Also as view.description: vega-lite writes it into the plot group, so the static SVG carries it as aria-label.
    view: { description },
    width: options.width ?? chartTheme.width,
    height: options.height ?? Math.max(chartTheme.height, 50 * runs.length),
    config: chartTheme.config,
    data: { values },
    layer: [
      {
        mark: { type: 'tick', thickness: 3, orient: 'vertical' },
        encoding: { x: { field: 'predicted', type: 'quantitative', title: xTitle }, y, yOffset, color, tooltip },
      },
      {
        transform: [{ filter: 'datum.measured !== null' }],
        mark: { type: 'point', filled: true, size: 60, stroke: 'black', strokeWidth: 0.5 },
        encoding: { x: { field: 'measured', type: 'quantitative' }, y, yOffset, color, tooltip },
      },
      {
        data: { values: [{ one: 1 }] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#444' },
        encoding: { x: { field: 'one', type: 'quantitative' } },
      },
    ],
  } as TopLevelSpec;
}
