import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { argmaxOnGrid } from '../../lib/numeric/argmax-on-grid';

describe('argmaxOnGrid', () => {
  it('returns the first largest value, skipping -Infinity and NaN', () => {
    assert.deepEqual(argmaxOnGrid([0, 0.5, 1], [0, 2, 1]), { x: 0.5, y: 2, index: 1 });
    assert.deepEqual(argmaxOnGrid([0, 1, 2, 3], [-Infinity, NaN, -3, -3]), { x: 2, y: -3, index: 2 });
  });

  it('rejects mismatched lengths and all-infinite values', () => {
    assert.throws(() => argmaxOnGrid([0, 1], [0]), {
      name: 'RangeError',
      message: 'argmaxOnGrid requires ys to have the same length as xs (2)',
    });
    assert.throws(() => argmaxOnGrid([0], [-Infinity]), {
      name: 'RangeError',
      message: 'argmaxOnGrid requires at least one finite value in ys',
    });
  });
});
