/**
 * Reviewable diffs: every notebook has its jupytext pair, notebooks/scripts/NN-name.ts in
 * `ts:percent` format, written by `node scripts/report.js --save` (or `--pair`). The test fails
 * when a pair drifts from its notebook, when a pair has no notebook, and when reading a pair back
 * loses a cell, its kind, its source or its tags.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const venvBin = path.join(root, '.venv', 'bin');
const notebooksDir = path.join(root, 'notebooks');
const scriptsDir = path.join(notebooksDir, 'scripts');
const notebooks = fs.readdirSync(notebooksDir).filter((f) => f.endsWith('.ipynb')).sort();
const HINT = 'regenerate with `node scripts/report.js --pair` (or --save after a run)';

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
}

const scriptOf = (name: string) => path.join(scriptsDir, name.replace(/\.ipynb$/, '.ts'));
/** The command lines the tests below run: each notebook to ts:percent, each pair back to ipynb. */
const COMMANDS = notebooks.flatMap((name) => [
  ['--to', 'ts:percent', '--output', '-', path.join(notebooksDir, name)],
  ['--to', 'ipynb', '--output', '-', scriptOf(name)],
]);

interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}
let ran: Map<string, Ran> | undefined;

/**
 * `jupytext ARGS`'s stdout. All of COMMANDS run at the first call, in one Python process
 * (jupytext-batch.py calls jupytext's own entry point per command line): one start-up of
 * Python and jupytext instead of one per command.
 */
function jupytext(args: string[]): string {
  if (!ran) {
    const batch = spawnSync(path.join(venvBin, 'python'), [path.join(root, 'tests', 'notebooks', 'jupytext-batch.py'), JSON.stringify(COMMANDS)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(batch.status, 0, `jupytext-batch.py:\n${batch.stderr}`);
    const results = JSON.parse(batch.stdout) as Ran[];
    ran = new Map(COMMANDS.map((command, i) => [JSON.stringify(command), results[i]]));
  }
  const run = ran.get(JSON.stringify(args));
  assert.ok(run, `jupytext ${args.join(' ')} is not among the batch's command lines`);
  assert.equal(run.status, 0, `jupytext ${args.join(' ')}:\n${run.stderr}`);
  return run.stdout;
}

const shape = (cells: Cell[]) =>
  cells.map((c) => ({
    kind: c.cell_type,
    source: (Array.isArray(c.source) ? c.source.join('') : c.source).trimEnd(),
    tags: c.metadata.tags ?? [],
  }));

describe('jupytext pairs of the notebooks', () => {
  it('pairs every notebook with a ts:percent script, and no script lacks its notebook', () => {
    const scripts = fs.existsSync(scriptsDir) ? fs.readdirSync(scriptsDir).filter((f) => f.endsWith('.ts')).sort() : [];
    assert.deepEqual(scripts, notebooks.map((n) => n.replace(/\.ipynb$/, '.ts')), HINT);
  });

  for (const name of notebooks) {
    it(`${name}: its script is what jupytext writes for it now`, () => {
      const script = scriptOf(name);
      assert.ok(fs.existsSync(script), `${path.relative(root, script)} is missing: ${HINT}`);
      const fresh = jupytext(['--to', 'ts:percent', '--output', '-', path.join(notebooksDir, name)]);
      assert.ok(fresh.trimEnd() === fs.readFileSync(script, 'utf8').trimEnd(), `${path.relative(root, script)} drifted from ${name}: ${HINT}`);
    });

    it(`${name}: reading the script back gives the same cells, kinds, sources and tags`, () => {
      const script = scriptOf(name);
      const back = JSON.parse(jupytext(['--to', 'ipynb', '--output', '-', script])) as { cells: Cell[] };
      const original = JSON.parse(fs.readFileSync(path.join(notebooksDir, name), 'utf8')) as { cells: Cell[] };
      assert.deepEqual(shape(back.cells), shape(original.cells));
    });
  }
});
