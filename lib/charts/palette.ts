/**
 * The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"): eight colours that stay
 * distinct for the common forms of colour blindness. Every chart that colours series by name
 * takes its colours from here, so one optimizer has the same colour in every figure.
 *
 * @example
 * SERIES_COLORS.length; // => 8
 * SERIES_COLORS[1]; // => '#E69F00'
 */
export const SERIES_COLORS: readonly string[] = [
  '#000000', // black
  '#E69F00', // orange
  '#0072B2', // blue
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#F0E442', // yellow
];

/** A solid line in a Vega-Lite `strokeDash` range. */
const SOLID: number[] = [1, 0];

/**
 * The fixed colour and dash of each optimizer of `fitGaussianMean` (the names of
 * `OPTIMIZER_NAMES`). Momentum and Nesterov, the two easiest to confuse, get orange and blue
 * and Nesterov is dashed; Adadelta, whose path equals gradient ascent's with tfjs 4.22, is a
 * dashed yellow over the solid black; every optimizer has its own colour.
 *
 * @example
 * OPTIMIZER_STYLES.nesterov; // => { color: '#0072B2', dash: [6, 3] }
 */
export const OPTIMIZER_STYLES: Readonly<Record<string, { color: string; dash: number[] }>> = {
  'gradient-ascent': { color: SERIES_COLORS[0], dash: SOLID },
  momentum: { color: SERIES_COLORS[1], dash: SOLID },
  nesterov: { color: SERIES_COLORS[2], dash: [6, 3] },
  adagrad: { color: SERIES_COLORS[3], dash: SOLID },
  adam: { color: SERIES_COLORS[4], dash: SOLID },
  rmsprop: { color: SERIES_COLORS[5], dash: SOLID },
  adamax: { color: SERIES_COLORS[6], dash: [2, 2] },
  adadelta: { color: SERIES_COLORS[7], dash: [6, 2, 2, 2] },
};

/**
 * Legend properties for series told apart by colour and dash: each entry a short stroke in the
 * series' colour and dash. Give the same object to the `color` and `strokeDash` encodings so
 * vega-lite merges them into one legend.
 *
 * @example
 * const color = { field: 'run', type: 'nominal', legend: SERIES_LEGEND };
 * SERIES_LEGEND.symbolType; // => 'stroke'
 */
export const SERIES_LEGEND = { symbolType: 'stroke', symbolStrokeWidth: 2.5, symbolSize: 400, symbolOpacity: 1 };

/** Dashes taken, in order, by series that are not optimizers once the 8 colours are used up. */
const EXTRA_DASHES: number[][] = [SOLID, [6, 3], [2, 2], [6, 2, 2, 2]];

/**
 * The optimizer a series name stands for, or undefined: the name, lower-cased with spaces and
 * underscores read as hyphens, must be an optimizer name or start with one followed by a
 * character that is not a letter ('Adam, lr 0.1' is adam, 'adamax' is not adam,
 * 'gradient ascent (starter code)' is gradient-ascent).
 *
 * @param name - a series name
 * @returns the key of {@link OPTIMIZER_STYLES}, or undefined
 * @example
 * optimizerOf('Nesterov momentum, lr 0.01'); // => 'nesterov'
 * optimizerOf('SGD'); // => undefined
 */
export function optimizerOf(name: string): string | undefined {
  const normal = String(name)
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return Object.keys(OPTIMIZER_STYLES)
    .filter((key) => normal === key || (normal.startsWith(key) && !/[a-z]/.test(normal.charAt(key.length))))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The colour of one series: its optimizer's fixed colour when the name names one (see
 * {@link optimizerOf}), else the palette colour at `index` (cycling after 8).
 *
 * @param name - series name
 * @param index - position of the series in its chart
 * @returns a hex colour
 * @example
 * seriesColor('momentum', 0); // => '#E69F00'
 * seriesColor('true line', 2); // => '#0072B2'
 */
export function seriesColor(name: string, index: number): string {
  const optimizer = optimizerOf(name);
  if (optimizer !== undefined) return OPTIMIZER_STYLES[optimizer].color;
  return SERIES_COLORS[((index % SERIES_COLORS.length) + SERIES_COLORS.length) % SERIES_COLORS.length];
}

/**
 * Colour and dash of each series of one chart, see {@link seriesStyles}.
 *
 * @example
 * const { domain, colors } = seriesStyles(['adam', 'momentum']);
 * const color = { field: 'run', type: 'nominal', scale: { domain, range: colors } };
 */
export interface SeriesStyles {
  /** The series names, as the scale domain. */
  domain: string[];
  /** One colour per name. */
  colors: string[];
  /** One Vega-Lite `strokeDash` per name (`[1, 0]` is solid). */
  dashes: number[][];
}

/**
 * Colours and dashes for all series of one chart, all distinct as long as there are at most 8
 * series: optimizer names get their fixed style; the other names take, in order, the palette
 * colours that no optimizer of this chart uses; past 8 series the colours repeat with a dash.
 *
 * @param names - the series names, in legend order
 * @returns the domain, colours and dashes, for a Vega-Lite `scale: { domain, range }`
 * @example
 * seriesStyles(['adam', 'SGD']).colors; // => ['#CC79A7', '#000000']
 */
export function seriesStyles(names: string[]): SeriesStyles {
  const optimizers = names.map(optimizerOf);
  const taken = new Set(optimizers.filter((o) => o !== undefined).map((o) => OPTIMIZER_STYLES[o as string].color));
  const free = SERIES_COLORS.filter((c) => !taken.has(c));
  let next = 0;
  const styles = names.map((_, k) => {
    const optimizer = optimizers[k];
    if (optimizer !== undefined) return OPTIMIZER_STYLES[optimizer];
    const pool = free.length > 0 ? free : SERIES_COLORS;
    const color = pool[next % pool.length];
    const dash = EXTRA_DASHES[Math.floor(next / pool.length) % EXTRA_DASHES.length];
    next += 1;
    return { color, dash };
  });
  return { domain: names, colors: styles.map((s) => s.color), dashes: styles.map((s) => s.dash) };
}
