import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import { requireFrameOptions, requireIntegerAtLeast, requireNonEmptyArray } from './validate';

/**
 * Options for {@link concat}.
 *
 * @example
 * const options: ConcatOptions = { columns: 4, title: 'Subsets of k points', resolveColor: 'independent' };
 */
export interface ConcatOptions {
  /**
   * Panels per row; more panels wrap to the next row. Without it, all panels sit in one row.
   * @default undefined (one row)
   */
  columns?: number;
  /** Title over all panels; each panel keeps its own title as a sub-title. @default undefined */
  title?: string;
  /**
   * What the figure shows, in words (see {@link FrameOptions}).
   * @default 'N charts side by side: (1) ...; (2) ...' from the panels' descriptions
   */
  description?: string;
  /**
   * Colour scales of quantitative colours (heatmaps): `'shared'` gives every panel the same
   * colour domain (the union of the panels' domains), so one colour means one value everywhere;
   * `'independent'` lets each panel span its own range (for functions of different sizes, such as
   * the log-likelihood of subsets of k points, which grows with k).
   * @default 'independent'
   */
  resolveColor?: 'shared' | 'independent';
  /** Pixels between panels. @default 16 */
  spacing?: number;
}

type AnySpec = Record<string, unknown>;

/** Keys that belong to the whole figure and are dropped from each panel. */
const FIGURE_KEYS = ['$schema', 'config', 'autosize', 'padding', 'background'];

/** Every quantitative colour encoding with an explicit numeric [low, high] domain, in a panel. */
function quantitativeColors(spec: AnySpec): AnySpec[] {
  const nested = ['layer', 'concat', 'hconcat', 'vconcat'].flatMap((key) =>
    Array.isArray(spec[key]) ? (spec[key] as AnySpec[]).flatMap(quantitativeColors) : [],
  );
  const color = (spec.encoding as AnySpec | undefined)?.color as AnySpec | undefined;
  const domain = (color?.scale as AnySpec | undefined)?.domain;
  const own =
    color !== undefined &&
    color.type === 'quantitative' &&
    Array.isArray(domain) &&
    domain.length === 2 &&
    domain.every((v) => typeof v === 'number')
      ? [color]
      : [];
  return [...own, ...nested];
}

/** A deep copy of the JSON parts of a spec, so that sharing a domain never edits the caller's. */
function copy(spec: AnySpec): AnySpec {
  return JSON.parse(JSON.stringify(spec)) as AnySpec;
}

/**
 * Small multiples: several charts made by the builders in this folder, side by side in one
 * figure (one finding per panel instead of seven curves on one plot), e.g. the log-likelihood of
 * a subset of k points for each k next to the full-data one, or each optimizer's path in its own
 * panel. Compose panels first (e.g. `layer(heatmap(grid), pathOverlay([run]))`), then concat them.
 *
 * Each panel keeps its data, size, title (shown as the panel's sub-title) and description (the
 * rendered SVG labels each panel's group with it); the schema and config move to the top.
 * Variable parameters (menus) move to the top, where vega-lite 5 expects them. The result is a
 * `vconcat` of one described inner view (so that the SVG carries the figure's description too)
 * holding a `hconcat` of the panels, or a wrapping `concat` with `columns`; vega-lite 5.6
 * (JupyterLab 4) accepts it.
 *
 * @param specs - top-level specs from the builders, in reading order
 * @param options - see {@link ConcatOptions}
 * @returns one top-level Vega-Lite concat spec
 * @throws {TypeError} when specs is not an array, a spec is not an object, or an option has the
 *   wrong type
 * @throws {RangeError} when specs is empty, columns is not a positive integer, spacing is
 *   negative, or resolveColor is neither 'shared' nor 'independent'
 * @example
 * const figure = concat([heatmap(gridK10, { title: 'k = 10' }), heatmap(gridFull, { title: 'all n' })],
 *   { title: 'Subset log-likelihoods', resolveColor: 'independent' });
 * figure.vconcat[0].hconcat.length; // => 2
 */
export function concat(specs: TopLevelSpec[], options: ConcatOptions = {}): TopLevelSpec {
  requireNonEmptyArray('concat', 'specs', specs);
  requireFrameOptions('concat', options, ['columns', 'title', 'description', 'resolveColor', 'spacing']);
  const o = { resolveColor: 'independent' as const, spacing: 16, ...options };
  if (o.columns !== undefined) requireIntegerAtLeast('concat', 'columns', o.columns, 1);
  if (typeof o.spacing !== 'number') throw new TypeError(`concat requires spacing to be a number, got ${typeof o.spacing}`);
  if (!Number.isFinite(o.spacing) || o.spacing < 0) {
    throw new RangeError(`concat requires spacing to be a non-negative finite number, got ${o.spacing}`);
  }
  if (o.resolveColor !== 'shared' && o.resolveColor !== 'independent') {
    throw new RangeError(`concat requires resolveColor to be 'shared' or 'independent', got '${String(o.resolveColor)}'`);
  }
  const params: unknown[] = [];
  const panels = specs.map((spec, index) => {
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
      throw new TypeError(`concat requires specs[${index}] to be a Vega-Lite spec object`);
    }
    const panel = copy(spec as unknown as AnySpec);
    for (const key of FIGURE_KEYS) delete panel[key];
    if (Array.isArray(panel.params)) {
      const all = panel.params as AnySpec[];
      params.push(...all.filter((p) => !('select' in p)));
      const selections = all.filter((p) => 'select' in p);
      if (selections.length > 0) panel.params = selections;
      else delete panel.params;
    }
    return panel;
  });
  const colors = panels.flatMap(quantitativeColors);
  if (o.resolveColor === 'shared' && colors.length > 0) {
    const domains = colors.map((c) => (c.scale as { domain: number[] }).domain);
    const union = [Math.min(...domains.map((d) => d[0])), Math.max(...domains.map((d) => d[1]))];
    // Panels that layer heatmaps under runs coloured by name resolve colour independently inside,
    // so vega-lite cannot merge their scales: the same written-out domain makes them equal.
    colors.forEach((c, k) => {
      (c.scale as AnySpec).domain = union;
      // One legend for the shared scale: the last panel's.
      if (k < colors.length - 1) c.legend = null;
    });
  }
  const descriptions = panels.map((p, k) => `(${k + 1}) ${typeof p.description === 'string' ? p.description : 'a chart'}`);
  const layout = o.columns !== undefined ? `${o.columns} per row` : 'side by side';
  const description =
    `${panels.length} charts ${layout}` +
    `${o.resolveColor === 'shared' && colors.length > 1 ? ', sharing one colour scale' : ''}: ${descriptions.join(' ')}`;
  const {
    width: _w,
    height: _h,
    view: _v,
    ...top
  } = frame({ title: o.title, description: o.description }, description, 'concat');
  const grid = {
    // vega-lite writes a nested view's description into its SVG group as aria-label, but never the
    // top-level one: the panels sit in one described inner view so that the SVG carries it.
    description: top.description,
    ...(o.columns !== undefined ? { columns: o.columns, concat: panels } : { hconcat: panels }),
    spacing: o.spacing,
    // Scales stay independent (panels may colour runs by name); sharing is the written-out domain.
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
  };
  return {
    ...top,
    ...(params.length > 0 ? { params } : {}),
    vconcat: [grid],
  } as unknown as TopLevelSpec;
}
