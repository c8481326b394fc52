import * as fs from 'fs';
import * as path from 'path';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { describeValue } from '../guards';
import type { SurfaceFigure } from '../charts/surface-traces';
import { LOCAL_PLOTLY_PATH, PAGE_CLOSED_PATH, offlinePage } from './offline-page';

/** The only address the 3-D view's server listens on. */
export const LOOPBACK_HOST = '127.0.0.1';

/** Why a {@link SurfaceServer} stopped. */
export type SurfaceServerStop = 'window-closed' | 'closed';

/** A running 3-D view server (see {@link serveSurface3d}). */
export interface SurfaceServer {
  /** The page, `http://127.0.0.1:<port>/`. */
  url: string;
  /** The address the server is bound to: always {@link LOOPBACK_HOST}. */
  address: string;
  /** The TCP port. */
  port: number;
  /** Resolves when the server has stopped: 'window-closed' (the last page went away) or 'closed' (close()). */
  stopped: Promise<SurfaceServerStop>;
  /** Stops the server (idempotent); resolves when it has stopped. */
  close(): Promise<void>;
}

/** Options for {@link serveSurface3d}. */
export interface SurfaceServerOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /**
   * After the last page is closed (or its connection drops), wait this long for it to come back
   * (a reload) before stopping.
   * @default 3000
   */
  closeGraceMs?: number;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

interface NestApp {
  get<T>(token: unknown): T;
  use(middleware: Middleware): void;
  listen(port: number, host: string): Promise<unknown>;
  getHttpServer(): Server;
  close(): Promise<void>;
}

interface Gateway {
  handleConnection(client: unknown): void;
  handleDisconnect(client: unknown): void;
}

interface PlotsService {
  setBuffer(buffer$: unknown): void;
}

interface NodeplotlibParts {
  create(): Promise<NestApp>;
  PlotsGateway: unknown;
  PlotsService: unknown;
  buffer(figure: SurfaceFigure): unknown;
  webDir: string;
}

/**
 * nodeplotlib's NestJS server module and its services, loaded on first use (NestJS takes a few
 * hundred milliseconds to load; importing the library must not pay that). Every package is
 * resolved from nodeplotlib's own folder, so these are the copies its module was built against.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, by resolved path (see above) */
function loadNodeplotlib(): NodeplotlibParts {
  const root = path.dirname(require.resolve('nodeplotlib/package.json'));
  const fromNodeplotlib = (id: string) => require(require.resolve(id, { paths: [root] }));
  const { NestFactory } = fromNodeplotlib('@nestjs/core');
  const rxjs = fromNodeplotlib('rxjs');
  const server = path.join(root, 'src', 'lib', 'server');
  const { ServerModule } = require(path.join(server, 'server.module'));
  const { PlotsGateway } = require(path.join(server, 'plots', 'plots.gateway'));
  const { PlotsService } = require(path.join(server, 'plots', 'plots.service'));
  return {
    create: () => NestFactory.create(ServerModule, { logger: false }),
    PlotsGateway,
    PlotsService,
    // nodeplotlib's PlotsService reads a BehaviorSubject of plots, each {data$, layout$, config}.
    buffer: (figure) =>
      new rxjs.BehaviorSubject([{ data: rxjs.of(figure.data), layout: rxjs.of(figure.layout), config: { displaylogo: false } }]),
    webDir: path.join(server, 'web'),
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

function requireFigure(figure: unknown): asserts figure is SurfaceFigure {
  const ok =
    figure !== null &&
    typeof figure === 'object' &&
    Array.isArray((figure as SurfaceFigure).data) &&
    (figure as SurfaceFigure).layout !== null &&
    typeof (figure as SurfaceFigure).layout === 'object';
  if (!ok) throw new TypeError('serveSurface3d requires figure to be { data: traces[], layout } (see surfaceTraces)');
}

/**
 * Serves a plotly figure (see `surfaceTraces`) as nodeplotlib's page, on 127.0.0.1 only and with
 * no request leaving the machine. nodeplotlib's own `plot()` listens on every network interface
 * (it calls `app.listen(port)` without a host: on a laptop in a café anyone nearby could open the
 * page), loads plotly.js from a CDN (blank offline) and logs to the console; this bootstraps its
 * NestJS server module itself instead:
 *
 * - `listen(port, '127.0.0.1')`, and the bound address is checked;
 * - the page is rewritten by {@link offlinePage}, and plotly.js comes from the npm package
 *   `plotly.js-dist-min` (1.58.4, the version the page was built for);
 * - no window is opened here (see `openBrowserWindow`) and nothing is logged;
 * - the server stops by itself when the last page is closed (`stopped` resolves 'window-closed'),
 *   after `closeGraceMs` in which a reload can come back; or when `close()` is called.
 *
 * @param figure - `{ data, layout }`, e.g. from `surfaceTraces`
 * @param options - see {@link SurfaceServerOptions}
 * @returns the running server: `{ url, address, port, stopped, close }`
 * @throws {TypeError} when figure is not `{ data: [], layout: {} }`
 * @throws {RangeError} when port or closeGraceMs is out of range
 * @throws {Error} when the server cannot start or is not bound to 127.0.0.1
 * @example
 * const server = await serveSurface3d(surfaceTraces(grid, [{ name: 'adam', ...fit }]));
 * server.url; // => 'http://127.0.0.1:<port>/'
 * await server.close();
 */
export async function serveSurface3d(figure: SurfaceFigure, options: SurfaceServerOptions = {}): Promise<SurfaceServer> {
  requireFigure(figure);
  const port = options.port ?? 0;
  const closeGraceMs = options.closeGraceMs ?? 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`serveSurface3d requires port to be an integer in [0, 65535], got ${describeValue(port)}`);
  }
  if (typeof closeGraceMs !== 'number' || !Number.isFinite(closeGraceMs) || closeGraceMs < 0) {
    throw new RangeError(`serveSurface3d requires closeGraceMs to be a finite number >= 0, got ${describeValue(closeGraceMs)}`);
  }
  const parts = loadNodeplotlib();
  const page = offlinePage(fs.readFileSync(path.join(parts.webDir, 'index.html'), 'utf8'));
  const plotlyFile = require.resolve('plotly.js-dist-min/plotly.min.js');
  const app = await parts.create();

  // Pages open = page loads minus close beacons; sockets = live socket.io connections. The server
  // stops when, closeGraceMs after either drops to zero, it is still zero.
  let openPages = 0;
  let sockets = 0;
  let socketSeen = false;
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;
  let resolveStopped: (why: SurfaceServerStop) => void = () => undefined;
  const stopped = new Promise<SurfaceServerStop>((resolve) => (resolveStopped = resolve));
  const stop = (why: SurfaceServerStop): Promise<void> => {
    if (stopping) return stopping;
    clearTimeout(timer);
    stopping = app.close().finally(() => resolveStopped(why));
    return stopping;
  };
  const gone = () => openPages <= 0 || (socketSeen && sockets <= 0);
  const watch = () => {
    clearTimeout(timer);
    if (!gone()) return;
    timer = setTimeout(() => gone() && void stop('window-closed'), closeGraceMs);
  };

  app.get<PlotsService>(parts.PlotsService).setBuffer(parts.buffer(figure));
  // nodeplotlib's gateway logs every (dis)connection and shuts down on the first moment without
  // a client (a reload can do that); count instead. Replaced before listen(), which binds them.
  const gateway = app.get<Gateway>(parts.PlotsGateway);
  gateway.handleConnection = () => {
    sockets += 1;
    socketSeen = true;
    watch();
  };
  gateway.handleDisconnect = () => {
    sockets -= 1;
    watch();
  };
  app.use((req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === LOCAL_PLOTLY_PATH) {
      res.writeHead(200, { 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'max-age=3600' });
      fs.createReadStream(plotlyFile).pipe(res);
    } else if (req.method === 'POST' && url.pathname === PAGE_CLOSED_PATH) {
      openPages -= 1;
      watch();
      res.writeHead(204).end();
    } else if (req.method === 'GET' && isPagePath(url.pathname, parts.webDir)) {
      openPages += 1;
      watch();
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(page);
    } else {
      next();
    }
  });
  try {
    await app.listen(port, LOOPBACK_HOST);
  } catch (error) {
    await app.close().catch(() => undefined);
    // `cause` set by hand: the ES2020 lib of the tsconfig has no Error(message, { cause }) overload
    throw Object.assign(new Error(`serveSurface3d could not listen on ${LOOPBACK_HOST}:${port}: ${(error as Error).message}`), {
      cause: error,
    });
  }
  const bound = app.getHttpServer().address() as AddressInfo | null;
  if (!bound || bound.address !== LOOPBACK_HOST) {
    await app.close();
    throw new Error(`serveSurface3d expected to listen on ${LOOPBACK_HOST}, got ${JSON.stringify(bound)}`);
  }
  return {
    url: `http://${LOOPBACK_HOST}:${bound.port}/`,
    address: bound.address,
    port: bound.port,
    stopped,
    close: () => stop('closed'),
  };
}

/** The page itself: '/', '/index.html', or any path that is not one of nodeplotlib's files (its router's fallback). */
function isPagePath(pathname: string, webDir: string): boolean {
  if (pathname === '/' || pathname === '/index.html') return true;
  if (pathname.startsWith('/socket.io/')) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  const file = path.join(webDir, path.normalize(decoded));
  return !file.startsWith(webDir + path.sep) || !fs.existsSync(file);
}
