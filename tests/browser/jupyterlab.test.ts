/*
 * Every notebook in notebooks/ opened in real JupyterLab (the project's, from .venv) in headless
 * Chromium: opened and rendered (not re-run) it is not marked changed, the TypeScript kernel
 * starts, Run > Run All Cells runs every cell without an error, and every chart output of the
 * committed notebook renders as a live Vega chart in the same cell.
 * Screenshots of each notebook and each chart go to screenshots/ (git-ignored).
 *
 * The real notebooks/ folder is served (the kernel's working directory must be notebooks/ for
 * `import ... from '..'`), autosave is off in the lab's throw-away settings, the tab is closed
 * without saving, and a hash check proves the committed files are unchanged afterwards.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {
  BrowserHandle,
  LabServer,
  launchBrowser,
  readNotebooks,
  notebooksDir,
  openNotebookWithRetry,
  cellLocator,
  cellStates,
  clearAndRunAll,
  failingCell,
  isDirty,
  runProblems,
  screenshotCharts,
  screenshotsDir,
  sha256,
  shutdownSessions,
  startLab,
  waitForCommittedCharts,
  waitForRun,
} from './browser-kit';

const RUN_TIMEOUT_MS = Number(process.env.LIKELIHOOD_LAB_RUN_TIMEOUT_MS || 240000);
const notebooks = readNotebooks();
const hashes = new Map(notebooks.map((nb) => [nb.file, sha256(nb.file)]));
/** everything in notebooks/ (hidden entries too): JupyterLab must not add checkpoints or copies */
const entries = () => (fs.existsSync(notebooksDir) ? fs.readdirSync(notebooksDir).sort() : []);
const entriesBefore = entries();

describe('JupyterLab: every notebook runs and shows its charts', () => {
  let lab: LabServer | undefined;
  let handle: BrowserHandle | undefined;

  before(
    async () => {
      const t0 = Date.now();
      lab = await startLab(notebooksDir);
      const t1 = Date.now();
      handle = await launchBrowser();
      console.log(`# lab up in ${((t1 - t0) / 1000).toFixed(1)} s, chromium in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    },
    { timeout: 150000 },
  );

  after(
    async () => {
      try {
        if (handle) await handle.close();
      } finally {
        if (lab) await lab.stop();
      }
    },
    { timeout: 60000 },
  );

  it('finds the notebooks and their charts', () => {
    assert.ok(notebooks.length > 0, `no notebooks in ${notebooksDir}`);
    const charts = notebooks.reduce((n, nb) => n + nb.charts, 0);
    assert.ok(
      charts > 0,
      `the committed notebooks hold no chart output (${'application/vnd.vegalite.v5+json'}); were they saved after running?`,
    );
  });

  for (const info of notebooks) {
    const nb = path.basename(info.file);
    it(
      `${nb}: opening changes nothing; Run All runs every cell and renders its ${info.charts} chart(s)`,
      { timeout: RUN_TIMEOUT_MS + 150000 },
      async () => {
        assert.ok(lab && handle, 'lab or browser did not start');
        const page = await handle.browser.newPage({ viewport: { width: 1280, height: 1000 } });
        const consoleErrors: string[] = [];
        // (JupyterLab's debugger panel throws "No active debugger session" for kernels without a debugger: noise)
        page.on('pageerror', (error) => {
          if (!/No active debugger session/.test(error.message)) consoleErrors.push(`pageerror: ${error.message}`);
        });
        page.on('console', (msg) => {
          if (msg.type() === 'error') consoleErrors.push(`console: ${msg.text().slice(0, 300)}`);
        });
        const t0 = Date.now();
        let failed = true;
        try {
          await openNotebookWithRetry(page, lab, nb, (line) => console.log(`# ${nb}: ${line}`));
          // opened and rendered, not re-run: the committed outputs must leave the notebook unchanged
          // (every chart bundle carries its image/png, so JupyterLab's Vega renderer adds none)
          const missing = await waitForCommittedCharts(page, info);
          assert.deepEqual(missing, [], `${nb}: committed charts not drawn on opening`);
          assert.equal(
            await isDirty(page),
            false,
            `${nb}: merely opening it marks it changed (a chart output without image/png? re-save with node scripts/report.js --save)`,
          );
          const t1 = Date.now();
          await clearAndRunAll(page);
          const { states, seconds } = await waitForRun(page, info, RUN_TIMEOUT_MS);
          const files = await screenshotCharts(page, info);
          console.log(
            `# ${nb}: kernel idle after ${((t1 - t0) / 1000).toFixed(1)} s, Run All took ${seconds.toFixed(1)} s, ` +
              `${states.reduce((n, s) => n + s.charts, 0)}/${info.charts} charts, ${files.length} screenshots`,
          );
          const problems = runProblems(info, states);
          if (problems.length > 0) assert.fail(`${nb}:\n  ${problems.join('\n  ')}`);
          failed = false;
        } finally {
          if (failed) {
            if (consoleErrors.length > 0)
              console.log(`# ${nb}: browser errors:\n#   ${consoleErrors.slice(0, 20).join('\n#   ')}`);
            // the cell the run stopped at, in view (a full-page shot of JupyterLab shows only the window)
            const states = await cellStates(page).catch(() => []);
            const stopped = failingCell(states);
            if (stopped)
              await cellLocator(page, stopped.index)
                .scrollIntoViewIfNeeded({ timeout: 5000 })
                .catch(() => undefined);
            await page
              .screenshot({ path: path.join(screenshotsDir, `${info.name}-FAILED.png`), timeout: 10000 })
              .catch(() => undefined);
          }
          await page.close({ runBeforeUnload: false }).catch(() => undefined);
          await shutdownSessions(lab!);
          assert.equal(sha256(info.file), hashes.get(info.file), `${nb} changed on disk while JupyterLab had it open`);
          assert.deepEqual(entries(), entriesBefore, `JupyterLab wrote into ${notebooksDir}`);
        }
      },
    );
  }
});
