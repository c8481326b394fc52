import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { linspace } from '../../lib/numeric/linspace';

describe('linspace', () => {
  it('spaces points evenly and ends exactly at stop', () => {
    assert.deepEqual(linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1]);
    assert.equal(linspace(0, 0.3, 7)[6], 0.3);
  });

  it("computes numpy's start + k (stop - start) / (count - 1)", () => {
    // np.linspace(-5, 5, 101)[37] = -5 + 37 * 0.1 = -1.2999999999999998 (0.1 is not exact).
    assert.equal(linspace(-5, 5, 101)[37], -5 + 37 * 0.1);
  });

  it('stays finite when stop - start overflows float64', () => {
    const grid = linspace(-1e308, 1e308, 5);
    assert.ok(grid.every(Number.isFinite), String(grid));
    assert.deepEqual(grid, [-1e308, -5e307, 0, 5e307, 1e308]);
  });

  it('rejects fewer than two points and more than 10^7', () => {
    assert.throws(() => linspace(0, 1, 1), {
      name: 'RangeError',
      message: 'linspace requires count to be an integer of at least 2, got 1',
    });
    assert.throws(() => linspace(0, 1, 1e8), {
      name: 'RangeError',
      message: 'linspace requires count to be at most 10000000, got 100000000',
    });
  });
});
