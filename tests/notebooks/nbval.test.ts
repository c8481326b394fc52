/**
 * nbval, a second re-run check independent of ours: `pytest --nbval` re-executes every committed
 * notebook in a fresh tslab kernel and compares each cell's outputs with the saved ones (stream
 * text, text/plain, SVG, Vega-Lite JSON; notebooks/conftest.py only applies display updates the
 * way Jupyter does). It must pass on the committed notebooks, and fail when one digit of a saved
 * output is changed (checked on a doctored copy of the first cells of notebook 01).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const venvPython = path.join(root, '.venv', 'bin', 'python');

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
}
interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}
interface Notebook {
  cells: Cell[];
}

function pytestNbval(target: string, cwd: string, extra: string[] = []): { status: number | null; output: string } {
  const run = spawnSync(venvPython, ['-m', 'pytest', '--nbval', '-p', 'no:cacheprovider', '-q', ...extra, target], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 1_800_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** nbval numbers cells among the code cells. */
const codeIndex = (nb: Notebook, cellIndex: number): number => nb.cells.slice(0, cellIndex).filter((c) => c.cell_type === 'code').length;

const joined = (text: string | string[] | undefined): string => (Array.isArray(text) ? text.join('') : text ?? '');

describe('nbval re-runs the notebooks', () => {
  it('passes on every committed notebook', () => {
    const { status, output } = pytestNbval('notebooks', root, ['-rA']);
    assert.equal(status, 0, output.slice(-6000));
    const notebooks = fs.readdirSync(path.join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb'));
    for (const name of notebooks) {
      assert.match(output, new RegExp(`^PASSED notebooks/${name.replace('.', '\\.')}::Cell \\d+`, 'm'), `nbval ran ${name}`);
    }
  });

  it('fails when one digit of a saved output is changed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-nbval-'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(root, path.join(dir, 'node_modules', 'likelihood-lab'), 'dir');
    fs.copyFileSync(path.join(root, 'notebooks', 'conftest.py'), path.join(dir, 'conftest.py'));
    const nb = JSON.parse(fs.readFileSync(path.join(root, 'notebooks', '01-theory.ipynb'), 'utf8')) as Notebook & Record<string, unknown>;
    // The first cells, up to the first printout with a digit after the one naming the backend.
    const printing = nb.cells.findIndex(
      (c, i) => i > 2 && (c.outputs ?? []).some((o) => o.output_type === 'stream' && /\d/.test(joined(o.text))),
    );
    assert.ok(printing > 0, 'notebook 01 prints a number in its first cells');
    const short = { ...nb, cells: nb.cells.slice(0, printing + 1) };
    fs.writeFileSync(path.join(dir, 'intact.ipynb'), JSON.stringify(short));
    const doctored = JSON.parse(JSON.stringify(short)) as Notebook;
    const output = (doctored.cells[printing].outputs ?? []).find((o) => o.output_type === 'stream' && /\d/.test(joined(o.text)));
    assert.ok(output);
    const original = joined(output.text);
    const at = original.search(/\d(?!.*\d)/s); // the last digit
    output.text = original.slice(0, at) + String((Number(original[at]) + 1) % 10) + original.slice(at + 1);
    fs.writeFileSync(path.join(dir, 'doctored.ipynb'), JSON.stringify(doctored));

    // One pytest run over both copies; -rA lists every cell's result.
    const { status, output: said } = pytestNbval('intact.ipynb', dir, ['-rA', 'doctored.ipynb']);
    assert.notEqual(status, 0, 'a changed digit fails nbval');
    const failedCells = said.match(/^FAILED \S+::Cell \d+/gm) ?? [];
    assert.deepEqual(failedCells, [`FAILED doctored.ipynb::Cell ${codeIndex(short, printing)}`], said.slice(-3000));
    assert.match(said, /mismatch 'stdout'/);
    assert.ok((said.match(/^PASSED intact\.ipynb::Cell \d+/gm) ?? []).length === codeIndex(short, printing) + 1, 'the intact copy passes');
  });
});
