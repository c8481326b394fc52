#!/usr/bin/env node
// @ts-check
/*
 * Regenerates docs/jupyterlab.png for the README: a real screenshot of JupyterLab (the project's,
 * in headless Chromium) after Run All on the first notebook that has a chart, scrolled to its
 * first chart. Uses the same tools as the browser tests (scripts/lab-server.js,
 * scripts/print-pdf.js's Chromium, scripts/lab-driver.js).
 *
 *   node scripts/readme-screenshot.js [NOTEBOOK.ipynb] [--out docs/jupyterlab.png]
 *
 * The committed notebook is never saved over (autosave is off, the tab is closed unsaved).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { startLab } = require('./lab-server');
const { launchChromium } = require('./print-pdf');
const { notebooksDir } = require('./notebooks');
const kit = require('./lab-driver');

const root = path.resolve(__dirname, '..');

async function main() {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(root, 'docs', 'jupyterlab.png'));
  const named = args.filter((a, i) => !a.startsWith('--') && !(outIndex >= 0 && i === outIndex + 1));
  const notebooks = kit.readNotebooks();
  const info =
    named.length > 0
      ? notebooks.find((nb) => path.basename(nb.file) === path.basename(named[0]))
      : notebooks.find((nb) => nb.charts > 0);
  if (!info) throw new Error(`no notebook with a chart output in ${notebooksDir}${named[0] ? ` named ${named[0]}` : ''}`);
  if (info.charts === 0) throw new Error(`${path.basename(info.file)} has no chart output`);
  const hash = kit.sha256(info.file);

  const t0 = Date.now();
  const lab = await startLab({ rootDir: notebooksDir, timeoutMs: 90000 });
  /** @type {import('./print-pdf').BrowserHandle | undefined} */
  let handle;
  try {
    handle = await launchChromium({ log: (line) => console.log(`[screenshot] ${line}`) });
    console.log(`[screenshot] browser: ${handle.description}`);
    const page = await handle.browser.newPage({ viewport: { width: 1280, height: 820 } });
    const nb = path.basename(info.file);
    await kit.openNotebookWithRetry(page, lab, nb, (line) => console.log(`[screenshot] ${line}`));
    await kit.clearAndRunAll(page);
    const { states, seconds } = await kit.waitForRun(page, info, 240000);
    const problems = kit.runProblems(info, states);
    if (problems.length > 0) throw new Error(`${nb}:\n  ${problems.join('\n  ')}`);
    console.log(`[screenshot] ${nb}: Run All done in ${seconds.toFixed(1)} s`);

    // the first chart in the middle of the window, the cursor out of the way
    const chart = kit.cellLocator(page, info.chartCells[0].cellIndex).locator('.jp-RenderedVegaCommon5').first();
    await kit.scrollToCenter(page, chart);
    await page.mouse.move(1279, 819);
    await page.waitForTimeout(500);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1280, height: 820 } });
    await page.close({ runBeforeUnload: false });
    if (kit.sha256(info.file) !== hash) throw new Error(`${nb} changed on disk while JupyterLab had it open`);
    console.log(
      `[screenshot] wrote ${path.relative(root, out)} (${Math.round(fs.statSync(out).size / 1024)} KB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  } finally {
    if (handle) await handle.close();
    await lab.stop();
  }
}

main().catch((error) => {
  console.error(`[screenshot] ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
