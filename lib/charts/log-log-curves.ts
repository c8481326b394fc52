import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import type { FrameOptions } from './theme';
import { roundSignificant } from './round';
import { seriesStyles } from './palette';
import { FRAME_KEYS, requireFrameOptions, requireName, requireNonEmptyArray } from './validate';

/** One curve of positive (x, y) pairs, e.g. gradient variance against batch size. */
export interface LogLogSeries {
  /** Curve name shown in the legend and tooltip, e.g. `'measured'`. */
  name: string;
  /** Arguments, e.g. batch sizes k. */
  xs: number[];
  /** Values, same length as xs, e.g. the variance at each k. */
  ys: number[];
  /** Draw the points only, without a connecting line (e.g. measurements). @default false */
  pointsOnly?: boolean;
}

/** Options for {@link logLogCurves}. */
export interface LogLogCurvesOptions extends FrameOptions {
  /** x-axis title. @default 'x' */
  xTitle?: string;
  /** y-axis title. @default 'y' */
  yTitle?: string;
}

/** Every option name logLogCurves reads: any other key is a RangeError naming the nearest. */
const OPTION_KEYS = [...FRAME_KEYS, 'xTitle', 'yTitle'];

/**
 * Curves on log-log axes, one colour per curve: the chart for power laws such as the variance of
 * a mini-batch gradient against the batch size k (a slope of -1 is a 1/k law), or the gap to the
 * optimum against the number of data points touched. `functionCurves` draws linear axes only.
 * Points whose x or y is not a positive finite number cannot sit on a log axis and are dropped
 * (a variance of exactly 0 at k = n, for instance); lines break there.
 *
 * @param series - one entry per curve
 * @param options - see {@link LogLogCurvesOptions}
 * @returns a Vega-Lite layer spec (lines, then points)
 * @throws {TypeError} when series is not an array or a name is not a non-empty string
 * @throws {RangeError} when series or its xs are empty, or xs and ys differ in length
 * @example
 * const spec = logLogCurves([{ name: '1/k', xs: [1, 10, 100], ys: [1, 0.1, 0.01] }], { xTitle: 'k' });
 * spec.layer.length; // => 2
 */
export function logLogCurves(series: LogLogSeries[], options: LogLogCurvesOptions = {}): TopLevelSpec {
  requireNonEmptyArray('logLogCurves', 'series', series);
  requireFrameOptions('logLogCurves', options, OPTION_KEYS);
  const o = { xTitle: 'x', yTitle: 'y', ...options };
  const rows: { curve: string; x: number; y: number; line: boolean }[] = [];
  series.forEach((s, k) => {
    requireName('logLogCurves', `series[${k}].name`, s?.name);
    requireNonEmptyArray('logLogCurves', `series[${k}].xs`, s.xs);
    if (!Array.isArray(s.ys) || s.ys.length !== s.xs.length) {
      throw new RangeError(`logLogCurves requires series[${k}].ys to have the same length as xs (${s.xs.length})`);
    }
    s.xs.forEach((x, i) => {
      const y = s.ys[i];
      if (x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y)) {
        rows.push({ curve: s.name, x: roundSignificant(x), y: roundSignificant(y), line: s.pointsOnly !== true });
      }
    });
  });
  const names = series.map((s) => s.name);
  const styles = seriesStyles(names);
  const description =
    `Log-log chart of ${o.yTitle} against ${o.xTitle}, ${series.length} curve${series.length === 1 ? '' : 's'} ` +
    `(${names.join(', ')}), one colour per curve; on these axes a power law is a straight line.`;
  const encoding = {
    x: { field: 'x', type: 'quantitative' as const, title: o.xTitle, scale: { type: 'log' as const } },
    y: { field: 'y', type: 'quantitative' as const, title: o.yTitle, scale: { type: 'log' as const } },
    color: { field: 'curve', type: 'nominal' as const, title: 'curve', scale: { domain: names, range: styles.colors } },
    tooltip: [
      { field: 'curve', type: 'nominal' as const, title: 'curve' },
      { field: 'x', type: 'quantitative' as const, title: o.xTitle, format: '.4~g' },
      { field: 'y', type: 'quantitative' as const, title: o.yTitle, format: '.4~g' },
    ],
  };
  return {
    ...frame(o, description, 'logLogCurves'),
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: 'datum.line' }],
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding,
      },
      {
        mark: { type: 'point', filled: true, size: 30 },
        encoding,
      },
    ],
  };
}
