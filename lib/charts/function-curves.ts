import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import type { FrameOptions } from './theme';
import { roundSignificant } from './round';
import { formatNumber } from './format-number';
import { seriesStyles } from './palette';
import { FRAME_KEYS, requireFinite, requireFrameOptions, requireName, requireNonEmptyArray } from './validate';

/** A function sampled at points: `ys[k] = f(xs[k])`. */
export interface FunctionSeries {
  /** Curve name shown in the legend, e.g. `'posterior'`. */
  name: string;
  /** Arguments, e.g. theta over [0, 1]. */
  xs: number[];
  /** Function values, same length as xs. */
  ys: number[];
}

/** A labelled vertical line, e.g. at theta_MAP. */
export interface VerticalMarker {
  /** Where to draw it on the x axis. */
  x: number;
  /** Text written next to the top of the line, e.g. `'θ_MAP = 0.71'`. */
  label: string;
}

/** Options for {@link functionCurves}. */
export interface FunctionCurvesOptions extends FrameOptions {
  /** Labelled vertical rules. @default [] */
  markers?: VerticalMarker[];
  /** x-axis title. @default 'theta' */
  xTitle?: string;
  /** y-axis title. @default 'density' */
  yTitle?: string;
  /** Fixed x-axis domain. @default undefined (from the data) */
  xDomain?: [number, number];
}

/** Every option name functionCurves reads: any other key is a RangeError naming the nearest. */
const OPTION_KEYS = [...FRAME_KEYS, 'markers', 'xTitle', 'yTitle', 'xDomain'];

/**
 * Curves of functions of one variable for the theory plots: likelihood, prior and posterior
 * densities over theta in [0, 1], or likelihood next to log-likelihood, one colour per curve,
 * with optional labelled vertical rules (theta_MLE, theta_MAP). Points with a non-finite value
 * (a log-likelihood of -Infinity at theta = 0) are dropped, which breaks the line there.
 *
 * @param series - one entry per curve
 * @param options - see {@link FunctionCurvesOptions}
 * @returns a Vega-Lite layer spec (lines, then rules and labels)
 * @throws {TypeError} when series is not an array or a name is not a non-empty string
 * @throws {RangeError} when series or its xs are empty, xs and ys differ in length, or a marker
 *   is not finite
 * @example
 * const xs = [0, 0.5, 1];
 * const spec = functionCurves([{ name: 'prior', xs, ys: [1, 1, 1] }],
 *   { markers: [{ x: 0.5, label: 'θ_MAP' }] });
 * spec.layer.length; // => 3
 */
export function functionCurves(series: FunctionSeries[], options: FunctionCurvesOptions = {}): TopLevelSpec {
  requireNonEmptyArray('functionCurves', 'series', series);
  requireFrameOptions('functionCurves', options, OPTION_KEYS);
  const o = { markers: [] as VerticalMarker[], xTitle: 'theta', yTitle: 'density', ...options };
  const rows: { curve: string; x: number; y: number }[] = [];
  series.forEach((s, k) => {
    requireName('functionCurves', `series[${k}].name`, s?.name);
    requireNonEmptyArray('functionCurves', `series[${k}].xs`, s.xs);
    if (!Array.isArray(s.ys) || s.ys.length !== s.xs.length) {
      throw new RangeError(`functionCurves requires series[${k}].ys to have the same length as xs (${s.xs.length})`);
    }
    s.xs.forEach((x, i) => {
      const y = s.ys[i];
      if (Number.isFinite(x) && Number.isFinite(y)) rows.push({ curve: s.name, x: roundSignificant(x), y: roundSignificant(y) });
    });
  });
  o.markers.forEach((m, k) => {
    requireFinite('functionCurves', `markers[${k}].x`, m?.x);
    if (typeof m.label !== 'string') throw new TypeError(`functionCurves requires markers[${k}].label to be a string`);
  });
  const names = series.map((s) => s.name);
  const styles = seriesStyles(names);
  const description =
    `${series.length} curve${series.length === 1 ? '' : 's'} of ${o.yTitle} against ${o.xTitle} (${names.join(', ')})` +
    `${o.markers.length > 0 ? `; vertical markers: ${o.markers.map((m) => `${m.label} at ${formatNumber(m.x)}`).join(', ')}` : ''}.`;
  const xScale = o.xDomain !== undefined ? { domain: o.xDomain, nice: false, zero: false } : { zero: false };
  const markerValues = o.markers.map((m) => ({ x: roundSignificant(m.x), label: m.label }));
  const markerLayers =
    markerValues.length === 0
      ? []
      : [
          {
            data: { values: markerValues },
            mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#444' },
            encoding: {
              x: { field: 'x', type: 'quantitative' as const },
              tooltip: [
                { field: 'label', type: 'nominal' as const, title: 'marker' },
                { field: 'x', type: 'quantitative' as const, title: o.xTitle, format: '.4~g' },
              ],
            },
          },
          {
            data: { values: markerValues },
            mark: {
              type: 'text' as const,
              align: 'left' as const,
              baseline: 'top' as const,
              dx: 3,
              y: 2,
              fontSize: 11,
              color: '#444',
            },
            encoding: { x: { field: 'x', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
          },
        ];
  return {
    ...frame(o, description, 'functionCurves'),
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: o.xTitle, scale: xScale },
          y: { field: 'y', type: 'quantitative', title: o.yTitle },
          color: { field: 'curve', type: 'nominal', title: 'curve', scale: { domain: names, range: styles.colors } },
          tooltip: [
            { field: 'curve', type: 'nominal', title: 'curve' },
            { field: 'x', type: 'quantitative', title: o.xTitle, format: '.4~g' },
            { field: 'y', type: 'quantitative', title: o.yTitle, format: '.6~g' },
          ],
        },
      },
      ...markerLayers,
    ],
  };
}
