#!/usr/bin/env node
// @ts-check
/*
 * `npm run lint`: the project's static checks, each reported on its own line.
 *
 *   eslint      ESLint with typescript-eslint over lib/, tests/, scripts/ (eslint.config.mjs)
 *   prettier    the same files formatted as .prettierrc.json says (prettier --check)
 *   scripts     the tools' JSDoc types (tsc -p tsconfig.scripts.json: every `// @ts-check` file)
 *
 * Fix what the first two report with `npm run format` (prettier --write, then eslint --fix).
 * Ends with `ℹ pass N` / `ℹ fail N` lines, the summary format of node's test runner, which is
 * how scripts/test.js counts this group in `npm test`'s closing line.
 */
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
/** @param {string} name */
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** @type {Array<{ name: string, command: string, args: string[] }>} */
const CHECKS = [
  { name: 'eslint', command: bin('eslint'), args: ['--max-warnings=0', '.'] },
  { name: 'prettier', command: bin('prettier'), args: ['--check', '--log-level=warn', '.'] },
  { name: 'scripts', command: bin('tsc'), args: ['-p', 'tsconfig.scripts.json'] },
];

let passed = 0;
let failed = 0;
for (const check of CHECKS) {
  const t0 = Date.now();
  const result = spawnSync(check.command, check.args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.status === 0) {
    passed += 1;
    console.log(`✔ lint: ${check.name} (${seconds} s)`);
  } else {
    failed += 1;
    const why = result.error ? result.error.message : `exit ${result.status}`;
    console.log(`✖ lint: ${check.name} failed (${why}, ${seconds} s)`);
  }
}
if (failed > 0) console.log('Formatting problems: npm run format fixes them (prettier --write, then eslint --fix).');
console.log(`ℹ pass ${passed}`);
console.log(`ℹ fail ${failed}`);
process.exit(failed === 0 ? 0 : 1);
