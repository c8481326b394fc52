import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import { formatNumber } from './format-number';
import { roundSignificant } from './round';
import { stridedIndices } from './stride';
import { FRAME_KEYS, requireFinite, requireFrameOptions, requireIntegerAtLeast, requireNonEmptyArray } from './validate';

/** One precomputed optimizer run at a given learning rate. */
export interface LearningRateRun {
  /** The learning rate of this run; the menu entry. */
  learningRate: number;
  /** `values[step]`, e.g. the log-likelihood after each step. */
  values: number[];
}

/** Options for {@link learningRateSelector}. */
export interface LearningRateSelectorOptions {
  /**
   * The learning rate shown first, and the only one in the static SVG (nbconvert, GitHub), where
   * the menu does nothing. Must be one of the runs' learning rates.
   * @default the first run's learning rate
   */
  defaultLearningRate?: number;
  /** Kind of input widget. @default 'select' */
  input?: 'select' | 'radio';
  /** y-axis title. @default 'log-likelihood' */
  yTitle?: string;
  /** At most this many points per run (evenly strided, first and last kept). @default 1000 */
  maxPointsPerRun?: number;
  /** Chart title. @default 'Log-likelihood per step' */
  title?: string;
  /** Plot width in pixels. @default chartTheme.width */
  width?: number;
  /** Plot height in pixels. @default chartTheme.height */
  height?: number;
  /** What the chart shows, in words (see {@link FrameOptions}). @default a sentence from the data */
  description?: string;
}

/** Every option name learningRateSelector reads: any other key is a RangeError naming the nearest. */
const OPTION_KEYS = [...FRAME_KEYS, 'defaultLearningRate', 'input', 'yTitle', 'maxPointsPerRun'];

/**
 * Value per step for one learning rate at a time, picked from a menu: all runs are precomputed
 * in the notebook and sent in the spec; a Vega-Lite parameter `learningRate` bound to a select
 * (or radio) input filters the data in the browser, so no kernel round trip is needed. The
 * default is explicit (`defaultLearningRate`) and written into the subtitle, because the static
 * SVG shows only it. Non-finite values (a diverged run) are dropped.
 *
 * @param runs - one entry per learning rate
 * @param options - see {@link LearningRateSelectorOptions}
 * @returns a Vega-Lite line-mark spec with a bound parameter
 * @throws {TypeError} when runs is not an array
 * @throws {RangeError} when runs or values are empty, a learning rate is not finite or repeats,
 *   or defaultLearningRate is not one of them
 * @example
 * const spec = learningRateSelector([
 *   { learningRate: 0.01, values: [-50, -40, -33] },
 *   { learningRate: 0.1, values: [-50, -12, -10] },
 * ], { defaultLearningRate: 0.1 });
 * spec.params; // => [{ name: 'learningRate', value: 0.1, bind: { input: 'select', options: [0.01, 0.1], ... } }]
 */
export function learningRateSelector(runs: LearningRateRun[], options: LearningRateSelectorOptions = {}): TopLevelSpec {
  requireNonEmptyArray('learningRateSelector', 'runs', runs);
  requireFrameOptions('learningRateSelector', options, OPTION_KEYS);
  const o = {
    input: 'select' as const,
    yTitle: 'log-likelihood',
    maxPointsPerRun: 1000,
    title: 'Log-likelihood per step',
    ...options,
  };
  requireIntegerAtLeast('learningRateSelector', 'maxPointsPerRun', o.maxPointsPerRun, 2);
  const rates: number[] = [];
  const rows: { learningRate: number; step: number; value: number }[] = [];
  runs.forEach((run, k) => {
    requireFinite('learningRateSelector', `runs[${k}].learningRate`, run?.learningRate);
    const rate = roundSignificant(run.learningRate);
    if (rates.includes(rate)) throw new RangeError(`learningRateSelector requires distinct learning rates, got ${rate} twice`);
    rates.push(rate);
    requireNonEmptyArray('learningRateSelector', `runs[${k}].values`, run.values);
    for (const step of stridedIndices(run.values.length, o.maxPointsPerRun)) {
      const value = run.values[step];
      if (Number.isFinite(value)) rows.push({ learningRate: rate, step, value: roundSignificant(value) });
    }
  });
  const chosen = o.defaultLearningRate === undefined ? rates[0] : roundSignificant(o.defaultLearningRate);
  if (!rates.includes(chosen)) {
    throw new RangeError(
      `learningRateSelector requires defaultLearningRate to be one of ${rates.join(', ')}, got ${o.defaultLearningRate}`,
    );
  }
  const description =
    `Line chart of ${o.yTitle} against the step for one learning rate at a time, picked from a menu of ` +
    `${rates.length} rates (${rates.map(formatNumber).join(', ')}); learning rate ${formatNumber(chosen)} is shown by default.`;
  return {
    ...frame(o, description, 'learningRateSelector'),
    title: {
      text: o.title,
      subtitle: `learning rate ${chosen} shown by default; pick another with the menu (interactive view only)`,
    },
    params: [{ name: 'learningRate', value: chosen, bind: { input: o.input, options: rates, name: 'learning rate ' } }],
    data: { values: rows },
    // Loose equality: the menu hands back the option value, which may arrive as a string.
    transform: [{ filter: 'datum.learningRate == learningRate' }],
    mark: { type: 'line', point: { size: 12, filled: true }, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: 'step' },
      y: { field: 'value', type: 'quantitative', title: o.yTitle, scale: { zero: false } },
      tooltip: [
        { field: 'learningRate', type: 'quantitative', title: 'learning rate' },
        { field: 'step', type: 'quantitative', title: 'step' },
        { field: 'value', type: 'quantitative', title: o.yTitle, format: '.6~g' },
      ],
    },
  };
}
