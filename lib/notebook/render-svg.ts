import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { compactSvg } from './compact-svg';

interface Renderers {
  vega: typeof Vega;
  vegaLite: typeof VegaLite;
  // vega 5 exports this reset (from vega-scenegraph) but its typings do not declare it.
  resetSvgDefIds: () => void;
}

let renderers: Renderers | null = null;

// vega and vega-lite are loaded on the first render, not when the library is imported: together
// they cost ~100 ms of a notebook's `import * as lab`, and a notebook that draws no chart (or a
// script that only computes) should not pay for them. Runtime requires, typed by the type-only
// imports above; Node caches the modules, and this object, after the first call.
function loadRenderers(): Renderers {
  if (renderers === null) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vega = require('vega') as typeof Vega;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vegaLite = require('vega-lite') as typeof VegaLite;
    renderers = { vega, vegaLite, resetSvgDefIds: (vega as unknown as { resetSVGDefIds: () => void }).resetSVGDefIds };
  }
  return renderers;
}

/** Options for {@link renderSvg}. */
export interface RenderSvgOptions {
  /**
   * Decimal places kept in SVG geometry (a hundredth of a pixel is invisible).
   * @default 2
   */
  decimals?: number;
}

/**
 * Renders a Vega-Lite spec to an SVG string in Node, without a browser and without the native
 * `canvas` package: the picture that nbconvert's HTML, GitHub and PDF exports show, since none of
 * them run Vega.
 *
 * vega and vega-lite are loaded on the first call (not when the library is imported), so
 * importing the library stays fast and only a notebook that draws a chart pays for them.
 *
 * Compiles with vega-lite, parses with vega and renders with a headless view
 * (`renderer: 'none'`), then finalizes the view so that no timers or listeners stay behind.
 * The output is deterministic: vega numbers clip paths and gradients with process-wide
 * counters, which are reset before every render, so the same spec always gives the same bytes.
 * Text widths are estimated (no canvas to measure fonts), so labels may sit a pixel or two off
 * from the browser's rendering. Geometry is rounded to `options.decimals` places and colours
 * written as hex ({@link compactSvg}), which halves the size of dense charts such as heatmaps.
 *
 * @param spec - a Vega-Lite v5 spec
 * @param options - `decimals`: decimal places kept in geometry attributes (default 2)
 * @returns the SVG markup, starting with `<svg`
 * @throws {Error} when vega-lite cannot compile the spec or vega cannot render it
 * @example
 * const svg = await renderSvg({ mark: 'point', data: { values: [{ a: 1 }] },
 *   encoding: { x: { field: 'a', type: 'quantitative' } } });
 * svg.startsWith('<svg'); // => true
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderSvgOptions = {}): Promise<string> {
  const { vega, vegaLite, resetSvgDefIds } = loadRenderers();
  const compiled = vegaLite.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    resetSvgDefIds();
    return compactSvg(await view.toSVG(), options.decimals ?? 2);
  } finally {
    view.finalize();
  }
}
