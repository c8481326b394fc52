import { describeValue } from '../guards';
import { progressLine } from './progress-line';
import type { DisplayOptions } from './display';

/** Options of {@link mapWithProgress}. */
export interface MapWithProgressOptions<T, R> extends DisplayOptions {
  /**
   * Names an item in the progress line, e.g. `(s) => s.optimizer`.
   * @default the item's position, `item 3 of 8`
   */
  label?: (item: T, index: number) => string;
  /**
   * The final text of the line; gets the results. Keep it deterministic (no timings).
   * @default `${n} runs done`
   */
  summary?: (results: R[]) => string;
}

/**
 * Maps a slow synchronous function (a fit, a sweep) over a list while ONE output line says which
 * item runs now, then ends with a summary line.
 *
 * Why async: a synchronous loop never returns to the event loop, so the kernel cannot send the
 * line's updates until the whole loop is over; yielding one macrotask before each item lets each
 * update reach JupyterLab while the next item computes. Results keep the input order.
 *
 * @param items - the inputs, e.g. optimizer settings or batch sizes
 * @param fn - the work for one item, `(item, index) => result`
 * @param options - `label`, `summary` and an optional injected display writer
 * @returns the results, in order
 * @throws {TypeError} when items is not an array, fn is not a function, options is not an object,
 *   or options.writer, options.label or options.summary is given and not a function
 * @example
 * const fits = await mapWithProgress([1, 10, 100], (k) => fitGaussianMean(rows, covariance, { batchSize: k }),
 *   { label: (k: number) => `k = ${k}`, summary: (r) => `${r.length} fits done` });
 * // the notebook shows one line: "3 fits done"
 */
export async function mapWithProgress<T, R>(
  items: readonly T[],
  fn: (item: T, index: number) => R,
  options: MapWithProgressOptions<T, R> = {},
): Promise<R[]> {
  if (!Array.isArray(items)) throw new TypeError('mapWithProgress requires items to be an array');
  if (typeof fn !== 'function') throw new TypeError('mapWithProgress requires fn to be a function');
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`mapWithProgress requires options to be an object, got ${describeValue(options)}`);
  }
  for (const key of ['writer', 'label', 'summary'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') {
      throw new TypeError(`mapWithProgress requires options.${key} to be a function, got ${describeValue(options[key])}`);
    }
  }
  const label = options.label ?? ((_: T, i: number) => `item ${i + 1}`);
  const summary = options.summary ?? ((r: R[]) => `${r.length} runs done`);
  const progress = progressLine(options);
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 1) {
    progress.update(`${label(items[i], i)} (${i + 1} of ${items.length}) ...`);
    await new Promise<void>((resolve) => setImmediate(resolve));
    results.push(fn(items[i], i));
  }
  progress.done(summary(results));
  return results;
}
