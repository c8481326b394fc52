import type { TopLevelSpec } from 'vega-lite';
import { readRows } from '../data/dense-rows';
import type { DataRows, RowMatrix } from '../data/dense-rows';
import { frame } from './theme';
import { formatNumber } from './format-number';
import { roundSignificant } from './round';
import { stridedIndices } from './stride';
import {
  FRAME_KEYS,
  requireFrameOptions,
  requireIntegerAtLeast,
  requireNonEmptyArray,
  requireOptionalString,
  requirePositive,
  requireUnitInterval,
} from './validate';

/** Options for {@link scatter}. */
export interface ScatterOptions {
  /**
   * At most this many points are drawn: a larger sample is thinned to an evenly strided,
   * deterministic subsample, and the subtitle says so. 2000 points are ~310 KB of SVG;
   * 10000 would be five times that and no easier to read.
   * @default 2000
   */
  maxPoints?: number;
  /** Chart title. @default undefined (the subsampling note, if any, becomes the title) */
  title?: string;
  /** x-axis title. @default 'x' */
  xTitle?: string;
  /** y-axis title. @default 'y' */
  yTitle?: string;
  /** Point area in square pixels. @default 10 */
  pointSize?: number;
  /** Point opacity, so that dense regions look darker. @default 0.35 */
  opacity?: number;
  /** Point colour. @default '#4c78a8' */
  color?: string;
  /** Plot width in pixels. @default chartTheme.width */
  width?: number;
  /** Plot height in pixels. @default chartTheme.height */
  height?: number;
  /** What the chart shows, in words (see {@link FrameOptions}). @default a sentence from the data */
  description?: string;
}

const DEFAULTS = { maxPoints: 2000, xTitle: 'x', yTitle: 'y', pointSize: 10, opacity: 0.35, color: '#4c78a8' };

/** Every option name scatter reads: any other key is a RangeError naming the nearest. */
const OPTION_KEYS = [...FRAME_KEYS, 'maxPoints', 'xTitle', 'yTitle', 'pointSize', 'opacity', 'color'];

/**
 * Scatter plot of 2-D points, e.g. a sample from a 2-D Gaussian or (x, y) pairs for a
 * regression. Large samples are thinned deterministically (every k-th point, evenly strided, so
 * the same figure comes out on every run) and the title says how many of how many are shown.
 * Hovering a point shows its coordinates. Compose with {@link lineOverlay} via {@link layer} to
 * draw a fitted line over the data.
 *
 * @param rows - points as `[x, y]` pairs, or the same as a `DenseRows` with 2 columns or a float32
 *   `tf.Tensor2D` [n, 2] (read once, never disposed): a large sample is thinned without making
 *   n small arrays, only the drawn points are read
 * @param options - see {@link ScatterOptions}
 * @returns a Vega-Lite point-mark spec
 * @throws {TypeError} when rows is none of the three forms, or a row is not a pair of finite numbers
 *   (for a DenseRows or a tensor, the messages of `readRows`: a wrong data type, a disposed or
 *   non-float32 tensor)
 * @throws {RangeError} when rows is empty (or a DenseRows or tensor is not n x 2 or holds a
 *   non-finite entry), maxPoints is not a positive integer, pointSize or a
 *   size is not a positive finite number, or opacity is outside [0, 1]
 * @example
 * const spec = scatter([[0, 1], [1, 3], [2, 5]], { xTitle: 'x', yTitle: 'y' });
 * spec.data; // => { values: [{ x: 0, y: 1 }, { x: 1, y: 3 }, { x: 2, y: 5 }] }
 */
export function scatter(rows: DataRows, options: ScatterOptions = {}): TopLevelSpec {
  // Arrays of rows keep their own checks and messages; the other forms are read and checked once.
  const matrix: RowMatrix | null = Array.isArray(rows) ? null : readRows('scatter', 'rows', rows, 2);
  if (matrix === null) requireNonEmptyArray('scatter', 'rows', rows);
  const o = { ...DEFAULTS, ...options };
  requireFrameOptions('scatter', options, OPTION_KEYS);
  requireIntegerAtLeast('scatter', 'maxPoints', o.maxPoints, 1);
  requirePositive('scatter', 'pointSize', o.pointSize);
  requireUnitInterval('scatter', 'opacity', o.opacity);
  requireOptionalString('scatter', 'color', o.color);
  requireOptionalString('scatter', 'xTitle', o.xTitle);
  requireOptionalString('scatter', 'yTitle', o.yTitle);
  const points = matrix === null ? (rows as number[][]) : null;
  points?.forEach((row, k) => {
    if (!Array.isArray(row) || row.length !== 2 || !row.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new TypeError(`scatter requires rows[${k}] to be an [x, y] pair of finite numbers`);
    }
  });
  const n = matrix?.n ?? (points as number[][]).length;
  const coordinate = (k: number, j: 0 | 1): number => (matrix !== null ? matrix.values[2 * k + j] : (points as number[][])[k][j]);
  const kept = stridedIndices(n, o.maxPoints);
  const values = kept.map((k) => ({ x: roundSignificant(coordinate(k, 0)), y: roundSignificant(coordinate(k, 1)) }));
  const note = kept.length < n ? `showing ${kept.length} of ${n} points (evenly strided subsample)` : undefined;
  const title =
    o.title !== undefined
      ? { title: note !== undefined ? { text: o.title, subtitle: note } : o.title }
      : note !== undefined
        ? { title: note }
        : {};
  const extent = (k: 0 | 1): string =>
    `from ${formatNumber(Math.min(...values.map((v) => (k === 0 ? v.x : v.y))))} to ${formatNumber(Math.max(...values.map((v) => (k === 0 ? v.x : v.y))))}`;
  const description =
    `Scatter plot of ${kept.length === n ? n : `${kept.length} of ${n}`} points, ` +
    `${o.xTitle} ${extent(0)} and ${o.yTitle} ${extent(1)}.`;
  return {
    ...frame({ ...o, title: undefined }, description, 'scatter'),
    ...title,
    data: { values },
    // aria: false keeps vega from writing an aria-label into every point's SVG path (~80 bytes each).
    mark: { type: 'point', aria: false, filled: true, size: o.pointSize, opacity: o.opacity, color: o.color },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: o.xTitle, scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: o.yTitle, scale: { zero: false } },
      tooltip: [
        { field: 'x', type: 'quantitative', title: o.xTitle, format: '.4~g' },
        { field: 'y', type: 'quantitative', title: o.yTitle, format: '.4~g' },
      ],
    },
  };
}
