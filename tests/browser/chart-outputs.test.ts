/*
 * Charts stay in their cell, and opening a notebook changes nothing (lab.showChart in JupyterLab):
 *
 * - a notebook whose charts were made by showChart (executed headlessly, as scripts/report.js
 *   does) opens and renders in JupyterLab without being marked changed: each bundle carries its
 *   image/png, so JupyterLab's Vega renderer adds none;
 * - the control: the same notebook with the image/png parts removed IS marked changed once its
 *   charts are drawn (so the check above can fail);
 * - `lab.showChart(...)` without `await`, followed at once by a cell that runs for a while: the
 *   chart lands in the cell that called it, not in the later one, and that cell prints a hint
 *   rather than `Promise { <pending> }`.
 *
 * Everything runs in a temporary folder served by its own JupyterLab; a `node_modules` link to
 * the project's lets a notebook there import the package by its name (`likelihood-lab`).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import {
  BrowserHandle,
  LabServer,
  cellStates,
  clearAndRunAll,
  isDirty,
  launchBrowser,
  openNotebookWithRetry,
  projectRoot,
  readNotebook,
  shutdownSessions,
  startLab,
  waitForCommittedCharts,
  waitForRun,
} from './browser-kit';

interface Cell {
  cell_type: 'code';
  metadata: Record<string, unknown>;
  source: string[];
  outputs: Array<{ output_type: string; data?: Record<string, unknown> }>;
  execution_count: null;
}

const code = (...lines: string[]): Cell => ({
  cell_type: 'code',
  metadata: {},
  source: lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line)),
  outputs: [],
  execution_count: null,
});

function notebook(cells: Cell[]): object {
  return {
    cells,
    metadata: {
      kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
      language_info: { name: 'typescript' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

const POINTS =
  "{ mark: 'point', data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] }, encoding: " +
  "{ x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } }";

const LINE =
  "{ mark: 'line', data: { values: [{ step: 0, v: -3 }, { step: 1, v: -1 }] }, encoding: " +
  "{ x: { field: 'step', type: 'quantitative' }, y: { field: 'v', type: 'quantitative' } } }";

/** Two charts made by showChart (specs written out, so the test does not depend on the chart builders). */
const CHARTS = notebook([
  code("import * as lab from 'likelihood-lab';"),
  code(`await lab.showChart(${POINTS}, { title: 'points' });`),
  code(`await lab.showChart(${LINE}, { title: 'line' });`),
]);

/** showChart without await, then a cell that is still running when the chart is ready. */
const UNAWAITED = notebook([
  code("import * as lab from 'likelihood-lab';"),
  code(`lab.showChart(${POINTS}, { title: 'early chart' })`),
  code('await new Promise((resolve) => setTimeout(resolve, 4000));', "'second cell done'"),
]);

describe('JupyterLab and lab.showChart: charts stay in their cell, opening changes nothing', () => {
  let dir = '';
  let lab: LabServer | undefined;
  let handle: BrowserHandle | undefined;
  let executeError = '';

  before(
    async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-charts-'));
      fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'));
      fs.writeFileSync(path.join(dir, 'source.ipynb'), JSON.stringify(CHARTS, null, 1));
      fs.writeFileSync(path.join(dir, 'unawaited.ipynb'), JSON.stringify(UNAWAITED, null, 1));
      // executed headlessly, as scripts/report.js executes the notebooks before they are committed
      const run = spawnSync(
        path.join(projectRoot, '.venv', 'bin', 'python'),
        [
          path.join(projectRoot, 'scripts', 'execute_notebook.py'),
          path.join(dir, 'source.ipynb'),
          path.join(dir, 'charts.ipynb'),
        ],
        { encoding: 'utf8', env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' }, timeout: 300000 },
      );
      if (run.status !== 0) executeError = `${run.stdout}\n${run.stderr}`.trim().slice(-3000);
      if (fs.existsSync(path.join(dir, 'charts.ipynb'))) {
        const executed = JSON.parse(fs.readFileSync(path.join(dir, 'charts.ipynb'), 'utf8')) as { cells: Cell[] };
        for (const cell of executed.cells)
          for (const output of cell.outputs || []) if (output.data) delete output.data['image/png'];
        fs.writeFileSync(path.join(dir, 'charts-without-png.ipynb'), JSON.stringify(executed, null, 1));
      }
      lab = await startLab(dir);
      handle = await launchBrowser();
    },
    { timeout: 400000 },
  );

  after(
    async () => {
      try {
        if (handle) await handle.close();
      } finally {
        if (lab) await lab.stop();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    { timeout: 60000 },
  );

  /** Opens a notebook of the temp folder, waits for its charts, and says whether it is marked changed. */
  async function openedDirty(file: string): Promise<boolean> {
    assert.ok(lab && handle, 'lab or browser did not start');
    const info = readNotebook(path.join(dir, file));
    assert.equal(info.charts, 2, `${file}: expected 2 chart outputs`);
    const page = await handle.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await openNotebookWithRetry(page, lab, file, (line) => console.log(`# ${file}: ${line}`));
      assert.deepEqual(await waitForCommittedCharts(page, info), [], `${file}: charts not drawn`);
      return await isDirty(page);
    } finally {
      await page.close({ runBeforeUnload: false }).catch(() => undefined);
      await shutdownSessions(lab);
    }
  }

  it(
    'a notebook of showChart outputs, opened and rendered (not re-run), is not marked changed',
    { timeout: 240000 },
    async () => {
      assert.equal(executeError, '', `executing the notebook failed:\n${executeError}`);
      const executed = readNotebook(path.join(dir, 'charts.ipynb'));
      const pngs = JSON.parse(fs.readFileSync(path.join(dir, 'charts.ipynb'), 'utf8')).cells.flatMap((c: Cell) =>
        (c.outputs || []).filter((o) => o.data && typeof o.data['image/png'] === 'string'),
      ).length;
      assert.equal(pngs, executed.charts, 'every chart output carries an image/png');
      assert.equal(await openedDirty('charts.ipynb'), false, 'opening the notebook marked it changed');
    },
  );

  it('control: the same notebook without the image/png parts is marked changed once drawn', { timeout: 240000 }, async () => {
    assert.equal(executeError, '', `executing the notebook failed:\n${executeError}`);
    assert.equal(
      await openedDirty('charts-without-png.ipynb'),
      true,
      'JupyterLab no longer adds a PNG on drawing: the check above proves nothing',
    );
  });

  it(
    'showChart without await puts its chart in the cell that called it, with a hint, not in the next cell',
    { timeout: 240000 },
    async () => {
      assert.ok(lab && handle, 'lab or browser did not start');
      const page = await handle.browser.newPage({ viewport: { width: 1280, height: 1000 } });
      try {
        await openNotebookWithRetry(page, lab, 'unawaited.ipynb', (line) => console.log(`# unawaited.ipynb: ${line}`));
        await clearAndRunAll(page);
        const info = {
          ...readNotebook(path.join(dir, 'unawaited.ipynb')),
          chartCells: [{ cellIndex: 1, codeIndex: 1, charts: 1, firstLine: '' }],
        };
        const { states } = await waitForRun(page, info, 120000);
        const finalStates = await cellStates(page);
        console.log(
          `# unawaited.ipynb: charts per cell ${finalStates.map((s) => s.charts).join(' ')}; cell 1 says: ${finalStates[1].outputText.trim().split('\n')[0]}`,
        );
        assert.deepEqual(
          states.map((s) => s.prompt),
          ['[1]:', '[2]:', '[3]:'],
          'every cell ran',
        );
        assert.equal(finalStates[1].charts, 1, 'the chart is in the cell that called showChart');
        assert.equal(finalStates[2].charts, 0, 'no chart in the later cell');
        assert.match(finalStates[1].outputText, /showChart: the chart goes to this cell once rendered/);
        assert.doesNotMatch(finalStates[1].outputText, /Promise \{/);
        assert.match(finalStates[2].outputText, /second cell done/);
      } finally {
        await page.close({ runBeforeUnload: false }).catch(() => undefined);
      }
    },
  );
});
