'use strict';
/*
 * Pure helpers of `npm run bench`: summarise repeated timings and write Markdown tables.
 */

/**
 * Median (the mean of the middle two for an even count), min and max of repeated measurements.
 * @param {number[]} values finite numbers, at least one
 * @returns {{ median: number, min: number, max: number, runs: number }}
 */
function summarise(values) {
  if (!Array.isArray(values) || values.length === 0 || !values.every(Number.isFinite)) {
    throw new RangeError(`summarise requires values to be a non-empty array of finite numbers, got ${JSON.stringify(values)}`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/**
 * A number for a table: 3 significant digits, no exponent below 1e6.
 * @param {number} value
 * @returns {string}
 */
function formatNumber(value) {
  if (!Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-3) return value.toExponential(2);
  return Number(value.toPrecision(3)).toString();
}

/**
 * A summary as `median (min–max)`; a single measurement (e.g. one process's peak RSS) as its value.
 * @param {{ median: number, min: number, max: number, runs?: number } | undefined} summary
 * @param {(v: number) => string} [format]
 * @returns {string}
 */
function formatSummary(summary, format = formatNumber) {
  if (summary === undefined) return '–';
  if (summary.runs === 1) return format(summary.median);
  return `${format(summary.median)} (${format(summary.min)}–${format(summary.max)})`;
}

/**
 * A Markdown table.
 * @param {string[]} header
 * @param {string[][]} rows
 * @returns {string}
 */
function markdownTable(header, rows) {
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new RangeError(`markdownTable requires every row to have ${header.length} cells, got ${row.length}`);
    }
  }
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

module.exports = { summarise, formatNumber, formatSummary, markdownTable };
