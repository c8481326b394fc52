import type { TopLevelSpec } from 'vega-lite';
import { requireName } from './validate';

/**
 * The same chart with another description (what it shows, in words, for screen readers): sets
 * the spec's top-level `description` and, where the spec has a plot of its own (a unit or layer
 * spec), `view.description`, or for {@link concat} and {@link coordinateTraces} the description of
 * their inner view: the one the rendered SVG carries as `aria-label` (see {@link FrameOptions}).
 * Made for figures from {@link layer}, whose description joins its layers'.
 *
 * @param spec - a top-level spec from the builders
 * @param description - the new description
 * @returns a shallow copy of spec with the description set
 * @throws {TypeError} when spec is not an object or description is not a non-empty string
 * @example
 * const figure = withDescription(layer(heatmap(grid), pathOverlay(paths)),
 *   'Adam and momentum paths over the log-likelihood; both end at the MLE (1.3, -0.7).');
 * figure.description; // => 'Adam and momentum paths over the log-likelihood; ...'
 */
export function withDescription(spec: TopLevelSpec, description: string): TopLevelSpec {
  if (spec === null || typeof spec !== 'object')
    throw new TypeError('withDescription requires spec to be a Vega-Lite spec object');
  requireName('withDescription', 'description', description);
  const any = spec as unknown as Record<string, unknown>;
  const composite = ['concat', 'hconcat', 'vconcat', 'facet', 'repeat'].some((key) => key in any);
  if (!composite) {
    return { ...any, description, view: { ...((any.view as object | undefined) ?? {}), description } } as unknown as TopLevelSpec;
  }
  // concat and coordinateTraces hold their panels in one described inner view (its description
  // is the one the SVG shows): update it too.
  const inner = Array.isArray(any.vconcat) && any.vconcat.length === 1 ? (any.vconcat[0] as Record<string, unknown>) : undefined;
  const wrapped = inner !== undefined && typeof inner.description === 'string' ? { vconcat: [{ ...inner, description }] } : {};
  return { ...any, description, ...wrapped } as unknown as TopLevelSpec;
}
