#!/usr/bin/env node
/*
 * The main job: execute every notebook in notebooks/ in a fresh tslab kernel (real Jupyter,
 * nbclient) and write HTML reports with nbconvert into reports/ (git-ignored).
 *
 * Usage: node scripts/report.js [--save] [--pdf] [--pair] [NOTEBOOK ...]
 *   --save  also write the executed notebooks back into notebooks/ (what we commit, after a clean
 *           Restart & Run All), and their jupytext pairs notebooks/scripts/NN-name.ts
 *   --pair  only (re)write the jupytext pairs of the notebooks as they are: no execution, no reports
 *   --pdf   also print each HTML report to PDF with headless Chromium (scripts/print-pdf.js)
 *   --executed-dir=DIR  take a notebook's executed copy from DIR/NN-name.ipynb, where there is one,
 *           instead of executing it again (the tests share one execution per notebook:
 *           tests/notebooks/execution-cache.ts); the others are executed as usual
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const { listNotebooks, notebooksDir } = require('./notebooks');
const reportsDir = path.join(root, 'reports');
const venvBin = path.join(root, '.venv', 'bin');
// MathJax from the project's node_modules, relative to reports/: the LaTeX of the notebooks renders
// without a CDN (nbconvert's default), in the browser and in the PDFs.
const MATHJAX_URL = '../node_modules/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe';

const args = process.argv.slice(2);
const save = args.includes('--save');
const pdf = args.includes('--pdf');
const pairOnly = args.includes('--pair');
const executedDir = (args.find((a) => a.startsWith('--executed-dir=')) || '').slice('--executed-dir='.length);
const named = args.filter((a) => !a.startsWith('--'));
const notebooks = named.length > 0 ? named.map((n) => path.resolve(n)) : listNotebooks();

if (!fs.existsSync(path.join(venvBin, 'python'))) {
  console.error('report: .venv is missing: run `npm run setup` first');
  process.exit(1);
}
// Each notebook is paired with a `ts:percent` script (jupytext), committed beside it in
// notebooks/scripts/, so a code review reads TypeScript instead of JSON with SVG inside. The
// scripts hold the cells' sources only; the .ipynb stays the source of truth (outputs included).
// tsconfig.json does not compile notebooks/ (only lib/ and tests/). tests/notebooks/jupytext.test.ts
// fails when a pair drifts from its notebook.
const scriptsDir = path.join(notebooksDir, 'scripts');
function writePair(notebook) {
  fs.mkdirSync(scriptsDir, { recursive: true });
  const script = path.join(scriptsDir, `${path.basename(notebook, '.ipynb')}.ts`);
  const run = spawnSync(path.join(venvBin, 'jupytext'), ['--quiet', '--to', 'ts:percent', '--output', script, notebook], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.error(`[report] jupytext failed for ${path.relative(root, notebook)}:\n${run.stderr}`);
    return false;
  }
  console.log(`[report] paired ${path.relative(root, notebook)} with ${path.relative(root, script)}`);
  return true;
}
if (pairOnly) {
  const failed = notebooks.filter((notebook) => !writePair(notebook)).length;
  process.exit(failed === 0 ? 0 : 1);
}
fs.mkdirSync(reportsDir, { recursive: true });

let failures = 0;
for (const notebook of notebooks) {
  const name = path.basename(notebook, '.ipynb');
  const executed = path.join(reportsDir, `${name}.ipynb`);
  const given = executedDir ? path.join(executedDir, `${name}.ipynb`) : '';
  if (given && fs.existsSync(given)) {
    console.log(`[report] ${path.relative(root, notebook)}: executed copy taken from ${given}`);
    fs.copyFileSync(given, executed);
  } else {
    console.log(`[report] executing ${path.relative(root, notebook)}`);
    const run = spawnSync(path.join(venvBin, 'python'), [path.join(__dirname, 'execute_notebook.py'), notebook, executed], {
      stdio: 'inherit',
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
    });
    if (run.status !== 0) {
      failures += 1;
      continue;
    }
  }
  if (save) {
    fs.copyFileSync(executed, notebook);
    if (!writePair(notebook)) failures += 1;
  }
  const html = spawnSync(
    path.join(venvBin, 'jupyter'),
    [
      'nbconvert',
      '--to',
      'html',
      `--HTMLExporter.mathjax_url=${MATHJAX_URL}`,
      '--output-dir',
      reportsDir,
      '--output',
      name,
      executed,
    ],
    { encoding: 'utf8' },
  );
  if (html.status !== 0) {
    console.error(html.stderr);
    failures += 1;
    continue;
  }
  console.log(`[report] wrote reports/${name}.html${save ? ` and saved ${path.relative(root, notebook)}` : ''}`);
}

if (pdf && failures === 0) {
  const printed = spawnSync(
    process.execPath,
    [path.join(__dirname, 'print-pdf.js'), ...notebooks.map((n) => path.join(reportsDir, `${path.basename(n, '.ipynb')}.html`))],
    {
      stdio: 'inherit',
    },
  );
  if (printed.status !== 0) failures += 1;
}

if (failures > 0) {
  console.error(`[report] ${failures} notebook(s) failed`);
  process.exit(1);
}
console.log(`[report] ${notebooks.length} notebook(s) executed; HTML reports in reports/`);
