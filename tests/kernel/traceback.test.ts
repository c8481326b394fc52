/**
 * What a student sees when a cell fails (scripts/kernel/traceback.js): the error's class and
 * message first, then the student's cell and line with a caret, and the library and runtime
 * frames folded below a marker. Stacks here are written out by hand in the shape V8 gives them
 * for a cell that tslab compiled and ran under the file name In[N].
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

interface Failure {
  ename: string;
  evalue: string;
  traceback: string[];
}
interface Cell {
  source: string;
  compiled: string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const traceback = require(path.join(root, 'scripts', 'kernel', 'traceback.js')) as {
  FOLD_MARKER: string;
  errorName(value: unknown): string;
  formatRuntimeError(value: unknown, cells: Map<number, Cell>): Failure;
  formatCompileError(diagnostics: unknown[], source: string, count: number): Failure;
};

const WRAP_END = '\n})(__tslab__.exports, __tslab__.require)';

// A cell as tslab compiles it: ES-module scaffolding on top, exports after each declaration.
const cell2: Cell = {
  source: "// draw the sample\nconst n: any = '1000';\nconst rows = lab.sampleMultivariateNormal(n, [0, 0], identity);",
  compiled:
    '(function(exports, require) { Object.defineProperty(exports, "__esModule", { value: true });\n' +
    'exports.rows = exports.n = void 0;\n' +
    "const n = '1000';\n" +
    'exports.n = n;\n' +
    'const rows = lab.sampleMultivariateNormal(n, [0, 0], identity);\n' +
    'exports.rows = rows;\n' +
    WRAP_END,
};

function thrown(name: string, message: string, frames: string[]): Error {
  const error = new Error(message);
  error.name = name;
  error.stack = [`${name}: ${message}`, ...frames.map((f) => `    at ${f}`)].join('\n');
  return error;
}

describe('student-first tracebacks', () => {
  it('opens with the class and message, then the cell line with a caret under the failing call', () => {
    const error = thrown('TypeError', "sampleMultivariateNormal requires n to be a number, got '1000'", [
      'assertInteger (/work/main/dist/lib/guards.js:72:15)',
      'Object.sampleMultivariateNormal (/work/main/dist/lib/random/sample-multivariate-normal.js:28:32)',
      'In[2]:5:18',
      'In[2]:8:3',
      'Script.runInThisContext (node:vm:135:14)',
    ]);
    const { ename, evalue, traceback: tb } = traceback.formatRuntimeError(error, new Map([[2, cell2]]));
    assert.equal(ename, 'TypeError');
    assert.equal(evalue, "sampleMultivariateNormal requires n to be a number, got '1000'");
    assert.deepEqual(tb, [
      "TypeError: sampleMultivariateNormal requires n to be a number, got '1000'",
      'Cell In[2], line 3:',
      '    const rows = lab.sampleMultivariateNormal(n, [0, 0], identity);',
      '                     ^',
      traceback.FOLD_MARKER,
      '    at assertInteger (/work/main/dist/lib/guards.js:72:15)',
      '    at Object.sampleMultivariateNormal (/work/main/dist/lib/random/sample-multivariate-normal.js:28:32)',
      '    at In[2]:8:3',
      '    at Script.runInThisContext (node:vm:135:14)',
    ]);
  });

  it('finds the right one of two identical lines (the alignment keeps their order)', () => {
    const cell: Cell = {
      source: 'step(state);\nstep(state);',
      compiled: '(function(exports, require) { step(state);\nstep(state);' + WRAP_END,
    };
    const error = thrown('RangeError', 'diverged', ['step (/work/main/dist/lib/x.js:1:1)', 'In[4]:2:1']);
    const tb = traceback.formatRuntimeError(error, new Map([[4, cell]])).traceback;
    assert.equal(tb[1], 'Cell In[4], line 2:');
  });

  it('names a function defined in an earlier cell, innermost first', () => {
    const def: Cell = {
      source: 'function digits(a: number) {\n  return a.toFixed(200);\n}',
      compiled:
        '(function(exports, require) { Object.defineProperty(exports, "__esModule", { value: true });\nexports.digits = void 0;\nfunction digits(a) {\n    return a.toFixed(200);\n}\nexports.digits = digits;' +
        WRAP_END,
    };
    const call: Cell = { source: 'digits(1);', compiled: '(function(exports, require) { digits(1);' + WRAP_END };
    const error = thrown('RangeError', 'toFixed() digits argument must be between 0 and 100', [
      'Number.toFixed (<anonymous>)',
      'Proxy.digits (In[7]:4:14)',
      'In[8]:1:31',
    ]);
    const tb = traceback.formatRuntimeError(
      error,
      new Map([
        [7, def],
        [8, call],
      ]),
    ).traceback;
    assert.deepEqual(tb.slice(0, 7), [
      'RangeError: toFixed() digits argument must be between 0 and 100',
      'Cell In[7], line 2 in digits:',
      '    return a.toFixed(200);',
      '             ^',
      'Cell In[8], line 1:',
      '    digits(1);',
      '    ^',
    ]);
    assert.deepEqual(tb.slice(7), [traceback.FOLD_MARKER, '    at Number.toFixed (<anonymous>)']);
  });

  it('gives the class of an error: name, else the subclass, else the type of a thrown value', () => {
    class GuardFailure extends Error {}
    assert.equal(traceback.errorName(new RangeError('x')), 'RangeError');
    assert.equal(traceback.errorName(new GuardFailure('x')), 'GuardFailure');
    assert.equal(traceback.errorName('just a string'), 'String');
    const failure = traceback.formatRuntimeError('just a string', new Map());
    assert.deepEqual(failure, { ename: 'String', evalue: 'just a string', traceback: ['String: just a string'] });
  });

  it('shows each compile diagnostic above its cell line, with a caret', () => {
    const source = 'let y = 1;\nfoo(y);\nconst z: string = 3;';
    const failure = traceback.formatCompileError(
      [
        { start: { line: 1, character: 0 }, messageText: "Cannot find name 'foo'." },
        { start: { line: 2, character: 6 }, messageText: "Type 'number' is not assignable to type 'string'." },
      ],
      source,
      5,
    );
    assert.equal(failure.ename, 'CompileError');
    assert.equal(failure.evalue, "Cannot find name 'foo'.\nType 'number' is not assignable to type 'string'.");
    assert.deepEqual(failure.traceback, [
      "CompileError: Cannot find name 'foo'.; Type 'number' is not assignable to type 'string'.",
      "Cell In[5], line 2: Cannot find name 'foo'.",
      '    foo(y);',
      '    ^',
      "Cell In[5], line 3: Type 'number' is not assignable to type 'string'.",
      '    const z: string = 3;',
      '          ^',
    ]);
  });
});
