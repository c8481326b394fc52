import { randomBytes } from 'crypto';
import { describeValue } from '../guards';
import { resolveDisplayWriter } from './display';
import type { DisplayOptions } from './display';

/** One line of text that a long loop rewrites in place. */
export interface ProgressLine {
  /** Replaces the line's text (the first call creates the output). */
  update(text: string): void;
  /** Writes the final text; later calls to update or done throw. */
  done(text: string): void;
}

/**
 * A single output line that a long loop (an optimizer run of thousands of steps) rewrites in place,
 * instead of printing one line per step: the first text goes out as display_data with a
 * `display_id`, later ones as update_display_data with the same id, so the notebook keeps one
 * line. Call `update` every few hundred steps, not every step: each call is a message to the
 * front end. End with `done` and a deterministic summary (no timings; they differ per run), which
 * is what the saved notebook shows.
 *
 * The display_id is random, like tslab's own `newDisplay()`: it is transient, never saved in the
 * notebook, and must not collide with ids of outputs from earlier kernel sessions.
 *
 * @param options - may carry an injected writer (see {@link resolveDisplayWriter})
 * @returns an object with `update(text)` and `done(text)`
 * @throws {TypeError} when options is not an object or options.writer is given and not a function
 * @throws {TypeError} from update/done when text is not a string
 * @throws {Error} from update/done after done
 * @example
 * const progress = progressLine();
 * for (let step = 0; step < 5000; step++) {
 *   if (step % 500 === 0) progress.update(`step ${step} of 5000`);
 * }
 * progress.done('5000 steps, log-likelihood -14189.4');
 */
export function progressLine(options: DisplayOptions = {}): ProgressLine {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`progressLine requires options to be an object, got ${describeValue(options)}`);
  }
  // Checked here, not at the first update: else an internal 'write is not a function' leaks out.
  if (options.writer !== undefined && typeof options.writer !== 'function') {
    throw new TypeError(`progressLine requires options.writer to be a function, got ${describeValue(options.writer)}`);
  }
  const write = resolveDisplayWriter(options);
  const displayId = `likelihood-lab-progress-${randomBytes(8).toString('hex')}`;
  let sent = false;
  let finished = false;
  const send = (method: string, text: string): void => {
    if (typeof text !== 'string') throw new TypeError(`progressLine ${method} requires text to be a string`);
    if (finished) throw new Error(`progressLine ${method} called after done`);
    write({ data: { 'text/plain': text }, metadata: {}, transient: { display_id: displayId } }, sent);
    sent = true;
  };
  return {
    update: (text) => send('update', text),
    done: (text) => {
      send('done', text);
      finished = true;
    },
  };
}
