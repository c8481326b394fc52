import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import type { FrameOptions } from './theme';
import { roundSignificant } from './round';
import { stridedIndices } from './stride';
import { formatNumber } from './format-number';
import { SERIES_LEGEND, seriesStyles } from './palette';
import {
  FRAME_KEYS,
  requireFinite,
  requireFrameOptions,
  requireIntegerAtLeast,
  requireName,
  requireNonEmptyArray,
  requireOptionalString,
} from './validate';

/** One curve of values per optimizer step. */
export interface StepSeries {
  /** Series name shown in the legend and tooltip, e.g. `'Adam'`. */
  name: string;
  /** `values[step]`, e.g. the log-likelihood after each step. */
  values: number[];
}

/** Options for {@link lossCurve}. */
export interface LossCurveOptions extends FrameOptions {
  /**
   * When set, plot the gap to the optimum `optimum - value` (e.g. `L* - L` with `L*` the
   * log-likelihood at the closed-form MLE) instead of the value itself. The gap is what shrinks
   * geometrically near the optimum, so it is the quantity to show on a log scale.
   * @default undefined (plot the values)
   */
  optimum?: number;
  /**
   * Use a log-scale y axis. A log scale needs positive numbers: without `optimum` every value
   * must be positive (else a RangeError); with `optimum`, gaps below `gapFloor` (zero or slightly
   * negative ones, from float32 rounding at convergence) are raised to `gapFloor`.
   * @default false
   */
  logScale?: boolean;
  /** Smallest gap drawn on a log scale. @default 1e-12 */
  gapFloor?: number;
  /** At most this many points per series (evenly strided, first and last kept). @default 1000 */
  maxPointsPerSeries?: number;
  /** x-axis title. @default 'step' */
  xTitle?: string;
  /** y-axis title. @default 'log-likelihood', or 'L* − L (gap to optimum)' with optimum */
  yTitle?: string;
}

/** Every option name lossCurve reads: any other key is a RangeError naming the nearest. */
const OPTION_KEYS = [...FRAME_KEYS, 'optimum', 'logScale', 'gapFloor', 'maxPointsPerSeries', 'xTitle', 'yTitle'];

/**
 * Value per step for one or more optimizer runs (log-likelihood per step, or its gap to the
 * optimum on a log scale), one colour per series. Hovering a point shows series, step and value.
 * Non-finite values (a diverged run) are dropped.
 *
 * @param series - one entry per run, `values[step]`
 * @param options - see {@link LossCurveOptions}
 * @returns a Vega-Lite line-mark spec
 * @throws {TypeError} when series is not an array or a name is not a non-empty string
 * @throws {RangeError} when series or its values are empty, an option is out of range (optimum
 *   not finite, width NaN or <= 0), or a log scale is asked for non-positive values without an
 *   optimum
 * @example
 * const spec = lossCurve([{ name: 'SGD', values: [-30, -12, -10.5] }], { optimum: -10, logScale: true });
 * spec.data; // => { values: [{ series: 'SGD', step: 0, value: 20 }, ...] }
 */
export function lossCurve(series: StepSeries[], options: LossCurveOptions = {}): TopLevelSpec {
  requireNonEmptyArray('lossCurve', 'series', series);
  requireFrameOptions('lossCurve', options, OPTION_KEYS);
  const o = { logScale: false, gapFloor: 1e-12, maxPointsPerSeries: 1000, xTitle: 'step', ...options };
  const gap = o.optimum !== undefined;
  if (gap) requireFinite('lossCurve', 'optimum', o.optimum);
  requireFinite('lossCurve', 'gapFloor', o.gapFloor);
  if (!(o.gapFloor > 0)) throw new RangeError(`lossCurve requires gapFloor to be positive, got ${o.gapFloor}`);
  requireIntegerAtLeast('lossCurve', 'maxPointsPerSeries', o.maxPointsPerSeries, 2);
  requireOptionalString('lossCurve', 'xTitle', o.xTitle);
  requireOptionalString('lossCurve', 'yTitle', o.yTitle);
  const yTitle = o.yTitle ?? (gap ? 'L* − L (gap to optimum)' : 'log-likelihood');
  const rows: { series: string; step: number; value: number }[] = [];
  const summaries: string[] = [];
  series.forEach((s, k) => {
    requireName('lossCurve', `series[${k}].name`, s?.name);
    requireNonEmptyArray('lossCurve', `series[${k}].values`, s.values);
    for (const step of stridedIndices(s.values.length, o.maxPointsPerSeries)) {
      const raw = s.values[step];
      if (typeof raw !== 'number' || !Number.isFinite(raw)) continue;
      let value = gap ? (o.optimum as number) - raw : raw;
      if (o.logScale && gap) value = Math.max(value, o.gapFloor);
      if (o.logScale && value <= 0) {
        throw new RangeError(
          `lossCurve requires positive values on a log scale, got ${raw} at series[${k}] step ${step}; pass optimum to plot the gap`,
        );
      }
      rows.push({ series: s.name, step, value: roundSignificant(value) });
    }
    const last = rows.length > 0 && rows[rows.length - 1].series === s.name ? rows[rows.length - 1] : undefined;
    summaries.push(
      `${s.name}: ${s.values.length} values${last !== undefined ? `, last drawn ${formatNumber(last.value)} at step ${last.step}` : ', none finite'}`,
    );
  });
  const names = series.map((s) => s.name);
  const styles = seriesStyles(names);
  const description =
    `Line chart of ${series.length} series of ${yTitle} against ${o.xTitle}` +
    `${o.logScale ? ' on a log-scale y axis' : ''}, one colour per series (${summaries.join('; ')}).`;
  return {
    ...frame(o, description, 'lossCurve'),
    data: { values: rows },
    // aria: false keeps vega from writing an aria-label into every point (~150 bytes each); the
    // chart's description says what it shows.
    mark: { type: 'line', aria: false, point: { size: 12, filled: true, aria: false }, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: o.xTitle },
      y: { field: 'value', type: 'quantitative', title: yTitle, scale: o.logScale ? { type: 'log' } : { zero: false } },
      color: {
        field: 'series',
        type: 'nominal',
        title: 'series',
        scale: { domain: names, range: styles.colors },
        legend: SERIES_LEGEND,
      },
      strokeDash: {
        field: 'series',
        type: 'nominal',
        title: 'series',
        scale: { domain: names, range: styles.dashes },
        legend: SERIES_LEGEND,
      },
      tooltip: [
        { field: 'series', type: 'nominal', title: 'series' },
        { field: 'step', type: 'quantitative', title: 'step' },
        { field: 'value', type: 'quantitative', title: yTitle, format: '.6~g' },
      ],
    },
  };
}
