// @ts-check
/*
 * Driving a notebook in the project's JupyterLab from headless Chromium (playwright-core): what a
 * committed notebook holds (its chart cells), open it and wait for a really idle kernel, Run All,
 * wait for every chart, and say what went wrong, cell by cell. Used by the browser tests
 * (tests/browser/) and by scripts/readme-screenshot.js.
 *
 *   const { startLab } = require('./lab-server');
 *   const { launchChromium } = require('./print-pdf');
 *   const driver = require('./lab-driver');
 *   const info = driver.readNotebook('notebooks/01-theory.ipynb');
 *   await driver.openNotebookWithRetry(page, lab, '01-theory.ipynb', console.log);
 *   await driver.clearAndRunAll(page);
 *   const { states } = await driver.waitForRun(page, info, 240000);
 *   driver.runProblems(info, states);   // [] when all is well
 */
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { listNotebooks } = require('./notebooks');

/**
 * @typedef {import('playwright-core').Page} Page
 * @typedef {import('playwright-core').Locator} Locator
 * @typedef {import('./lab-server').LabServer} LabServer
 */

const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';
/** Rendered Vega charts in JupyterLab: the vega-embed canvas (or svg with the svg renderer). */
const RENDERED_CHART = '.jp-RenderedVegaCommon5 .vega-embed canvas, .jp-RenderedVegaCommon5 .vega-embed svg.marks';
const STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- notebooks and their charts

/**
 * A code cell of a committed notebook that has chart outputs.
 * @typedef {object} ChartCell
 * @property {number} cellIndex  index among all cells (markdown included), as JupyterLab lays them out
 * @property {number} codeIndex  index among code cells, counted from 0
 * @property {number} charts     chart outputs in the cell
 * @property {string} firstLine  the cell's first non-empty source line (80 characters at most)
 */

/**
 * What the tests need to know about a committed notebook.
 * @typedef {object} NotebookInfo
 * @property {string} file
 * @property {string} name       file name without .ipynb
 * @property {number} cells
 * @property {number} codeCells
 * @property {number} charts     chart outputs in all cells
 * @property {ChartCell[]} chartCells
 */

/**
 * @typedef {{ output_type: string, data?: Record<string, unknown> }} RawOutput
 * @typedef {{ cell_type: string, source: string | string[], outputs?: RawOutput[] }} RawCell
 */

/**
 * Whether a saved output is a chart (holds a Vega-Lite spec).
 * @param {{ data?: Record<string, unknown> }} output
 * @returns {boolean}
 */
function isChartOutput(output) {
  return !!output.data && Object.prototype.hasOwnProperty.call(output.data, VEGALITE_MIME);
}

/**
 * Reads a notebook file and finds its chart cells.
 * @param {string} file
 * @returns {NotebookInfo}
 */
function readNotebook(file) {
  /** @type {{ cells: RawCell[] }} */
  const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
  /** @type {ChartCell[]} */
  const chartCells = [];
  let codeIndex = -1;
  nb.cells.forEach((cell, cellIndex) => {
    if (cell.cell_type !== 'code') return;
    codeIndex += 1;
    const charts = (cell.outputs || []).filter(isChartOutput).length;
    if (charts > 0) {
      const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
      const firstLine = source.split('\n').find((line) => line.trim() !== '') || '';
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

/**
 * Every notebook of a folder (scripts/notebooks.js's list), read.
 * @param {string} [dir]
 * @returns {NotebookInfo[]}
 */
function readNotebooks(dir) {
  return listNotebooks(dir).map(readNotebook);
}

/**
 * @param {string} file
 * @returns {string} the file's SHA-256, hex
 */
function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * @param {NotebookInfo} info
 * @param {ChartCell} cell
 * @returns {string} e.g. "01-theory.ipynb cell 7 (code cell 3: `await lab.showChart(...)`)"
 */
function describeCell(info, cell) {
  return `${path.basename(info.file)} cell ${cell.cellIndex} (code cell ${cell.codeIndex}: \`${cell.firstLine}\`)`;
}

// ---------------------------------------------------------------- driving JupyterLab

// Code passed to page.evaluate runs in the browser, serialised by playwright (so it can use no
// helper of this file). The project's TypeScript settings have no DOM library (it would leak
// browser globals into the lib's type checks): that code reaches the DOM as `any`.

/**
 * The status bar's text, whitespace collapsed ("... TypeScript | Idle ...").
 * @param {Page} page
 * @returns {Promise<string>}
 */
function statusText(page) {
  return page.evaluate(() => {
    const doc = /** @type {any} */ (globalThis).document;
    return (doc.querySelector('#jp-main-statusbar')?.textContent || '').replace(/\s+/g, ' ');
  });
}

/**
 * Opens a notebook in a fresh workspace (`?reset`) and waits for the kernel to be really idle:
 * the status bar's "TypeScript | Idle" (the toolbar's idle dot shows before the kernel exists,
 * and a Run All in that window is silently dropped).
 * @param {Page} page
 * @param {LabServer} lab
 * @param {string} relPath  the notebook's path under the lab's root folder
 * @param {number} [timeoutMs]
 * @returns {Promise<void>}
 */
async function openNotebook(page, lab, relPath, timeoutMs = 90000) {
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

/**
 * Clicks a menu bar item, then an entry of its menu, as a user does.
 * @param {Page} page
 * @param {string} top
 * @param {RegExp} entry
 */
async function menu(page, top, entry) {
  await page.locator('.lm-MenuBar-itemLabel', { hasText: new RegExp(`^${top}$`) }).click();
  const item = page.locator('.lm-Menu-item:not(.lm-mod-disabled) .lm-Menu-itemLabel', { hasText: entry });
  await item.first().waitFor({ state: 'visible', timeout: 10000 });
  await item.first().click();
}

/**
 * One cell as the page shows it.
 * @typedef {object} CellState
 * @property {number} index
 * @property {string} type        'code', 'markdown' or 'raw'
 * @property {string} prompt      the input prompt: "[3]:", "[*]:", "[ ]:"
 * @property {number} charts      rendered charts
 * @property {string} stderr      stderr text
 * @property {string} outputText  every output's text (truncated), to show what a failing cell said
 */

/**
 * Per cell of the visible notebook: its kind, input prompt, rendered charts and stderr text.
 * @param {Page} page
 * @returns {Promise<CellState[]>}
 */
function cellStates(page) {
  return page.evaluate(
    ({ chartSel, errSel }) => {
      const notebook = /** @type {any} */ (globalThis).document.querySelector(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook',
      );
      if (!notebook) return [];
      /** @type {any[]} */
      const cells = Array.from(notebook.querySelectorAll('.jp-Cell'));
      // a cell whose input is hidden (jupyter.source_hidden) shows no prompt: read its execution
      // count from the notebook's model instead (window.jupyterapp, exposed by startLab)
      const app = /** @type {any} */ (globalThis).jupyterapp;
      const widgets = app?.shell?.currentWidget?.content?.widgets;
      /** @param {any} cell @param {number} index */
      const prompt = (cell, index) => {
        const shown = (cell.querySelector('.jp-InputArea-prompt')?.textContent || '').trim();
        if (shown !== '' || !widgets || !widgets[index]) return shown;
        const model = widgets[index].model;
        if (model?.executionState === 'running') return '[*]:'; // queued or running
        return typeof model?.executionCount === 'number' ? `[${model.executionCount}]:` : '[ ]:';
      };
      return cells.map((cell, index) => ({
        index,
        type: cell.classList.contains('jp-CodeCell') ? 'code' : cell.classList.contains('jp-MarkdownCell') ? 'markdown' : 'raw',
        prompt: cell.classList.contains('jp-CodeCell') ? prompt(cell, index) : '',
        charts: cell.querySelectorAll(chartSel).length,
        stderr: Array.from(cell.querySelectorAll(errSel))
          .map((/** @type {any} */ e) => e.textContent || '')
          .join('\n'),
        outputText: Array.from(cell.querySelectorAll('.jp-OutputArea-output'))
          .map((/** @type {any} */ e) => e.textContent || '')
          .join('\n')
          .slice(0, 2000),
      }));
    },
    { chartSel: RENDERED_CHART, errSel: STDERR_OUTPUT },
  );
}

/**
 * Edit > Clear Outputs of All Cells, then Run > Run All Cells. Clearing first matters: the
 * committed notebook's own outputs (charts, execution counts) render on opening and would
 * otherwise pass for the results of the run.
 * @param {Page} page
 */
async function clearAndRunAll(page) {
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

/**
 * The cell a Run All stopped at: the last code cell that ran before the first one that did not.
 * @param {CellState[]} states
 * @returns {CellState | undefined}
 */
function failingCell(states) {
  const code = states.filter((s) => s.type === 'code');
  const firstNotRun = code.findIndex((s) => !/\[\d+\]/.test(s.prompt));
  if (firstNotRun < 0) return undefined;
  const before = code.slice(0, firstNotRun).filter((s) => /\[\d+\]/.test(s.prompt));
  return before.length > 0 ? before[before.length - 1] : code[firstNotRun];
}

/**
 * Waits until the Run All has finished: no cell queued or running ("[*]"), the kernel idle, and
 * (or until the timeout) the expected charts rendered. Returns the last cell states.
 * @param {Page} page
 * @param {NotebookInfo} info
 * @param {number} timeoutMs
 * @returns {Promise<{ states: CellState[], seconds: number }>}
 */
async function waitForRun(page, info, timeoutMs) {
  const t0 = Date.now();
  /** @type {CellState[]} */
  let states = [];
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

/**
 * Problems found after a run, each naming the notebook and cell. Empty when all is well.
 * @param {NotebookInfo} info
 * @param {CellState[]} states
 * @returns {string[]}
 */
function runProblems(info, states) {
  /** @type {string[]} */
  const problems = [];
  const nb = path.basename(info.file);
  if (states.length !== info.cells) {
    problems.push(`${nb}: JupyterLab shows ${states.length} cells, the file has ${info.cells}`);
  }
  const running = states.filter((s) => s.type === 'code' && s.prompt.includes('*'));
  if (running.length > 0) {
    problems.push(
      `${nb}: still running when the test gave up: cell ${running[0].index} (${running.length} cell(s) queued or running)`,
    );
  }
  const stopped = running.length > 0 ? undefined : failingCell(states);
  if (stopped) {
    const said = (stopped.stderr || stopped.outputText).trim().slice(0, 1200);
    problems.push(
      `${nb} cell ${stopped.index}: the run stopped here (later cells did not run); its output:\n${said || '(none)'}`,
    );
  }
  states.forEach((s) => {
    if (s !== stopped && /Error/.test(s.stderr))
      problems.push(`${nb} cell ${s.index}: error output: ${s.stderr.trim().slice(0, 400)}`);
  });
  const notRun = states.filter((s) => s.type === 'code' && !/\[\d+\]/.test(s.prompt)).map((s) => s.index);
  if (notRun.length > 0) problems.push(`${nb}: ${notRun.length} code cell(s) did not run: ${notRun.join(', ')}`);
  for (const cell of info.chartCells) {
    const got = states[cell.cellIndex] ? states[cell.cellIndex].charts : 0;
    if (got !== cell.charts) {
      const said = states[cell.cellIndex] ? states[cell.cellIndex].outputText.trim().slice(0, 300) : '';
      problems.push(
        `${describeCell(info, cell)}: ${got} rendered chart(s), the committed notebook has ${cell.charts}${said ? `; the cell shows: ${said}` : ''}`,
      );
    }
  }
  const chartCellIndexes = new Set(info.chartCells.map((c) => c.cellIndex));
  states.forEach((s) => {
    if (s.charts > 0 && !chartCellIndexes.has(s.index)) {
      problems.push(
        `${nb} cell ${s.index}: ${s.charts} rendered chart(s) the committed notebook does not have (re-save it after Restart & Run All?)`,
      );
    }
  });
  return problems;
}

/**
 * A cell (by index among all cells) of the visible notebook.
 * @param {Page} page
 * @param {number} cellIndex
 * @returns {Locator}
 */
function cellLocator(page, cellIndex) {
  return page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell').nth(cellIndex);
}

/**
 * Scrolls an element to the middle of the notebook and waits until it stays put. With JupyterLab's
 * default windowing (content-visibility) the cells above have estimated heights until they are
 * rendered, so one scrollIntoView can land on a blank stretch: repeat until the box is stable.
 * @param {Page} page
 * @param {Locator} target
 */
async function scrollToCenter(page, target) {
  let last = '';
  for (let i = 0; i < 20; i += 1) {
    await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await sleep(250);
    const box = await target.boundingBox();
    const key = box ? `${Math.round(box.x)},${Math.round(box.y)}` : '';
    const viewport = page.viewportSize();
    if (box && key === last && (!viewport || (box.y < viewport.height && box.y + box.height > 0))) return;
    last = key;
  }
}

/**
 * Shuts down every kernel session of the lab (between notebooks, so kernels do not pile up).
 * @param {LabServer} lab
 */
async function shutdownSessions(lab) {
  try {
    const res = await fetch(`${lab.url}api/sessions?token=${lab.token}`, { signal: AbortSignal.timeout(5000) });
    const sessions = /** @type {Array<{ id: string }>} */ (await res.json());
    for (const s of sessions) {
      await fetch(`${lab.url}api/sessions/${s.id}?token=${lab.token}`, { method: 'DELETE', signal: AbortSignal.timeout(15000) });
    }
  } catch {
    /* the server's stop() shuts down whatever is left */
  }
}

/**
 * Opens the notebook; if its kernel does not become idle, shuts the session down and tries once more.
 * @param {Page} page
 * @param {LabServer} lab
 * @param {string} relPath
 * @param {(line: string) => void} log
 */
async function openNotebookWithRetry(page, lab, relPath, log) {
  try {
    await openNotebook(page, lab, relPath);
  } catch (error) {
    log(`first attempt failed, retrying once: ${error instanceof Error ? error.message : error}`);
    await shutdownSessions(lab);
    await openNotebook(page, lab, relPath);
  }
}

/**
 * Whether JupyterLab marks the visible notebook changed (unsaved): its document model's `dirty`
 * flag, which drives the tab's dot and the "Save your work?" question on close. Needs the lab's
 * `window.jupyterapp` (startLab's exposeApp, on by default).
 * @param {Page} page
 * @returns {Promise<boolean>}
 */
async function isDirty(page) {
  const dirty = await page.evaluate(() => {
    const app = /** @type {any} */ (globalThis).jupyterapp;
    const widget = app && app.shell.currentWidget;
    return widget && widget.context ? Boolean(widget.context.model.dirty) : null;
  });
  if (dirty === null) throw new Error('isDirty: no notebook is open (or window.jupyterapp is not exposed)');
  return dirty;
}

/**
 * Waits until every chart the committed notebook has is drawn by JupyterLab, scrolling each chart
 * cell into view (cells far below may be drawn only when near the window); then waits `settleMs`
 * more, for what the renderers do after drawing (JupyterLab's Vega renderer adds an image/png to
 * an output that has none). Returns the cells whose charts did not show.
 * @param {Page} page
 * @param {NotebookInfo} info
 * @param {{ timeoutMs?: number, settleMs?: number }} [options]
 * @returns {Promise<string[]>}
 */
async function waitForCommittedCharts(page, info, { timeoutMs = 60000, settleMs = 3000 } = {}) {
  const until = Date.now() + timeoutMs;
  for (const cell of info.chartCells) {
    const locator = cellLocator(page, cell.cellIndex);
    await scrollToCenter(page, locator);
    while ((await locator.locator(RENDERED_CHART).count()) < cell.charts && Date.now() < until) await sleep(250);
  }
  const states = await cellStates(page);
  const missing = info.chartCells
    .filter((cell) => !states[cell.cellIndex] || states[cell.cellIndex].charts < cell.charts)
    .map((cell) => describeCell(info, cell));
  await sleep(settleMs);
  return missing;
}

module.exports = {
  isDirty,
  waitForCommittedCharts,
  VEGALITE_MIME,
  RENDERED_CHART,
  STDERR_OUTPUT,
  isChartOutput,
  readNotebook,
  readNotebooks,
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
};
