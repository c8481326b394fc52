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
 *
 * Jobs side by side. Each group is one job (one `node --test` process, its files one after the
 * other), except notebooks and browser, whose files are one job each. Jobs run
 * LIKELIHOOD_LAB_TEST_JOBS at a time (default: the number of cores, at most 2), longest first, so
 * that the cores a job leaves idle (a kernel starting, a page loading) do another job's work. Each
 * job's output is printed whole when it ends, then a summary with every job's time. Rules:
 * - the project group re-runs the set-up, which deletes and rebuilds dist/: it runs first and alone
 *   (even lint reads dist/: the scripts' type check resolves the package's own types there);
 * - the HTML report check runs after the notebook test, whose executions it converts instead of
 *   executing every notebook once more (tests/notebooks/execution-cache.ts), and the PDF check
 *   after it (both write reports/).
 * The jobs share a folder for this run (LIKELIHOOD_LAB_TEST_RUN_DIR, under the system's temp
 * folder, removed at the end) for those executions; nothing is kept between runs.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const root = path.resolve(__dirname, '..');
const distTests = path.join(root, 'dist', 'tests');
const SPECIAL = ['project', 'kernel', 'notebooks', 'course', 'browser'];
/** Groups whose files run as jobs of their own. */
const SPLIT = ['notebooks', 'browser'];
/**
 * Rough seconds of a job on an idle 2-core machine, to start the longest first (a job not listed
 * counts 30 s). Only the order depends on them; nothing is timed out or asserted.
 */
const COST = {
  'notebooks/notebooks.test.js': 300,
  'browser/jupyterlab.test.js': 270,
  'notebooks/nbval.test.js': 240,
  'notebooks/parameters.test.js': 200,
  'unit (tensorflow backend)': 100,
  'unit (cpu backend)': 100,
  'browser/html-reports.test.js': 60,
  'browser/chart-outputs.test.js': 60,
  course: 50,
  'notebooks/papermill.test.js': 30,
  'notebooks/execute.test.js': 25,
  lint: 25,
  project: 25,
  'browser/pdf.test.js': 15,
  kernel: 15,
  'browser/explore.test.js': 15,
  'notebooks/jupytext.test.js': 8,
};
/** A job starts only after these jobs of the same run (when they are part of it) have ended. */
const AFTER = {
  'browser/html-reports.test.js': ['notebooks/notebooks.test.js'],
  'browser/pdf.test.js': ['browser/html-reports.test.js'],
};

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

/**
 * The groups' runs, in the order of the summary; each run has one or more jobs.
 * A job: { name, label, files, args?, env, cost, after, rebuildsDist }.
 */
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

const jobs = [];
for (const run of runs) {
  const parts = SPLIT.includes(run.label) ? run.files.map((file) => [path.relative(distTests, file)]) : [[run.label]];
  run.jobs = parts.map(([name]) => ({
    name,
    label: run.label,
    files: SPLIT.includes(run.label) ? [path.join(distTests, name)] : run.files,
    args: run.args,
    env: run.env,
    cost: COST[name] ?? 30,
    after: AFTER[name] ?? [],
    rebuildsDist: run.label === 'project',
  }));
  if (run.files.length > 0 || run.args) jobs.push(...run.jobs);
}

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const parallel = Math.max(1, Number(process.env.LIKELIHOOD_LAB_TEST_JOBS) || Math.min(cores, 2));
const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-test-run-'));
const removeRunDir = () => fs.rmSync(runDir, { recursive: true, force: true });

/** Starts one job; resolves with its counts and time when it ends. */
function start(job) {
  const t0 = Date.now();
  const child = spawn(process.execPath, job.args || ['--test', '--test-reporter=spec', '--test-concurrency=1', ...job.files], {
    cwd: root,
    env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2', LIKELIHOOD_LAB_TEST_RUN_DIR: runDir, ...job.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  job.child = child;
  const out = [];
  const err = [];
  child.stdout.on('data', (chunk) => out.push(chunk));
  child.stderr.on('data', (chunk) => err.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => err.push(Buffer.from(`test.js: could not start the job: ${error.message}\n`)));
    child.on('close', (status, signal) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const count = (key) => Number((stdout.match(new RegExp(`^ℹ ${key} (\\d+)$`, 'm')) || [])[1] || 0);
      const passed = count('pass');
      let failed = count('fail') + count('cancelled');
      if ((status !== 0 || signal) && failed === 0) failed = 1; // a crash before the summary still fails
      resolve({ passed, failed, seconds: (Date.now() - t0) / 1000, stdout, stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

async function main() {
  const t0 = Date.now();
  const pending = [...jobs].sort((a, b) => b.rebuildsDist - a.rebuildsDist || b.cost - a.cost);
  const names = new Set(jobs.map((job) => job.name));
  const ended = new Set();
  const running = new Set();
  const canStart = (job) => {
    if (!job.after.every((name) => ended.has(name) || !names.has(name))) return false;
    if (job.rebuildsDist) return running.size === 0;
    // nothing that reads dist/ while the set-up rebuilds it, or before (it goes first)
    return ![...running, ...pending].some((other) => other.rebuildsDist);
  };
  console.log(`test.js: ${jobs.length} jobs, ${parallel} at a time (${cores} cores)`);
  await new Promise((resolve) => {
    const next = () => {
      if (pending.length === 0 && running.size === 0) return resolve();
      for (const job of [...pending]) {
        if (running.size >= parallel) break;
        if (!canStart(job)) continue;
        pending.splice(pending.indexOf(job), 1);
        running.add(job);
        console.log(`[test.js ${elapsed(t0)}] start ${job.name}`);
        start(job).then((result) => {
          running.delete(job);
          ended.add(job.name);
          job.result = result;
          console.log(
            `\n== ${job.name === job.label ? job.label : `${job.label}: ${job.name}`} (${result.seconds.toFixed(0)} s)`,
          );
          process.stdout.write(result.stdout);
          process.stderr.write(result.stderr);
          console.log(`[test.js ${elapsed(t0)}] end ${job.name}: ${result.passed} passed, ${result.failed} failed`);
          next();
        });
      }
      if (running.size === 0 && pending.length > 0) {
        // only when a job waits for one that is not part of this run: cannot happen with AFTER's rule
        for (const job of pending.splice(0)) job.result = { passed: 0, failed: 1, seconds: 0, stdout: '', stderr: '' };
        resolve();
      }
    };
    next();
  });

  let passed = 0;
  let failed = 0;
  console.log(`\n== summary (${parallel} jobs at a time, ${elapsed(t0)} in all)`);
  for (const run of runs) {
    if (run.files.length === 0 && !run.args) {
      console.error(`  ${run.label}: NO TEST FILES in dist/tests (is the lib built? run npm run setup)`);
      failed += 1;
      continue;
    }
    const p = run.jobs.reduce((n, job) => n + job.result.passed, 0);
    const f = run.jobs.reduce((n, job) => n + job.result.failed, 0);
    const times = run.jobs.map(
      (job) => (run.jobs.length > 1 ? `${path.basename(job.name)} ` : '') + `${job.result.seconds.toFixed(0)} s`,
    );
    passed += p;
    failed += f;
    console.log(`  ${run.label}: ${p} passed, ${f} failed (${times.join(', ')})`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function elapsed(t0) {
  const s = Math.round((Date.now() - t0) / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const job of jobs) if (job.child && job.child.exitCode === null) job.child.kill(signal);
    removeRunDir();
    process.exit(130);
  });
}

main()
  .then((code) => {
    removeRunDir();
    process.exit(code);
  })
  .catch((error) => {
    console.error(error);
    removeRunDir();
    process.exit(1);
  });
