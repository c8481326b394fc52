import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleLinearModel } from '../../lib/random/sample-linear-model';
import { linearRegressionMle } from '../../lib/estimators/linear-regression';

describe('sampleLinearModel', () => {
  it('is reproducible for a seed and recovers the true line from 20000 points to 0.02', () => {
    const a = sampleLinearModel(20000, { slope: 2, intercept: 1, noiseVariance: 0.5 }, { seed: 7 });
    assert.deepEqual(sampleLinearModel(20000, { slope: 2, intercept: 1, noiseVariance: 0.5 }, { seed: 7 }), a);
    const fit = linearRegressionMle(a.xs, a.ys);
    // Standard errors: slope sqrt(0.5 / 20000) = 0.005, noise variance 0.5 sqrt(2 / 20000) = 0.005.
    assert.ok(Math.abs(fit.slope - 2) < 0.02 && Math.abs(fit.intercept - 1) < 0.02 && Math.abs(fit.noiseVariance - 0.5) < 0.02);
  });
});
