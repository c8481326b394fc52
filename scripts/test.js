#!/usr/bin/env node
/*
 * Runs every test group with node's test runner and closes with one line `N passed, N failed`.
 *
 *   unit (tensorflow)  lib tests on the native @tensorflow/tfjs-node backend
 *   unit (cpu)         the same lib tests on the pure-JS cpu backend
 *   project            set-up facts: kernel in .venv, pins agree, package main entry
 *   kernel             the tslab kernel driven by jupyter_client: error messages, stop_on_error,
 *                      kernel_info status; student-first tracebacks
 *   notebooks          every notebook executed by real Jupyter (nbclient) on the tslab kernel;
 *                      nbval, papermill parameters, jupytext pairs
 *   course             the nbgrader kit: generate, two students, autograde, export
 *   browser            JupyterLab and the HTML reports in headless Chromium
 *   lint               ESLint, Prettier --check, the scripts' JSDoc types (scripts/lint.js, = npm run lint)
 *
 * Usage: node scripts/test.js [--lint] [--unit] [--project] [--kernel] [--notebooks] [--course] [--browser]  (default: all)
 * Expects a built dist/ (npm test runs the set-up first, which builds).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const distTests = path.join(root, 'dist', 'tests');
const SPECIAL = ['project', 'kernel', 'notebooks', 'course', 'browser'];

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(full);
      return entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

function groupFiles(group) {
  const all = testFiles(distTests);
  if (group === 'unit') {
    return all.filter((f) => !SPECIAL.includes(path.relative(distTests, f).split(path.sep)[0]));
  }
  return testFiles(path.join(distTests, group));
}

const requested = process.argv.slice(2).map((a) => a.replace(/^--/, ''));
const wanted = requested.length > 0 ? requested : ['lint', 'unit', 'project', 'kernel', 'notebooks', 'course', 'browser'];
for (const name of wanted) {
  if (!['lint', 'unit', ...SPECIAL].includes(name)) {
    console.error(`test.js: unknown group '${name}' (use --lint, --unit, --project, --kernel, --notebooks, --course, --browser)`);
    process.exit(2);
  }
}

const skipNative = process.env.LIKELIHOOD_LAB_SKIP_NATIVE === '1';
const runs = [];
for (const group of wanted) {
  if (group === 'unit') {
    if (skipNative) {
      console.log('NOTE: LIKELIHOOD_LAB_SKIP_NATIVE=1, the native-backend unit run is left out');
    } else {
      runs.push({ label: 'unit (tensorflow backend)', files: groupFiles('unit'), env: { LIKELIHOOD_LAB_BACKEND: 'tensorflow' } });
    }
    runs.push({ label: 'unit (cpu backend)', files: groupFiles('unit'), env: { LIKELIHOOD_LAB_BACKEND: 'cpu' } });
  } else if (group === 'lint') {
    // not node tests: scripts/lint.js ends with the same `ℹ pass N` / `ℹ fail N` summary
    runs.push({ label: 'lint', files: [], args: [path.join(__dirname, 'lint.js')], env: {} });
  } else {
    runs.push({ label: group, files: groupFiles(group), env: {} });
  }
}

let passed = 0;
let failed = 0;
const lines = [];
for (const run of runs) {
  if (run.files.length === 0 && !run.args) {
    console.error(`\n== ${run.label}: NO TEST FILES in dist/tests (is the lib built? run npm run setup)`);
    failed += 1;
    lines.push(`${run.label}: no test files`);
    continue;
  }
  console.log(`\n== ${run.label}: ${run.args ? 'scripts/lint.js' : `${run.files.length} files`}`);
  const result = spawnSync(
    process.execPath,
    run.args || ['--test', '--test-reporter=spec', '--test-concurrency=1', ...run.files],
    { cwd: root, env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2', ...run.env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const count = (key) => Number((result.stdout.match(new RegExp(`^ℹ ${key} (\\d+)$`, 'm')) || [])[1] || 0);
  let p = count('pass');
  let f = count('fail') + count('cancelled');
  if (result.status !== 0 && f === 0) f = 1; // a crash before the summary still fails
  passed += p;
  failed += f;
  lines.push(`${run.label}: ${p} passed, ${f} failed`);
}

console.log('\n== summary');
for (const line of lines) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
