import { describeValue } from '../guards';
import { resolveDisplayWriter } from './display';
import type { DisplayOptions } from './display';

/** A table cell: numbers are formatted with fixed precision, null/undefined shows as a dash. */
export type TableCell = string | number | null | undefined;

/** Options for {@link showTable}. */
export interface ShowTableOptions extends DisplayOptions {
  /**
   * Digits after the decimal point for non-integer numbers; one number for all columns or one
   * per column. Integers (step counts) are printed without decimals.
   * @default 4
   */
  digits?: number | number[];
  /** Caption printed above the table. @default undefined (no caption) */
  title?: string;
}

function formatCell(cell: TableCell, digits: number): string {
  if (cell === null || cell === undefined) return '—';
  if (typeof cell === 'string') return cell;
  if (!Number.isFinite(cell)) return String(cell);
  return Number.isInteger(cell) ? String(cell) : cell.toFixed(digits);
}

/**
 * Shows a small table with fixed precision, e.g. "steps to tolerance per optimizer", as ONE
 * display_data holding `text/markdown` (a rendered table in JupyterLab and nbconvert HTML) and
 * `text/plain` (aligned columns, for text front ends). Numeric columns are right-aligned. Fixed
 * precision keeps the saved notebook stable from run to run.
 *
 * @param rows - one array of cells per row, in column order
 * @param columns - column headers
 * @param options - see {@link ShowTableOptions}
 * @returns nothing
 * @throws {TypeError} when rows or columns is not an array, a header is not a string, a cell is
 *   not a string, number, null or undefined (an object, an array, a boolean), options is not an
 *   object, or options.writer is given and not a function
 * @throws {RangeError} when columns is empty, a row has the wrong number of cells, or digits is
 *   not an integer from 0 to 15
 * @example
 * showTable([['SGD', 412, -14189.41234], ['Adam', 97, -14189.40871]],
 *   ['optimizer', 'steps to tolerance', 'final log-likelihood'], { digits: 2 });
 * // | optimizer | steps to tolerance | final log-likelihood |
 * // | SGD       |                412 |            -14189.41 | ...
 */
export function showTable(rows: TableCell[][], columns: string[], options: ShowTableOptions = {}): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`showTable requires options to be an object, got ${describeValue(options)}`);
  }
  if (options.writer !== undefined && typeof options.writer !== 'function') {
    throw new TypeError(`showTable requires options.writer to be a function, got ${describeValue(options.writer)}`);
  }
  if (!Array.isArray(columns)) throw new TypeError('showTable requires columns to be an array of strings');
  if (columns.length === 0) throw new RangeError('showTable requires columns to be a non-empty array');
  columns.forEach((c, k) => {
    if (typeof c !== 'string') throw new TypeError(`showTable requires columns[${k}] to be a string`);
  });
  if (!Array.isArray(rows)) throw new TypeError('showTable requires rows to be an array of rows');
  const digitsOption = options.digits ?? 4;
  const digits = Array.isArray(digitsOption) ? digitsOption : columns.map(() => digitsOption);
  if (digits.length !== columns.length) {
    throw new RangeError(`showTable requires digits to have one entry per column (${columns.length}), got ${digits.length}`);
  }
  digits.forEach((d) => {
    if (!Number.isInteger(d) || d < 0 || d > 15)
      throw new RangeError(`showTable requires digits to be integers from 0 to 15, got ${d}`);
  });
  rows.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== columns.length) {
      throw new RangeError(
        `showTable requires rows[${r}] to have ${columns.length} cells, got ${Array.isArray(row) ? row.length : typeof row}`,
      );
    }
    row.forEach((cell, c) => {
      if (cell !== null && cell !== undefined && typeof cell !== 'string' && typeof cell !== 'number') {
        throw new TypeError(
          `showTable requires rows[${r}][${c}] to be a string, a number, null or undefined, got ${describeValue(cell)}`,
        );
      }
    });
  });
  const cells = rows.map((row) => row.map((cell, c) => formatCell(cell, digits[c])));
  const numeric = columns.map((_, c) => rows.length > 0 && rows.every((row) => typeof row[c] === 'number'));
  const widths = columns.map((c, k) => Math.max(c.length, ...cells.map((row) => row[k].length)));
  const pad = (text: string, k: number): string => (numeric[k] ? text.padStart(widths[k]) : text.padEnd(widths[k]));
  const escape = (text: string): string => text.replace(/\|/g, '\\|');
  const caption = options.title !== undefined ? [options.title, ''] : [];
  const markdown = [
    ...caption,
    `| ${columns.map(escape).join(' | ')} |`,
    `|${numeric.map((n) => (n ? ' ---: ' : ' :--- ')).join('|')}|`,
    ...cells.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
  const text = [
    ...caption,
    columns.map(pad).join('  '),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map((row) => row.map(pad).join('  ')),
  ].join('\n');
  resolveDisplayWriter(options)({ data: { 'text/markdown': markdown, 'text/plain': text }, metadata: {}, transient: {} }, false);
}
