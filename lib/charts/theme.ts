import type { SignalRef } from 'vega';
import type { ExprRef } from 'vega-lite/build/src/expr';
import type { ViewBackground as GenericViewBackground } from 'vega-lite/build/src/spec/base';

type ViewBackground = GenericViewBackground<ExprRef | SignalRef>;
import { requireFrameOptions } from './validate';

/**
 * The one place where Likelihood Lab's charts get their look: the Vega-Lite schema URL, the
 * default plot size and the font sizes. Every builder in `lib/charts` starts from these values,
 * so changing a font size here changes every figure in every notebook.
 *
 * The `config` block uses only properties that vega-lite 5.6 (JupyterLab 4's bundled renderer)
 * understands, and names generic fonts so that the headless SVG looks the same on any machine.
 *
 * @example
 * import { chartTheme } from './theme';
 * const spec = { $schema: chartTheme.schema, width: chartTheme.width, height: chartTheme.height,
 *   config: chartTheme.config, mark: 'point' };
 * spec.width; // => 360
 */
export const chartTheme = {
  /** Vega-Lite v5 schema URL; JupyterLab picks its renderer from the mime type, not from here. */
  schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  /** Default plot width in pixels. */
  width: 360,
  /** Default plot height in pixels. */
  height: 280,
  /**
   * Longest side, in pixels, of a parameter-plane plot (heatmap, paths) drawn with equal axis
   * scales when neither width nor height is given: [-5, 5]^2 becomes 320 x 320.
   */
  planeSize: 320,
  /** Vega-Lite `config` block shared by all charts. */
  config: {
    font: 'Helvetica, Arial, sans-serif',
    title: { fontSize: 14, subtitleFontSize: 11, anchor: 'start' as const },
    axis: { labelFontSize: 11, titleFontSize: 12 },
    legend: { labelFontSize: 11, titleFontSize: 12 },
  },
};

/**
 * Title, size and description: the options every chart builder takes.
 *
 * @example
 * const options: FrameOptions = { title: 'Adam', width: 300, description: 'Adam reaches the MLE in 40 steps.' };
 */
export interface FrameOptions {
  /**
   * What the chart shows, in words, for readers with screen readers: written into the spec's
   * top-level `description` and into the plot group's `aria-label` of the rendered SVG.
   * @default a sentence each builder writes from its data, e.g. 'Line chart of 3 series ...'
   */
  description?: string;
  /** Chart title; in a {@link layer}, the first spec that has one titles the figure. @default undefined (no title) */
  title?: string;
  /** Plot width in pixels. @default chartTheme.width */
  width?: number;
  /** Plot height in pixels. @default chartTheme.height */
  height?: number;
}

/**
 * The top-level fields every chart starts with, in one place: the schema, the title when given,
 * the description, the size (theme defaults) and the shared config.
 *
 * The description goes twice into the spec: as Vega-Lite's top-level `description` (which vega
 * gives to the DOM element of the interactive view) and as `view.description`, which vega-lite
 * writes into the plot group's encoding, so that the headless SVG (nbconvert, GitHub, PDF)
 * carries it as `aria-label` too (the top-level `description` alone never reaches the SVG).
 *
 * @param options - title, width, height and description; missing sizes take the theme's
 * @param defaultDescription - used when `options.description` is not given (must not be empty)
 * @returns the fields to spread first into a top-level spec
 * @throws {TypeError} when a given title or description is not a string
 * @throws {RangeError} when a given width or height is not a positive finite number, or both
 *   descriptions are empty
 * @example
 * const spec = { ...frame({ title: 'L per step' }, 'Line chart of L per step'), mark: 'line' };
 * spec.width; // => 360
 * spec.description; // => 'Line chart of L per step'
 */
export function frame(
  options: FrameOptions,
  defaultDescription: string,
  fn = 'frame',
): {
  $schema: string;
  title?: string;
  description: string;
  width: number;
  height: number;
  config: typeof chartTheme.config;
  view: ViewBackground;
} {
  requireFrameOptions(fn, options);
  const description = options.description ?? defaultDescription;
  if (typeof description !== 'string' || description.trim().length === 0) {
    throw new RangeError(`${fn} requires description to be a non-empty string`);
  }
  return {
    $schema: chartTheme.schema,
    ...(options.title !== undefined ? { title: options.title } : {}),
    description,
    width: options.width ?? chartTheme.width,
    height: options.height ?? chartTheme.height,
    config: chartTheme.config,
    // Not in vega-lite's ViewBackground type, but vega-lite copies every view property into the
    // plot group's encoding, and vega writes a group's description as its aria-label.
    view: { description } as ViewBackground,
  };
}
