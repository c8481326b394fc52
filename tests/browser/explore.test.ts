/*
 * `npm run explore` in a real browser: the command runs in its test mode (--serve-only
 * --exit-after) with the example options of its --help; headless Chromium (the kit's) opens the
 * printed URL with every request that is not to that server blocked (and recorded); the test
 * checks that the server listens on 127.0.0.1 only, that the page loaded plotly.js from the
 * server and asked nothing of any other host, that plotly drew the expected traces (one full-data
 * surface, the mini-batch surfaces, one line per optimizer) and that the WebGL canvas really shows
 * the surface and the lines (pixel colours of a screenshot), saves that screenshot, then closes
 * the page and checks that the command ends by itself.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { spawn, ChildProcess } from 'child_process';
import type { Page } from 'playwright-core';
import { BrowserHandle, launchBrowser, projectRoot, screenshotsDir } from './browser-kit';

const ARGS = ['--optimizers', 'adam,momentum', '--lr', '0.05', '--batch', '100', '--n', '10000', '--seed', '1'];
const LOCAL_PLOTLY_PATH = '/likelihood-lab/plotly.min.js';
// nodeplotlib's own page calls Plotly.react in ngOnChanges before its view exists (its bug, also
// without our server); the plot is drawn right after by ngAfterViewInit. Nothing else may fail.
const KNOWN_PAGE_ERROR = "Cannot read properties of undefined (reading 'nativeElement')";

// The tsconfig has no DOM lib: code run in the page reaches the DOM through a loose type.
type Dom = any;

interface Explore {
  child: ChildProcess;
  stdout: () => string;
  exited: Promise<number | null>;
}

function startExplore(extra: string[]): Explore {
  const child = spawn(process.execPath, [path.join(projectRoot, 'scripts', 'explore.js'), ...ARGS, ...extra], {
    cwd: projectRoot,
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, exited };
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs: number, explain: () => string): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what} within ${timeoutMs} ms; output so far:\n${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Local addresses (hex, as in /proc/net/tcp) of the TCP sockets listening on `port`. */
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

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(3000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

/**
 * Counts screenshot pixels near each of the given colours (within `tolerance` per channel), and
 * colourful ones, outside the `skip` rectangle (the legend, whose swatches have the line colours).
 */
async function colourCounts(
  page: Page,
  png: Buffer,
  colours: number[][],
  tolerance: number,
  skip: { x: number; y: number; width: number; height: number },
): Promise<{ total: number; colourful: number; near: number[] }> {
  return page.evaluate(
    async ({ b64, colours, tolerance, skip }) => {
      const doc = (globalThis as Dom).document;
      const img = new (globalThis as Dom).Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = doc.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const near = colours.map(() => 0);
      let colourful = 0;
      for (let p = 0; p < data.length; p += 4) {
        const [x, y] = [(p / 4) % img.width, Math.floor(p / 4 / img.width)];
        if (x >= skip.x && x < skip.x + skip.width && y >= skip.y && y < skip.y + skip.height) continue;
        const [r, g, b] = [data[p], data[p + 1], data[p + 2]];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colourful += 1;
        colours.forEach(([cr, cg, cb], k) => {
          if (Math.abs(r - cr) <= tolerance && Math.abs(g - cg) <= tolerance && Math.abs(b - cb) <= tolerance) near[k] += 1;
        });
      }
      return { total: data.length / 4, colourful, near };
    },
    { b64: png.toString('base64'), colours, tolerance, skip },
  );
}

describe('npm run explore in a real browser: loopback, offline, the 3-D surface with one line per optimizer', () => {
  let explore: Explore | undefined;
  let handle: BrowserHandle | undefined;
  let url = '';

  before(
    async () => {
      explore = startExplore(['--serve-only', '--exit-after', '600']);
      const running = explore;
      url = await waitFor(
        'explore printed no "3-D view: <url>" line',
        () => /3-D view: (http:\/\/\S+)/.exec(running.stdout())?.[1],
        180000,
        running.stdout,
      );
      handle = await launchBrowser();
    },
    { timeout: 240000 },
  );

  after(
    async () => {
      if (handle) await handle.close();
      if (explore && explore.child.exitCode === null) explore.child.kill('SIGKILL');
    },
    { timeout: 30000 },
  );

  it('says what it computed, one line per optimizer', () => {
    const out = explore!.stdout();
    assert.match(out, /^data: 10000 points from N\(\(1, 1\), 5 I\), seed 1; sample mean \(the MLE\) \(/m);
    assert.match(out, /^adam +lr 0\.05, batch 100, 'mean': (max-steps|converged) after \d+ steps/m);
    assert.match(out, /^momentum +lr 0\.05, batch 100, 'mean': (max-steps|converged) after \d+ steps/m);
  });

  it('listens on 127.0.0.1 and nowhere else', async () => {
    const port = Number(new URL(url).port);
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(await connects('127.0.0.1', port), true);
    if (process.platform === 'linux')
      assert.deepEqual(listeningAddresses(port), ['0100007F'], 'one listening socket, on 127.0.0.1');
    const outside = Object.values(os.networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal);
    for (const address of outside) {
      assert.equal(await connects(address!.address, port), false, `the page is reachable through ${address!.address}`);
    }
  });

  it('renders the surface and the paths in Chromium with no request leaving the machine', { timeout: 240000 }, async () => {
    const page = await handle!.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(url).origin;
    const blocked: string[] = [];
    const served: string[] = [];
    const errors: string[] = [];
    await page.route('**/*', (route) => {
      const requested = route.request().url();
      if (new URL(requested).origin === origin) return route.continue();
      blocked.push(requested);
      return route.abort();
    });
    page.on('response', (response) => served.push(`${response.status()} ${new URL(response.url()).pathname}`));
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });

    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.locator('.js-plotly-plot .gl-container canvas').first().waitFor({ state: 'attached', timeout: 90000 });
    const traces = await page
      .waitForFunction(
        () => {
          const graph = ((globalThis as Dom).document as Dom).querySelector('.js-plotly-plot');
          if (!graph || !graph._fullData || !graph._fullLayout?.scene?._scene) return undefined;
          return graph._fullData.map((t: Dom) => ({
            type: t.type,
            name: t.name,
            points: t.type === 'surface' ? t.z.length * t.z[0].length : t.x.length,
          }));
        },
        undefined,
        { timeout: 60000 },
      )
      .then((h) => h.jsonValue() as Promise<{ type: string; name: string; points: number }[]>);

    const surfaces = traces.filter((t) => t.type === 'surface');
    const lines = traces.filter((t) => t.type === 'scatter3d');
    assert.equal(surfaces.filter((t) => t.name === 'L (full data)').length, 1, JSON.stringify(traces));
    assert.deepEqual(
      surfaces.filter((t) => t.name !== 'L (full data)').map((t) => t.name),
      [1, 2, 3].map((m) => `mini-batch ${m} of 100 points, L x n/k`),
    );
    assert.deepEqual(
      lines.map((t) => t.name),
      ['adam (lr 0.05, batch 100)', 'momentum (lr 0.05, batch 100)'],
    );
    assert.ok(
      surfaces.every((t) => t.points === 81 * 81),
      JSON.stringify(surfaces),
    );
    assert.ok(
      lines.every((t) => t.points === 201),
      JSON.stringify(lines),
    );

    // the tutorial button's icon font was remote: the page hides it rather than show its ligature's name
    assert.equal(await page.locator('button[routerlink="tutorial"]').isVisible(), false);
    assert.deepEqual(blocked, [], 'requests to other hosts');
    assert.ok(served.includes(`200 ${LOCAL_PLOTLY_PATH}`), `plotly.js not served by the local server: ${served.join(', ')}`);
    assert.deepEqual(
      errors.filter((e) => !e.includes(KNOWN_PAGE_ERROR)),
      [],
    );

    await new Promise((resolve) => setTimeout(resolve, 1500)); // WebGL draws on the next frames
    const plot = page.locator('.js-plotly-plot').first();
    fs.mkdirSync(screenshotsDir, { recursive: true });
    const file = path.join(screenshotsDir, 'explore-3d.png');
    const png = await plot.screenshot({ path: file, timeout: 30000 });
    const plotBox = (await plot.boundingBox())!;
    const legendBox = (await page.locator('.js-plotly-plot .legend').first().boundingBox())!;
    const legend = { x: legendBox.x - plotBox.x, y: legendBox.y - plotBox.y, width: legendBox.width, height: legendBox.height };
    // a colourful (viridis) surface, and the paths in adam's red (#d62728) or momentum's orange
    // (#ff7f0e) outside the legend; the two paths may overlap (both head for the sample mean), so
    // their pixels are counted together
    const counts = await colourCounts(
      page,
      png,
      [
        [214, 39, 40],
        [255, 127, 14],
      ],
      40,
      legend,
    );
    const pathPixels = counts.near[0] + counts.near[1];
    assert.ok(
      counts.colourful > counts.total * 0.05,
      `the surface is not drawn: ${counts.colourful} of ${counts.total} pixels colourful (${file})`,
    );
    assert.ok(
      pathPixels > 100,
      `the paths are not drawn: ${counts.near.join(' red, ')} orange pixels outside the legend (${file})`,
    );
    console.log(
      `# screenshot: ${path.relative(projectRoot, file)} (${counts.colourful} colourful pixels; path pixels: ${counts.near[0]} red, ${counts.near[1]} orange)`,
    );

    await page.close();
    const code = await Promise.race([
      explore!.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 30000)),
    ]);
    assert.equal(code, 0, `explore did not end by itself when the page was closed:\n${explore!.stdout()}`);
    assert.match(explore!.stdout(), /Stopped: the window was closed\.\n$/);
  });
});
