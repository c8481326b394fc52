/**
 * papermill with the project's TypeScript translator (python/likelihood-lab-jupyter): every
 * notebook has its parameters cell, `papermill --help-notebook` lists the parameters, and a run
 * with other parameters changes the numbers accordingly. The run uses notebook 02 up to its
 * first fit (the cells after it are sweeps that cost minutes and add nothing to this check).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const papermill = path.join(root, '.venv', 'bin', 'papermill');
const notebookDir = path.join(root, 'notebooks');
const NOTEBOOK_02 = path.join(notebookDir, '02-gradient-ascent.ipynb');

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: { output_type: string; text?: string | string[] }[];
}
interface Notebook {
  cells: Cell[];
}

const joined = (text: string | string[] | undefined): string => (Array.isArray(text) ? text.join('') : text ?? '');
const readNotebook = (file: string): Notebook => JSON.parse(fs.readFileSync(file, 'utf8')) as Notebook;

function run(args: string[]): string {
  const result = spawnSync(papermill, args, { cwd: root, encoding: 'utf8', timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, `papermill ${args.join(' ')}:\n${result.stdout}\n${result.stderr.slice(-4000)}`);
  return `${result.stdout}${result.stderr}`;
}

let help02: string | undefined;
/** `papermill --help-notebook` on notebook 02, run once for the two tests that read it. */
const helpNotebook02 = (): string => (help02 ??= run(['--help-notebook', NOTEBOOK_02]));

/** The numbers of a printed vector `(a, b)` after `label`. */
function vectorAfter(text: string, label: string): number[] {
  const match = new RegExp(`${label.replace(/[()]/g, '\\$&')}\\s*=?\\s*\\(([^)]*)\\)`).exec(text);
  assert.ok(match, `no "${label} (...)" in:\n${text}`);
  return match[1].split(',').map(Number);
}

describe('papermill parameters', () => {
  it('finds one cell tagged parameters in every notebook, the first code cell', () => {
    for (const name of fs.readdirSync(notebookDir).filter((f) => f.endsWith('.ipynb')).sort()) {
      const cells = readNotebook(path.join(notebookDir, name)).cells;
      const tagged = cells.flatMap((c, i) => ((c.metadata.tags ?? []).includes('parameters') ? [i] : []));
      assert.equal(tagged.length, 1, `${name}: exactly one parameters cell`);
      assert.equal(tagged[0], cells.findIndex((c) => c.cell_type === 'code'), `${name}: the parameters cell comes first`);
    }
  });

  it('lists the parameters of a notebook with --help-notebook', () => {
    const help = helpNotebook02();
    assert.match(help, /^\s+seed: number \(default \d+\)/m);
    assert.match(help, /^\s+n: number \(default \d+\)/m);
    const source = joined(readNotebook(NOTEBOOK_02).cells.find((c) => (c.metadata.tags ?? []).includes('parameters'))?.source);
    for (const [, name] of source.matchAll(/^\s*(?:const|let)\s+(\w+)/gm)) {
      assert.match(help, new RegExp(`^\\s+${name}: `, 'm'), `--help-notebook lists ${name}`);
    }
  });

  it('re-runs notebook 02 with another seed, n and mean: a new sample mean, and the fit finds it', () => {
    const nb = readNotebook(NOTEBOOK_02) as Notebook & Record<string, unknown>;
    const fitCell = nb.cells.findIndex((c) => c.cell_type === 'code' && /fitted mean/.test(joined(c.source)));
    assert.ok(fitCell > 0, 'notebook 02 prints its fitted mean');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-papermill-'));
    const input = path.join(dir, 'in.ipynb');
    const output = path.join(dir, 'out.ipynb');
    for (const cell of nb.cells) if (cell.cell_type === 'code') cell.outputs = [];
    fs.writeFileSync(input, JSON.stringify({ ...nb, cells: nb.cells.slice(0, fitCell + 1) }));

    const params = { seed: 3, n: 2000, trueMean: [2, -1] };
    run([input, output, '--cwd', notebookDir, '-p', 'seed', '3', '-p', 'n', '2000', '-y', 'trueMean: [2, -1]']);
    const cells = readNotebook(output).cells;
    // papermill writes the -y (YAML) parameters first, then the -p ones.
    const injected = cells.find((c) => (c.metadata.tags ?? []).includes('injected-parameters'));
    assert.equal(joined(injected?.source), '// Parameters\nlet trueMean = [2, -1];\nlet seed = 3;\nlet n = 2000;\n');
    const printed = cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'stream').map((o) => joined(o.text)).join('');

    // The sample mean the notebook prints is that of the injected draw, computed here by the lib.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lab = require(root) as {
      sampleMultivariateNormal(n: number, mean: number[], cov: number[][], o: { seed: number }): number[][];
      multivariateGaussianMle(rows: number[][]): { mean: number[] };
    };
    const help = helpNotebook02();
    const covariance = JSON.parse(/^\s+covariance: [^(]*\(default (.*)\)$/m.exec(help)?.[1] ?? 'null') as number[][];
    const expected = lab.multivariateGaussianMle(lab.sampleMultivariateNormal(params.n, params.trueMean, covariance, { seed: params.seed })).mean;
    const sampleMean = vectorAfter(printed, 'sample mean (closed-form MLE)');
    sampleMean.forEach((v, j) => assert.ok(Math.abs(v - expected[j]) < 1e-6, `sample mean ${sampleMean} vs the lib's ${expected}`));
    assert.ok(Math.abs(sampleMean[0] - 2) < 0.2 && Math.abs(sampleMean[1] + 1) < 0.2, 'the sample mean is near the injected trueMean (2, -1)');

    // The fit follows the injected data: gradient ascent ends at this sample mean.
    const fitted = vectorAfter(printed, 'fitted mean');
    fitted.forEach((v, j) => assert.ok(Math.abs(v - sampleMean[j]) < 1e-4, `fitted ${fitted} vs sample mean ${sampleMean}`));
  });
});
