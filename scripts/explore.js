#!/usr/bin/env node
// @ts-check
/*
 * `npm run explore -- [options]`: the log-likelihood surface of a 2-D Gaussian's mean in 3-D,
 * with the paths of TensorFlow.js optimizers walking on it (and, with mini-batches, a few batches'
 * surfaces), in a browser window: nodeplotlib's page served on 127.0.0.1 only, fully offline
 * (lib/notebook/surface-server.ts). Ends when the window is closed, or on Ctrl-C.
 *
 * Also a module for tests: { parseExploreArgs, HELP, UsageError }.
 */
'use strict';
const { parseArgs } = require('util');

const OPTIMIZERS = ['gradient-ascent', 'momentum', 'nesterov', 'adagrad', 'adadelta', 'rmsprop', 'adam', 'adamax'];
const TRUE_MEAN = [1, 1];
const COVARIANCE = [
  [5, 0],
  [0, 5],
];
const INIT = [0, 0];

const HELP = `Usage: npm run explore -- [options]

The log-likelihood L(mu) of the mean of a 2-D Gaussian as a 3-D surface, with the path of each
optimizer walking on it, in a browser window (served on 127.0.0.1 only; works offline).
Data: n points from N((1, 1), 5 I), as in the assignment; every run starts at mu = (0, 0).

Options:
  --optimizers LIST     comma-separated, from: ${OPTIMIZERS.join(', ')}
                        (default: adam,momentum)
  --lr NUMBER           learning rate, > 0 (default: 0.05)
  --objective NAME      'mean': maximise L/k, one rate suits every batch size; 'sum': the
                        assignment's L, whose steps grow with the batch size (default: mean)
  --batch K             points per step, 1..n (default: n, the full batch)
  --n N                 number of data points, 2..1000000 (default: 10000)
  --seed S              seed of the data and of the batch draws, integer >= 0 (default: 0)
  --steps S             optimizer steps per run, 1..100000 (default: 200)
  --range R             show the plane [-R, R] x [-R, R], R > 0 (default: 3)
  --batch-surfaces M    also draw the surfaces of M random mini-batches of K points (their L
                        times n/K), 0..10 (default: 3 when K < n, else 0)
  --port P              port on 127.0.0.1, 0 = a free one (default: 0)
  --serve-only          open no window: print the URL and serve until Ctrl-C (or --exit-after)
  --exit-after SECONDS  stop by itself after this many seconds (for tests), > 0
  -h, --help            show this text

It ends when the window is closed, or on Ctrl-C.
Example: npm run explore -- --optimizers adam,momentum --lr 0.05 --batch 100 --n 10000 --seed 1
`;

/** A bad command line: the message is shown with a pointer to --help, and the exit code is 2. */
class UsageError extends Error {}

/** @typedef {typeof import('../lib')} Lab */

/**
 * What the command line asks for.
 * @typedef {object} ExploreSettings
 * @property {false} help
 * @property {import('../lib').OptimizerName[]} optimizers
 * @property {number} learningRate
 * @property {'mean' | 'sum'} objective
 * @property {number} n
 * @property {number} batchSize
 * @property {number} seed
 * @property {number} steps
 * @property {number} range
 * @property {number} batchSurfaces
 * @property {number} port
 * @property {boolean} serveOnly
 * @property {number | undefined} exitAfterSeconds
 */

/** @type {import('util').ParseArgsConfig['options']} */
const OPTION_SPEC = {
  optimizers: { type: 'string' },
  lr: { type: 'string' },
  objective: { type: 'string' },
  batch: { type: 'string' },
  n: { type: 'string' },
  seed: { type: 'string' },
  steps: { type: 'string' },
  range: { type: 'string' },
  'batch-surfaces': { type: 'string' },
  port: { type: 'string' },
  'serve-only': { type: 'boolean' },
  'exit-after': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/**
 * A number from an option's text, or a UsageError saying what was expected.
 * @param {string} name the option, without `--`
 * @param {string} text its value as typed
 * @param {{ integer?: boolean, min?: number, max?: number, above?: number }} [bounds]
 * @returns {number}
 */
function number(name, text, { integer = false, min, max, above } = {}) {
  const value = Number(text);
  const what = integer ? 'an integer' : 'a number';
  const bounds =
    above !== undefined ? ` > ${above}` : max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` >= ${min}` : '';
  const ok =
    text.trim() !== '' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (above === undefined || value > above) &&
    (min === undefined || value >= min) &&
    (max === undefined || value <= max);
  if (!ok) throw new UsageError(`--${name} must be ${what}${bounds}, got '${text}'`);
  return value;
}

/**
 * Reads the command line into settings; throws UsageError with a one-line message on bad input.
 * Returns { help: true } for -h/--help.
 * @param {string[]} argv the arguments after the script's name
 * @returns {ExploreSettings | { help: true }}
 */
function parseExploreArgs(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTION_SPEC, strict: true, allowPositionals: false });
  } catch (caught) {
    const error = /** @type {Error & { code?: string }} */ (caught);
    const option = /'([^']*)'/.exec(error.message);
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${option ? option[1] : ''}`.trim());
    if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`unexpected argument ${option ? option[1] : error.message}`);
    if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--([a-z-]+)/.exec(error.message);
      if (!name) throw new UsageError(error.message.split('\n')[0]);
      // `--lr -1`: parseArgs takes -1 for an option; `--lr=-1` works
      if (/ambiguous/.test(error.message))
        throw new UsageError(`--${name[1]}: write a value that starts with '-' as --${name[1]}=VALUE`);
      throw new UsageError(`--${name[1]} needs a value`);
    }
    throw new UsageError(error.message);
  }
  const v = /** @type {Record<string, string | undefined> & { help?: boolean, 'serve-only'?: boolean }} */ (parsed.values);
  if (v.help) return { help: true };
  const n = v.n === undefined ? 10000 : number('n', v.n, { integer: true, min: 2, max: 1000000 });
  const batchSize = v.batch === undefined ? n : number('batch', v.batch, { integer: true, min: 1, max: n });
  const optimizers = /** @type {import('../lib').OptimizerName[]} */ (
    (v.optimizers ?? 'adam,momentum').split(',').map((s) => s.trim())
  );
  for (const name of optimizers) {
    if (!OPTIMIZERS.includes(name))
      throw new UsageError(`--optimizers: unknown optimizer '${name}' (choose from ${OPTIMIZERS.join(', ')})`);
  }
  if (new Set(optimizers).size !== optimizers.length)
    throw new UsageError(`--optimizers lists an optimizer twice: '${v.optimizers}'`);
  const objective = v.objective ?? 'mean';
  if (objective !== 'mean' && objective !== 'sum')
    throw new UsageError(`--objective must be 'mean' or 'sum', got '${objective}'`);
  return {
    help: false,
    optimizers,
    learningRate: v.lr === undefined ? 0.05 : number('lr', v.lr, { above: 0 }),
    objective,
    n,
    batchSize,
    seed: v.seed === undefined ? 0 : number('seed', v.seed, { integer: true, min: 0, max: 4294967295 }),
    steps: v.steps === undefined ? 200 : number('steps', v.steps, { integer: true, min: 1, max: 100000 }),
    range: v.range === undefined ? 3 : number('range', v.range, { above: 0 }),
    batchSurfaces:
      v['batch-surfaces'] === undefined
        ? batchSize < n
          ? 3
          : 0
        : number('batch-surfaces', v['batch-surfaces'], { integer: true, min: 0, max: 10 }),
    port: v.port === undefined ? 0 : number('port', v.port, { integer: true, min: 0, max: 65535 }),
    serveOnly: v['serve-only'] === true,
    exitAfterSeconds: v['exit-after'] === undefined ? undefined : number('exit-after', v['exit-after'], { above: 0 }),
  };
}

/** @type {(values: number[], digits?: number) => string} */
const fmt = (values, digits = 4) => `(${values.map((x) => x.toFixed(digits)).join(', ')})`;

/**
 * The data, the fits, the grid and the mini-batch surfaces: the figure to show.
 * @param {Lab} lab
 * @param {ExploreSettings} s
 */
function buildFigure(lab, s) {
  const rows = lab.sampleMultivariateNormal(s.n, TRUE_MEAN, COVARIANCE, { seed: s.seed });
  const sampleMean = lab.multivariateGaussianMle(rows).mean;
  const best = lab.gaussianLogLikelihood(rows, sampleMean, COVARIANCE);
  console.log(`data: ${s.n} points from N((1, 1), 5 I), seed ${s.seed}; sample mean (the MLE) ${fmt(sampleMean)}`);
  const batch = s.batchSize === s.n ? 'full batch' : `batch ${s.batchSize}`;
  const paths = s.optimizers.map((optimizer) => {
    const fit = lab.fitGaussianMean(rows, COVARIANCE, {
      optimizer,
      learningRate: s.learningRate,
      objective: s.objective,
      batchSize: s.batchSize,
      seed: s.seed,
      maxSteps: s.steps,
      init: INIT,
    });
    const gap = best - fit.logLikelihoods[fit.logLikelihoods.length - 1];
    console.log(
      `${optimizer.padEnd(16)} lr ${s.learningRate}, ${batch}, '${s.objective}': ${fit.status} after ${fit.steps} steps, ` +
        `mean ${fmt(fit.mean)}, L* - L = ${gap.toPrecision(3)}`,
    );
    return { name: `${optimizer} (lr ${s.learningRate}, ${batch})`, ...fit };
  });
  /** @type {{ xRange: [number, number], yRange: [number, number], steps: number }} */
  const gridOptions = { xRange: [-s.range, s.range], yRange: [-s.range, s.range], steps: 81 };
  const grid = lab.logLikelihoodGrid(rows, COVARIANCE, gridOptions);
  const extraSurfaces =
    s.batchSurfaces === 0
      ? []
      : lab
          .minibatchLogLikelihoodGrids(rows, COVARIANCE, {
            batchSize: s.batchSize,
            count: s.batchSurfaces,
            seed: s.seed,
            ...gridOptions,
          })
          .map((mesh) => ({ ...mesh, name: `${mesh.name}, L x n/k` }));
  const title = `L(mu) of ${s.n} points, ${s.optimizers.join(' vs ')}, lr ${s.learningRate}, ${batch}`;
  return lab.surfaceTraces(grid, paths, { title, extraSurfaces });
}

/** @returns {Lab} the built library (dist/), or exit 1 with a hint */
function loadLibrary() {
  try {
    return require('..');
  } catch (error) {
    console.error(
      `explore: cannot load the library (${/** @type {Error} */ (error).message.split('\n')[0]}); run \`npm run build\` (or \`npm run setup\`) first`,
    );
    process.exit(1);
  }
}

/** @param {string[]} argv */
async function main(argv) {
  /** @type {ReturnType<typeof parseExploreArgs>} */
  let settings;
  try {
    settings = parseExploreArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`explore: ${error.message}\nRun \`npm run explore -- --help\` for the options.`);
    process.exit(2);
  }
  if (settings.help) {
    process.stdout.write(HELP);
    return;
  }
  const lab = loadLibrary();
  const support = lab.windowSupport();
  if (!settings.serveOnly && support.unattended && settings.exitAfterSeconds === undefined) {
    console.error(`explore: no window can be opened (${support.reason}); use --serve-only with --exit-after SECONDS`);
    process.exit(2);
  }
  const figure = buildFigure(lab, settings);
  const server = await lab.serveSurface3d(figure, { port: settings.port });
  console.log(`3-D view: ${server.url}`);
  let opened = false;
  if (!settings.serveOnly && support.canOpen) {
    try {
      await lab.openBrowserWindow(server.url);
      opened = true;
      console.log('Opened in a browser window. Close it, or press Ctrl-C here, to stop.');
    } catch (error) {
      console.log(`No window opened (${/** @type {Error} */ (error).message}).`);
    }
  } else if (!settings.serveOnly) {
    console.log(`No window opened (${support.reason}).`);
  }
  if (!opened) {
    console.log(
      `Open the URL in a browser (from another machine: ssh -L ${server.port}:127.0.0.1:${server.port} <this host>, ` +
        'then the same URL there). Ctrl-C stops.',
    );
  }
  const exitAfter = settings.exitAfterSeconds;
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const why = await Promise.race([
    server.stopped.then(() => 'the window was closed'),
    new Promise((resolve) => process.once('SIGINT', () => resolve('Ctrl-C'))),
    new Promise((resolve) => process.once('SIGTERM', () => resolve('SIGTERM'))),
    new Promise((resolve) => {
      if (exitAfter !== undefined) timer = setTimeout(() => resolve(`--exit-after ${exitAfter}`), exitAfter * 1000);
    }),
  ]);
  clearTimeout(timer);
  await server.close();
  console.log(`Stopped: ${why}.`);
  process.exit(0);
}

module.exports = { parseExploreArgs, HELP, UsageError, OPTIMIZERS };

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`explore: ${error.stack || error.message}`);
    process.exit(1);
  });
}
