/**
 * Small shared validators: every exported function of Likelihood Lab checks its input here first.
 *
 * Messages follow one pattern, `<functionName> requires <argument> <condition>, got <bad value>`,
 * with no trailing period. A wrong JavaScript type throws `TypeError`; a value of the right type
 * but the wrong size or range throws `RangeError`.
 *
 * @example
 * assertFiniteArray('gaussianMle', 'xs', [1, 2, 3]); // passes silently
 * assertFiniteArray('gaussianMle', 'xs', []);
 * // => RangeError: gaussianMle requires at least one data point
 */
import { choleskyOrNull, firstAsymmetry } from './linalg/dense';
import { FLOAT32_MAX, FLOAT32_MIN_NORMAL } from './numeric/float32';
import type { BernoulliPrior } from './estimators/bernoulli-map';

/** Shows a bad value briefly in an error message: numbers as written, other things by type. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}...` : value}'`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value;
}

/**
 * Checks that `value` is a finite number.
 *
 * @throws {TypeError} when `value` is not a number
 * @throws {RangeError} when `value` is NaN or infinite
 * @example
 * assertFiniteNumber('bernoulliMap', 'prior.mean', 0.5); // passes
 */
export function assertFiniteNumber(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${fn} requires ${arg} to be a number, got ${describeValue(value)}`);
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`${fn} requires ${arg} to be a finite number, got ${describeValue(value)}`);
  }
}

/**
 * Checks that `value` is a finite number strictly greater than zero.
 *
 * @throws {TypeError} when `value` is not a number
 * @throws {RangeError} when `value` is not finite or not positive
 * @example
 * assertPositive('fitGaussianMean', 'learningRate', 1e-4); // passes
 */
export function assertPositive(fn: string, arg: string, value: unknown): asserts value is number {
  assertFiniteNumber(fn, arg, value);
  if (!(value > 0)) {
    throw new RangeError(`${fn} requires ${arg} to be positive, got ${describeValue(value)}`);
  }
}

/**
 * Checks that `value` is an integer of at least `min` (default 1).
 *
 * @throws {TypeError} when `value` is not a number
 * @throws {RangeError} when `value` is not an integer or is below `min`
 * @example
 * assertInteger('sampleMultivariateNormal', 'n', 100); // passes
 */
export function assertInteger(fn: string, arg: string, value: unknown, min = 1): asserts value is number {
  if (typeof value !== 'number') {
    throw new TypeError(`${fn} requires ${arg} to be a number, got ${describeValue(value)}`);
  }
  if (!Number.isSafeInteger(value) || value < min) {
    const what = min === 1 ? 'a positive integer' : min === 0 ? 'a non-negative integer' : `an integer of at least ${min}`;
    throw new RangeError(`${fn} requires ${arg} to be ${what}, got ${describeValue(value)}`);
  }
}

/**
 * Checks that `value` is one of `allowed` (a string enumeration such as an optimizer name).
 *
 * @throws {TypeError} when `value` is not a string
 * @throws {RangeError} when `value` is not in `allowed`
 * @example
 * assertOneOf('fitGaussianMean', 'objective', 'sum', ['sum', 'mean']); // passes
 */
export function assertOneOf<T extends string>(
  fn: string,
  arg: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (typeof value !== 'string') {
    throw new TypeError(`${fn} requires ${arg} to be a string, got ${describeValue(value)}`);
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new RangeError(
      `${fn} requires ${arg} to be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describeValue(value)}`,
    );
  }
}

/**
 * Checks that `xs` is an array of finite numbers with at least `minLength` entries (default 1).
 * An empty array gives the message `<fn> requires at least one data point`.
 *
 * @throws {TypeError} when `xs` is not an array or holds a non-number
 * @throws {RangeError} when `xs` is too short or holds NaN or an infinity
 * @example
 * assertFiniteArray('gaussianMle', 'xs', [1, 2]); // passes
 */
export function assertFiniteArray(fn: string, arg: string, xs: unknown, minLength = 1): asserts xs is number[] {
  if (!Array.isArray(xs)) {
    throw new TypeError(`${fn} requires ${arg} to be an array of numbers, got ${describeValue(xs)}`);
  }
  if (xs.length < minLength) {
    throw new RangeError(
      minLength === 1
        ? `${fn} requires at least one data point`
        : `${fn} requires ${arg} to have at least ${minLength} entries, got ${xs.length}`,
    );
  }
  for (let i = 0; i < xs.length; i++) assertFiniteNumber(fn, `${arg}[${i}]`, xs[i]);
}

/**
 * Checks that `xs` is an array of finite numbers of exactly `length` entries (a vector argument
 * such as a mean).
 *
 * @throws {TypeError} when `xs` is not an array or holds a non-number
 * @throws {RangeError} when the length differs or an entry is not finite
 * @example
 * assertVector('gaussianLogLikelihood', 'mean', [0, 0], 2); // passes
 */
export function assertVector(fn: string, arg: string, xs: unknown, length: number): asserts xs is number[] {
  if (!Array.isArray(xs)) {
    throw new TypeError(`${fn} requires ${arg} to be an array of numbers, got ${describeValue(xs)}`);
  }
  if (xs.length !== length) {
    throw new RangeError(`${fn} requires ${arg} to have length ${length}, got ${xs.length}`);
  }
  for (let i = 0; i < xs.length; i++) assertFiniteNumber(fn, `${arg}[${i}]`, xs[i]);
}

/**
 * Checks that `rows` is a non-empty rectangular array of rows of finite numbers (a data matrix,
 * one observation per row), optionally of a given width. Returns the width (the dimension).
 *
 * @returns the common row length
 * @throws {TypeError} when `rows` or a row is not an array, or an entry is not a number
 * @throws {RangeError} when `rows` is empty, a row is empty, rows are ragged, the width differs
 *   from `dimension`, or an entry is not finite
 * @example
 * assertRows('multivariateGaussianMle', 'rows', [[1, 2], [3, 4]]); // => 2
 */
export function assertRows(fn: string, arg: string, rows: unknown, dimension?: number): number {
  if (!Array.isArray(rows)) {
    throw new TypeError(`${fn} requires ${arg} to be an array of rows, got ${describeValue(rows)}`);
  }
  if (rows.length === 0) throw new RangeError(`${fn} requires at least one data point`);
  const first: unknown = rows[0];
  if (!Array.isArray(first)) {
    throw new TypeError(`${fn} requires ${arg}[0] to be an array of numbers, got ${describeValue(first)}`);
  }
  const width = first.length;
  if (width === 0) throw new RangeError(`${fn} requires ${arg}[0] to have at least one entry`);
  if (dimension !== undefined && width !== dimension) {
    throw new RangeError(`${fn} requires ${arg} to have rows of length ${dimension}, got ${width}`);
  }
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (!Array.isArray(row)) {
      throw new TypeError(`${fn} requires ${arg}[${i}] to be an array of numbers, got ${describeValue(row)}`);
    }
    if (row.length !== width) {
      throw new RangeError(`${fn} requires ${arg} to be rectangular: ${arg}[${i}] has length ${row.length}, expected ${width}`);
    }
    for (let j = 0; j < width; j++) assertFiniteNumber(fn, `${arg}[${i}][${j}]`, row[j]);
  }
  return width;
}

/**
 * Checks that `matrix` is a `dimension` x `dimension` matrix of finite numbers, symmetric within
 * a relative tolerance of 1e-10 (see `firstAsymmetry` in lib/linalg/dense). `dimension` defaults
 * to the number of rows.
 *
 * @returns the matrix, typed
 * @throws {TypeError} when `matrix` or a row is not an array, or an entry is not a number
 * @throws {RangeError} when the shape is wrong, an entry is not finite, or the matrix is not symmetric
 * @example
 * assertSymmetricMatrix('symmetricEigenvalues', 'matrix', [[2, 1], [1, 2]]); // => [[2, 1], [1, 2]]
 */
export function assertSymmetricMatrix(fn: string, arg: string, matrix: unknown, dimension?: number): number[][] {
  if (!Array.isArray(matrix)) {
    throw new TypeError(`${fn} requires ${arg} to be an array of rows, got ${describeValue(matrix)}`);
  }
  const d = dimension ?? matrix.length;
  if (d === 0 || matrix.length !== d) {
    throw new RangeError(`${fn} requires ${arg} to be ${d}x${d}, got ${matrix.length} rows`);
  }
  for (let i = 0; i < d; i++) {
    const row: unknown = matrix[i];
    if (!Array.isArray(row)) {
      throw new TypeError(`${fn} requires ${arg}[${i}] to be an array of numbers, got ${describeValue(row)}`);
    }
    if (row.length !== d) {
      throw new RangeError(`${fn} requires ${arg} to be ${d}x${d}, got a row of length ${row.length}`);
    }
    for (let j = 0; j < d; j++) assertFiniteNumber(fn, `${arg}[${i}][${j}]`, row[j]);
  }
  const m = matrix as number[][];
  const pair = firstAsymmetry(m);
  if (pair !== null) {
    const [i, j] = pair;
    throw new RangeError(
      `${fn} requires ${arg} to be symmetric, got ${arg}[${i}][${j}] = ${m[i][j]} but ${arg}[${j}][${i}] = ${m[j][i]}`,
    );
  }
  return m;
}

/**
 * Checks that `matrix` is a `dimension` x `dimension` symmetric positive definite matrix (a valid
 * covariance), and returns its lower Cholesky factor so callers need not factor it again.
 *
 * Symmetry is checked with a relative tolerance of 1e-10 (|a_ij - a_ji| <= 1e-10 max(|a_ij|, |a_ji|, 1e-300)),
 * so a matrix printed and parsed back still passes; positive definiteness by attempting the
 * Cholesky factorisation.
 *
 * @returns the lower-triangular Cholesky factor L with L L^T = matrix
 * @throws {TypeError} when `matrix` or a row is not an array, or an entry is not a number
 * @throws {RangeError} when the shape is wrong, an entry is not finite, or the matrix is not
 *   symmetric positive definite
 * @example
 * assertCovariance('gaussianLogLikelihood', 'covariance', [[5, 0], [0, 5]], 2); // => [[2.236..., 0], [0, 2.236...]]
 */
export function assertCovariance(fn: string, arg: string, matrix: unknown, dimension?: number): number[][] {
  const m = assertSymmetricMatrix(fn, arg, matrix, dimension);
  const lower = choleskyOrNull(m);
  if (lower === null) throw new RangeError(`${fn} requires ${arg} to be symmetric positive definite`);
  return lower;
}

/**
 * Checks that finite numbers fit float32's range, |x| <= 3.4028234663852886e38, before they are
 * uploaded to a tensor (beyond it they would become Infinity). Accepts a number, a vector or rows.
 *
 * @throws {RangeError} when an entry is beyond float32's largest finite value
 * @example
 * assertFloat32Range('fitGaussianMean', 'rows', [[1, 2]]); // passes
 */
export function assertFloat32Range(
  fn: string,
  arg: string,
  values: number | readonly number[] | readonly (readonly number[])[],
): void {
  const check = (value: number, where: string): void => {
    if (Math.abs(value) > FLOAT32_MAX) {
      throw new RangeError(`${fn} requires ${where} to be within float32's range (|x| <= ${FLOAT32_MAX}), got ${value}`);
    }
  };
  if (typeof values === 'number') return check(values, arg);
  values.forEach((entry, i) => {
    if (typeof entry === 'number') check(entry, `${arg}[${i}]`);
    else entry.forEach((value, j) => check(value, `${arg}[${i}][${j}]`));
  });
}

/**
 * Checks that a positive number is at least float32's smallest normal value 1.1754943508222875e-38
 * (and at most its largest), e.g. a learning rate: below it float32 loses it to 0 or to a few bits.
 *
 * @throws {RangeError} when `value` is outside [1.1754943508222875e-38, 3.4028234663852886e38]
 * @example
 * assertFloat32Normal('fitGaussianMean', 'options.learningRate', 1e-4); // passes
 */
export function assertFloat32Normal(fn: string, arg: string, value: number): void {
  if (value < FLOAT32_MIN_NORMAL) {
    throw new RangeError(
      `${fn} requires ${arg} to be at least float32's smallest normal number (${FLOAT32_MIN_NORMAL}), got ${value}`,
    );
  }
  assertFloat32Range(fn, arg, value);
}

/**
 * Checks that `value` is a plain object (not null, not an array): a required argument such as a
 * prior, a model or a required options object.
 *
 * @throws {TypeError} when `value` is not an object
 * @example
 * assertObject('bernoulliMap', 'prior', { kind: 'uniform' }); // passes
 */
export function assertObject(fn: string, arg: string, value: unknown): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${fn} requires ${arg} to be an object, got ${describeValue(value)}`);
  }
}

/**
 * Checks a Beta distribution's parameters: an object with `alpha` and `beta` finite and > 0.
 *
 * @throws {TypeError} when `value` is not an object or a parameter is not a number
 * @throws {RangeError} when a parameter is not finite or not positive
 * @example
 * assertBetaParameters('betaBernoulliPosterior', 'prior', { alpha: 1, beta: 1 }); // passes
 */
export function assertBetaParameters(fn: string, arg: string, value: unknown): asserts value is { alpha: number; beta: number } {
  assertObject(fn, arg, value);
  assertPositive(fn, `${arg}.alpha`, value.alpha);
  assertPositive(fn, `${arg}.beta`, value.beta);
}

/**
 * Checks a prior on a Bernoulli head probability (see `BernoulliPrior`): `{ kind: 'normal', mean,
 * variance }` with a finite mean and variance > 0, `{ kind: 'beta', alpha, beta }` with both > 0,
 * or `{ kind: 'uniform' }`.
 *
 * @returns the prior, typed
 * @throws {TypeError} when `prior` is not an object or a parameter is not a number
 * @throws {RangeError} when the kind is unknown or a parameter is out of range
 * @example
 * assertBernoulliPrior('bernoulliMap', 'prior', { kind: 'beta', alpha: 2, beta: 2 }); // passes
 */
export function assertBernoulliPrior(fn: string, arg: string, prior: unknown): BernoulliPrior {
  assertObject(fn, arg, prior);
  if (prior.kind === 'normal') {
    assertFiniteNumber(fn, `${arg}.mean`, prior.mean);
    assertPositive(fn, `${arg}.variance`, prior.variance);
  } else if (prior.kind === 'beta') {
    assertBetaParameters(fn, arg, prior);
  } else if (prior.kind !== 'uniform') {
    throw new RangeError(`${fn} requires ${arg}.kind to be one of 'normal', 'beta', 'uniform', got ${describeValue(prior.kind)}`);
  }
  return prior as unknown as BernoulliPrior;
}

/**
 * Checks that `value` is a boolean.
 *
 * @throws {TypeError} when `value` is not a boolean
 * @example
 * assertBoolean('gaussianLogLikelihood', 'options.normalized', false); // passes
 */
export function assertBoolean(fn: string, arg: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${fn} requires ${arg} to be a boolean, got ${describeValue(value)}`);
}

/**
 * Checks that an options argument is either absent or a plain object and, when `allowedKeys` is
 * given, that it has no other keys: a misspelt option (`learningrate`) is an error, not a silent
 * default. The message lists the valid keys and suggests the nearest one.
 *
 * @param allowedKeys the option names the function reads (omit to check the type only)
 * @throws {TypeError} when `options` is neither undefined nor an object
 * @throws {RangeError} when `options` has a key outside `allowedKeys`
 * @example
 * assertOptions('fitGaussianMean', { learningrate: 1 }, ['learningRate', 'maxSteps']);
 * // => RangeError: fitGaussianMean requires options to have only the keys 'learningRate', 'maxSteps',
 * //    got 'learningrate' (did you mean 'learningRate'?)
 */
export function assertOptions(fn: string, options: unknown, allowedKeys?: readonly string[]): void {
  if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
    throw new TypeError(`${fn} requires options to be an object, got ${describeValue(options)}`);
  }
  if (options === undefined || allowedKeys === undefined) return;
  for (const key of Object.keys(options)) {
    if (allowedKeys.includes(key)) continue;
    const listed = allowedKeys.map((k) => `'${k}'`).join(', ');
    const nearest = nearestKey(key, allowedKeys);
    const hint = nearest === null ? '' : ` (did you mean '${nearest}'?)`;
    throw new RangeError(`${fn} requires options to have only the keys ${listed}, got '${key}'${hint}`);
  }
}

/** The allowed key closest to `key` in edit distance (case-insensitive), if it is close enough. */
function nearestKey(key: string, allowedKeys: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of allowedKeys) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/** Levenshtein distance between two strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
