import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bernoulliMle } from '../../lib/estimators/bernoulli';

describe('bernoulliMle', () => {
  it('is the fraction of heads in the seed data D = (0,0,1,1,0,0,1)', () => {
    assert.equal(bernoulliMle([0, 0, 1, 1, 0, 0, 1]), 3 / 7);
  });

  it('is 0 or 1 when every flip agrees', () => {
    assert.equal(bernoulliMle([0, 0, 0]), 0);
    assert.equal(bernoulliMle([1]), 1);
  });

  it('rejects bad input with messages naming the function and argument', () => {
    assert.throws(() => bernoulliMle([]), { name: 'RangeError', message: 'bernoulliMle requires at least one data point' });
    assert.throws(() => bernoulliMle([0, 2]), {
      name: 'RangeError',
      message: 'bernoulliMle requires flips[1] to be 0 or 1, got 2',
    });
    assert.throws(() => bernoulliMle([0.5]), {
      name: 'RangeError',
      message: 'bernoulliMle requires flips[0] to be 0 or 1, got 0.5',
    });
    assert.throws(() => bernoulliMle([true as unknown as number]), {
      name: 'TypeError',
      message: 'bernoulliMle requires flips[0] to be a number, got boolean',
    });
    assert.throws(() => bernoulliMle('0101' as unknown as number[]), {
      name: 'TypeError',
      message: "bernoulliMle requires flips to be an array of 0s and 1s, got '0101'",
    });
  });
});
