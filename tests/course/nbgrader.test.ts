/**
 * The graders' kit (course/) through nbgrader's whole cycle, in a copy of the course folder that
 * links the package (as a grader's own course folder would): generate the student version, collect
 * three submissions (alice: correct; bob: gradient descent instead of ascent; carol: hands in the
 * untouched stub), autograde, export. Scores must be exactly full, exactly zero on the failed
 * tests, and a test cell earns points only when it ran to its end.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const venvBin = path.join(root, '.venv', 'bin');
const ASSIGNMENT = 'gradient-ascent';
const NOTEBOOK = `${ASSIGNMENT}.ipynb`;
const STUB = "// YOUR CODE HERE\n  throw new Error('not implemented');";

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata: { nbgrader?: { grade_id?: string; points?: number; grade?: boolean } };
  outputs?: { output_type: string; text?: string | string[]; ename?: string; evalue?: string }[];
}
interface Notebook {
  cells: Cell[];
}

const text = (source: string | string[] | undefined): string => (Array.isArray(source) ? source.join('') : source ?? '');
const gradeId = (cell: Cell): string | undefined => cell.metadata.nbgrader?.grade_id;

// The correct body of gradientAscent, as a student would write it.
const CORRECT = [
  'const gradL = tf.grad(L);',
  '  const path = [start];',
  '  for (let t = 0; t < steps; t += 1) {',
  '    const mu = path[path.length - 1];',
  '    const g = tf.tidy(() => gradL(tf.tensor1d(mu)).arraySync() as number[]);',
  '    path.push(mu.map((m, j) => m + learningRate * g[j]));',
  '  }',
  '  return path;',
].join('\n');
const SUBMISSIONS: Record<string, string | null> = {
  alice: CORRECT,
  bob: CORRECT.replace('m + learningRate', 'm - learningRate'), // descends: right length, wrong steps
  carol: null, // the release version, untouched
};

let course = '';
let scores: Record<string, Record<string, { score: number; max: number }>> = {};

function nbgrader(args: string[]): string {
  const run = spawnSync(path.join(venvBin, 'nbgrader'), args, {
    cwd: course,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${venvBin}${path.delimiter}${process.env.PATH ?? ''}` },
    timeout: 600_000,
  });
  assert.equal(run.status, 0, `nbgrader ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return `${run.stdout}${run.stderr}`;
}

function readNotebook(...parts: string[]): Notebook {
  return JSON.parse(fs.readFileSync(path.join(course, ...parts), 'utf8')) as Notebook;
}

describe('nbgrader course kit: generate, collect, autograde, export', () => {
  before(() => {
    course = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'll-course-')), 'course');
    fs.cpSync(path.join(root, 'course'), course, {
      recursive: true,
      filter: (src) => !/(release|submitted|autograded|feedback|gradebook\.db|node_modules)$/.test(src),
    });
    fs.mkdirSync(path.join(course, 'node_modules'));
    fs.symlinkSync(root, path.join(course, 'node_modules', 'likelihood-lab'), 'dir');

    nbgrader(['generate_assignment', ASSIGNMENT]);
    const release = readNotebook('release', ASSIGNMENT, NOTEBOOK);
    for (const [student, body] of Object.entries(SUBMISSIONS)) {
      const submission = JSON.parse(JSON.stringify(release)) as Notebook;
      const cell = submission.cells.find((c) => gradeId(c) === 'gradient_ascent');
      assert.ok(cell && text(cell.source).includes(STUB), 'the release version holds the stub');
      if (body !== null) cell.source = text(cell.source).replace(STUB, body);
      // What `nbgrader collect` (or zip_collect) leaves: submitted/<student>/<assignment>/.
      const dir = path.join(course, 'submitted', student, ASSIGNMENT);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, NOTEBOOK), JSON.stringify(submission));
    }
    nbgrader(['autograde', ASSIGNMENT]);
    nbgrader(['export']);
    const probe = spawnSync(
      path.join(venvBin, 'python'),
      [
        '-c',
        [
          'import json, sys',
          'from nbgrader.api import Gradebook',
          "gb = Gradebook('sqlite:///gradebook.db')",
          'out = {}',
          'for sub in gb.assignment_submissions(sys.argv[1]):',
          '    nb = sub.notebooks[0]',
          '    out[sub.student.id] = {g.name: {"score": g.score, "max": g.max_score} for g in nb.grades}',
          'gb.close()',
          'print(json.dumps(out))',
        ].join('\n'),
        ASSIGNMENT,
      ],
      { cwd: course, encoding: 'utf8' },
    );
    assert.equal(probe.status, 0, probe.stderr);
    scores = JSON.parse(probe.stdout);
  });

  it('generates a student version: stub in place of the solution, hidden tests gone, test cells kept', () => {
    const release = readNotebook('release', ASSIGNMENT, NOTEBOOK);
    const all = release.cells.map((c) => text(c.source)).join('\n');
    assert.ok(all.includes(STUB));
    for (const gone of ['BEGIN SOLUTION', 'const gradL = tf.grad(L)', 'BEGIN HIDDEN TESTS', 'gradientAscent([-3, 4]']) {
      assert.ok(!all.includes(gone), `the student version must not contain ${gone}`);
    }
    assert.deepEqual(
      release.cells.filter((c) => c.metadata.nbgrader?.grade).map((c) => [gradeId(c), c.metadata.nbgrader?.points]),
      [['test_first_step', 1], ['test_converges', 2], ['test_path', 1]],
    );
    assert.ok(release.cells.every((c) => !c.outputs || c.outputs.length === 0), 'no outputs are handed out');
  });

  it('gives the correct submission full points on every test', () => {
    assert.deepEqual(scores.alice, {
      test_first_step: { score: 1, max: 1 },
      test_converges: { score: 2, max: 2 },
      test_path: { score: 1, max: 1 },
    });
  });

  it('gives the wrong submission exactly zero on the tests it fails, and the point of the one it passes', () => {
    assert.deepEqual(scores.bob, {
      test_first_step: { score: 0, max: 1 },
      test_converges: { score: 0, max: 2 },
      test_path: { score: 1, max: 1 },
    });
  });

  it('gives the untouched stub zero everywhere', () => {
    assert.deepEqual(Object.values(scores.carol).map((g) => g.score), [0, 0, 0]);
  });

  it('runs every test cell, also right after a failing one, and scores only cells that ran to their end', () => {
    for (const student of Object.keys(SUBMISSIONS)) {
      const graded = readNotebook('autograded', student, ASSIGNMENT, NOTEBOOK).cells.filter((c) => c.metadata.nbgrader?.grade);
      for (const cell of graded) {
        const outputs = cell.outputs ?? [];
        const errors = outputs.filter((o) => o.output_type === 'error');
        const printed = outputs.filter((o) => o.output_type === 'stream').map((o) => text(o.text)).join('');
        const earned = scores[student][gradeId(cell) ?? ''].score;
        assert.ok(outputs.length > 0, `${student}/${gradeId(cell)}: the cell ran (it has outputs)`);
        if (earned > 0) {
          assert.equal(errors.length, 0, `${student}/${gradeId(cell)} scored with an error`);
          assert.match(printed, /: ok\n$/, `${student}/${gradeId(cell)} scored without reaching its last line`);
        } else {
          assert.equal(errors.length, 1, `${student}/${gradeId(cell)} scored zero: it shows its error`);
          assert.equal(errors[0].ename, 'Error');
          assert.ok((errors[0].evalue ?? '').length > 0, 'the error says what went wrong');
        }
      }
    }
    const bob = readNotebook('autograded', 'bob', ASSIGNMENT, NOTEBOOK).cells;
    const converges = bob.find((c) => gradeId(c) === 'test_converges');
    assert.match(converges?.outputs?.[0]?.evalue ?? '', /^after 100 steps: /, 'the cell after a failing one ran and failed on its own');
    const carol = readNotebook('autograded', 'carol', ASSIGNMENT, NOTEBOOK).cells;
    assert.equal(carol.find((c) => gradeId(c) === 'test_path')?.outputs?.[0]?.evalue, 'not implemented');
  });

  it('exports the totals: 4 of 4, 1 of 4, 0 of 4', () => {
    const csv = fs.readFileSync(path.join(course, 'grades.csv'), 'utf8').trim().split('\n');
    const header = csv[0].split(',');
    const rows = csv.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])));
    const totals = Object.fromEntries(rows.map((r) => [r.student_id, [Number(r.score), Number(r.max_score)]]));
    assert.deepEqual(totals, { alice: [4, 4], bob: [1, 4], carol: [0, 4] });
  });
});
