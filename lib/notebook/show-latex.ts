import { resolveDisplayWriter } from './display';
import type { DisplayOptions } from './display';

/**
 * Shows a LaTeX formula as ONE display_data holding `text/latex` (rendered by MathJax in
 * JupyterLab and nbconvert HTML; wrap it in `$$ ... $$`) and the source as `text/plain`.
 *
 * @param latex - LaTeX source, e.g. `'$$\\hat\\mu = \\bar x = 1.2981$$'`
 * @param options - may carry an injected writer
 * @returns nothing
 * @throws {TypeError} when latex is not a string
 * @example
 * showLatex(`$$\\hat\\theta_{MAP} = ${thetaMap.toFixed(4)}$$`);
 */
export function showLatex(latex: string, options: DisplayOptions = {}): void {
  if (typeof latex !== 'string') throw new TypeError('showLatex requires latex to be a string');
  resolveDisplayWriter(options)({ data: { 'text/latex': latex, 'text/plain': latex }, metadata: {}, transient: {} }, false);
}
