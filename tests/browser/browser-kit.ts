/*
 * Shared pieces of the real-browser tests (and of scripts/readme-screenshot.js, which loads the
 * compiled dist/tests/browser/browser-kit.js): Debian's Chromium through playwright-core with a
 * throw-away HOME, the project's notebooks and their chart outputs, and driving a notebook in
 * JupyterLab (open, wait for a really idle kernel, Run All, wait for every chart).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as crypto from 'crypto';
import { spawnSync } from 'child_process';
import { chromium, Browser, Page, Locator } from 'playwright-core';

export const projectRoot = path.resolve(__dirname, '..', '..', '..');
export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';
/** where the tests look for notebooks (an override is for developing the tests only) */
export const notebooksDir = path.resolve(process.env.LIKELIHOOD_LAB_NOTEBOOKS_DIR || path.join(projectRoot, 'notebooks'));
export const screenshotsDir = path.join(projectRoot, 'screenshots');
export const reportsDir = path.join(projectRoot, 'reports');

// ---------------------------------------------------------------- notebooks and their charts

export interface ChartCell {
  /** index among all cells (markdown included), as JupyterLab lays them out */
  cellIndex: number;
  /** index among code cells, counted from 0 */
  codeIndex: number;
  charts: number;
  firstLine: string;
}

export interface NotebookInfo {
  file: string;
  name: string;
  cells: number;
  codeCells: number;
  charts: number;
  chartCells: ChartCell[];
}

interface RawCell {
  cell_type: string;
  source: string | string[];
  outputs?: Array<{ output_type: string; data?: Record<string, unknown> }>;
}

function sourceText(source: string | string[]): string {
  return Array.isArray(source) ? source.join('') : source;
}

export function isChartOutput(output: { data?: Record<string, unknown> }): boolean {
  return !!output.data && Object.prototype.hasOwnProperty.call(output.data, VEGALITE_MIME);
}

export function readNotebook(file: string): NotebookInfo {
  const nb = JSON.parse(fs.readFileSync(file, 'utf8')) as { cells: RawCell[] };
  const chartCells: ChartCell[] = [];
  let codeIndex = -1;
  nb.cells.forEach((cell, cellIndex) => {
    if (cell.cell_type !== 'code') return;
    codeIndex += 1;
    const charts = (cell.outputs || []).filter(isChartOutput).length;
    if (charts > 0) {
      const firstLine = sourceText(cell.source).split('\n').find((l) => l.trim() !== '') || '';
      chartCells.push({ cellIndex, codeIndex, charts, firstLine: firstLine.trim().slice(0, 80) });
    }
  });
  return {
    file,
    name: path.basename(file, '.ipynb'),
    cells: nb.cells.length,
    codeCells: codeIndex + 1,
    charts: chartCells.reduce((n, c) => n + c.charts, 0),
    chartCells,
  };
}

/** Every notebooks/*.ipynb in reading order. */
export function listNotebooks(dir = notebooksDir): NotebookInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb'))
    .sort()
    .map((f) => readNotebook(path.join(dir, f)));
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function describeCell(info: NotebookInfo, cell: ChartCell): string {
  return `${path.basename(info.file)} cell ${cell.cellIndex} (code cell ${cell.codeIndex}: \`${cell.firstLine}\`)`;
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
export const printPdfModule = require(path.join(projectRoot, 'scripts', 'print-pdf.js')) as {
  printPdf(browser: Browser, html: string, pdf: string, options?: { css?: string }): Promise<{ images: number; broken: number }>;
  launchChromium(): Promise<BrowserHandle>;
  loadReport(page: Page, html: string): Promise<{ images: number; broken: number; mathJaxLoaded: boolean; typesetMath: number }>;
};

// ---------------------------------------------------------------- Chromium

export interface BrowserHandle {
  browser: Browser;
  close(): Promise<void>;
}

/** Debian's Chromium with HOME and the XDG folders in a temporary folder (removed on close). */
export function launchBrowser(): Promise<BrowserHandle> {
  return printPdfModule.launchChromium();
}

// ---------------------------------------------------------------- the lab server (CommonJS)

export interface LabServer {
  url: string;
  token: string;
  port: number;
  rootDir: string;
  stop(): Promise<void>;
  log(): string;
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
const labServer = require(path.join(projectRoot, 'scripts', 'lab-server.js')) as {
  startLab(options?: { rootDir?: string; timeoutMs?: number }): Promise<LabServer>;
};

export function startLab(rootDir = notebooksDir): Promise<LabServer> {
  return labServer.startLab({ rootDir, timeoutMs: 90000 });
}

// ---------------------------------------------------------------- driving JupyterLab

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rendered Vega charts in JupyterLab: the vega-embed canvas (or svg with the svg renderer). */
/* The tsconfig has no DOM lib (it would leak browser globals into the lib's type checks), so
 * code run inside the page reaches the DOM through this loosely typed handle. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Dom = any;

export const RENDERED_CHART = '.jp-RenderedVegaCommon5 .vega-embed canvas, .jp-RenderedVegaCommon5 .vega-embed svg.marks';
export const STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';

export function statusText(page: Page): Promise<string> {
  return page.evaluate(() => (((globalThis as Dom).document as Dom).querySelector('#jp-main-statusbar')?.textContent || '').replace(/\s+/g, ' '));
}

/**
 * Opens a notebook in a fresh workspace (`?reset`) and waits for the kernel to be really idle:
 * the status bar's "TypeScript | Idle" (the toolbar's idle dot shows before the kernel exists,
 * and a Run All in that window is silently dropped).
 */
export async function openNotebook(page: Page, lab: LabServer, relPath: string, timeoutMs = 90000): Promise<void> {
  const url = `${lab.url}lab/tree/${relPath.split('/').map(encodeURIComponent).join('/')}?reset&token=${lab.token}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await page.locator('.jp-NotebookPanel .jp-Notebook .jp-Cell').first().waitFor({ state: 'visible', timeout: 60000 });
  const until = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < until) {
    text = await statusText(page);
    if (/TypeScript \| Idle/.test(text)) return;
    if (/No Kernel|Dead|Unknown/.test(text) && Date.now() > until - timeoutMs / 2) break;
    await sleep(250);
  }
  throw new Error(
    `${relPath}: the kernel did not become idle within ${timeoutMs} ms (status bar: "${text.trim()}"). ` +
      'If the lab log shows zeromq EBUSY "Socket is blocked by a bind or unbind operation", that is a rare known start-up race of tslab; re-run.',
  );
}

/** Clicks a menu bar item, then an entry of its menu, as a user does. */
export async function menu(page: Page, top: string, entry: RegExp): Promise<void> {
  await page.locator('.lm-MenuBar-itemLabel', { hasText: new RegExp(`^${top}$`) }).click();
  const item = page.locator('.lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel', { hasText: entry });
  await item.first().waitFor({ state: 'visible', timeout: 10000 });
  await item.first().click();
}

/**
 * Edit > Clear Outputs of All Cells, then Run > Run All Cells. Clearing first matters: the
 * committed notebook's own outputs (charts, execution counts) render on opening and would
 * otherwise pass for the results of the run.
 */
export async function clearAndRunAll(page: Page): Promise<void> {
  await menu(page, 'Edit', /^Clear Outputs of All Cells$/);
  const until = Date.now() + 15000;
  for (;;) {
    const states = await cellStates(page);
    if (states.every((s) => s.charts === 0 && !/\d/.test(s.prompt))) break;
    if (Date.now() > until) throw new Error('Edit > Clear Outputs of All Cells did not clear the outputs');
    await sleep(200);
  }
  await menu(page, 'Run', /^Run All Cells$/);
}

export interface CellState {
  index: number;
  type: string;
  prompt: string;
  charts: number;
  stderr: string;
  /** every output's text (truncated), to show what a failing cell said */
  outputText: string;
}

/** Per cell: its kind, input prompt ("[3]:", "[*]:", "[ ]:"), rendered charts and stderr text. */
export function cellStates(page: Page): Promise<CellState[]> {
  return page.evaluate(
    ({ chartSel, errSel }) => {
      const notebook = ((globalThis as Dom).document as Dom).querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
      if (!notebook) return [];
      const cells: Dom[] = Array.from(notebook.querySelectorAll('.jp-Cell'));
      return cells.map((cell: Dom, index: number) => ({
        index,
        type: cell.classList.contains('jp-CodeCell') ? 'code' : cell.classList.contains('jp-MarkdownCell') ? 'markdown' : 'raw',
        prompt: (cell.querySelector('.jp-InputArea-prompt')?.textContent || '').trim(),
        charts: cell.querySelectorAll(chartSel).length,
        stderr: Array.from(cell.querySelectorAll(errSel))
          .map((e: Dom) => e.textContent || '')
          .join('\n'),
        outputText: Array.from(cell.querySelectorAll('.jp-OutputArea-output'))
          .map((e: Dom) => e.textContent || '')
          .join('\n')
          .slice(0, 2000),
      }));
    },
    { chartSel: RENDERED_CHART, errSel: STDERR_OUTPUT },
  );
}

export interface RunResult {
  states: CellState[];
  seconds: number;
}

/**
 * Waits until the Run All has finished: no cell queued or running ("[*]"), the kernel idle, and
 * (or until the timeout) the expected charts rendered. Returns the last cell states.
 */
export async function waitForRun(page: Page, info: NotebookInfo, timeoutMs: number): Promise<RunResult> {
  const t0 = Date.now();
  let states: CellState[] = [];
  let settledSince = 0;
  for (;;) {
    states = await cellStates(page);
    const busy = states.some((s) => s.type === 'code' && s.prompt.includes('*'));
    const idle = /TypeScript \| Idle/.test(await statusText(page));
    const started = states.some((s) => s.type === 'code' && /\[\d+\]/.test(s.prompt));
    const chartsOk = info.chartCells.every((c) => states[c.cellIndex] && states[c.cellIndex].charts >= c.charts);
    const failed = states.some((s) => /Error/.test(s.stderr)) || failingCell(states) !== undefined;
    if (!busy && idle && started) {
      if (chartsOk || failed) break;
      // finished, yet charts missing: give the renderers a few seconds before giving up
      if (settledSince === 0) settledSince = Date.now();
      if (Date.now() - settledSince > 15000) break;
    }
    if (Date.now() - t0 > timeoutMs) break;
    await sleep(500);
  }
  return { states, seconds: (Date.now() - t0) / 1000 };
}

/** The cell a Run All stopped at: the last code cell that ran before the first one that did not. */
export function failingCell(states: CellState[]): CellState | undefined {
  const code = states.filter((s) => s.type === 'code');
  const firstNotRun = code.findIndex((s) => !/\[\d+\]/.test(s.prompt));
  if (firstNotRun < 0) return undefined;
  const before = code.slice(0, firstNotRun).filter((s) => /\[\d+\]/.test(s.prompt));
  return before.length > 0 ? before[before.length - 1] : code[firstNotRun];
}

/** Problems found after a run, each naming the notebook and cell. Empty when all is well. */
export function runProblems(info: NotebookInfo, states: CellState[]): string[] {
  const problems: string[] = [];
  const nb = path.basename(info.file);
  if (states.length !== info.cells) {
    problems.push(`${nb}: JupyterLab shows ${states.length} cells, the file has ${info.cells}`);
  }
  const running = states.filter((s) => s.type === 'code' && s.prompt.includes('*'));
  if (running.length > 0) {
    problems.push(`${nb}: still running when the test gave up: cell ${running[0].index} (${running.length} cell(s) queued or running)`);
  }
  const stopped = running.length > 0 ? undefined : failingCell(states);
  if (stopped) {
    const said = (stopped.stderr || stopped.outputText).trim().slice(0, 1200);
    problems.push(`${nb} cell ${stopped.index}: the run stopped here (later cells did not run); its output:\n${said || '(none)'}`);
  }
  states.forEach((s) => {
    if (s !== stopped && /Error/.test(s.stderr)) problems.push(`${nb} cell ${s.index}: error output: ${s.stderr.trim().slice(0, 400)}`);
  });
  const notRun = states.filter((s) => s.type === 'code' && !/\[\d+\]/.test(s.prompt)).map((s) => s.index);
  if (notRun.length > 0) problems.push(`${nb}: ${notRun.length} code cell(s) did not run: ${notRun.join(', ')}`);
  for (const cell of info.chartCells) {
    const got = states[cell.cellIndex] ? states[cell.cellIndex].charts : 0;
    if (got !== cell.charts) {
      const said = states[cell.cellIndex] ? states[cell.cellIndex].outputText.trim().slice(0, 300) : '';
      problems.push(`${describeCell(info, cell)}: ${got} rendered chart(s), the committed notebook has ${cell.charts}${said ? `; the cell shows: ${said}` : ''}`);
    }
  }
  const chartCellIndexes = new Set(info.chartCells.map((c) => c.cellIndex));
  states.forEach((s) => {
    if (s.charts > 0 && !chartCellIndexes.has(s.index)) {
      problems.push(`${nb} cell ${s.index}: ${s.charts} rendered chart(s) the committed notebook does not have (re-save it after Restart & Run All?)`);
    }
  });
  return problems;
}

/** The output area of a cell (by index among all cells) of the visible notebook. */
export function cellLocator(page: Page, cellIndex: number): Locator {
  return page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell').nth(cellIndex);
}

/**
 * Scrolls an element to the middle of the notebook and waits until it stays put. With JupyterLab's
 * default windowing (content-visibility) the cells above have estimated heights until they are
 * rendered, so one scrollIntoView can land on a blank stretch: repeat until the box is stable.
 */
export async function scrollToCenter(page: Page, target: Locator): Promise<void> {
  let last = '';
  for (let i = 0; i < 20; i += 1) {
    await target.evaluate((el: Dom) => el.scrollIntoView({ block: 'center' }));
    await sleep(250);
    const box = await target.boundingBox();
    const key = box ? `${Math.round(box.x)},${Math.round(box.y)}` : '';
    const viewport = page.viewportSize();
    if (box && key === last && (!viewport || (box.y < viewport.height && box.y + box.height > 0))) return;
    last = key;
  }
}

/** Screenshots of every chart (scrolled into view one by one) and of the top of the notebook. */
export async function screenshotCharts(page: Page, info: NotebookInfo, dir = screenshotsDir): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const top = path.join(dir, `${info.name}-lab.png`);
  const first = info.chartCells[0];
  const firstChart = first ? cellLocator(page, first.cellIndex).locator('.jp-RenderedVegaCommon5').first() : undefined;
  if (firstChart && (await firstChart.count()) > 0) await scrollToCenter(page, firstChart);
  await page.screenshot({ path: top });
  files.push(top);
  for (const cell of info.chartCells) {
    const charts = cellLocator(page, cell.cellIndex).locator('.jp-RenderedVegaCommon5');
    const n = await charts.count();
    for (let k = 0; k < n; k += 1) {
      const file = path.join(dir, `${info.name}-cell${String(cell.cellIndex).padStart(2, '0')}-chart${k + 1}.png`);
      await charts.nth(k).scrollIntoViewIfNeeded({ timeout: 10000 });
      await charts.nth(k).screenshot({ path: file, timeout: 20000 });
      files.push(file);
    }
  }
  return files;
}

/** Shuts down every kernel session of the lab (between notebooks, so kernels do not pile up). */
export async function shutdownSessions(lab: LabServer): Promise<void> {
  try {
    const res = await fetch(`${lab.url}api/sessions?token=${lab.token}`, { signal: AbortSignal.timeout(5000) });
    const sessions = (await res.json()) as Array<{ id: string }>;
    for (const s of sessions) {
      await fetch(`${lab.url}api/sessions/${s.id}?token=${lab.token}`, { method: 'DELETE', signal: AbortSignal.timeout(15000) });
    }
  } catch {
    /* the server's stop() shuts down whatever is left */
  }
}

/** Opens the notebook; if its kernel does not become idle, shuts the session down and tries once more. */
export async function openNotebookWithRetry(page: Page, lab: LabServer, relPath: string, log: (line: string) => void): Promise<void> {
  try {
    await openNotebook(page, lab, relPath);
  } catch (error) {
    log(`first attempt failed, retrying once: ${(error as Error).message}`);
    await shutdownSessions(lab);
    await openNotebook(page, lab, relPath);
  }
}

// ---------------------------------------------------------------- HTML reports

/** reports/<name>.html, made by `node scripts/report.js` when missing or older than the notebook. */
export function ensureReports(infos: NotebookInfo[], log: (line: string) => void): void {
  const stale = infos.filter((info) => {
    const html = path.join(reportsDir, `${info.name}.html`);
    return !fs.existsSync(html) || fs.statSync(html).mtimeMs < fs.statSync(info.file).mtimeMs;
  });
  if (stale.length === 0) return;
  log(`running scripts/report.js for ${stale.map((i) => path.basename(i.file)).join(', ')} (missing or older than the notebook)`);
  const t0 = Date.now();
  const run = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'report.js'), ...stale.map((i) => i.file)], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  log(`report.js took ${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${run.status}`);
  if (run.status !== 0) {
    throw new Error(`node scripts/report.js failed (exit ${run.status}${run.error ? `, ${run.error.message}` : ''}):\n${(run.stdout || '').slice(-3000)}\n${(run.stderr || '').slice(-3000)}`);
  }
}

