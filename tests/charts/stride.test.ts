import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stridedIndices } from '../../lib/charts/stride';
import { roundSignificant } from '../../lib/charts/round';

describe('stridedIndices', () => {
  it('spreads count indices evenly, keeping the first and the last', () => {
    assert.deepEqual(stridedIndices(10, 4), [0, 3, 6, 9]);
    assert.deepEqual(stridedIndices(3, 5), [0, 1, 2]);
    assert.deepEqual(stridedIndices(10000, 2000).slice(0, 3), [0, 5, 10]);
  });
});

describe('roundSignificant', () => {
  it('keeps 6 significant digits and turns -0 into 0', () => {
    assert.equal(roundSignificant(Math.PI), 3.14159);
    assert.equal(roundSignificant(-123456.78), -123457);
    assert.equal(roundSignificant(123456789, 3), 123000000);
    assert.ok(Object.is(roundSignificant(-1e-30, 6) * 0 + roundSignificant(-0), 0));
  });
});
