/**
 * Shared helpers for the notebook tests: find the committed notebooks, execute one in a fresh
 * tslab kernel through real Jupyter (nbclient), and read its outputs.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { keepExecutedCopy } from './execution-cache';

export const root = path.resolve(__dirname, '..', '..', '..');
export const notebooksDir = path.join(root, 'notebooks');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS tool outside the compiled tree
const notebookList = require(path.join(root, 'scripts', 'notebooks.js')) as typeof import('../../scripts/notebooks');
const venvPython = path.join(root, '.venv', 'bin', 'python');
const executor = path.join(root, 'scripts', 'execute_notebook.py');

/** A Jupyter output, as nbformat 4 stores it. */
export interface NotebookOutput {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
}

/** A notebook cell, as nbformat 4 stores it. */
export interface NotebookCell {
  cell_type: string;
  source: string | string[];
  outputs?: NotebookOutput[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}

/** A parsed .ipynb file. */
export interface Notebook {
  cells: NotebookCell[];
  metadata: Record<string, unknown>;
}

/** The committed notebooks, from the project's one list (scripts/notebooks.js). */
export function committedNotebooks(): string[] {
  return notebookList.listNotebooks(notebooksDir);
}

export function readNotebook(file: string): Notebook {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Notebook;
}

export function joined(text: string | string[] | undefined): string {
  return Array.isArray(text) ? text.join('') : (text ?? '');
}

/** The result of running scripts/execute_notebook.py. */
export interface Execution {
  ok: boolean;
  stderr: string;
  notebook: Notebook | null;
}

/**
 * Executes `file` in a fresh kernel (its folder as working directory) and returns the executed
 * notebook. With `twice`, every cell then runs again in the same kernel without a restart (the
 * returned outputs are those of the first pass). With `keepAs`, the executed file of the first pass
 * is also kept there (see execution-cache.ts), when the first pass ran to its end.
 */
export function executeNotebook(
  file: string,
  options: { twice?: boolean; timeoutSeconds?: number; keepAs?: string } = {},
): Execution {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'likelihood-lab-nb-'));
  try {
    const out = path.join(dir, path.basename(file));
    const args = [executor, file, out, '--timeout', String(options.timeoutSeconds ?? 600)];
    if (options.twice) args.push('--twice');
    const run = spawnSync(venvPython, args, {
      encoding: 'utf8',
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
      timeout: 20 * 60 * 1000,
    });
    // the executor writes OUTPUT only after a first pass without a failed cell
    const notebook = fs.existsSync(out) ? readNotebook(out) : null;
    if (notebook && options.keepAs) keepExecutedCopy(out, options.keepAs);
    return { ok: run.status === 0, stderr: `${run.stderr ?? ''}${run.error ? String(run.error) : ''}`, notebook };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** All text a notebook printed (stdout streams, text/plain and text/markdown of displays). */
export function printedText(notebook: Notebook): string {
  const parts: string[] = [];
  for (const cell of notebook.cells) {
    for (const output of cell.outputs ?? []) {
      if (output.output_type === 'stream') parts.push(joined(output.text));
      for (const mime of ['text/plain', 'text/markdown']) {
        const value = output.data?.[mime];
        if (typeof value === 'string' || Array.isArray(value)) parts.push(joined(value as string | string[]));
      }
    }
  }
  return parts.join('\n');
}

export const VEGA_LITE = 'application/vnd.vegalite.v5+json';
