import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { gaussianMle } from '../../lib/estimators/gaussian';
import { linearRegressionMle } from '../../lib/estimators/linear-regression';
import { multivariateGaussianMle } from '../../lib/estimators/multivariate-gaussian';
import { toDenseRows } from '../../lib/data/dense-rows';
import { exact, sum, toNumber, UNIT } from '../helpers/exact';

// Property-based checks against exact rational references (BigInt on x * 2^1074). Inputs: up to
// 60 values m 10^e with m a double in [-1000, 1000] and e in [-150, 150] (the range where the
// variance itself exists in float64), plus an offset that makes the mean large against the spread.
// Fixed seed: the runs are the same every time; a shrunk failure becomes a fixed regression test.
const RUNS = { numRuns: 300, seed: 20261127 };

const sample = fc
  .tuple(
    fc.integer({ min: -150, max: 150 }),
    fc.array(fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 60 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  )
  .map(([e, ms, offset]) => ms.map((m) => (m + offset) * 10 ** e));

function exactMeanAndVariance(xs: number[]): { mean: number; variance: number } {
  const n = BigInt(xs.length);
  const values = xs.map(exact);
  const s = sum(values);
  const q = sum(values.map((v) => v * v));
  // mean = S / (n U); variance = (n Q - S^2) / (n^2 U^2).
  return { mean: toNumber(s, n * UNIT), variance: toNumber(n * q - s * s, n * n * UNIT * UNIT) };
}

describe('gaussianMle (property)', () => {
  it('agrees with the exact mean to 1e-15 max|x| and the exact variance to 1e-12 relative + 1e-28 max|x|^2', () => {
    fc.assert(
      fc.property(sample, (xs) => {
        const result = gaussianMle(xs);
        const reference = exactMeanAndVariance(xs);
        const scale = Math.max(...xs.map(Math.abs));
        if (scale === 0) return result.mean === 0 && result.variance === 0;
        const meanError = Math.abs(result.mean - reference.mean) / scale;
        const a = result.variance / scale / scale;
        const b = reference.variance / scale / scale;
        return (
          Number.isFinite(result.mean) &&
          Number.isFinite(result.variance) &&
          meanError <= 1e-15 &&
          Math.abs(a - b) <= 1e-12 * b + 1e-28
        );
      }),
      RUNS,
    );
  });
});

describe('multivariateGaussianMle (property)', () => {
  it('gives per column the same mean and variance as gaussianMle, and an exact covariance to 1e-12', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const n = Math.min(a.length, b.length);
        const rows = Array.from({ length: n }, (_, i) => [a[i], b[i]]);
        const { mean, covariance } = multivariateGaussianMle(rows);
        const ref0 = exactMeanAndVariance(rows.map((r) => r[0]));
        const ref1 = exactMeanAndVariance(rows.map((r) => r[1]));
        const s0 = Math.max(...rows.map((r) => Math.abs(r[0])));
        const s1 = Math.max(...rows.map((r) => Math.abs(r[1])));
        const close = (x: number, y: number, s: number): boolean => s === 0 || Math.abs(x - y) / s <= 1e-15;
        const closeVariance = (x: number, y: number, s: number): boolean =>
          s === 0 || Math.abs(x / s / s - y / s / s) <= 1e-12 * (y / s / s) + 1e-28;
        return (
          close(mean[0], ref0.mean, s0) &&
          close(mean[1], ref1.mean, s1) &&
          closeVariance(covariance[0][0], ref0.variance, s0) &&
          closeVariance(covariance[1][1], ref1.variance, s1) &&
          covariance[0][1] === covariance[1][0]
        );
      }),
      RUNS,
    );
  });
});

describe('multivariateGaussianMle on dense data (property, issue 12)', () => {
  it('gives bit for bit the number[][] estimate from the same rows as a float64 DenseRows', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const n = Math.min(a.length, b.length);
        const rows = Array.from({ length: n }, (_, i) => [a[i], b[i]]);
        assert.deepStrictEqual(multivariateGaussianMle(toDenseRows(rows)), multivariateGaussianMle(rows));
      }),
      RUNS,
    );
  });
});

describe('linearRegressionMle (property)', () => {
  it('agrees with the exact least-squares slope and intercept (1e-9 relative, scaled by the spread)', () => {
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const n = Math.min(a.length, b.length);
        const xs = a.slice(0, n);
        const ys = b.slice(0, n);
        const X = xs.map(exact);
        const Y = ys.map(exact);
        const N = BigInt(n);
        const sx = sum(X);
        const sy = sum(Y);
        const sxx = N * sum(X.map((v) => v * v)) - sx * sx;
        if (sxx === 0n) return true; // all xs equal: rejected by design (tested elsewhere)
        // The exact sxx must also be visible in float64 (relative spread of xs above ~1e-7), else the
        // centred data are all rounding: ill-posed for any float64 method.
        const spread = exactMeanAndVariance(xs);
        const magnitude = Math.max(...xs.map(Math.abs));
        if (Math.sqrt(spread.variance) < 1e-7 * magnitude) return true;
        const sxy = N * sum(X.map((v, i) => v * Y[i])) - sx * sy;
        const slope = toNumber(sxy, sxx);
        const intercept = toNumber(sy * sxx - sxy * sx, N * sxx * UNIT);
        const fit = linearRegressionMle(xs, ys);
        const yScale = Math.max(...ys.map(Math.abs), Number.MIN_VALUE);
        const xSpread = Math.sqrt(spread.variance);
        // Errors in units of the natural scales: slope in yScale / xSpread, intercept in yScale (1 + magnitude / xSpread).
        const slopeError = (Math.abs(fit.slope - slope) * xSpread) / yScale;
        const interceptError = Math.abs(fit.intercept - intercept) / yScale / (1 + magnitude / xSpread);
        return Number.isFinite(fit.slope) && Number.isFinite(fit.noiseVariance) && slopeError <= 1e-9 && interceptError <= 1e-9;
      }),
      RUNS,
    );
  });
});

describe('estimator property regressions (shrunk failures kept as fixed cases)', () => {
  it('handles the smallest subnormal as data', () => {
    // Shrunk case [5e-324] (it exposed a reference-helper overflow): mean 5e-324, variance 0.
    assert.deepEqual(gaussianMle([5e-324]), { mean: 5e-324, variance: 0 });
    assert.deepEqual(multivariateGaussianMle([[0], [-5e-324]]).mean, [-0]);
  });

  it('fits a line through subnormal outputs without NaN', () => {
    // Shrunk case: ys = -5e-324 twice, xs near -1.17e-83: slope 0, intercept -5e-324, no noise.
    const fit = linearRegressionMle([-1.1736648472704967e-83, -1.1736650820035131e-83], [-5e-324, -5e-324]);
    assert.deepEqual(fit, { slope: 0, intercept: -5e-324, noiseVariance: 0 });
  });
});
