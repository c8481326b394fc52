const GEOMETRY_ATTRIBUTE = /\s(d|transform|x|y|x1|x2|y1|y2|width|height|cx|cy|r|points)="([^"]*)"/g;
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;
const RGB = /rgb\((\d+), ?(\d+), ?(\d+)\)/g;

function hex(channel: string): string {
  return Number(channel).toString(16).padStart(2, '0');
}

/**
 * Shrinks vega's SVG output without changing what it looks like: numbers in geometry attributes
 * (`d`, `transform`, `x`, `width`, ...) are rounded to `decimals` places (vega writes full float64
 * precision, e.g. `277.17172000000005`, a hundredth of a pixel is invisible) and `rgb(r, g, b)`
 * colours become `#rrggbb`. On a 50x50 heatmap this halves the SVG. Text content and other
 * attributes are left alone.
 *
 * @param svg - SVG markup as written by vega's `toSVG()`
 * @param decimals - decimal places to keep in geometry attributes (0 to 6)
 * @returns the compacted SVG markup
 * @throws {RangeError} when decimals is not an integer from 0 to 6
 * @example
 * compactSvg('<path d="M0,277.17172000000005h3.6" fill="rgb(66, 66, 134)"/>');
 * // => '<path d="M0,277.17h3.6" fill="#424286"/>'
 */
export function compactSvg(svg: string, decimals = 2): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`compactSvg requires decimals to be an integer from 0 to 6, got ${decimals}`);
  }
  const scale = 10 ** decimals;
  const roundNumber = (text: string): string => {
    const rounded = Math.round(Number(text) * scale) / scale;
    const short = String(rounded === 0 ? 0 : rounded);
    return short.length < text.length ? short : text;
  };
  return svg
    .replace(GEOMETRY_ATTRIBUTE, (_, name: string, value: string) => ` ${name}="${value.replace(NUMBER, roundNumber)}"`)
    .replace(RGB, (_, r: string, g: string, b: string) => `#${hex(r)}${hex(g)}${hex(b)}`);
}
