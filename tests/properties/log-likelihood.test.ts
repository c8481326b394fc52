import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { gaussianLogLikelihood } from '../../lib/likelihood/gaussian-log-likelihood';
import { logLikelihoodGrid } from '../../lib/likelihood/log-likelihood-grid';
import { toDenseRows } from '../../lib/data/dense-rows';
import { exact, sum, toNumber, UNIT } from '../helpers/exact';

// Property-based checks of the log-likelihood against an exact rational reference (diagonal
// covariance: L = -1/2 sum_ij (x_ij - mu_j)^2 / v_j, exact in BigInt). Inputs: 1 to 40 rows of
// 2 coordinates in [-1e6, 1e6], a mean in the same range and variances in [1e-6, 1e6].
const RUNS = { numRuns: 300, seed: 20261127 };
const coordinate = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const variance = fc.double({ min: 1e-6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const rows = fc.array(fc.tuple(coordinate, coordinate), { minLength: 1, maxLength: 40 }).map((rs) => rs.map(([a, b]) => [a, b]));

function exactLogLikelihood(data: number[][], mean: number[], variances: number[]): number {
  // -1/2 sum (X - M)^2 / V with X, M, V in units of 2^-1074: the ratio is in units of 2^-1074.
  const [v0, v1] = variances.map(exact);
  const square = (v: bigint): bigint => v * v;
  const t0 = sum(data.map((r) => square(exact(r[0]) - exact(mean[0]))));
  const t1 = sum(data.map((r) => square(exact(r[1]) - exact(mean[1]))));
  // (t0 / v0 + t1 / v1) / 2 = (t0 v1 + t1 v0) / (2 v0 v1), then / UNIT.
  return -toNumber(t0 * v1 + t1 * v0, 2n * v0 * v1 * UNIT);
}

describe('gaussianLogLikelihood (property)', () => {
  it('is finite and agrees with the exact value to 1e-13 relative for diagonal covariances', () => {
    fc.assert(
      fc.property(rows, coordinate, coordinate, variance, variance, (data, m0, m1, v0, v1) => {
        const value = gaussianLogLikelihood(
          data,
          [m0, m1],
          [
            [v0, 0],
            [0, v1],
          ],
        );
        const reference = exactLogLikelihood(data, [m0, m1], [v0, v1]);
        return Number.isFinite(value) && Math.abs(value - reference) <= 1e-13 * Math.abs(reference) + 1e-300;
      }),
      RUNS,
    );
  });

  it('matches logLikelihoodGrid at every grid point to 1e-9 relative (sufficient statistics vs direct sum)', () => {
    fc.assert(
      fc.property(rows, variance, variance, fc.double({ min: -1, max: 1, noNaN: true }), (data, v0, v1, rho) => {
        const c = 0.9 * rho * Math.sqrt(v0 * v1);
        const covariance = [
          [v0, c],
          [c, v1],
        ];
        const grid = logLikelihoodGrid(data, covariance, { xRange: [-1e6, 1e6], yRange: [-2, 3], steps: 3 });
        return grid.ys.every((y, i) =>
          grid.xs.every((x, j) => {
            const direct = gaussianLogLikelihood(data, [x, y], covariance);
            // The centred form loses at most a few ulps of the larger of within/between terms.
            return Number.isFinite(grid.values[i][j]) && Math.abs(grid.values[i][j] - direct) <= 1e-9 * Math.abs(direct) + 1e-9;
          }),
        );
      }),
      RUNS,
    );
  });
});

describe('gaussianLogLikelihood on dense data (property, issue 12)', () => {
  it('gives bit for bit the number[][] value from the same rows as a float64 DenseRows, normalized or not', () => {
    fc.assert(
      fc.property(rows, coordinate, coordinate, variance, variance, fc.boolean(), (data, m0, m1, v0, v1, normalized) => {
        const covariance = [
          [v0, 0.5 * Math.sqrt(v0 * v1)],
          [0.5 * Math.sqrt(v0 * v1), v1],
        ];
        const value = gaussianLogLikelihood(data, [m0, m1], covariance, { normalized });
        assert.ok(Object.is(gaussianLogLikelihood(toDenseRows(data), [m0, m1], covariance, { normalized }), value));
      }),
      RUNS,
    );
  });
});

describe('property regressions (shrunk failures kept as fixed cases)', () => {
  it('handles a single row exactly at the mean (L = 0)', () => {
    // -1/2 x 0 is -0 in IEEE arithmetic; zero either way.
    assert.ok(
      gaussianLogLikelihood(
        [[0, 0]],
        [0, 0],
        [
          [1e-6, 0],
          [0, 1e6],
        ],
      ) === 0,
    );
  });
});
