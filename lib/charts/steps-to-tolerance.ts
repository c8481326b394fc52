import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import type { FrameOptions } from './theme';
import { formatNumber } from './format-number';
import { roundSignificant } from './round';
import { SERIES_LEGEND, seriesStyles } from './palette';
import {
  FRAME_KEYS,
  requireFrameOptions,
  requireName,
  requireNonEmptyArray,
  requireOptionalString,
  requirePositive,
} from './validate';

/**
 * Steps to tolerance of one optimizer over a sweep of learning rates.
 *
 * @example
 * const adam: ToleranceSeries = { name: 'adam', points: [{ learningRate: 0.1, steps: 60 }, { learningRate: 1, steps: null }] };
 */
export interface ToleranceSeries {
  /** Optimizer name, e.g. `'adam'` (optimizer names get their palette colour). */
  name: string;
  /**
   * One entry per learning rate tried: `steps` is how many steps the run needed to reach the
   * tolerance, or `null` when it did not converge (diverged, or ran out of steps).
   */
  points: { learningRate: number; steps: number | null }[];
}

/**
 * Options for {@link stepsToTolerance}.
 *
 * @example
 * const options: StepsToToleranceOptions = { maxSteps: 5000, title: 'Steps to tolerance per rate' };
 */
export interface StepsToToleranceOptions extends FrameOptions {
  /**
   * The runs' step budget. Runs that did not converge are drawn as crosses on a dashed line at
   * this height, labelled 'did not converge (N max steps)'; must be at least every converged
   * count.
   * @default undefined (the line sits at twice the largest converged count, labelled without N)
   */
  maxSteps?: number;
  /** Log-scale y axis (step counts span orders of magnitude across rates). @default true */
  logScale?: boolean;
  /** x-axis title. @default 'learning rate' */
  xTitle?: string;
  /** y-axis title. @default 'steps to tolerance' */
  yTitle?: string;
}

interface Row {
  series: string;
  learningRate: number;
  steps: number | null;
  y: number | null;
  top: number | null;
  piece: number;
}

/** Each series' fact for the description: its fewest steps and at which rate, how many converged. */
function summary(s: ToleranceSeries): string {
  const converged = s.points.filter((p) => p.steps !== null) as { learningRate: number; steps: number }[];
  if (converged.length === 0) return `${s.name}: no rate converged`;
  const best = converged.reduce((a, b) => (b.steps < a.steps ? b : a));
  return (
    `${s.name}: fewest ${best.steps} steps at ${formatNumber(best.learningRate)}, ` +
    `converged at ${converged.length} of ${s.points.length} rates`
  );
}

/** Every option name stepsToTolerance reads: any other key is a RangeError naming the nearest. */
const OPTION_KEYS = [...FRAME_KEYS, 'maxSteps', 'logScale', 'xTitle', 'yTitle'];

/**
 * Steps to tolerance against the learning rate, one line per optimizer on a log-scale rate axis:
 * the picture of robustness to the rate (a wide, flat valley means the optimizer forgives a
 * badly chosen rate, which is the real case for Adam; plain gradient ascent has a narrow one that
 * ends in divergence). Runs that did not converge (diverged or ran out of steps) are drawn as
 * crosses in the optimizer's colour on a dashed line at the top, labelled 'did not converge';
 * lines break there instead of joining across them. Colours and dashes per optimizer come from
 * {@link seriesStyles}. Hovering a point shows the optimizer, the rate and the steps.
 *
 * On a log y axis a count of 0 (a start already within tolerance) is drawn at 1.
 *
 * @param series - one entry per optimizer
 * @param options - see {@link StepsToToleranceOptions}
 * @returns a Vega-Lite layer spec (lines, dots, the top line with its label, crosses)
 * @throws {TypeError} when series is not an array, a name is not a non-empty string, points is
 *   not an array, or a steps entry is neither a number nor null
 * @throws {RangeError} when series or points are empty, a learning rate is not a positive finite
 *   number, steps is not a non-negative integer, or maxSteps is below a converged count
 * @example
 * const spec = stepsToTolerance([
 *   { name: 'gradient-ascent', points: [{ learningRate: 0.01, steps: 300 }, { learningRate: 0.1, steps: null }] },
 *   { name: 'adam', points: [{ learningRate: 0.01, steps: 500 }, { learningRate: 0.1, steps: 60 }] },
 * ], { maxSteps: 1000 });
 * spec.layer.length; // => 5
 */
export function stepsToTolerance(series: ToleranceSeries[], options: StepsToToleranceOptions = {}): TopLevelSpec {
  requireNonEmptyArray('stepsToTolerance', 'series', series);
  requireFrameOptions('stepsToTolerance', options, OPTION_KEYS);
  const o = { logScale: true, xTitle: 'learning rate', yTitle: 'steps to tolerance', ...options };
  requireOptionalString('stepsToTolerance', 'xTitle', o.xTitle);
  requireOptionalString('stepsToTolerance', 'yTitle', o.yTitle);
  if (typeof o.logScale !== 'boolean')
    throw new TypeError(`stepsToTolerance requires logScale to be a boolean, got ${typeof o.logScale}`);
  if (o.maxSteps !== undefined) requirePositive('stepsToTolerance', 'maxSteps', o.maxSteps);
  series.forEach((s, k) => {
    requireName('stepsToTolerance', `series[${k}].name`, s?.name);
    requireNonEmptyArray('stepsToTolerance', `series[${k}].points`, s.points);
    s.points.forEach((p, i) => {
      const at = `series[${k}].points[${i}]`;
      if (p === null || typeof p !== 'object')
        throw new TypeError(`stepsToTolerance requires ${at} to be an object with learningRate and steps`);
      requirePositive('stepsToTolerance', `${at}.learningRate`, p.learningRate);
      if (p.steps === null) return;
      if (typeof p.steps !== 'number')
        throw new TypeError(`stepsToTolerance requires ${at}.steps to be a number or null, got ${typeof p.steps}`);
      if (!Number.isSafeInteger(p.steps) || p.steps < 0) {
        throw new RangeError(`stepsToTolerance requires ${at}.steps to be a non-negative integer or null, got ${p.steps}`);
      }
    });
  });
  const counts = series.flatMap((s) => s.points.flatMap((p) => (p.steps === null ? [] : [p.steps])));
  const largest = counts.length > 0 ? Math.max(...counts) : 0;
  if (o.maxSteps !== undefined && o.maxSteps < largest) {
    throw new RangeError(
      `stepsToTolerance requires maxSteps to be at least the largest converged count (${largest}), got ${o.maxSteps}`,
    );
  }
  const floor = o.logScale ? 1 : 0;
  const top = o.maxSteps ?? Math.max(2 * largest, 10);
  // Each run of consecutive converged rates is one piece of line: lines break at a failure
  // (vega-lite's own 'invalid' handling differs between 5.6 and later versions).
  let piece = 0;
  const rows: Row[] = series.flatMap((s) => {
    piece += 1;
    return [...s.points]
      .sort((a, b) => a.learningRate - b.learningRate)
      .map((p) => {
        if (p.steps === null) piece += 1;
        return {
          series: s.name,
          learningRate: roundSignificant(p.learningRate),
          steps: p.steps,
          y: p.steps === null ? null : Math.max(p.steps, floor),
          top: p.steps === null ? top : null,
          piece,
        };
      });
  });
  const names = series.map((s) => s.name);
  const styles = seriesStyles(names);
  const color = {
    field: 'series',
    type: 'nominal' as const,
    title: 'optimizer',
    scale: { domain: names, range: styles.colors },
    legend: SERIES_LEGEND,
  };
  const strokeDash = {
    field: 'series',
    type: 'nominal' as const,
    title: 'optimizer',
    scale: { domain: names, range: styles.dashes },
    legend: SERIES_LEGEND,
  };
  const x = { field: 'learningRate', type: 'quantitative' as const, title: o.xTitle, scale: { type: 'log' as const } };
  // Fixed domains: room above the top line for its label, no log 'nice' jump to the next decade.
  const smallest = counts.length > 0 ? Math.max(Math.min(...counts), floor) : 1;
  const yScale = o.logScale
    ? { type: 'log' as const, domain: [roundSignificant(smallest / 1.5), roundSignificant(top * 1.6)], nice: false }
    : { domain: [0, roundSignificant(top * 1.12)], nice: false };
  const y = { field: 'y', type: 'quantitative' as const, title: o.yTitle, scale: yScale };
  const tooltip = [
    { field: 'series', type: 'nominal' as const, title: 'optimizer' },
    { field: 'learningRate', type: 'quantitative' as const, title: o.xTitle, format: '.4~g' },
    { field: 'steps', type: 'quantitative' as const, title: o.yTitle },
  ];
  const label = `did not converge${o.maxSteps !== undefined ? ` (${formatNumber(o.maxSteps)} max steps)` : ''}`;
  const failures = rows.filter((r) => r.steps === null).length;
  const description =
    `Steps to tolerance against the learning rate (log-scale x${o.logScale ? ' and y' : ''}) for ` +
    `${series.length} optimizer${series.length === 1 ? '' : 's'}, one colour per optimizer (${series.map(summary).join('; ')})` +
    `${failures > 0 ? `; ${failures} run${failures === 1 ? '' : 's'} that did not converge drawn as crosses on the dashed line at the top` : ''}.`;
  const topY = { datum: top, type: 'quantitative' as const };
  return {
    ...frame(o, description, 'stepsToTolerance'),
    data: { values: rows },
    layer: [
      {
        transform: [{ filter: 'datum.y != null' }],
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { x, y, color, strokeDash, detail: { field: 'piece', type: 'nominal' } },
      },
      {
        transform: [{ filter: 'datum.y != null' }],
        mark: { type: 'point', filled: true, size: 40 },
        encoding: { x, y, color, tooltip },
      },
      {
        data: { values: [{}] },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#888888' },
        encoding: { y: topY },
      },
      {
        data: { values: [{ label }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -7, fontSize: 11, color: '#555555' },
        encoding: { x: { value: 'width' }, y: topY, text: { field: 'label', type: 'nominal' } },
      },
      {
        transform: [{ filter: 'datum.top != null' }, { calculate: JSON.stringify(label), as: 'outcome' }],
        mark: { type: 'point', shape: 'cross', filled: true, size: 110, opacity: 1 },
        encoding: {
          x,
          y: { field: 'top', type: 'quantitative', scale: yScale },
          color,
          tooltip: [...tooltip.slice(0, 2), { field: 'outcome', type: 'nominal', title: 'outcome' }],
        },
      },
    ],
  } as TopLevelSpec;
}
