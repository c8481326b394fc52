import type { TopLevelSpec } from 'vega-lite';

/** Keys that describe the whole figure rather than one layer; taken from the first spec. */
const FIGURE_KEYS = ['$schema', 'config', 'width', 'height', 'title', 'autosize', 'padding', 'background'];
/** Keys whose texts are joined: the figure's description tells what every layer draws. */
const DESCRIPTION_KEYS = ['description', 'view'];
const NOT_LAYERABLE = ['facet', 'repeat', 'concat', 'hconcat', 'vconcat'];

type AnySpec = Record<string, unknown>;

function colorKeys(spec: AnySpec): string[] {
  if (Array.isArray(spec.layer)) return (spec.layer as AnySpec[]).flatMap(colorKeys);
  const color = (spec.encoding as AnySpec | undefined)?.color as AnySpec | undefined;
  if (color === undefined || !('field' in color)) return [];
  return [`${String(color.field)}:${String(color.type)}`];
}

/**
 * Draws several charts on top of each other in one plot, e.g. optimizer paths over a
 * log-likelihood heatmap, or a fitted line over a scatter of the data. This is the composer
 * that makes the small builders (`heatmap`, `pathOverlay`, `scatter`, `lineOverlay`, ...) add up
 * to a figure, in the spirit of Vega-Lite's own `layer` operator.
 *
 * Figure-level properties (`$schema`, `config`, `width`, `height`, `title`, ...) come from the
 * first spec that has them; every layer keeps its own data, mark, encoding and transforms.
 * Variable parameters (those bound to inputs) are moved to the top level, where vega-lite 5 expects them. When
 * layers colour by different fields (a quantitative log-likelihood and a nominal run name), the
 * colour (and dash) scales are resolved independently so that each keeps its own legend. The layers'
 * descriptions are joined into the figure's (the bottom one first, then 'Overlaid: ...'); set
 * another with {@link withDescription}.
 *
 * @param specs - unit or layer specs made by the builders in this folder, bottom layer first
 * @returns one Vega-Lite layer spec
 * @throws {RangeError} when no spec is given
 * @throws {TypeError} when a spec is a facet, repeat or concat spec (these cannot be layered)
 * @example
 * const figure = layer(heatmap(grid), pathOverlay(paths));
 * Array.isArray(figure.layer); // => true
 */
export function layer(...specs: TopLevelSpec[]): TopLevelSpec {
  if (specs.length === 0) throw new RangeError('layer requires at least one spec');
  const figure: AnySpec = {};
  const params: unknown[] = [];
  const descriptions: string[] = [];
  const layers = specs.map((spec, index) => {
    if (spec === null || typeof spec !== 'object') {
      throw new TypeError(`layer requires specs[${index}] to be a Vega-Lite spec object`);
    }
    const child: AnySpec = { ...(spec as unknown as AnySpec) };
    const composite = NOT_LAYERABLE.find((key) => key in child);
    if (composite !== undefined) {
      throw new TypeError(`layer requires unit or layer specs, got a ${composite} spec at specs[${index}]`);
    }
    if (typeof child.description === 'string' && child.description.length > 0) descriptions.push(child.description);
    for (const key of DESCRIPTION_KEYS) delete child[key];
    for (const key of FIGURE_KEYS) {
      if (key in child) {
        if (!(key in figure)) figure[key] = child[key];
        delete child[key];
      }
    }
    if (Array.isArray(child.params)) {
      // Variable params (inputs) must sit at the top level; selections stay with their view.
      const all = child.params as AnySpec[];
      params.push(...all.filter((p) => !('select' in p)));
      const selections = all.filter((p) => 'select' in p);
      if (selections.length > 0) child.params = selections;
      else delete child.params;
    }
    return child;
  });
  const distinctColors = new Set(layers.flatMap(colorKeys));
  const description =
    descriptions.length > 0
      ? { description: descriptions.join(' Overlaid: '), view: { description: descriptions.join(' Overlaid: ') } }
      : {};
  return {
    ...figure,
    ...description,
    ...(params.length > 0 ? { params } : {}),
    layer: layers,
    // strokeDash goes with color: a run's dash and colour must stay in one scale family to share
    // one legend (a shared dash scale beside an independent colour one splits it in two).
    ...(distinctColors.size > 1 ? { resolve: { scale: { color: 'independent', strokeDash: 'independent' } } } : {}),
  } as unknown as TopLevelSpec;
}
