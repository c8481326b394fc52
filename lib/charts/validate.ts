/**
 * Small input guards shared by the chart builders. Each throws with a message that names the
 * builder and the argument, e.g. `scatter requires rows to be a non-empty array`, so a notebook
 * reader sees at once which call went wrong.
 *
 * @example
 * requireNonEmptyArray('scatter', 'rows', []); // throws RangeError
 *   // 'scatter requires rows to be a non-empty array'
 */
export function requireNonEmptyArray(fn: string, name: string, value: unknown): void {
  if (!Array.isArray(value)) throw new TypeError(`${fn} requires ${name} to be an array`);
  if (value.length === 0) throw new RangeError(`${fn} requires ${name} to be a non-empty array`);
}

/**
 * Throws unless `value` is an integer at least `min`.
 *
 * @example
 * requireIntegerAtLeast('scatter', 'maxPoints', 0, 1); // throws RangeError
 *   // 'scatter requires maxPoints to be an integer >= 1, got 0'
 */
export function requireIntegerAtLeast(fn: string, name: string, value: unknown, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new RangeError(`${fn} requires ${name} to be an integer >= ${min}, got ${String(value)}`);
  }
}

/**
 * Throws unless `value` is a finite number.
 *
 * @example
 * requireFinite('lossCurve', 'optimum', NaN); // throws RangeError
 *   // 'lossCurve requires optimum to be a finite number, got NaN'
 */
export function requireFinite(fn: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${fn} requires ${name} to be a finite number, got ${String(value)}`);
  }
}

/**
 * Throws unless `value` is a `[low, high]` pair of finite numbers with low < high.
 *
 * @example
 * requireInterval('pathOverlay', 'domain.x', [1, -1]); // throws RangeError
 *   // 'pathOverlay requires domain.x to be [low, high] with low < high'
 */
export function requireInterval(fn: string, name: string, value: unknown): void {
  if (
    !Array.isArray(value) || value.length !== 2 ||
    !value.every((v) => typeof v === 'number' && Number.isFinite(v)) || !(value[0] < value[1])
  ) {
    throw new RangeError(`${fn} requires ${name} to be [low, high] with low < high`);
  }
}

/**
 * Throws unless `value` is a non-empty string (names of runs, series, titles).
 *
 * @example
 * requireName('lossCurve', 'series[0].name', ''); // throws TypeError
 *   // 'lossCurve requires series[0].name to be a non-empty string'
 */
export function requireName(fn: string, name: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`${fn} requires ${name} to be a non-empty string`);
  }
}
