import type { RowMatrix } from '../data/dense-rows';
import { momentsOfRows } from '../estimators/multivariate-gaussian';

/** The full-data log-likelihood as a function of the mean, from sufficient statistics (internal). */
export interface FullDataLogLikelihood {
  /** The sample mean x-bar (float64, compensated two-pass). */
  sampleMean: number[];
  /** L(mu) without the normalising constant, O(d^2) per call. */
  at: (mu: number[]) => number;
}

/**
 * The assignment's L(mu) = -1/2 sum_i (x_i - mu)^T P (x_i - mu) on all n rows, in float64, from
 * the sufficient statistics n, x-bar and the divide-by-n sample covariance S:
 * L(mu) = -1/2 [n tr(P S) + n (x-bar - mu)^T P (x-bar - mu)]. Set-up is O(n d^2), each evaluation
 * O(d^2), which is what makes a 100 x 100 heatmap and a per-step full-data trace cheap. Centring
 * keeps it accurate (the expanded sum of x x^T cancels badly). Used by `logLikelihoodGrid` and
 * `fitGaussianMean`; no validation (rows validated, `precision` = Sigma^-1 of width d).
 *
 * @param rows the data as a validated matrix (see `readRows`), n rows of width d
 * @param precision P = Sigma^-1, d x d, exactly symmetric
 * @returns `{ sampleMean, at }`
 * @example
 * fullDataLogLikelihood(readRows('f', 'rows', [[1, 1], [3, 1]]), [[1, 0], [0, 1]]).at([2, 1]); // => -1
 */
export function fullDataLogLikelihood(rows: RowMatrix, precision: number[][]): FullDataLogLikelihood {
  const { n, d } = rows;
  const { mean, covariance } = momentsOfRows(rows);
  // sum_i (x_i - x-bar)^T P (x_i - x-bar) = n tr(P S).
  let within = 0;
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) within += precision[a][b] * covariance[b][a];
  within *= n;
  return {
    sampleMean: mean,
    at: (mu: number[]) => {
      let between = 0;
      for (let a = 0; a < d; a++) {
        const da = mean[a] - mu[a];
        for (let b = 0; b < d; b++) between += precision[a][b] * da * (mean[b] - mu[b]);
      }
      return -0.5 * (within + n * between);
    },
  };
}
