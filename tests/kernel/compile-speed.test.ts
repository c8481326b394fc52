/**
 * scripts/kernel/compile-speed.js: tslab's converter gives the same compiled cells, declarations,
 * diagnostics and side outputs (local modules a cell imports) with the patch as without it. Each
 * side runs in its own node process (the patch changes TypeScript for the whole process).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const tslabDir = path.dirname(require.resolve('tslab/package.json', { paths: [root] }));

const cells = [
  "import { double } from './helper';\nconst y = double(3);\ny",
  "import * as lab from 'likelihood-lab';\nconst z: number = double(y) + lab.linspace(0, 1, 3).length;",
  'const bad: string = double(2);',
  'const t = lab.tf.scalar(z);\nconst s: lab.tf.Scalar = t;\ns.dataSync()[0]',
];

/** Compiles `cells` in order with tslab's converter in a fresh node, patched or not. */
function compileCells(dir: string, patched: boolean) {
  const script = `
    const path = require('path');
    process.chdir(${JSON.stringify(dir)});
    if (${patched}) {
      const note = require(${JSON.stringify(path.join(root, 'scripts', 'kernel', 'compile-speed.js'))}).installCompileSpeed(${JSON.stringify(tslabDir)});
      if (note) throw new Error(note);
    }
    const { createConverter } = require(path.join(${JSON.stringify(tslabDir)}, 'dist', 'converter.js'));
    const conv = createConverter({ isJS: false, isBrowser: false });
    let prev = '';
    const out = [];
    for (const src of ${JSON.stringify(cells)}) {
      const r = conv.convert(prev, src);
      if (r.diagnostics.length === 0) prev = r.declOutput || '';
      out.push({ output: r.output || null, decl: r.declOutput || null, diagnostics: r.diagnostics.map((d) => d.messageText),
        side: (r.sideOutputs || []).map((s) => [path.basename(s.path), s.data]), last: r.lastExpressionVar || null });
    }
    process.stdout.write(JSON.stringify(out));
    process.exit(0);
  `;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as { output: string | null; diagnostics: string[]; side: [string, string][] }[];
}

describe('compile-speed', () => {
  it('compiles cells exactly as unpatched tslab does: code, declarations, type errors, local modules', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-compile-'));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'helper2.ts'), 'export const two = 2;\n');
    fs.writeFileSync(
      path.join(dir, 'helper.ts'),
      "import { two } from './helper2';\nexport function double(x: number): number { return x * two; }\n",
    );
    const plain = compileCells(dir, false);
    const patched = compileCells(dir, true);
    assert.deepEqual(patched, plain);
    // and what they agree on is what tslab must do: local modules found through imports, type errors reported
    assert.deepEqual(
      patched[0].side.map(([file]) => file),
      ['helper.js', 'helper2.js'],
    );
    assert.deepEqual(patched[2].diagnostics, ["Type 'number' is not assignable to type 'string'."]);
    assert.equal(patched[2].output, null);
    assert.deepEqual(patched[3].diagnostics, []);
  });
});
