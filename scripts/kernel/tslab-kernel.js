#!/usr/bin/env node
/*
 * The project's tslab kernel: tslab 1.0.22 from this project's node_modules, with the protocol
 * fixes of ./protocol.js (error messages with ename/evalue/traceback, stop_on_error honoured,
 * kernel_info status), student-first tracebacks (./traceback.js) and a cheaper per-cell compile
 * (./compile-speed.js).
 *
 *   node scripts/kernel/tslab-kernel.js kernel --config-path FILE [--js]   start a kernel (Jupyter does)
 *   node scripts/kernel/tslab-kernel.js --check                            verify the pinned tslab internals
 *
 * `.venv/bin/likelihood-lab-tslab` (written by scripts/setup.js, registered as the `tslab` kernel
 * inside .venv only) execs this file. tslab's own `tslab kernel` would look for a tslab in the
 * working directory's ancestors and start that one; we start ours, always (enableFindLocal: false),
 * so the patches apply wherever a notebook runs (a grader's course folder included).
 */
'use strict';
const path = require('path');
const { install, verifyTslab, TSLAB_VERSION } = require('./protocol');
const { installCompileSpeed } = require('./compile-speed');

const tslabDir = path.dirname(require.resolve('tslab/package.json', { paths: [path.resolve(__dirname, '..', '..')] }));

function main(argv) {
  if (argv[0] === '--check') {
    const problems = verifyTslab(tslabDir);
    if (problems.length > 0) {
      console.error(
        `tslab-kernel: the kernel wrapper (scripts/kernel/protocol.js) is written for tslab ${TSLAB_VERSION}:\n  ${problems.join('\n  ')}`,
      );
      return 1;
    }
    console.log(`tslab-kernel: tslab ${TSLAB_VERSION} internals as expected (${tslabDir})`);
    return 0;
  }
  const configAt = argv.indexOf('--config-path');
  if (argv[0] !== 'kernel' || configAt < 0 || !argv[configAt + 1]) {
    console.error('usage: tslab-kernel.js kernel --config-path FILE [--js] | --check');
    return 2;
  }
  install(tslabDir);
  // Cheaper per-cell compile, same checks and output (./compile-speed.js); unpatched if TypeScript differs.
  const compileNote = installCompileSpeed(tslabDir);
  if (compileNote !== null) console.error(compileNote);
  // Frames of the student's cell sit below the library's; V8 keeps only 10 by default.
  Error.stackTraceLimit = 50;
  const { startKernel } = require(path.join(tslabDir, 'dist', 'main.js'));
  const { getVersion } = require(path.join(tslabDir, 'dist', 'util.js'));
  startKernel({
    configPath: argv[configAt + 1],
    enableFindLocal: false,
    jsKernel: argv.includes('--js'),
    globalVersion: getVersion(),
  });
  return null;
}

const code = main(process.argv.slice(2));
if (code !== null) process.exitCode = code;
