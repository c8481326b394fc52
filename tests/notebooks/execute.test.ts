/**
 * The notebook runner itself, on real Jupyter: a good notebook runs on the registered tslab kernel,
 * and a failing cell fails the run with the cell's own message (tslab reports a failed cell only
 * as status 'error' plus stderr, and nbclient aborts the later cells).
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { executeNotebook, joined, printedText } from './notebook-files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-smoke-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeNotebook(name: string, sources: string[]): string {
  const file = path.join(dir, name);
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    cells: sources.map((source, i) => ({ cell_type: 'code', id: `c${i}`, source, metadata: {}, outputs: [], execution_count: null })),
  };
  fs.writeFileSync(file, JSON.stringify(notebook));
  return file;
}

describe('executing a notebook through nbclient on the tslab kernel', () => {
  it('runs TypeScript cells in order and keeps their printed output', () => {
    const file = writeNotebook('ok.ipynb', ['const n: number = 6 * 7;', 'console.log(`n = ${n}`)']);
    const run = executeNotebook(file);
    assert.ok(run.ok, run.stderr);
    assert.ok(run.notebook);
    assert.match(printedText(run.notebook), /n = 42/);
  });

  it('fails naming the cell and its error message when a cell throws', () => {
    const file = writeNotebook('bad.ipynb', ['console.log("first")', "throw new RangeError('gaussianMle requires at least one data point')", 'console.log("never")']);
    const run = executeNotebook(file);
    assert.equal(run.ok, false);
    assert.match(run.stderr, /FAILED cell: .*bad\.ipynb, code cell 1/);
    assert.match(run.stderr, /RangeError: gaussianMle requires at least one data point/);
    assert.ok(run.notebook === null || !joined(run.notebook.cells[2].outputs?.map((o) => joined(o.text))).includes('never'));
  });

  it('fails on a TypeScript compile error in a cell', () => {
    const file = writeNotebook('type.ipynb', ['const x: number = "not a number";']);
    const run = executeNotebook(file);
    assert.equal(run.ok, false);
    assert.match(run.stderr, /code cell 0/);
    assert.match(run.stderr, /not assignable to type 'number'/);
  });
});
