import { chartTheme } from './theme';

/**
 * Plot width and height that give both axes the same pixels per unit, so that a circle in the
 * parameter plane looks like a circle (a round log-likelihood bowl must not look oval, and a
 * path's angles must be true): width / height = (x range) / (y range).
 *
 * With only `width` given the height follows from it, and the other way round; with both, the
 * plot is the largest that fits in the width x height box; with neither, its longer side is
 * `chartTheme.planeSize` (320 px). Sizes are rounded to a hundredth of a pixel.
 *
 * @param xDomain - `[low, high]` of the x axis
 * @param yDomain - `[low, high]` of the y axis
 * @param size - the requested width and/or height in pixels
 * @returns the plot's width and height in pixels
 * @example
 * equalScaleSize([-5, 5], [-5, 5], {}); // => { width: 320, height: 320 }
 * equalScaleSize([0, 4], [0, 1], { width: 400 }); // => { width: 400, height: 100 }
 */
export function equalScaleSize(
  xDomain: readonly [number, number],
  yDomain: readonly [number, number],
  size: { width?: number; height?: number },
): { width: number; height: number } {
  const xRange = xDomain[1] - xDomain[0];
  const yRange = yDomain[1] - yDomain[0];
  let pixelsPerUnit: number;
  if (size.width !== undefined && size.height !== undefined) {
    pixelsPerUnit = Math.min(size.width / xRange, size.height / yRange);
  } else if (size.width !== undefined) {
    pixelsPerUnit = size.width / xRange;
  } else if (size.height !== undefined) {
    pixelsPerUnit = size.height / yRange;
  } else {
    pixelsPerUnit = chartTheme.planeSize / Math.max(xRange, yRange);
  }
  const round = (v: number): number => Math.round(v * 100) / 100;
  return { width: round(pixelsPerUnit * xRange), height: round(pixelsPerUnit * yRange) };
}
