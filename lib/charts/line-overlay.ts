import type { TopLevelSpec } from 'vega-lite';
import { frame } from './theme';
import type { FrameOptions } from './theme';
import { roundSignificant } from './round';
import { formatNumber } from './format-number';
import { seriesStyles } from './palette';
import { FRAME_KEYS, requireFinite, requireFrameOptions, requireInterval, requireName, requireNonEmptyArray } from './validate';

/** A straight line `y = slope * x + intercept`. */
export interface StraightLine {
  /** Legend name, e.g. `'MLE fit'` or `'true line'`. */
  name: string;
  /** Slope of the line. */
  slope: number;
  /** Intercept of the line (y at x = 0). */
  intercept: number;
}

/**
 * Options for {@link lineOverlay}: the frame options (title, size, description).
 *
 * @example
 * const options: LineOverlayOptions = { title: 'MLE fit', description: 'The fitted line through the data.' };
 */
export type LineOverlayOptions = FrameOptions;

/**
 * Straight lines over an x range, one colour per line, made to be layered over a {@link scatter}
 * of the data with {@link layer}: the regression picture of points plus fitted line (and, for
 * comparison, the true line). Each line is sent as its two end points, so the spec stays tiny.
 * Hovering a line shows its name, slope and intercept.
 *
 * @param lines - lines to draw
 * @param xDomain - x range to draw them over, `[low, high]` (e.g. the data's min and max)
 * @param options - see {@link LineOverlayOptions}
 * @returns a Vega-Lite line-mark spec
 * @throws {TypeError} when lines is not an array or a name is not a non-empty string
 * @throws {RangeError} when lines is empty, xDomain is not an increasing pair, or a slope or
 *   intercept is not finite
 * @example
 * const spec = lineOverlay([{ name: 'MLE fit', slope: 2, intercept: 1 }], [0, 10]);
 * spec.data; // => { values: [{ line: 'MLE fit', x: 0, y: 1, slope: 2, intercept: 1 },
 *            //               { line: 'MLE fit', x: 10, y: 21, slope: 2, intercept: 1 }] }
 */
export function lineOverlay(lines: StraightLine[], xDomain: [number, number], options: LineOverlayOptions = {}): TopLevelSpec {
  requireNonEmptyArray('lineOverlay', 'lines', lines);
  requireInterval('lineOverlay', 'xDomain', xDomain);
  requireFrameOptions('lineOverlay', options, FRAME_KEYS);
  const values = lines.flatMap((line, k) => {
    requireName('lineOverlay', `lines[${k}].name`, line?.name);
    requireFinite('lineOverlay', `lines[${k}].slope`, line.slope);
    requireFinite('lineOverlay', `lines[${k}].intercept`, line.intercept);
    return xDomain.map((x) => ({
      line: line.name,
      x: roundSignificant(x),
      y: roundSignificant(line.slope * x + line.intercept),
      slope: roundSignificant(line.slope),
      intercept: roundSignificant(line.intercept),
    }));
  });
  const names = lines.map((l) => l.name);
  const styles = seriesStyles(names);
  const description =
    `${lines.length} straight line${lines.length === 1 ? '' : 's'} over x from ${formatNumber(xDomain[0])} to ` +
    `${formatNumber(xDomain[1])}: ${lines.map((l) => `${l.name}, y = ${formatNumber(l.slope)} x + ${formatNumber(l.intercept)}`).join('; ')}.`;
  return {
    ...frame(options, description, 'lineOverlay'),
    data: { values },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 'x', type: 'quantitative' },
      y: { field: 'y', type: 'quantitative' },
      color: { field: 'line', type: 'nominal', title: 'line', scale: { domain: names, range: styles.colors } },
      tooltip: [
        { field: 'line', type: 'nominal', title: 'line' },
        { field: 'slope', type: 'quantitative', title: 'slope', format: '.6~g' },
        { field: 'intercept', type: 'quantitative', title: 'intercept', format: '.6~g' },
      ],
    },
  };
}
