import { assertFiniteArray } from '../guards';

/**
 * The grid point where sampled values are largest (the first one on ties; NaN and -Infinity
 * never win): a numerical argmax to set beside a closed-form one.
 *
 * @param xs the grid
 * @param ys values at the grid points, same length, at least one finite
 * @returns `{ x, y, index }` of the maximum
 * @throws {TypeError} when xs or ys is not an array of numbers
 * @throws {RangeError} when the lengths differ or no value is finite
 * @example
 * argmaxOnGrid([0, 0.5, 1], [0, 2, 1]); // => { x: 0.5, y: 2, index: 1 }
 */
export function argmaxOnGrid(xs: number[], ys: number[]): { x: number; y: number; index: number } {
  assertFiniteArray('argmaxOnGrid', 'xs', xs);
  if (!Array.isArray(ys) || ys.length !== xs.length) {
    throw new RangeError(`argmaxOnGrid requires ys to have the same length as xs (${xs.length})`);
  }
  let index = -1;
  ys.forEach((y, k) => {
    if (typeof y !== 'number') throw new TypeError(`argmaxOnGrid requires ys[${k}] to be a number`);
    if (y > -Infinity && (index < 0 || y > ys[index])) index = k;
  });
  if (index < 0) throw new RangeError('argmaxOnGrid requires at least one finite value in ys');
  return { x: xs[index], y: ys[index], index };
}
