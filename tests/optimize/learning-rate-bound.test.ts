import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { near } from '../helpers/near';
import { learningRateBound } from '../../lib/optimize/learning-rate-bound';
import type { Objective } from '../../lib/optimize/types';
import { fitGaussianMean } from '../../lib/optimize/fit-gaussian-mean';
import { multivariateGaussianMle } from '../../lib/estimators/multivariate-gaussian';
import { sampleMultivariateNormal } from '../../lib/random/sample-multivariate-normal';
import reference from '../fixtures/reference.json';

describe('learningRateBound', () => {
  it("gives stable 1e-3 and one-step 5e-4 for the seed's n = 10000, Sigma = 5 I, by hand", () => {
    // Hessian of -L is n Sigma^-1 = 2000 I: stable below 2/2000, exact in one step at 1/2000.
    assert.deepEqual(
      learningRateBound(10000, [
        [5, 0],
        [0, 5],
      ]),
      {
        stable: 0.001,
        fastest: 0.0005,
        oneStep: 0.0005,
        curvatureMin: 2000,
        curvatureMax: 2000,
        contraction: 0,
      },
    );
  });

  it('matches eigenvalues from np.linalg.eigvalsh to 1e-12 relative', () => {
    for (const ref of reference.learningRateBound) {
      const bound = learningRateBound(ref.n, ref.covariance, ref.objective as Objective);
      near(bound.stable, ref.stable, 1e-12 * ref.stable);
      near(bound.fastest, ref.fastest, 1e-12 * ref.fastest);
      near(bound.curvatureMin, ref.curvatureMin, 1e-12 * ref.curvatureMin);
      near(bound.curvatureMax, ref.curvatureMax, 1e-12 * ref.curvatureMax);
      // Only the isotropic 5 I case has a one-step rate (equal to fastest there).
      const isotropic = ref.curvatureMin === ref.curvatureMax;
      assert.equal(bound.oneStep, isotropic ? bound.fastest : null);
    }
  });

  it("drops the factor n for the 'mean' objective", () => {
    assert.equal(
      learningRateBound(
        10000,
        [
          [5, 0],
          [0, 5],
        ],
        { objective: 'mean' },
      ).stable,
      10,
    );
    // The deprecated positional form gives the same.
    assert.equal(
      learningRateBound(
        10000,
        [
          [5, 0],
          [0, 5],
        ],
        'mean',
      ).stable,
      10,
    );
  });

  it('predicts where plain gradient ascent stops converging, checked by fitting', () => {
    const covariance = [
      [2, 0.5],
      [0.5, 1],
    ];
    const rows = sampleMultivariateNormal(200, [1, -1], covariance, { seed: 4 });
    const { stable } = learningRateBound(rows.length, covariance);
    // tolerance 1e-6, not 1e-7: on the native backend the float32 iterates near 1 end in a
    // one-ulp limit cycle (ulp 1.2e-7 in [1, 2)), so a step never gets below 1e-7.
    const below = fitGaussianMean(rows, covariance, { learningRate: 0.9 * stable, maxSteps: 2000, tolerance: 1e-6 });
    const above = fitGaussianMean(rows, covariance, { learningRate: 1.1 * stable, maxSteps: 2000 });
    assert.equal(below.status, 'converged');
    assert.equal(above.status, 'diverged');
  });

  it('lands on the sample mean in one step at the one-step rate when Sigma is isotropic', () => {
    const rows = sampleMultivariateNormal(
      1000,
      [1, 1],
      [
        [5, 0],
        [0, 5],
      ],
      { seed: 2 },
    );
    const { oneStep } = learningRateBound(1000, [
      [5, 0],
      [0, 5],
    ]);
    const fit = fitGaussianMean(
      rows,
      [
        [5, 0],
        [0, 5],
      ],
      { learningRate: oneStep as number, maxSteps: 1 },
    );
    const { mean } = multivariateGaussianMle(rows);
    // float32 gradient of 1000 terms of size ~3: the step is right to ~1e-5 (n u |x| = 1000 * 6e-8 * 3 = 2e-4 worst case).
    fit.path[1].forEach((v, j) => near(v, mean[j], 2e-4));
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'learningRateBound';
    assert.throws(() => learningRateBound(0, [[1]]), {
      name: 'RangeError',
      message: `${fn} requires n to be a positive integer, got 0`,
    });
    assert.throws(() => learningRateBound(1.5, [[1]]), {
      name: 'RangeError',
      message: `${fn} requires n to be a positive integer, got 1.5`,
    });
    assert.throws(
      () =>
        learningRateBound(3, [
          [1, 0],
          [0, 0],
        ]),
      { name: 'RangeError', message: `${fn} requires covariance to be symmetric positive definite` },
    );
    // 10 / 1e-308 = 1e309 overflows float64: a named error, not an infinite curvature and a stable rate of 0.
    assert.throws(() => learningRateBound(10, [[1e-308]]), {
      name: 'RangeError',
      message:
        `${fn} requires the curvatures n / lambda(Sigma) to stay within float64's range (largest finite ` +
        `${Number.MAX_VALUE}), got Infinity from the smallest covariance eigenvalue 1e-308`,
    });
    assert.throws(() => learningRateBound(3, [[1]], 'median' as Objective), {
      name: 'RangeError',
      message: `${fn} requires objective to be one of 'sum', 'mean', got 'median'`,
    });
    assert.throws(() => learningRateBound(3, [[1]], { objective: 'median' as Objective }), {
      name: 'RangeError',
      message: `${fn} requires options.objective to be one of 'sum', 'mean', got 'median'`,
    });
    assert.throws(() => learningRateBound(3, [[1]], { objectve: 'sum' } as unknown as { objective: Objective }), {
      name: 'RangeError',
      message: `${fn} requires options to have only the keys 'objective', got 'objectve' (did you mean 'objective'?)`,
    });
  });
});
