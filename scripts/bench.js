#!/usr/bin/env node
/*
 * Benchmarks, side by side in one run (speed is never asserted in tests):
 *   1. the log-likelihood heatmap: sufficient statistics, O(grid + n), against the direct sum of L
 *      at every grid point, O(grid * n) — what the seed's np.vectorize(L) does;
 *   2. 1000 Adam steps of fitGaussianMean on n = 10000 points: native tensorflow backend against
 *      the pure-JS cpu backend (each in its own process: the backend is chosen at load);
 *   3. rendering the heatmap chart to SVG headlessly.
 * Usage: npm run bench   (after npm run setup). Prints median of repeated runs, in ms.
 */
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const REPEATS = 5;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn, repeats = REPEATS) {
  fn(); // warm-up
  const times = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

async function timeAsync(fn, repeats = REPEATS) {
  await fn();
  const times = [];
  for (let i = 0; i < repeats; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

function fitInChild(backend) {
  const script = `
    const lab = require(${JSON.stringify(root)});
    const rows = lab.sampleMultivariateNormal(10000, [1, 1], [[5, 0], [0, 5]], { seed: 0 });
    const run = () => lab.fitGaussianMean(rows, [[5, 0], [0, 5]], { optimizer: 'adam', learningRate: 0.05, maxSteps: 1000, tolerance: 0 });
    run();
    const times = [];
    for (let i = 0; i < 3; i += 1) { const s = process.hrtime.bigint(); run(); times.push(Number(process.hrtime.bigint() - s) / 1e6); }
    times.sort((a, b) => a - b);
    process.stdout.write(JSON.stringify({ ms: times[1], backend: lab.backendInfo().backend }));
  `;
  const child = spawnSync(process.execPath, ['-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LIKELIHOOD_LAB_BACKEND: backend, TF_CPP_MIN_LOG_LEVEL: '2' },
  });
  if (child.status !== 0) return { ms: NaN, backend: `${backend} (failed: ${child.stderr.split('\n')[0]})` };
  return JSON.parse(child.stdout);
}

async function main() {
  process.env.LIKELIHOOD_LAB_BACKEND = process.env.LIKELIHOOD_LAB_BACKEND || 'auto';
  const lab = require(root);
  const covariance = [[5, 0], [0, 5]];
  const rows = lab.sampleMultivariateNormal(10000, [1, 1], covariance, { seed: 0 });
  const results = [];

  // The direct sum is O(grid * n): compared on a 30 x 30 grid to keep the run short.
  const small = 30;
  const fast = time(() => lab.logLikelihoodGrid(rows, covariance, { steps: small }));
  const direct = time(() => {
    const xs = lab.linspace(-5, 5, small);
    for (const y of xs) for (const x of xs) lab.gaussianLogLikelihood(rows, [x, y], covariance);
  }, 1);
  results.push(['heatmap 30x30, n=10000: sufficient statistics', fast]);
  results.push(['heatmap 30x30, n=10000: direct sum of L per cell', direct]);
  const steps = 100;
  results.push(['heatmap 100x100, n=10000: sufficient statistics', time(() => lab.logLikelihoodGrid(rows, covariance, { steps }))]);

  for (const backend of ['tensorflow', 'cpu']) {
    const fit = fitInChild(backend);
    results.push([`fitGaussianMean adam, 1000 steps, n=10000: ${fit.backend}`, fit.ms]);
  }

  const grid = lab.logLikelihoodGrid(rows, covariance, { steps });
  const spec = lab.heatmap(grid, {});
  results.push(['renderSvg(heatmap 100x100)', await timeAsync(() => lab.renderSvg(spec), 3)]);

  const width = Math.max(...results.map(([name]) => name.length));
  console.log(`${'benchmark'.padEnd(width)}  median ms`);
  for (const [name, ms] of results) console.log(`${name.padEnd(width)}  ${Number.isFinite(ms) ? ms.toFixed(1).padStart(9) : '   failed'}`);
  console.log(`speed-up of sufficient statistics over the direct sum: ${(direct / fast).toFixed(0)}x`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
