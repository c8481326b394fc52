import { assertCovariance, assertInteger, assertOneOf, assertOptions } from '../guards';
import { eigenvaluesUnchecked } from '../linalg/symmetric-eigenvalues';
import { OBJECTIVES } from './types';
import type { Objective } from './types';

export type { Objective } from './types';

/** Options of `learningRateBound`. */
export interface LearningRateBoundOptions {
  /**
   * 'sum' (the starter code's L, Hessian -n P) or 'mean' (L / n, Hessian -P).
   * @default 'sum'
   */
  objective?: Objective;
}

/** Learning rates for plain gradient ascent on a Gaussian log-likelihood in the mean: plain data. */
export interface LearningRateBound {
  /** Plain gradient ascent converges iff 0 < learningRate < stable = 2 / curvatureMax. */
  stable: number;
  /** The best constant rate 2 / (curvatureMin + curvatureMax): the slowest direction contracts fastest. */
  fastest: number;
  /**
   * 1 / curvature when Sigma is isotropic (all curvatures equal within 1e-12 relative): one step
   * lands exactly on the sample mean. `null` otherwise (no single rate does it in every direction).
   */
  oneStep: number | null;
  /** Smallest eigenvalue of the Hessian of the negated objective (n lambda_min(Sigma^-1) for 'sum'). */
  curvatureMin: number;
  /** Largest eigenvalue of that Hessian (n lambda_max(Sigma^-1) for 'sum'). */
  curvatureMax: number;
  /**
   * The error's contraction factor per step at `fastest`, (kappa - 1)/(kappa + 1) with
   * kappa = curvatureMax / curvatureMin: 0 for an isotropic Sigma, near 1 when ill-conditioned.
   */
  contraction: number;
}

/**
 * Stable and optimal constant learning rates of plain gradient ascent on the Gaussian
 * log-likelihood L(mu) (known covariance), from the eigenvalues of its Hessian, in float64.
 *
 * L(mu) = -1/2 sum_i (x_i - mu)^T P (x_i - mu) with P = Sigma^-1 is quadratic with Hessian -n P
 * (objective 'sum', the starter code's) or -P (objective 'mean', L / n). The update
 * mu <- mu + lr grad L multiplies the error mu - x-bar by I - lr n P, so it converges iff
 * |1 - lr c| < 1 for every eigenvalue c of n P, i.e. lr < 2 / c_max; the rate minimising the
 * worst |1 - lr c| is 2 / (c_min + c_max). When Sigma = s I every c equals n / s and lr = s / n
 * jumps to the optimum in one step. With the starter code's n = 10000 and Sigma = 5 I: stable 1e-3,
 * fastest = one step = 5e-4; its 1e-4 contracts the error by 0.8 per step.
 *
 * For a mini-batch of k points with objective 'sum', pass n = k: the curvature scales with the
 * batch, which is why a fixed rate tuned for the full data is 1/k-times too timid for small batches.
 * Eigenvalues: closed form for 2 x 2, Jacobi rotations for larger d.
 *
 * @param n the number of points the objective sums over (a positive integer; ignored by 'mean' except for validation)
 * @param covariance the known d x d covariance Sigma, symmetric positive definite
 * @param options `{ objective = 'sum' }` (the objective alone as a string, the old positional
 *   form, still works for one release: see the deprecated overload)
 * @returns `{ stable, fastest, oneStep, curvatureMin, curvatureMax, contraction }`
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when n is not a positive integer, the curvature n / lambda_min(Sigma) overflows
 *   float64 (a covariance eigenvalue below about n / 1.8e308), the covariance is not symmetric positive
 *   definite, or the objective is unknown
 * @example
 * learningRateBound(10000, [[5, 0], [0, 5]], { objective: 'sum' });
 * // => { stable: 0.001, fastest: 0.0005, oneStep: 0.0005, curvatureMin: 2000, curvatureMax: 2000, contraction: 0 }
 */
export function learningRateBound(n: number, covariance: number[][], options?: LearningRateBoundOptions): LearningRateBound;
/**
 * @deprecated The positional objective: write `learningRateBound(n, covariance, { objective })`.
 * Kept for one release; same result.
 * @example
 * learningRateBound(10000, [[5, 0], [0, 5]], 'mean').stable; // => 10
 */
export function learningRateBound(n: number, covariance: number[][], objective: Objective): LearningRateBound;
export function learningRateBound(
  n: number,
  covariance: number[][],
  options: LearningRateBoundOptions | Objective = {},
): LearningRateBound {
  const fn = 'learningRateBound';
  assertInteger(fn, 'n', n);
  assertCovariance(fn, 'covariance', covariance);
  let objective: unknown;
  if (typeof options === 'string') {
    objective = options;
    assertOneOf(fn, 'objective', objective, OBJECTIVES);
  } else {
    assertOptions(fn, options, ['objective']);
    objective = options.objective ?? 'sum';
    assertOneOf(fn, 'options.objective', objective, OBJECTIVES);
  }
  const covarianceEigenvalues = eigenvaluesUnchecked(covariance);
  const scale = objective === 'sum' ? n : 1;
  // Eigenvalues of P = Sigma^-1 are the reciprocals of Sigma's.
  const curvatureMin = scale / covarianceEigenvalues[covarianceEigenvalues.length - 1];
  const curvatureMax = scale / covarianceEigenvalues[0];
  if (!Number.isFinite(curvatureMax) || !(curvatureMin > 0)) {
    throw new RangeError(
      `${fn} requires the curvatures n / lambda(Sigma) to stay within float64's range (largest finite ` +
        `${Number.MAX_VALUE}), got ${curvatureMax} from the smallest covariance eigenvalue ${covarianceEigenvalues[0]}`,
    );
  }
  const isotropic = curvatureMax - curvatureMin <= 1e-12 * curvatureMax;
  return {
    stable: 2 / curvatureMax,
    fastest: 2 / (curvatureMin + curvatureMax),
    oneStep: isotropic ? 1 / curvatureMax : null,
    curvatureMin,
    curvatureMax,
    contraction: isotropic ? 0 : (curvatureMax - curvatureMin) / (curvatureMax + curvatureMin),
  };
}
