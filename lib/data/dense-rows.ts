import type { Tensor2D } from '@tensorflow/tfjs';
import { assertFiniteNumber, assertInteger, assertOneOf, assertOptions, assertRows, describeValue } from '../guards';
import { FLOAT32_MAX } from '../numeric/float32';

/**
 * A data matrix in dense row-major form: entry (i, j), row i and column j, is `data[i * cols + j]`.
 * One typed array instead of `rows` small arrays: ten million 2-D points are 160 MB as a
 * Float64Array (80 MB as Float32Array), upload to a tensor in one copy and leave the garbage
 * collector nothing to do, where `number[][]` would be ten million objects (about 1 GB).
 * A plain object literal is a `DenseRows`; the lib only reads it.
 */
export interface DenseRows {
  /** The entries, row after row: length `rows * cols`, every entry finite. */
  data: Float64Array | Float32Array;
  /** Number of rows n (observations), a positive integer. */
  rows: number;
  /** Number of columns d (the dimension), a positive integer. */
  cols: number;
}

/**
 * Every form in which a data-taking function accepts its data: an array of rows (notebooks, small
 * data), a {@link DenseRows} (large data), or a float32 `tf.Tensor2D` of shape [n, d] (the lib
 * reads it and uses it as it is; it never disposes the caller's tensor).
 */
export type DataRows = number[][] | DenseRows | Tensor2D;

/** Options of `toDenseRows`. */
export interface ToDenseRowsOptions {
  /**
   * The typed array to fill: 'float64' keeps every value exactly; 'float32' halves the memory and is
   * exactly what a float32 tensor will hold anyway (values round to float32; beyond float32's range
   * is refused).
   * @default 'float64'
   */
  dtype?: 'float64' | 'float32';
}

/**
 * Packs an array of rows into the dense row-major form {@link DenseRows}.
 *
 * @param rows n rows of length d, finite numbers (float32's range for dtype 'float32')
 * @param options `{ dtype }` (default 'float64')
 * @returns `{ data, rows: n, cols: d }`, a fresh typed array
 * @throws {TypeError} when `rows` is not an array of arrays of numbers
 * @throws {RangeError} when `rows` is empty or ragged, an entry is not finite (or beyond float32's
 *   range for 'float32'), or an option is unknown
 * @example
 * toDenseRows([[1, 2], [3, 4]]); // => { data: Float64Array [1, 2, 3, 4], rows: 2, cols: 2 }
 */
export function toDenseRows(rows: number[][], options: ToDenseRowsOptions = {}): DenseRows {
  const fn = 'toDenseRows';
  const cols = assertRows(fn, 'rows', rows);
  assertOptions(fn, options, ['dtype']);
  const dtype = options.dtype ?? 'float64';
  assertOneOf(fn, 'options.dtype', dtype, ['float64', 'float32'] as const);
  const n = rows.length;
  const data = dtype === 'float64' ? new Float64Array(n * cols) : new Float32Array(n * cols);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    for (let j = 0; j < cols; j++) {
      if (dtype === 'float32' && Math.abs(row[j]) > FLOAT32_MAX) {
        throw new RangeError(
          `${fn} requires rows[${i}][${j}] to be within float32's range (|x| <= ${FLOAT32_MAX}) for dtype 'float32', got ${row[j]}`,
        );
      }
      data[i * cols + j] = row[j];
    }
  }
  return { data, rows: n, cols };
}

/**
 * Validated data in the one form the lib computes on (internal): row-major values, n, d, and the
 * caller's tensor when the data came as one.
 */
export interface RowMatrix {
  /** Row-major entries, length n d (the caller's typed array itself for a DenseRows: read only). */
  values: Float64Array | Float32Array;
  /** Number of rows. */
  n: number;
  /** Number of columns. */
  d: number;
  /** The caller's float32 tensor (never disposed by the lib), or null. */
  tensor: Tensor2D | null;
  /** The caller's rows when the data came as `number[][]`, or null. */
  rows: number[][] | null;
}

/**
 * Reads any {@link DataRows} into a {@link RowMatrix}, with the checks of `assertRows`: a non-empty
 * matrix of finite numbers, of width `dimension` when given. Arrays of rows are packed into a
 * Float64Array (values unchanged); a DenseRows is used as it is; a tensor is read back once.
 * Internal: every data-taking function starts with it.
 *
 * @param fn the public function's name, for messages
 * @param arg the argument's name, for messages
 * @param value what the caller passed
 * @param dimension the required width, if any
 * @returns the validated matrix
 * @throws {TypeError} when `value` is none of the accepted forms, or a part has the wrong type
 * @throws {RangeError} when it is empty, ragged, of the wrong width, or holds a non-finite entry
 * @example
 * readRows('multivariateGaussianMle', 'rows', [[1, 2], [3, 4]]).n; // => 2
 */
export function readRows(fn: string, arg: string, value: unknown, dimension?: number): RowMatrix {
  if (Array.isArray(value)) {
    const d = assertRows(fn, arg, value, dimension);
    const rows = value as number[][];
    const values = new Float64Array(rows.length * d);
    for (let i = 0; i < rows.length; i++) for (let j = 0; j < d; j++) values[i * d + j] = rows[i][j];
    return { values, n: rows.length, d, tensor: null, rows };
  }
  if (isTensorLike(value)) return readTensor(fn, arg, value, dimension);
  if (typeof value === 'object' && value !== null && 'data' in value) {
    return readDense(fn, arg, value as Record<string, unknown>, dimension);
  }
  const hint = ArrayBuffer.isView(value) ? ' (a typed array alone has no shape: pass { data, rows, cols })' : '';
  throw new TypeError(
    `${fn} requires ${arg} to be an array of rows, a { data, rows, cols } object or a 2-D tensor, got ${describeData(value)}${hint}`,
  );
}

/** `describeValue`, naming typed arrays (which it would call 'object'). */
function describeData(value: unknown): string {
  if (ArrayBuffer.isView(value) && 'length' in value) {
    const name = value.constructor.name;
    return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name} of length ${(value as unknown as ArrayLike<number>).length}`;
  }
  return describeValue(value);
}

/**
 * Checks that every entry of a validated matrix lies within float32's range, so that uploading it
 * to a float32 tensor keeps it finite (internal; one pass, nothing to do for float32 data).
 *
 * @throws {RangeError} naming the first entry beyond float32's largest finite value
 * @example
 * assertRowsFloat32Range('fitGaussianMean', 'rows', readRows('f', 'rows', [[1, 2]])); // passes
 */
export function assertRowsFloat32Range(fn: string, arg: string, matrix: RowMatrix): void {
  const { values, d } = matrix;
  if (values instanceof Float32Array) return;
  for (let k = 0; k < values.length; k++) {
    if (Math.abs(values[k]) > FLOAT32_MAX) {
      throw new RangeError(
        `${fn} requires ${where(matrix, arg, k, d)} to be within float32's range (|x| <= ${FLOAT32_MAX}), got ${values[k]}`,
      );
    }
  }
}

/** How a message names entry k: `rows[i][j]` for arrays of rows, `rows.data[k] (row i, column j)` otherwise. */
function where(matrix: RowMatrix, arg: string, k: number, d: number): string {
  const i = Math.floor(k / d);
  const j = k - i * d;
  return matrix.rows !== null ? `${arg}[${i}][${j}]` : `${arg}.data[${k}] (row ${i}, column ${j})`;
}

function readDense(fn: string, arg: string, value: Record<string, unknown>, dimension?: number): RowMatrix {
  const { data, rows, cols } = value;
  if (!(data instanceof Float64Array) && !(data instanceof Float32Array)) {
    throw new TypeError(`${fn} requires ${arg}.data to be a Float64Array or Float32Array, got ${describeData(data)}`);
  }
  if (rows === 0) throw new RangeError(`${fn} requires at least one data point`);
  assertInteger(fn, `${arg}.rows`, rows);
  assertInteger(fn, `${arg}.cols`, cols);
  if (data.length !== rows * cols) {
    throw new RangeError(`${fn} requires ${arg}.data to have rows x cols = ${rows * cols} entries, got ${data.length}`);
  }
  if (dimension !== undefined && cols !== dimension) {
    throw new RangeError(`${fn} requires ${arg} to have rows of length ${dimension}, got ${cols}`);
  }
  const matrix: RowMatrix = { values: data, n: rows, d: cols, tensor: null, rows: null };
  assertFiniteEntries(fn, arg, matrix);
  return matrix;
}

/** Structural test for a tfjs tensor, so that reading plain data never loads TensorFlow.js. */
function isTensorLike(value: unknown): value is Tensor2D {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { shape?: unknown; dtype?: unknown; dataSync?: unknown };
  return Array.isArray(candidate.shape) && typeof candidate.dtype === 'string' && typeof candidate.dataSync === 'function';
}

function readTensor(fn: string, arg: string, tensor: Tensor2D, dimension?: number): RowMatrix {
  if (tensor.isDisposed) throw new TypeError(`${fn} requires ${arg} to be a live tensor, got a disposed one`);
  if (tensor.dtype !== 'float32') {
    throw new TypeError(`${fn} requires ${arg} to be a float32 tensor, got dtype ${tensor.dtype}`);
  }
  if (tensor.rank !== 2) throw new RangeError(`${fn} requires ${arg} to be a 2-D tensor [n, d], got rank ${tensor.rank}`);
  const [n, d] = tensor.shape;
  if (n === 0) throw new RangeError(`${fn} requires at least one data point`);
  if (d === 0) throw new RangeError(`${fn} requires ${arg} to have at least one column`);
  if (dimension !== undefined && d !== dimension) {
    throw new RangeError(`${fn} requires ${arg} to have rows of length ${dimension}, got ${d}`);
  }
  const matrix: RowMatrix = { values: tensor.dataSync() as Float32Array, n, d, tensor, rows: null };
  assertFiniteEntries(fn, arg, matrix);
  return matrix;
}

function assertFiniteEntries(fn: string, arg: string, matrix: RowMatrix): void {
  const { values, d } = matrix;
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    // x - x is 0 for finite x and NaN for NaN and the infinities: one comparison per entry.
    if (x - x !== 0) {
      const name = matrix.tensor !== null ? `${arg} at [${Math.floor(k / d)}, ${k % d}]` : where(matrix, arg, k, d);
      assertFiniteNumber(fn, name, x);
    }
  }
}
