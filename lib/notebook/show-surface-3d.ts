import { assertOptions, describeValue } from '../guards';
import { SURFACE_TRACES_OPTION_KEYS, surfaceTraces } from '../charts/surface-traces';
import type { SurfacePath, SurfaceTracesOptions } from '../charts/surface-traces';
import type { HeatmapGrid } from '../charts/heatmap';
import { resolveDisplayWriter } from './display';
import type { DisplayOptions } from './display';
import { openBrowserWindow, windowSupport } from './browser-window';
import type { WindowEnvironment } from './browser-window';
import { serveSurface3d } from './surface-server';
import type { SurfaceServer } from './surface-server';

/** Options for {@link showSurface3d}: the figure's (see `surfaceTraces`), and where it goes. */
export interface ShowSurface3dOptions extends SurfaceTracesOptions, DisplayOptions {
  /**
   * 'auto': open a window where one can be opened (see `windowSupport`); in JupyterLab without a
   * display (a remote server) serve the page and print its address; in a batch run (nbconvert,
   * nbclient, CI) print one line and start nothing. 'always': try to open a window whatever the
   * environment says (e.g. a kernel started by an editor rather than by JupyterLab). 'never':
   * print the one line and start nothing.
   * @default 'auto'
   */
  window?: 'auto' | 'always' | 'never';
  /** TCP port of the page on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /** Environment to decide from. Tests inject one. @default the process's */
  environment?: WindowEnvironment;
  /** Opens a URL in a browser. Tests inject one. @default openBrowserWindow */
  openWindow?: (url: string) => Promise<void>;
}

/** The hint every "not opened" line ends with. */
export const EXPLORE_HINT = 'to explore the surface in 3-D, run `npm run explore` in a terminal (`npm run explore -- --help`)';

// At most one 3-D view per kernel: running the cell again replaces the previous one.
let current: SurfaceServer | undefined;

/**
 * Stops the 3-D view server that {@link showSurface3d} started, if it is still running.
 *
 * @returns a promise that resolves once it has stopped
 * @example
 * await closeSurface3d();
 */
export async function closeSurface3d(): Promise<void> {
  const server = current;
  current = undefined;
  if (server) await server.close();
}

/**
 * ONE notebook call for the 3-D picture: the log-likelihood surface with the optimizers' paths
 * on it (see `surfaceTraces`), opened in a browser window through nodeplotlib's page, served on
 * 127.0.0.1 only and fully offline (see `serveSurface3d`). Prints exactly one line in the cell:
 *
 * - a window could be opened: `3-D view opened in a browser window: http://127.0.0.1:<port>/ ...`;
 * - JupyterLab on a machine without a display (a remote server): the page is served, and the line
 *   gives its address and how to reach it over SSH;
 * - a batch run (nbconvert/nbclient, CI) or `window: 'never'`: nothing is started, and the line
 *   says why and how to explore in a terminal. It has no port or time in it, so a saved notebook
 *   is the same on every run and machine.
 *
 * The call returns as soon as the page is served; it never waits for the window. The server
 * stops when the window is closed, when the cell runs again (one view per kernel), or with
 * {@link closeSurface3d}. Resolves to nothing, so the cell prints nothing else.
 *
 * @param grid - the surface, e.g. `logLikelihoodGrid(rows, covariance, { steps: 81 })`
 * @param paths - the runs, e.g. `[{ name: 'adam', ...fitAdam }, { name: 'momentum', ...fitMomentum }]`
 * @param options - see {@link ShowSurface3dOptions}
 * @returns a promise that resolves once the line is printed
 * @throws {TypeError} / {RangeError} from `surfaceTraces` for bad input (also in batch runs), or
 *   when window is not 'auto', 'always' or 'never'
 * @throws {Error} when the page cannot be served
 * @example
 * await showSurface3d(grid, [{ name: 'adam', ...fit }], { title: 'Adam on L(mu)' });
 * // prints e.g. "3-D view not opened: this notebook is being run by nbconvert/nbclient; to explore ..."
 */
export async function showSurface3d(grid: HeatmapGrid, paths: SurfacePath[], options: ShowSurface3dOptions = {}): Promise<void> {
  assertOptions('showSurface3d', options, [
    ...SURFACE_TRACES_OPTION_KEYS,
    'window',
    'port',
    'environment',
    'openWindow',
    'writer',
  ]);
  const { window: windowMode = 'auto', port = 0, environment, openWindow = openBrowserWindow, writer, ...traceOptions } = options;
  if (!['auto', 'always', 'never'].includes(windowMode)) {
    throw new RangeError(`showSurface3d requires window to be 'auto', 'always' or 'never', got ${describeValue(windowMode)}`);
  }
  const figure = surfaceTraces(grid, paths, traceOptions);
  const say = (text: string) =>
    resolveDisplayWriter({ writer })({ data: { 'text/plain': text }, metadata: {}, transient: {} }, false);
  await closeSurface3d();

  const support = windowSupport(environment);
  const env = (environment ?? { env: process.env }).env;
  const inKernel = env.JPY_PARENT_PID !== undefined && env.JPY_PARENT_PID !== '';
  let plan: 'window' | 'serve' | 'none' = 'none';
  let reason = `window: '${windowMode}' was asked`;
  if (windowMode === 'always' || (windowMode === 'auto' && support.canOpen)) plan = 'window';
  else if (windowMode === 'auto') {
    reason = support.reason;
    plan = !support.unattended && inKernel ? 'serve' : 'none';
  }
  if (plan === 'none') {
    say(`3-D view not opened: ${reason}; ${EXPLORE_HINT}.`);
    return;
  }

  const server = await serveSurface3d(figure, { port });
  current = server;
  void server.stopped.then(() => {
    if (current === server) current = undefined;
  });
  if (plan === 'window') {
    try {
      await openWindow(server.url);
      say(`3-D view opened in a browser window: ${server.url} (it stops when the window is closed)`);
      return;
    } catch (error) {
      reason = (error as Error).message;
    }
  }
  say(
    `3-D view served at ${server.url}, no window opened (${reason}); it listens on 127.0.0.1 only: ` +
      `from another machine, forward the port, e.g. ssh -L ${server.port}:127.0.0.1:${server.port} <this host>`,
  );
}
