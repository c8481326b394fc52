import type { TopLevelSpec } from 'vega-lite';
import { inspect } from 'util';
import { renderSvg } from './render-svg';
import { renderPng } from './render-png';

/**
 * The `content` of a Jupyter display_data / update_display_data message: mime type to payload
 * (JSON mime types as objects, text as strings), per-mime metadata, and `transient` fields such as
 * the `display_id` that later updates address (transient fields are not saved in the notebook).
 */
export interface DisplayContent {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}

/**
 * Sends one message to the notebook front end: `update = false` sends display_data (a new output),
 * `update = true` sends update_display_data (replaces the output with the same display_id).
 * This is the signature of tslab's internal writer.
 */
export type DisplayWriter = (content: DisplayContent, update: boolean) => void;

/** Options shared by the display helpers. */
export interface DisplayOptions {
  /**
   * Where the message goes. Tests inject a fake writer here.
   * @default the running tslab kernel's writer; outside a kernel, a one-line text fallback on stdout
   */
  writer?: DisplayWriter;
}

type TslabJupyterModule = { lastWriteDisplayData: DisplayWriter | null };

// tslab sets `lastWriteDisplayData` on its module `dist/jupyter.js` at every execute request.
// The kernel's copy of that module is the one to read: it is found in the require cache rather
// than required by name, because (a) a cell's require('tslab') is redirected to the kernel's own
// tslab, which need not be the copy our node_modules holds, and (b) requiring it outside a kernel
// would load zeromq for nothing.
const TSLAB_JUPYTER = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

function kernelWriter(): DisplayWriter | null {
  for (const [file, cached] of Object.entries(require.cache)) {
    if (!TSLAB_JUPYTER.test(file) || cached === undefined) continue;
    const writer = (cached.exports as TslabJupyterModule).lastWriteDisplayData;
    if (typeof writer === 'function') return writer;
  }
  return null;
}

function textFallback(content: DisplayContent): void {
  const text = content.data['text/plain'];
  process.stdout.write(`${typeof text === 'string' ? text : '[display]'}\n`);
}

/**
 * The writer the display helpers use: the injected one, else the running tslab kernel's, else a
 * fallback that prints the `text/plain` part to stdout (so a script that imports a notebook helper
 * still runs, and says what it would have shown).
 *
 * @param options - may carry an injected writer
 * @returns a display writer; never null
 * @example
 * const write = resolveDisplayWriter({});
 * typeof write; // => 'function'
 */
export function resolveDisplayWriter(options: DisplayOptions = {}): DisplayWriter {
  return options.writer ?? kernelWriter() ?? ((content) => textFallback(content));
}

/** Options for {@link showChart}. */
export interface ShowChartOptions extends DisplayOptions {
  /** Title sent as text/plain (what a text-only front end shows). @default 'chart' */
  title?: string;
}

// What a cell prints when its last expression is a showChart(...) without await: tslab prints the
// value with util.inspect, which would say `Promise { <pending> }`.
const UNAWAITED_HINT =
  'showChart: the chart goes to this cell once rendered; write `await` before showChart to keep it above later outputs';

/**
 * Shows a Vega-Lite chart in the notebook as ONE display_data message with four
 * representations: `application/vnd.vegalite.v5+json` (the spec as a JSON object, drawn
 * interactively by JupyterLab, tooltips and menus working), `image/svg+xml` (rendered here in
 * Node, what nbconvert HTML, GitHub and PDF show, since they run no JavaScript), `image/png`
 * (the SVG rasterised at 2x by {@link renderPng}; without it JupyterLab adds its own PNG on every
 * opening, which marks the notebook changed) and `text/plain` (the title). tslab's public
 * `display` API cannot do this: it sends one mime type per message and every payload as a string,
 * which JupyterLab's Vega renderer cannot read.
 *
 * The destination is fixed when showChart is called, not when the images are ready: tslab
 * replaces its writer at every execute request, so a chart rendered after its cell finished
 * (`showChart(...)` without `await`, then Run All) would otherwise land under a later cell.
 *
 * Resolves to nothing on purpose: a cell's last expression is printed, and printing the bundle
 * would dump the whole spec into the notebook. Await it, so the chart appears before the next
 * output.
 *
 * @param spec - a Vega-Lite v5 spec (e.g. from `lib/charts`)
 * @param options - see {@link ShowChartOptions}
 * @returns a promise that resolves once the message is sent
 * @throws {TypeError} when spec is not an object
 * @throws {Error} when vega cannot compile or render the spec
 * @example
 * await showChart(layer(heatmap(grid), pathOverlay(paths)), { title: 'Adam vs SGD on the log-likelihood' });
 */
export function showChart(spec: TopLevelSpec, options: ShowChartOptions = {}): Promise<void> {
  // resolved now, while the calling cell's writer is the current one
  const write = resolveDisplayWriter(options);
  const sent = (async () => {
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
      throw new TypeError('showChart requires spec to be a Vega-Lite spec object');
    }
    const svg = await renderSvg(spec);
    const png = await renderPng(svg);
    write(
      {
        data: {
          'application/vnd.vegalite.v5+json': spec,
          'image/svg+xml': svg,
          'image/png': png.toString('base64'),
          'text/plain': options.title ?? 'chart',
        },
        metadata: {},
        transient: {},
      },
      false,
    );
  })();
  Object.defineProperty(sent, inspect.custom, { value: () => UNAWAITED_HINT });
  return sent;
}
