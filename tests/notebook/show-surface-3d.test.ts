import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import type { DisplayContent } from '../../lib/notebook/display';
import { closeSurface3d, showSurface3d } from '../../lib/notebook/show-surface-3d';

const grid = {
  xs: [-1, 0, 1],
  ys: [-1, 0, 1],
  values: [
    [-2, -1, -2],
    [-1, 0, -1],
    [-2, -1, -2],
  ],
};
const paths = [
  {
    name: 'adam',
    path: [
      [-1, -1],
      [0, 0],
    ],
    logLikelihoods: [-2, 0],
  },
];
const HINT = 'to explore the surface in 3-D, run `npm run explore` in a terminal (`npm run explore -- --help`)';

/** A fake notebook: collects what the call shows, and the URLs it asked to open. */
function fakeNotebook() {
  const outputs: DisplayContent[] = [];
  const opened: string[] = [];
  return {
    outputs,
    opened,
    writer: (content: DisplayContent, update: boolean) => {
      assert.equal(update, false);
      outputs.push(content);
    },
    openWindow: async (url: string) => {
      opened.push(url);
    },
    lines: () => outputs.map((o) => o.data['text/plain'] as string),
  };
}

afterEach(() => closeSurface3d());

describe('showSurface3d', () => {
  it('in a batch run (nbconvert/nbclient) prints one fixed line and starts nothing', async () => {
    const nb = fakeNotebook();
    const environment = { env: { JPY_PARENT_PID: '7', DISPLAY: ':0' }, platform: 'linux' };
    await showSurface3d(grid, paths, { environment, writer: nb.writer, openWindow: nb.openWindow });
    await showSurface3d(grid, paths, { environment, writer: nb.writer, openWindow: nb.openWindow });
    const line = `3-D view not opened: this notebook is being run by nbconvert/nbclient; ${HINT}.`;
    assert.deepEqual(nb.lines(), [line, line]); // the same on every run: no port, no time
    assert.deepEqual(nb.outputs[0], { data: { 'text/plain': line }, metadata: {}, transient: {} });
    assert.deepEqual(nb.opened, []);
  });

  it("with window: 'never' says so and starts nothing", async () => {
    const nb = fakeNotebook();
    await showSurface3d(grid, paths, {
      window: 'never',
      environment: { env: { DISPLAY: ':0' }, platform: 'linux' },
      writer: nb.writer,
      openWindow: nb.openWindow,
    });
    assert.deepEqual(nb.lines(), [`3-D view not opened: window: 'never' was asked; ${HINT}.`]);
    assert.deepEqual(nb.opened, []);
  });

  it('outside a kernel without a display (a script over SSH) prints the line and starts nothing', async () => {
    const nb = fakeNotebook();
    await showSurface3d(grid, paths, {
      environment: { env: {}, platform: 'linux' },
      writer: nb.writer,
      openWindow: nb.openWindow,
    });
    assert.deepEqual(nb.lines(), [
      `3-D view not opened: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set); ${HINT}.`,
    ]);
  });

  it('in JupyterLab with a display opens a window on the served page and prints its URL', async () => {
    const nb = fakeNotebook();
    const environment = { env: { JPY_PARENT_PID: '7', JPY_SESSION_NAME: '/nb/02.ipynb', DISPLAY: ':0' }, platform: 'linux' };
    await showSurface3d(grid, paths, { environment, writer: nb.writer, openWindow: nb.openWindow, title: 'Adam on L' });
    assert.equal(nb.opened.length, 1);
    const url = nb.opened[0];
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.deepEqual(nb.lines(), [`3-D view opened in a browser window: ${url} (it stops when the window is closed)`]);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    await closeSurface3d();
    await assert.rejects(fetch(url));
  });

  it('in JupyterLab on a remote server (no display) serves the page and says how to reach it', async () => {
    const nb = fakeNotebook();
    const environment = { env: { JPY_PARENT_PID: '7', JPY_SESSION_NAME: '/nb/02.ipynb' }, platform: 'linux' };
    await showSurface3d(grid, paths, { environment, writer: nb.writer, openWindow: nb.openWindow });
    assert.deepEqual(nb.opened, []);
    const [line] = nb.lines();
    const port = Number(/127\.0\.0\.1:(\d+)\//.exec(line)?.[1]);
    assert.equal(
      line,
      `3-D view served at http://127.0.0.1:${port}/, no window opened (there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)); ` +
        `it listens on 127.0.0.1 only: from another machine, forward the port, e.g. ssh -L ${port}:127.0.0.1:${port} <this host>`,
    );
    assert.equal((await fetch(`http://127.0.0.1:${port}/`)).status, 200);
  });

  it('when the window cannot be opened, keeps the page served and says why', async () => {
    const nb = fakeNotebook();
    const failing = async () => {
      throw new Error('openBrowserWindow could not run xdg-open: spawn xdg-open ENOENT');
    };
    await showSurface3d(grid, paths, {
      window: 'always',
      environment: { env: {}, platform: 'linux' },
      writer: nb.writer,
      openWindow: failing,
    });
    assert.match(
      nb.lines()[0],
      /^3-D view served at http:\/\/127\.0\.0\.1:\d+\/, no window opened \(openBrowserWindow could not run xdg-open: spawn xdg-open ENOENT\); /,
    );
  });

  it('running the cell again replaces the previous view (one server per kernel)', async () => {
    const nb = fakeNotebook();
    const environment = { env: { DISPLAY: ':0' }, platform: 'linux' };
    await showSurface3d(grid, paths, { environment, writer: nb.writer, openWindow: nb.openWindow });
    await showSurface3d(grid, paths, { environment, writer: nb.writer, openWindow: nb.openWindow });
    const [first, second] = nb.opened;
    assert.notEqual(first, second);
    await assert.rejects(fetch(first));
    assert.equal((await fetch(second)).status, 200);
  });

  it('checks its input even when nothing is opened, with exact messages', async () => {
    const batch = { environment: { env: { JPY_PARENT_PID: '7' }, platform: 'linux' }, writer: fakeNotebook().writer };
    await assert.rejects(showSurface3d(grid, [{ name: 'a', path: [[0, 0]], logLikelihoods: [] }], batch), {
      name: 'RangeError',
      message: 'surfaceTraces requires paths[0].logLikelihoods to be a non-empty array',
    });
    await assert.rejects(showSurface3d(grid, paths, { ...batch, windw: 'never' } as any), {
      name: 'RangeError',
      message:
        /^showSurface3d requires options to have only the keys 'title', .*'window', .*, got 'windw' \(did you mean 'window'\?\)$/,
    });
    await assert.rejects(showSurface3d(grid, paths, { ...batch, window: 'sometimes' as any }), {
      name: 'RangeError',
      message: "showSurface3d requires window to be 'auto', 'always' or 'never', got 'sometimes'",
    });
  });
});
