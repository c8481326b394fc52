import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { near } from '../helpers/near';
import { gaussianMle } from '../../lib/estimators/gaussian';
import reference from '../fixtures/reference.json';

/** |actual - expected| <= tolerance, with a readable failure. */
describe('gaussianMle', () => {
  it('recovers the mean and the divide-by-n variance worked out by hand', () => {
    // mean = 10/4 = 2.5; squares of deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, / 4 = 1.25 (exact in float64).
    assert.deepEqual(gaussianMle([1, 2, 3, 4]), { mean: 2.5, variance: 1.25 });
  });

  it('matches numpy mean and var (ddof=0) to 1e-14 relative', () => {
    for (const ref of reference.gaussianMle) {
      const { mean, variance } = gaussianMle(ref.xs);
      near(mean, ref.mean, 1e-14 * Math.abs(ref.mean));
      near(variance, ref.variance, 1e-12 * ref.variance);
    }
  });

  it('keeps full accuracy when the mean is huge compared with the spread', () => {
    // A naive E[x^2] - E[x]^2 loses everything here; the two-pass algorithm is exact.
    assert.deepEqual(gaussianMle([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]), { mean: 1e9 + 10, variance: 22.5 });
  });

  it('gives variance 0 for a single point or a constant sample', () => {
    assert.deepEqual(gaussianMle([3.5]), { mean: 3.5, variance: 0 });
    assert.deepEqual(gaussianMle([0.1, 0.1, 0.1]).variance, 0);
  });

  it('rejects bad input with messages naming the function and argument', () => {
    assert.throws(() => gaussianMle([]), { name: 'RangeError', message: 'gaussianMle requires at least one data point' });
    assert.throws(() => gaussianMle('1,2' as unknown as number[]), {
      name: 'TypeError',
      message: "gaussianMle requires xs to be an array of numbers, got '1,2'",
    });
    assert.throws(() => gaussianMle([1, NaN]), {
      name: 'RangeError',
      message: 'gaussianMle requires xs[1] to be a finite number, got NaN',
    });
    assert.throws(() => gaussianMle([Infinity]), {
      name: 'RangeError',
      message: 'gaussianMle requires xs[0] to be a finite number, got Infinity',
    });
    assert.throws(() => gaussianMle([1, '2' as unknown as number]), {
      name: 'TypeError',
      message: "gaussianMle requires xs[1] to be a number, got '2'",
    });
  });
});
