import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { linearRegressionLogLikelihood } from '../../lib/likelihood/linear-regression-log-likelihood';
import { sampleLinearModel } from '../../lib/random/sample-linear-model';
import { linearRegressionMle } from '../../lib/estimators/linear-regression';

describe('linearRegressionLogLikelihood', () => {
  it('equals -n/2 log(2 pi) for an exact fit with unit noise variance', () => {
    // Residuals 0: only the constant -2/2 log(2 pi) = -1.8378770664 remains.
    const value = linearRegressionLogLikelihood([0, 1], [1, 3], { slope: 2, intercept: 1, noiseVariance: 1 });
    assert.ok(Math.abs(value + Math.log(2 * Math.PI)) < 1e-15);
  });

  it('is largest at the closed-form MLE (checked against small moves of each parameter)', () => {
    const { xs, ys } = sampleLinearModel(50, { slope: -1, intercept: 2, noiseVariance: 0.25 }, { seed: 3 });
    const best = linearRegressionMle(xs, ys);
    const top = linearRegressionLogLikelihood(xs, ys, best);
    for (const key of ['slope', 'intercept', 'noiseVariance'] as const) {
      for (const delta of [-1e-3, 1e-3]) {
        assert.ok(linearRegressionLogLikelihood(xs, ys, { ...best, [key]: best[key] + delta }) < top);
      }
    }
  });

  it('returns -Infinity for a non-positive noise variance and rejects mismatched lengths', () => {
    assert.equal(linearRegressionLogLikelihood([0], [0], { slope: 0, intercept: 0, noiseVariance: -1 }), -Infinity);
    assert.throws(() => linearRegressionLogLikelihood([0, 1], [0], { slope: 0, intercept: 0, noiseVariance: 1 }), {
      name: 'RangeError',
      message: 'linearRegressionLogLikelihood requires ys to have the same length as xs (2), got 1',
    });
  });
});
