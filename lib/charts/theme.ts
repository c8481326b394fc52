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
  /** Vega-Lite `config` block shared by all charts. */
  config: {
    font: 'Helvetica, Arial, sans-serif',
    title: { fontSize: 14, subtitleFontSize: 11, anchor: 'start' as const },
    axis: { labelFontSize: 11, titleFontSize: 12 },
    legend: { labelFontSize: 11, titleFontSize: 12 },
  },
};

/** Title and size: the options every chart builder takes. */
export interface FrameOptions {
  /** Chart title; in a {@link layer}, the first spec that has one titles the figure. @default undefined (no title) */
  title?: string;
  /** Plot width in pixels. @default chartTheme.width */
  width?: number;
  /** Plot height in pixels. @default chartTheme.height */
  height?: number;
}

/**
 * The top-level fields every chart starts with, in one place: the schema, the title when given,
 * the size (theme defaults) and the shared config.
 *
 * @param options - title, width and height; missing sizes take the theme's
 * @returns the fields to spread first into a top-level spec
 * @example
 * const spec = { ...frame({ title: 'L per step' }), mark: 'line' };
 * spec.width; // => 360
 */
export function frame(options: FrameOptions): {
  $schema: string;
  title?: string;
  width: number;
  height: number;
  config: typeof chartTheme.config;
} {
  return {
    $schema: chartTheme.schema,
    ...(options.title !== undefined ? { title: options.title } : {}),
    width: options.width ?? chartTheme.width,
    height: options.height ?? chartTheme.height,
    config: chartTheme.config,
  };
}
