import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import { surfaceTraces } from '../../lib/charts/surface-traces';
import { LOCAL_PLOTLY_PATH, PAGE_CLOSED_PATH } from '../../lib/notebook/offline-page';
import { LOOPBACK_HOST, serveSurface3d } from '../../lib/notebook/surface-server';
import type { SurfaceServer } from '../../lib/notebook/surface-server';

const grid = {
  xs: [-1, 0, 1],
  ys: [-1, 0, 1],
  values: [
    [-2, -1, -2],
    [-1, 0, -1],
    [-2, -1, -2],
  ],
};
const figure = surfaceTraces(grid, [
  {
    name: 'GD',
    path: [
      [-1, -1],
      [0, 0],
    ],
    logLikelihoods: [-2, 0],
  },
]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a TCP connection to host:port is accepted (true) or refused (false). */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(3000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/** Local addresses of the listening TCP sockets on `port`, from /proc/net/tcp and tcp6 (Linux). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields.length > 3 && fields[3] === '0A' && fields[1].endsWith(`:${hexPort}`))
      .map((fields) => fields[1].split(':')[0]),
  );
}

async function withServer(run: (server: SurfaceServer) => Promise<void>, closeGraceMs = 3000): Promise<void> {
  const server = await serveSurface3d(figure, { closeGraceMs });
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

describe('serveSurface3d', () => {
  it('listens on 127.0.0.1 only, and the page is reachable through it', async () => {
    await withServer(async (server) => {
      assert.equal(server.address, LOOPBACK_HOST);
      assert.equal(server.url, `http://127.0.0.1:${server.port}/`);
      assert.ok(server.port > 0);
      assert.equal(await connects('127.0.0.1', server.port), true);
      if (process.platform === 'linux') {
        // one listening socket, on 0100007F = 127.0.0.1 (little-endian hex), none on 0.0.0.0 or ::
        assert.deepEqual(listeningAddresses(server.port), ['0100007F']);
      }
      const outside = Object.values(os.networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal);
      if (outside) assert.equal(await connects(outside.address, server.port), false, `reachable from ${outside.address}`);
    });
  });

  it("serves the offline page, plotly.js from the npm package, and nodeplotlib's app files", async () => {
    await withServer(async (server) => {
      const page = await fetch(server.url);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      const html = await page.text();
      assert.ok(html.includes(`src="${LOCAL_PLOTLY_PATH}"`));
      assert.doesNotMatch(html, /https?:\/\//);
      const plotly = await fetch(new URL(LOCAL_PLOTLY_PATH, server.url));
      assert.equal(plotly.status, 200);
      assert.match(plotly.headers.get('content-type') ?? '', /^application\/javascript/);
      const body = Buffer.from(await plotly.arrayBuffer());
      assert.ok(body.equals(fs.readFileSync(require.resolve('plotly.js-dist-min/plotly.min.js'))));
      const app = await fetch(new URL('/main.js', server.url));
      assert.equal(app.status, 200);
      assert.ok((await app.text()).includes('Plotly.newPlot'));
      // the app's router falls back to the page for other paths: the offline one, too
      assert.ok((await (await fetch(new URL('/plots/1', server.url))).text()).includes(LOCAL_PLOTLY_PATH));
    });
  });

  it('stops by itself when the last page is closed, after the grace time', async () => {
    const server = await serveSurface3d(figure, { closeGraceMs: 50 });
    try {
      await (await fetch(server.url)).text();
      assert.equal((await fetch(new URL(PAGE_CLOSED_PATH, server.url), { method: 'POST' })).status, 204);
      const why = await Promise.race([server.stopped, sleep(5000).then(() => 'still running')]);
      assert.equal(why, 'window-closed');
      assert.equal(await connects('127.0.0.1', server.port), false);
    } finally {
      await server.close();
    }
  });

  it('keeps serving through a reload (the page comes back within the grace time)', async () => {
    const server = await serveSurface3d(figure, { closeGraceMs: 300 });
    await (await fetch(server.url)).text();
    await fetch(new URL(PAGE_CLOSED_PATH, server.url), { method: 'POST' });
    await (await fetch(server.url)).text();
    const why = await Promise.race([server.stopped, sleep(800).then(() => 'still running')]);
    assert.equal(why, 'still running');
    await server.close();
    await server.close(); // idempotent
    assert.equal(await server.stopped, 'closed');
  });

  it('rejects bad arguments with exact messages', async () => {
    await assert.rejects(serveSurface3d({} as any), {
      name: 'TypeError',
      message: 'serveSurface3d requires figure to be { data: traces[], layout } (see surfaceTraces)',
    });
    await assert.rejects(serveSurface3d(figure, { port: 70000 }), {
      name: 'RangeError',
      message: 'serveSurface3d requires port to be an integer in [0, 65535], got 70000',
    });
    await assert.rejects(serveSurface3d(figure, { closeGraceMs: -1 }), {
      name: 'RangeError',
      message: 'serveSurface3d requires closeGraceMs to be a finite number >= 0, got -1',
    });
  });

  it('says which port it could not listen on', async () => {
    await withServer(async (first) => {
      await assert.rejects(serveSurface3d(figure, { port: first.port }), {
        message: new RegExp(`^serveSurface3d could not listen on 127\\.0\\.0\\.1:${first.port}: .*EADDRINUSE`),
      });
    });
  });
});
