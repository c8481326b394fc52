#!/usr/bin/env node
/*
 * Our side of `npm run bench`: the same workloads as bench/reference.py, through the public lab
 * API (the compiled lib, as the notebooks use it). One invocation = one workload in a fresh
 * process, the backend chosen at load by LIKELIHOOD_LAB_BACKEND; it prints one JSON object (times
 * in ms, memory in bytes) and exits non-zero on any failure.
 *
 * The data: `data` writes n points of N((1, 1), 5 I) from
 * `lab.sampleMultivariateNormal(n, [1, 1], cov, { seed: 0, format: 'dense', dtype: 'float32' })` to a
 * raw little-endian float32 file (row-major, n x 2); every other workload, on both sides, reads that
 * file, so ours and PyTorch fit the same numbers and their answers can be compared. Reading it gives
 * the dense form in memory (a Float32Array view of the file's bytes, no copy).
 *
 *   node bench/ours.js data --n N --out FILE
 *   node bench/ours.js setup --data FILE --n N --format dense|rows --repeats R
 *     setup = fitGaussianMean(data, cov, { maxSteps: 1 }): checks, statistics, data upload and the
 *             first step, R runs after a warm-up (dense = the DenseRows itself; rows = number[][]
 *             built from it before timing); peakRss = this process's peak RSS (process of its own, so
 *             it is the set-up's peak: data in memory + runtime + one fit).
 *   node bench/ours.js fit --data FILE --n N --repeats R --steps S [--adam] [--noSufficient]
 *     from the dense form:
 *     step      = one full-batch autodiff step: gaps between consecutive onProgress calls of one fit
 *                 with tolerance 0, after a warm-up fit of the same length; S gaps timed;
 *     batch     = the same with batchSize 100;
 *     ssSetup   = lab.multivariateGaussianMle(dense): the one pass over the data (n, x-bar, S);
 *     ssStep    = one sufficient-statistics step (gradient: 'sufficient-statistics'): per run, the
 *                 mean gap between onProgress calls over SS_STEPS steps; R runs after a warm-up fit;
 *     ssBatch   = the same with batchSize 100;
 *     adam1000  (only with --adam) = 1000 Adam steps at lr 0.05, R runs after a warm-up;
 *     check     = the mean after S + 1 full-batch steps (autodiff and sufficient statistics) and the
 *                 float64 sample mean, for the cross-check in scripts/bench.js.
 *   node bench/ours.js heatmap --data FILE --n N --repeats R [--slowRepeats S] [--skipSlow]
 *     the 100 x 100 surface: lab.logLikelihoodGrid from the dense form (and from number[][]); a
 *     direct tensor way on lab.tf (L at all 10^4 grid means as batched tensor ops, 100 grid means
 *     per chunk, O(grid n)); with the slow ways also L per cell (lab.gaussianLogLikelihood, 30 x 30)
 *     and lab.renderSvg of the heatmap chart.
 *   node bench/ours.js info
 */
'use strict';
// A plain CommonJS tool run by node, linted like scripts/ (eslint.config.mjs).
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const COVARIANCE = [
  [5, 0],
  [0, 5],
];
const INIT = [-1, -1];
const BATCH = 100;
const SS_STEPS = 200;

/** Parses `--key value` pairs after the workload name (numbers where they parse, else strings; a bare flag is true). */
function parseArgs(argv) {
  const args = { workload: argv[0] };
  for (let i = 1; i < argv.length; i += 1) {
    const key = argv[i].replace(/^--/, '');
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) args[key] = true;
    else {
      args[key] = Number.isNaN(Number(next)) ? next : Number(next);
      i += 1;
    }
  }
  return args;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function timed(fn, repeats) {
  fn(); // warm-up
  const times = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = nowMs();
    fn();
    times.push(nowMs() - start);
  }
  return times;
}

/** Learning rate of both sides: 1e-4 (the starter code's) at n = 10^4, scaled by 10^4 / n above so every step contracts by 0.8. */
const learningRateFor = (n) => (n <= 1e4 ? 1e-4 : (1e-4 * 1e4) / n);

/** The dense form from the shared data file: a Float32Array view of its bytes. */
function readDense(file, n) {
  const bytes = fs.readFileSync(file);
  if (bytes.length !== n * 2 * 4) throw new RangeError(`bench data ${file} has ${bytes.length} bytes, expected ${n * 8}`);
  return { data: new Float32Array(bytes.buffer, bytes.byteOffset, n * 2), rows: n, cols: 2 };
}

/** number[][] with the same numbers as a dense n x 2 form. */
function toRows(dense) {
  const rows = new Array(dense.rows);
  for (let i = 0; i < dense.rows; i += 1) rows[i] = [dense.data[2 * i], dense.data[2 * i + 1]];
  return rows;
}

function writeData(lab, args) {
  const dense = lab.sampleMultivariateNormal(args.n, [1, 1], COVARIANCE, { seed: 0, format: 'dense', dtype: 'float32' });
  if (!(dense.data instanceof Float32Array) || dense.rows !== args.n || dense.cols !== 2) {
    throw new Error(`sampleMultivariateNormal(..., { format: 'dense', dtype: 'float32' }) did not return a float32 DenseRows`);
  }
  fs.writeFileSync(args.out, Buffer.from(dense.data.buffer, dense.data.byteOffset, dense.data.byteLength));
  return { n: args.n, bytes: dense.data.byteLength };
}

function fitOptions(n, extra = {}) {
  return { init: INIT, learningRate: learningRateFor(n), ...extra };
}

function setup(lab, args) {
  const dense = readDense(args.data, args.n);
  const data = args.format === 'rows' ? toRows(dense) : dense;
  const once = () => {
    const fit = lab.fitGaussianMean(data, COVARIANCE, fitOptions(args.n, { maxSteps: 1 }));
    if (fit.steps !== 1 || !fit.mean.every(Number.isFinite)) throw new Error(`set-up fit ended '${fit.status}'`);
  };
  return { setup: timed(once, args.repeats), peakRss: peakRss() };
}

/** One fit with tolerance 0; returns the onProgress stamps and the fit. */
function stampedFit(lab, data, n, steps, extra) {
  const stamps = [];
  const fit = lab.fitGaussianMean(
    data,
    COVARIANCE,
    fitOptions(n, { tolerance: 0, maxSteps: steps, onProgress: () => stamps.push(nowMs()), ...extra }),
  );
  if (fit.status !== 'max-steps' || stamps.length !== steps || !fit.mean.every(Number.isFinite)) {
    throw new Error(`fit of ${n} rows (${JSON.stringify(extra)}) ended '${fit.status}' after ${fit.steps} steps`);
  }
  return { stamps, fit };
}

const gaps = (stamps) => stamps.slice(1).map((t, i) => t - stamps[i]);

/** Per-step time of the sufficient-statistics step: mean gap over SS_STEPS steps, per run. */
function sufficientSteps(lab, dense, n, repeats, extra) {
  const run = () => {
    const { stamps } = stampedFit(lab, dense, n, SS_STEPS + 1, { gradient: 'sufficient-statistics', ...extra });
    return (stamps[SS_STEPS] - stamps[0]) / SS_STEPS;
  };
  run(); // warm-up
  return Array.from({ length: repeats }, run);
}

function fit(lab, args) {
  const { n, steps, repeats } = args;
  const dense = readDense(args.data, n);
  // Warm-up fits first (as PyTorch's side warms up with two set-ups): the JIT and tfjs's kernel
  // caches are cold in a fresh process, and the timed fits should show the steady state.
  stampedFit(lab, dense, n, steps + 1, {});
  stampedFit(lab, dense, n, steps + 1, { batchSize: BATCH });
  const full = stampedFit(lab, dense, n, steps + 1, {});
  const batch = stampedFit(lab, dense, n, steps + 1, { batchSize: BATCH });
  const result = { step: gaps(full.stamps), batch: gaps(batch.stamps) };
  let estimate;
  result.ssSetup = timed(() => (estimate = lab.multivariateGaussianMle(dense)), repeats);
  result.check = { sampleMean: estimate.mean, autodiffMean: full.fit.path[steps + 1] };
  if (!args.noSufficient) {
    result.ssStep = sufficientSteps(lab, dense, n, repeats, {});
    result.ssBatch = sufficientSteps(lab, dense, n, repeats, { batchSize: BATCH });
    result.check.sufficientMean = stampedFit(lab, dense, n, steps + 1, { gradient: 'sufficient-statistics' }).fit.path[steps + 1];
  }
  if (args.adam) {
    const adam = () =>
      lab.fitGaussianMean(dense, COVARIANCE, { optimizer: 'adam', learningRate: 0.05, maxSteps: 1000, tolerance: 0 });
    result.adam1000 = timed(adam, repeats);
  }
  result.peakRss = peakRss();
  return result;
}

/** L at all 100 x 100 grid means with batched tensor ops on lab.tf: 100 chunks of 100 grid means, [100, n, 2] each. */
function tensorGrid(lab, data, precision, xs) {
  const { tf } = lab;
  const values = [];
  for (const y of xs) {
    const row = tf.tidy(() => {
      const mus = tf.tensor2d(
        xs.map((x) => [x, y]),
        [xs.length, 2],
      );
      const diff = tf.reshape(tf.sub(tf.expandDims(data, 0), tf.expandDims(mus, 1)), [-1, 2]); // [100 n, 2]
      const quad = tf.sum(tf.mul(tf.matMul(diff, precision), diff), 1);
      return tf.mul(-0.5, tf.sum(tf.reshape(quad, [xs.length, -1]), 1));
    });
    values.push(Array.from(row.dataSync()));
    row.dispose();
  }
  return values;
}

function argmax(values) {
  let best = [0, 0];
  values.forEach((row, i) => row.forEach((v, j) => v > values[best[0]][best[1]] && (best = [i, j])));
  return { argmax: best, max: values[best[0]][best[1]] };
}

async function heatmap(lab, args) {
  const dense = readDense(args.data, args.n);
  const rows = toRows(dense);
  let reference;
  const result = {
    gridDense: timed(() => (reference = lab.logLikelihoodGrid(dense, COVARIANCE, { steps: 100 })), args.repeats),
    gridRows: timed(() => lab.logLikelihoodGrid(rows, COVARIANCE, { steps: 100 }), args.repeats),
  };
  result.check = argmax(reference.values);
  if (args.skipSlow) return result;
  const data = lab.tf.tensor2d(dense.data, [dense.rows, 2], 'float32');
  const precision = lab.tf.tensor2d([
    [0.2, 0],
    [0, 0.2],
  ]);
  const xs = lab.linspace(-5, 5, 100);
  let direct;
  result.tensor = timed(() => (direct = tensorGrid(lab, data, precision, xs)), args.slowRepeats);
  for (let i = 0; i < 100; i += 1) {
    for (let j = 0; j < 100; j += 1) {
      const gap = Math.abs(direct[i][j] - reference.values[i][j]);
      if (!(gap <= 1e-4 * Math.abs(reference.values[i][j]) + 1)) {
        throw new Error(
          `tensor heatmap disagrees with logLikelihoodGrid at [${i}][${j}]: ${direct[i][j]} vs ${reference.values[i][j]}`,
        );
      }
    }
  }
  data.dispose();
  precision.dispose();
  const small = lab.linspace(-5, 5, 30);
  const perCell = () => {
    for (const y of small) for (const x of small) lab.gaussianLogLikelihood(rows, [x, y], COVARIANCE);
  };
  result.perCell30 = timed(perCell, args.slowRepeats);
  const spec = lab.heatmap(reference, {});
  await lab.renderSvg(spec);
  result.renderSvg = [];
  for (let i = 0; i < args.repeats; i += 1) {
    const start = nowMs();
    await lab.renderSvg(spec);
    result.renderSvg.push(nowMs() - start);
  }
  return result;
}

function info(lab) {
  const backend = lab.backendInfo();
  return {
    ...backend,
    tfIntraOpThreads: process.env.TF_NUM_INTRAOP_THREADS ?? 'TensorFlow default (one per core)',
    tfInterOpThreads: process.env.TF_NUM_INTEROP_THREADS ?? 'TensorFlow default (one per core)',
    // The baseline of every figure in the peak-RSS table: the lib loaded, a first tensor op, no data.
    peakRss: (lab.tf.tidy(() => lab.tf.add(1, 1).dataSync()), peakRss()),
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const lab = require(root);
  const workloads = { data: writeData, setup, fit, heatmap, info };
  if (!(args.workload in workloads)) throw new Error(`unknown workload ${args.workload}`);
  const result = await workloads[args.workload](lab, args);
  process.stdout.write(`${JSON.stringify({ backend: lab.backendInfo().backend, ...result })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
