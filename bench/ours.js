#!/usr/bin/env node
/*
 * Our side of `npm run bench`: the same workloads as bench/reference.py, through the public lab
 * API (the compiled lib, as the notebooks use it). One invocation = one workload in a fresh
 * process, the backend chosen at load by LIKELIHOOD_LAB_BACKEND; it prints one JSON object (times
 * in ms, memory in bytes) and exits non-zero on any failure.
 *
 *   node bench/ours.js fit --n N --repeats R --steps S
 *     setup = fitGaussianMean(rows, cov, { maxSteps: 1 }): the fit's set-up (checks, float64
 *             statistics, data upload) and its first step, R runs after a warm-up;
 *     step  = one full-batch step: the gaps between consecutive onProgress calls of one fit with
 *             tolerance 0 (the first gap is the warm-up), S of them;
 *     batch = the same with batchSize 100;
 *     adam1000 (only with --adam) = the earlier bench's 1000 Adam steps at lr 0.05;
 *     peakRss = process.resourceUsage().maxRSS (data generation included, as on the PyTorch side).
 *   node bench/ours.js heatmap --n N --repeats R [--slowRepeats S]   (S runs of the two O(grid n) ways)
 *     the 100 x 100 surface: lab.logLikelihoodGrid; a direct tensor way on lab.tf (L at all grid
 *     means, chunked broadcast, O(grid * n)); and, kept from the earlier bench, L per cell with
 *     lab.gaussianLogLikelihood on a 30 x 30 grid, and lab.renderSvg of the heatmap chart.
 *   node bench/ours.js info
 */
'use strict';
// A plain CommonJS tool run by node, linted like scripts/ (eslint.config.mjs).
const path = require('path');

const root = path.resolve(__dirname, '..');
const COVARIANCE = [
  [5, 0],
  [0, 5],
];
const BATCH = 100;

/** Parses `--key value` pairs after the workload name into numbers (or true for a bare flag). */
function parseArgs(argv) {
  const args = { workload: argv[0] };
  for (let i = 1; i < argv.length; i += 1) {
    const key = argv[i].replace(/^--/, '');
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) args[key] = true;
    else {
      args[key] = Number(next);
      i += 1;
    }
  }
  return args;
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

function timed(fn, repeats) {
  const times = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = nowMs();
    fn();
    times.push(nowMs() - start);
  }
  return times;
}

/** Learning rate of the PyTorch side: 1e-4 (the starter code's) scaled down for n > 10^4 to stay stable. */
const learningRateFor = (n) => (n <= 1e4 ? 1e-4 : (1e-4 * 1e4) / n);

/** Per-step times of one fit: gaps between consecutive onProgress calls, the first dropped. */
function stepTimes(lab, rows, steps, extra) {
  const stamps = [];
  const fit = lab.fitGaussianMean(rows, COVARIANCE, {
    tolerance: 0,
    maxSteps: steps + 2,
    init: [-1, -1],
    learningRate: learningRateFor(rows.length),
    onProgress: () => stamps.push(nowMs()),
    ...extra,
  });
  if (fit.status !== 'max-steps' || stamps.length !== steps + 2) {
    throw new Error(`fit of ${rows.length} rows ended '${fit.status}' after ${fit.steps} steps`);
  }
  return stamps.slice(2).map((t, i) => t - stamps[i + 1]);
}

function fit(lab, args) {
  const rows = lab.sampleMultivariateNormal(args.n, [1, 1], COVARIANCE, { seed: 0 });
  const setupOnce = () =>
    lab.fitGaussianMean(rows, COVARIANCE, { maxSteps: 1, init: [-1, -1], learningRate: learningRateFor(args.n) });
  setupOnce(); // warm-up
  const result = {
    setup: timed(setupOnce, args.repeats),
    step: stepTimes(lab, rows, args.steps, {}),
    batch: stepTimes(lab, rows, args.steps, { batchSize: BATCH }),
  };
  if (args.adam) {
    const adam = () =>
      lab.fitGaussianMean(rows, COVARIANCE, { optimizer: 'adam', learningRate: 0.05, maxSteps: 1000, tolerance: 0 });
    adam();
    result.adam1000 = timed(adam, args.repeats);
  }
  result.peakRss = process.resourceUsage().maxRSS * 1024;
  return result;
}

/** L at every mean of a 100 x 100 grid with tensors on lab.tf: chunks of 100 grid means. */
function tensorGrid(lab, data, precision) {
  const { tf } = lab;
  const xs = lab.linspace(-5, 5, 100);
  const values = [];
  for (const y of xs) {
    const row = tf.tidy(() => {
      const mus = tf.tensor2d(
        xs.map((x) => [x, y]),
        [100, 2],
      );
      const diff = tf.sub(tf.expandDims(data, 0), tf.expandDims(mus, 1)); // [100, n, 2]
      const quad = tf.sum(tf.mul(tf.matMul(tf.reshape(diff, [-1, 2]), precision), tf.reshape(diff, [-1, 2])), 1);
      return tf.mul(-0.5, tf.sum(tf.reshape(quad, [100, -1]), 1));
    });
    values.push(Array.from(row.dataSync()));
    row.dispose();
  }
  return values;
}

async function heatmap(lab, args) {
  const rows = lab.sampleMultivariateNormal(args.n, [1, 1], COVARIANCE, { seed: 0 });
  const grid = () => lab.logLikelihoodGrid(rows, COVARIANCE, { steps: 100 });
  const reference = grid();
  const data = lab.tf.tensor2d(rows, [rows.length, 2], 'float32');
  const precision = lab.tf.tensor2d([
    [0.2, 0],
    [0, 0.2],
  ]);
  const direct = tensorGrid(lab, data, precision); // warm-up and check
  for (let i = 0; i < 100; i += 1) {
    for (let j = 0; j < 100; j += 1) {
      const gap = Math.abs(direct[i][j] - reference.values[i][j]);
      if (!(gap <= 1e-4 * Math.abs(reference.values[i][j]) + 1)) {
        throw new Error(`tensor heatmap disagrees with logLikelihoodGrid at [${i}][${j}]`);
      }
    }
  }
  const small = lab.linspace(-5, 5, 30);
  const perCell = () => {
    for (const y of small) for (const x of small) lab.gaussianLogLikelihood(rows, [x, y], COVARIANCE);
  };
  perCell();
  const spec = lab.heatmap(reference, {});
  await lab.renderSvg(spec);
  const svg = [];
  for (let i = 0; i < args.repeats; i += 1) {
    const start = nowMs();
    await lab.renderSvg(spec);
    svg.push(nowMs() - start);
  }
  const result = {
    grid: timed(grid, args.repeats),
    tensor: timed(() => tensorGrid(lab, data, precision), args.slowRepeats ?? args.repeats),
    perCell30: timed(perCell, args.slowRepeats ?? args.repeats),
    renderSvg: svg,
  };
  data.dispose();
  precision.dispose();
  return result;
}

function info(lab) {
  const backend = lab.backendInfo();
  return {
    ...backend,
    tfIntraOpThreads: process.env.TF_NUM_INTRAOP_THREADS ?? 'TensorFlow default (one per core)',
    tfInterOpThreads: process.env.TF_NUM_INTEROP_THREADS ?? 'TensorFlow default (one per core)',
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const lab = require(root);
  const workloads = { fit, heatmap, info };
  if (!(args.workload in workloads)) throw new Error(`unknown workload ${args.workload}`);
  const result = await workloads[args.workload](lab, args);
  process.stdout.write(`${JSON.stringify({ backend: lab.backendInfo().backend, ...result })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
