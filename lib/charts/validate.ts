import { assertFiniteNumber, assertInteger, assertOptions, describeValue } from '../guards';

/**
 * Small input guards shared by the chart builders, in the style of `lib/guards.ts` (which they
 * build on): a message names the builder and the argument, e.g.
 * `scatter requires rows to be a non-empty array`, so a notebook reader sees at once which call
 * went wrong. A wrong JavaScript type throws `TypeError`; a value of the right type but the wrong
 * size or range throws `RangeError`.
 *
 * @example
 * requireNonEmptyArray('scatter', 'rows', []); // throws RangeError
 *   // 'scatter requires rows to be a non-empty array'
 */
export function requireNonEmptyArray(fn: string, name: string, value: unknown): void {
  if (!Array.isArray(value)) throw new TypeError(`${fn} requires ${name} to be an array, got ${describeValue(value)}`);
  if (value.length === 0) throw new RangeError(`${fn} requires ${name} to be a non-empty array`);
}

/**
 * Throws unless `value` is an integer at least `min` (same messages as `assertInteger` of
 * `lib/guards.ts`).
 *
 * @throws {TypeError} when value is not a number
 * @throws {RangeError} when value is not an integer or below min
 * @example
 * requireIntegerAtLeast('scatter', 'maxPoints', 0, 1); // throws RangeError
 *   // 'scatter requires maxPoints to be a positive integer, got 0'
 */
export function requireIntegerAtLeast(fn: string, name: string, value: unknown, min: number): void {
  assertInteger(fn, name, value, min);
}

/**
 * Throws unless `value` is a finite number (same messages as `assertFiniteNumber` of
 * `lib/guards.ts`).
 *
 * @throws {TypeError} when value is not a number
 * @throws {RangeError} when value is NaN or infinite
 * @example
 * requireFinite('lossCurve', 'optimum', Infinity); // throws RangeError
 *   // 'lossCurve requires optimum to be a finite number, got Infinity'
 */
export function requireFinite(fn: string, name: string, value: unknown): void {
  assertFiniteNumber(fn, name, value);
}

/**
 * Throws unless `value` is a finite number greater than zero (a size in pixels, a mark size).
 *
 * @throws {TypeError} when value is not a number
 * @throws {RangeError} when value is not finite or not positive
 * @example
 * requirePositive('scatter', 'width', NaN); // throws RangeError
 *   // 'scatter requires width to be a positive finite number, got NaN'
 */
export function requirePositive(fn: string, name: string, value: unknown): void {
  if (typeof value !== 'number') throw new TypeError(`${fn} requires ${name} to be a number, got ${describeValue(value)}`);
  if (!Number.isFinite(value) || !(value > 0)) {
    throw new RangeError(`${fn} requires ${name} to be a positive finite number, got ${describeValue(value)}`);
  }
}

/**
 * Throws unless `value` is a number in [0, 1] (an opacity, a fraction).
 *
 * @throws {TypeError} when value is not a number
 * @throws {RangeError} when value is NaN or outside [0, 1]
 * @example
 * requireUnitInterval('scatter', 'opacity', -3); // throws RangeError
 *   // 'scatter requires opacity to be a number from 0 to 1, got -3'
 */
export function requireUnitInterval(fn: string, name: string, value: unknown): void {
  if (typeof value !== 'number') throw new TypeError(`${fn} requires ${name} to be a number, got ${describeValue(value)}`);
  if (!(value >= 0 && value <= 1)) {
    throw new RangeError(`${fn} requires ${name} to be a number from 0 to 1, got ${describeValue(value)}`);
  }
}

/**
 * Throws unless `value` is a `[low, high]` pair of finite numbers with low < high.
 *
 * @throws {TypeError} when value is not an array of two numbers
 * @throws {RangeError} when an end is not finite or low >= high
 * @example
 * requireInterval('pathOverlay', 'domain.x', [1, -1]); // throws RangeError
 *   // 'pathOverlay requires domain.x to be [low, high] with low < high, got [1, -1]'
 */
export function requireInterval(fn: string, name: string, value: unknown): void {
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'number')) {
    throw new TypeError(`${fn} requires ${name} to be a [low, high] pair of numbers, got ${describeValue(value)}`);
  }
  if (!value.every((v) => Number.isFinite(v)) || !(value[0] < value[1])) {
    throw new RangeError(
      `${fn} requires ${name} to be [low, high] with low < high, got [${value.map(describeValue).join(', ')}]`,
    );
  }
}

/**
 * Throws unless `value` is a non-empty string (names of runs, series).
 *
 * @throws {TypeError} when value is not a non-empty string
 * @example
 * requireName('lossCurve', 'series[0].name', ''); // throws TypeError
 *   // 'lossCurve requires series[0].name to be a non-empty string'
 */
export function requireName(fn: string, name: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`${fn} requires ${name} to be a non-empty string`);
  }
}

/**
 * Throws unless `value` is undefined or a string (optional titles and labels).
 *
 * @throws {TypeError} when value is given and not a string
 * @example
 * requireOptionalString('heatmap', 'title', 3); // throws TypeError
 *   // 'heatmap requires title to be a string, got 3'
 */
export function requireOptionalString(fn: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') {
    throw new TypeError(`${fn} requires ${name} to be a string, got ${describeValue(value)}`);
  }
}

/**
 * Throws unless `value` is a function (a writer, a callback). A generic guard that `lib/guards.ts`
 * does not have yet; kept here until the guards are merged.
 *
 * @throws {TypeError} when value is not a function
 * @example
 * requireFunction('showTable', 'options.writer', 'stdout'); // throws TypeError
 *   // "showTable requires options.writer to be a function, got 'stdout'"
 */
export function requireFunction(fn: string, name: string, value: unknown): void {
  if (typeof value !== 'function') {
    throw new TypeError(`${fn} requires ${name} to be a function, got ${describeValue(value)}`);
  }
}

/**
 * Throws unless `options` is undefined or a plain object (not an array, not null).
 *
 * @throws {TypeError} when options is something else
 * @example
 * requireOptionsObject('heatmap', 'options', 5); // throws TypeError
 *   // 'heatmap requires options to be an object, got 5'
 */
export function requireOptionsObject(fn: string, name: string, value: unknown): void {
  if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw new TypeError(`${fn} requires ${name} to be an object, got ${describeValue(value)}`);
  }
}

/**
 * The option names of {@link FrameOptions}, which every builder takes.
 *
 * @example
 * const OPTION_KEYS = [...FRAME_KEYS, 'xTitle', 'yTitle'];
 */
export const FRAME_KEYS: readonly string[] = ['title', 'width', 'height', 'description'];

/**
 * Checks the options every builder shares ({@link FrameOptions}): `title` and `description` are
 * strings when given, `width` and `height` positive finite numbers when given; and, when
 * `allowedKeys` is given, that no other key is there (a misspelt `higlight` is a RangeError that
 * suggests `highlight`, via `assertOptions` of `lib/guards.ts`, not a silent default).
 *
 * @param allowedKeys - every option name the builder reads, frame keys included
 * @throws {TypeError} when options is not an object or an option has the wrong type
 * @throws {RangeError} when a size is NaN, infinite, zero or negative, or a key is unknown
 * @example
 * requireFrameOptions('heatmap', { width: 0 }); // throws RangeError
 *   // 'heatmap requires width to be a positive finite number, got 0'
 */
export function requireFrameOptions(fn: string, options: unknown, allowedKeys?: readonly string[]): void {
  requireOptionsObject(fn, 'options', options);
  if (allowedKeys !== undefined) assertOptions(fn, options, allowedKeys);
  const o = (options ?? {}) as Record<string, unknown>;
  requireOptionalString(fn, 'title', o.title);
  requireOptionalString(fn, 'description', o.description);
  if (o.width !== undefined) requirePositive(fn, 'width', o.width);
  if (o.height !== undefined) requirePositive(fn, 'height', o.height);
}
