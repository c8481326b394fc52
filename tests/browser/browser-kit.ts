/*
 * Shared pieces of the real-browser tests. The tools they test come from scripts/ as they are,
 * typed by their JSDoc (`typeof import(...)`, nothing declared again here): Chromium
 * (scripts/print-pdf.js, which picks the system's or the npm package's, see scripts/chromium.js),
 * the lab server (scripts/lab-server.js), driving a notebook in JupyterLab
 * (scripts/lab-driver.js) and the notebook list (scripts/notebooks.js). This file adds what only
 * tests need: screenshots of every chart, and making the HTML reports when they are missing.
 *
 * The scripts are loaded from the project's scripts/ folder (not from a compiled copy), so they
 * run exactly as `npm run ...` runs them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import type { Page } from 'playwright-core';
import { findExecutedCopy } from '../notebooks/execution-cache';

export const projectRoot = path.resolve(__dirname, '..', '..', '..');
const scripts = path.join(projectRoot, 'scripts');

/* eslint-disable @typescript-eslint/no-require-imports -- the scripts are CommonJS files outside the compiled tree */
const driver = require(path.join(scripts, 'lab-driver.js')) as typeof import('../../scripts/lab-driver');
const printPdfModule = require(path.join(scripts, 'print-pdf.js')) as typeof import('../../scripts/print-pdf');
const labServer = require(path.join(scripts, 'lab-server.js')) as typeof import('../../scripts/lab-server');
/* eslint-enable @typescript-eslint/no-require-imports */

export type { NotebookInfo, ChartCell, CellState } from '../../scripts/lab-driver';
export type { LabServer } from '../../scripts/lab-server';
export type { BrowserHandle } from '../../scripts/print-pdf';
import type { NotebookInfo } from '../../scripts/lab-driver';
import type { LabServer } from '../../scripts/lab-server';
import type { BrowserHandle } from '../../scripts/print-pdf';

export const {
  isDirty,
  waitForCommittedCharts,
  VEGALITE_MIME,
  RENDERED_CHART,
  STDERR_OUTPUT,
  isChartOutput,
  readNotebook,
  sha256,
  describeCell,
  statusText,
  openNotebook,
  openNotebookWithRetry,
  menu,
  cellStates,
  clearAndRunAll,
  failingCell,
  waitForRun,
  runProblems,
  cellLocator,
  scrollToCenter,
  shutdownSessions,
} = driver;
export const { printPdf, loadReport } = printPdfModule;

/** where the tests look for notebooks (an override is for developing the tests only) */
export const notebooksDir = path.resolve(process.env.LIKELIHOOD_LAB_NOTEBOOKS_DIR || path.join(projectRoot, 'notebooks'));
export const screenshotsDir = path.join(projectRoot, 'screenshots');
export const reportsDir = path.join(projectRoot, 'reports');

/** The project's notebooks (scripts/notebooks.js's list), read: cells and chart cells. */
export function readNotebooks(dir = notebooksDir): NotebookInfo[] {
  return driver.readNotebooks(dir);
}

/**
 * Chromium with HOME and the XDG folders in a temporary folder (removed on close). Says which
 * browser it is in the test output: the system's, or the one from npm.
 */
export async function launchBrowser(): Promise<BrowserHandle> {
  const handle = await printPdfModule.launchChromium({ log: (line) => console.log(`# ${line}`) });
  console.log(`# browser: ${handle.description}`);
  return handle;
}

/** The project's JupyterLab, isolated, serving `rootDir`. */
export function startLab(rootDir = notebooksDir): Promise<LabServer> {
  return labServer.startLab({ rootDir, timeoutMs: 90000 });
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

/**
 * reports/<name>.html, made by `node scripts/report.js` when missing or older than the notebook.
 * Where the notebook test of this test run already executed a notebook as it is now (same bytes,
 * same lib build), report.js converts that execution (`--executed-dir`) instead of running every
 * cell once more: see tests/notebooks/execution-cache.ts.
 */
export function ensureReports(infos: NotebookInfo[], log: (line: string) => void): void {
  const stale = infos.filter((info) => {
    const html = path.join(reportsDir, `${info.name}.html`);
    return !fs.existsSync(html) || fs.statSync(html).mtimeMs < fs.statSync(info.file).mtimeMs;
  });
  if (stale.length === 0) return;
  log(`running scripts/report.js for ${stale.map((i) => path.basename(i.file)).join(', ')} (missing or older than the notebook)`);
  const executed = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-executed-'));
  const reused = stale.filter((info) => {
    const copy = findExecutedCopy(info.file);
    if (copy) fs.copyFileSync(copy, path.join(executed, `${info.name}.ipynb`));
    return copy !== undefined;
  });
  if (reused.length > 0) log(`reusing this test run's execution of ${reused.map((i) => path.basename(i.file)).join(', ')}`);
  const t0 = Date.now();
  const run = spawnSync(
    process.execPath,
    [path.join(scripts, 'report.js'), `--executed-dir=${executed}`, ...stale.map((i) => i.file)],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 15 * 60 * 1000,
      killSignal: 'SIGKILL',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  fs.rmSync(executed, { recursive: true, force: true });
  log(`report.js took ${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${run.status}`);
  if (run.status !== 0) {
    throw new Error(
      `node scripts/report.js failed (exit ${run.status}${run.error ? `, ${run.error.message}` : ''}):\n${(run.stdout || '').slice(-3000)}\n${(run.stderr || '').slice(-3000)}`,
    );
  }
}
