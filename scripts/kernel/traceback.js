/*
 * What a student sees when a cell fails: the error's class and message first, then the student's
 * own cell and line (with a caret), and only then, under a marker, the library and runtime frames
 * (still there for whoever needs them).
 *
 * Pure functions, no kernel state: scripts/kernel/protocol.js calls them with the thrown value or
 * the TypeScript diagnostics and the cells it has run; tests/kernel/traceback.test.ts checks them.
 *
 * Cells run under the file name `In[N]` (N = the execution count, as Jupyter shows it), so a stack
 * frame `at In[5]:7:27` names the cell. Its line and column are those of the JavaScript that tslab
 * compiled from the cell (tslab keeps no source map): we find the cell's TypeScript line by
 * aligning the compiled lines with the source lines (by their identifiers, in order).
 */
'use strict';

/** The marker line above the folded library and runtime frames. */
const FOLD_MARKER = '--- library and runtime frames ---';
const CELL_FILE = /^In\[(\d+)\]$/;

/**
 * The error's class: `name` when a class sets it (RangeError, TaskCanceledError), else the
 * constructor's name (a subclass that leaves name as 'Error'); for a thrown non-object, its type.
 */
function errorName(value) {
  if (value instanceof Error || (value && typeof value === 'object' && typeof value.message === 'string')) {
    if (typeof value.name === 'string' && value.name !== '' && value.name !== 'Error') return value.name;
    const ctor = value.constructor && value.constructor.name;
    return ctor || 'Error';
  }
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const ctor = Object(value).constructor;
  return (ctor && ctor.name) || typeof value;
}

function errorMessage(value) {
  if (value && typeof value === 'object' && typeof value.message === 'string') return value.message;
  try {
    return typeof value === 'string' ? value : require('util').inspect(value);
  } catch {
    return String(value);
  }
}

/** Parses one V8 stack line: `at fn (file:line:col)` or `at file:line:col`. */
function parseFrame(line) {
  const match = /^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
  if (!match) return null;
  const [, fn, file, lineNo, column] = match;
  return { fn: fn || null, file: file.replace(/^async /, ''), line: Number(lineNo), column: Number(column) };
}

const TOKEN = /[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
const NOISE = new Set(['exports', 'void', 'const', 'let', 'var', 'as', 'any', 'number', 'string', 'boolean']);

function tokens(line) {
  return new Set((line.match(TOKEN) || []).filter((t) => !NOISE.has(t)));
}

function similarity(a, b) {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common += 1;
  return common / (a.size + b.size - common);
}

/**
 * Maps each compiled line (1-based) to a source line (1-based) by an order-keeping alignment of
 * the lines' identifier sets (a longest-common-subsequence over similar lines).
 */
function alignLines(compiled, source) {
  const c = compiled.split('\n').map(tokens);
  const s = source.split('\n').map(tokens);
  const score = Array.from({ length: c.length + 1 }, () => new Float64Array(s.length + 1));
  for (let i = 1; i <= c.length; i += 1) {
    for (let j = 1; j <= s.length; j += 1) {
      const sim = similarity(c[i - 1], s[j - 1]);
      score[i][j] = Math.max(score[i - 1][j], score[i][j - 1], sim >= 0.25 ? score[i - 1][j - 1] + sim : -1);
    }
  }
  const map = new Map();
  for (let i = c.length, j = s.length; i > 0 && j > 0;) {
    const sim = similarity(c[i - 1], s[j - 1]);
    if (sim >= 0.25 && score[i][j] === score[i - 1][j - 1] + sim) {
      map.set(i, j);
      i -= 1;
      j -= 1;
    } else if (score[i][j] === score[i - 1][j]) i -= 1;
    else j -= 1;
  }
  return map;
}

/**
 * The source line and column of a position in a cell's compiled JavaScript, or null when no
 * source line matches. The column is that of the same identifier in the source line if found.
 */
function sourcePosition(cell, line, column) {
  if (!cell || typeof cell.compiled !== 'string') return null;
  const sourceLine = alignLines(cell.compiled, cell.source).get(line);
  if (!sourceLine) return null;
  const compiledText = cell.compiled.split('\n')[line - 1] || '';
  const text = cell.source.split('\n')[sourceLine - 1];
  const word = (/^[\w$]+/.exec(compiledText.slice(column - 1)) || [''])[0];
  let at = word ? text.search(new RegExp(`(?<![\\w$])${word.replace(/\$/g, '\\$')}(?![\\w$])`)) : -1;
  if (at < 0) at = text.length - text.trimStart().length;
  return { line: sourceLine, column: at + 1, text };
}

function caretLines(text, column) {
  const indent = text.length - text.trimStart().length;
  return [`    ${text.trimStart()}`, `    ${' '.repeat(Math.max(0, column - 1 - indent))}^`];
}

/**
 * The traceback lines for a runtime error thrown by a cell.
 *
 * @param value the thrown value
 * @param cells Map from execution count to `{ source, compiled }` of the cells run so far
 * @returns `{ ename, evalue, traceback }`, traceback as lines: `Class: message`, then one
 *   `Cell In[N], line L` block per frame in the student's cells (innermost first), then the
 *   marker and the remaining frames (library, node, tslab) as V8 printed them.
 */
function formatRuntimeError(value, cells) {
  const ename = errorName(value);
  const evalue = errorMessage(value);
  const traceback = [`${ename}: ${evalue}`];
  const stack = value && typeof value === 'object' && typeof value.stack === 'string' ? value.stack : '';
  const frameLines = stack.split('\n').filter((l) => /^\s*at /.test(l));
  const folded = [];
  for (const raw of frameLines) {
    const frame = parseFrame(raw);
    const cellMatch = frame && CELL_FILE.exec(frame.file);
    if (!cellMatch) {
      folded.push(raw.trimEnd());
      continue;
    }
    const count = Number(cellMatch[1]);
    const position = sourcePosition(cells.get(count), frame.line, frame.column);
    if (!position) {
      // e.g. tslab's wrapper calling the cell (its last compiled line): no line of the student's
      folded.push(raw.trimEnd());
      continue;
    }
    const name = frame.fn && frame.fn.replace(/^(?:async )?(?:Proxy|Object|exports)\./, '');
    const where = name && name !== '<anonymous>' ? ` in ${name}` : '';
    traceback.push(`Cell In[${count}], line ${position.line}${where}:`, ...caretLines(position.text, position.column));
  }
  if (folded.length > 0) traceback.push(FOLD_MARKER, ...folded);
  return { ename, evalue, traceback };
}

/**
 * The traceback lines for a cell that did not compile (TypeScript diagnostics, as tslab's
 * converter returns them: `start.line`/`start.character` 0-based within the cell).
 *
 * @returns `{ ename: 'CompileError', evalue, traceback }`: evalue holds the messages, one per
 *   line; the traceback shows each message above its cell line and a caret.
 */
function formatCompileError(diagnostics, source, count) {
  const lines = source.split('\n');
  const messages = diagnostics.map((d) => String(d.messageText));
  const traceback = [`CompileError: ${messages.join('; ')}`];
  for (const d of diagnostics) {
    const line = d.start.line + 1;
    const column = d.start.character + 1;
    if (d.fileName) {
      traceback.push(`${d.fileName}, line ${line}, column ${column}: ${d.messageText}`);
      continue;
    }
    const text = lines[d.start.line] ?? '';
    traceback.push(`Cell In[${count}], line ${line}: ${d.messageText}`, ...caretLines(text, column));
  }
  return { ename: 'CompileError', evalue: messages.join('\n'), traceback };
}

module.exports = {
  FOLD_MARKER,
  errorName,
  errorMessage,
  parseFrame,
  alignLines,
  sourcePosition,
  formatRuntimeError,
  formatCompileError,
};
