import type { TopLevelSpec } from 'vega-lite';
import { chartTheme } from './theme';
import type { FrameOptions } from './theme';
import { roundSignificant } from './round';
import { requireFinite, requireName, requireNonEmptyArray } from './validate';

/** One 2-D Gaussian to outline: its mean and covariance. */
export interface CovarianceEllipse {
  /** Legend name, e.g. `'step 10'` or `'closed form'`. */
  name: string;
  /** The centre [x, y]. */
  mean: number[];
  /** The 2 x 2 covariance, symmetric positive definite. */
  covariance: number[][];
}

/** Options for {@link covarianceEllipses}. */
export interface CovarianceEllipsesOptions extends FrameOptions {
  /**
   * What the chart shows, in words (the spec's `description`, for screen readers).
   * @default 'Outlines of N covariance ellipses at Mahalanobis radius R: names'
   */
  description?: string;
  /**
   * Mahalanobis radius of the outline: the points x with (x - mean)^T Sigma^-1 (x - mean) = radius^2.
   * For 2-D Gaussians radius 1 holds 39 % of the mass, 2 holds 86 %, 3 holds 99 %.
   * @default 2
   */
  radius?: number;
  /** Points per outline (the first is repeated at the end to close it). @default 90 */
  points?: number;
  /** x-axis title. @default 'x' */
  xTitle?: string;
  /** y-axis title. @default 'y' */
  yTitle?: string;
  /** Stroke dash per ellipse name, e.g. `{ 'closed form': [6, 3] }`. @default {} (solid) */
  dashes?: Record<string, number[]>;
}

const DEFAULTS = { radius: 2, points: 90, xTitle: 'x', yTitle: 'y' };

/**
 * Outlines of 2-D Gaussian covariance ellipses, one colour per entry in the given order, to be
 * layered over a {@link scatter} of the data with `layer`: e.g. the covariance of a joint
 * mean-and-covariance fit at a few steps of its run, beside the closed-form MLE. Each outline is
 * mean + radius L (cos t, sin t) for t in [0, 2 pi], with L the Cholesky factor of the covariance,
 * so it is the contour of the density at Mahalanobis distance `radius`.
 *
 * @param ellipses - the Gaussians to outline, drawn in this order (the legend keeps it)
 * @param options - see {@link CovarianceEllipsesOptions}
 * @returns a Vega-Lite line-mark spec
 * @throws {TypeError} when ellipses is not an array or a name is not a non-empty string
 * @throws {RangeError} when ellipses is empty, a mean or covariance is malformed or not positive
 *   definite, or an option is out of range
 * @example
 * const spec = covarianceEllipses([{ name: 'MLE', mean: [0, 0], covariance: [[1, 0], [0, 1]] }], { radius: 1, points: 4 });
 * spec.data.values[0]; // => { ellipse: 'MLE', order: 0, x: 1, y: 0 }
 */
export function covarianceEllipses(ellipses: CovarianceEllipse[], options: CovarianceEllipsesOptions = {}): TopLevelSpec {
  const fn = 'covarianceEllipses';
  requireNonEmptyArray(fn, 'ellipses', ellipses);
  const o = { ...DEFAULTS, ...options };
  requireFinite(fn, 'radius', o.radius);
  if (!(o.radius > 0)) throw new RangeError(`${fn} requires radius to be positive, got ${o.radius}`);
  if (!Number.isInteger(o.points) || o.points < 3)
    throw new RangeError(`${fn} requires points to be an integer of at least 3, got ${String(o.points)}`);
  const rows: { ellipse: string; order: number; x: number; y: number }[] = [];
  ellipses.forEach((e, k) => {
    requireName(fn, `ellipses[${k}].name`, e?.name);
    const m = e.mean;
    const c = e.covariance;
    if (!Array.isArray(m) || m.length !== 2 || !m.every(Number.isFinite)) {
      throw new RangeError(`${fn} requires ellipses[${k}].mean to be an [x, y] pair of finite numbers`);
    }
    const okShape =
      Array.isArray(c) && c.length === 2 && c.every((r) => Array.isArray(r) && r.length === 2 && r.every(Number.isFinite));
    const a = okShape ? c[0][0] : NaN;
    const b = okShape ? c[1][0] : NaN;
    const l11 = Math.sqrt(a);
    const l21 = b / l11;
    const l22 = okShape ? Math.sqrt(c[1][1] - l21 * l21) : NaN;
    if (!okShape || Math.abs(c[0][1] - b) > 1e-10 * Math.max(Math.abs(b), 1e-300) || !(a > 0) || !(l22 > 0)) {
      throw new RangeError(`${fn} requires ellipses[${k}].covariance to be a 2x2 symmetric positive definite matrix`);
    }
    for (let p = 0; p <= o.points; p++) {
      const t = (2 * Math.PI * (p % o.points)) / o.points;
      const u = o.radius * Math.cos(t);
      const v = o.radius * Math.sin(t);
      rows.push({
        ellipse: e.name,
        order: p,
        x: roundSignificant(m[0] + l11 * u),
        y: roundSignificant(m[1] + l21 * u + l22 * v),
      });
    }
  });
  const names = ellipses.map((e) => e.name);
  const dashes = o.dashes ?? {};
  const description =
    o.description ?? `Outlines of ${names.length} covariance ellipses at Mahalanobis radius ${o.radius}: ${names.join(', ')}`;
  return {
    $schema: chartTheme.schema,
    ...(o.title !== undefined ? { title: o.title } : {}),
    description,
    // Also as view.description: vega-lite writes it into the plot group, so the static SVG carries it as aria-label.
    view: { description },
    width: o.width ?? chartTheme.width,
    height: o.height ?? chartTheme.height,
    config: chartTheme.config,
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2, aria: false },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: o.xTitle, scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: o.yTitle, scale: { zero: false } },
      color: { field: 'ellipse', type: 'nominal', title: 'covariance', scale: { domain: names }, sort: names },
      strokeDash: {
        field: 'ellipse',
        type: 'nominal',
        // Same field, title and domain as the colour: vega merges the two into one legend.
        title: 'covariance',
        scale: { domain: names, range: names.map((name) => dashes[name] ?? [1, 0]) },
      },
      order: { field: 'order', type: 'quantitative' },
      detail: { field: 'ellipse', type: 'nominal' },
    },
  } as TopLevelSpec;
}
