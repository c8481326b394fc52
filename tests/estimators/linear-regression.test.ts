import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { near } from '../helpers/near';
import { linearRegressionMle } from '../../lib/estimators/linear-regression';
import reference from '../fixtures/reference.json';

describe('linearRegressionMle', () => {
  it('recovers an exact line with zero noise variance', () => {
    assert.deepEqual(linearRegressionMle([0, 1, 2, 3], [1, 3, 5, 7]), { slope: 2, intercept: 1, noiseVariance: 0 });
  });

  it('divides the squared residuals by n, worked out by hand', () => {
    // xs = (0,1,2), ys = (0,2,1): x-bar 1, y-bar 1, Sxy = (-1)(-1) + 0 + (1)(0) = 1, Sxx = 2,
    // slope 1/2, intercept 1/2; residuals (-1/2, 1, -1/2), squares sum 3/2, / 3 = 1/2.
    assert.deepEqual(linearRegressionMle([0, 1, 2], [0, 2, 1]), { slope: 0.5, intercept: 0.5, noiseVariance: 0.5 });
  });

  it('matches np.polyfit and np.linalg.lstsq to 1e-12', () => {
    const ref = reference.linearRegressionMle;
    const fit = linearRegressionMle(ref.xs, ref.ys);
    near(fit.slope, ref.slope, 1e-12);
    near(fit.intercept, ref.intercept, 1e-12);
    near(fit.slope, ref.lstsqSlope, 1e-12);
    near(fit.intercept, ref.lstsqIntercept, 1e-12);
    near(fit.noiseVariance, ref.noiseVariance, 1e-12);
  });

  it('rejects bad input with messages naming the function and argument', () => {
    const fn = 'linearRegressionMle';
    assert.throws(() => linearRegressionMle([], []), { name: 'RangeError', message: `${fn} requires at least one data point` });
    assert.throws(() => linearRegressionMle([1, 2], [1]), {
      name: 'RangeError',
      message: `${fn} requires xs and ys to have the same length, got 2 and 1`,
    });
    assert.throws(() => linearRegressionMle([3, 3, 3], [1, 2, 3]), {
      name: 'RangeError',
      message: `${fn} requires xs to vary, got all values equal to 3`,
    });
    assert.throws(() => linearRegressionMle([1, 2], [1, NaN]), {
      name: 'RangeError',
      message: `${fn} requires ys[1] to be a finite number, got NaN`,
    });
    assert.throws(() => linearRegressionMle([1, 2], null as unknown as number[]), {
      name: 'TypeError',
      message: `${fn} requires ys to be an array of numbers, got null`,
    });
  });
});
