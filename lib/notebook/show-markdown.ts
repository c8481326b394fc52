import { resolveDisplayWriter } from './display';
import type { DisplayOptions } from './display';

/**
 * Shows Markdown as ONE display_data holding `text/markdown` and, for text front ends, the same
 * source as `text/plain`. Handy for a computed sentence under a figure ("the MLE is 1.2981").
 *
 * @param markdown - Markdown source
 * @param options - may carry an injected writer
 * @returns nothing
 * @throws {TypeError} when markdown is not a string
 * @example
 * showMarkdown(`**MLE:** mean = ${mean.toFixed(4)}`);
 */
export function showMarkdown(markdown: string, options: DisplayOptions = {}): void {
  if (typeof markdown !== 'string') throw new TypeError('showMarkdown requires markdown to be a string');
  resolveDisplayWriter(options)(
    { data: { 'text/markdown': markdown, 'text/plain': markdown }, metadata: {}, transient: {} },
    false,
  );
}
