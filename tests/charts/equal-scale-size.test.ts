import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { equalScaleSize } from '../../lib/charts/equal-scale-size';

describe('equalScaleSize', () => {
  it('makes width / height equal x range / y range', () => {
    assert.deepEqual(equalScaleSize([-5, 5], [-5, 5], {}), { width: 320, height: 320 });
    assert.deepEqual(equalScaleSize([0, 4], [0, 1], { width: 400 }), { width: 400, height: 100 });
    assert.deepEqual(equalScaleSize([0, 4], [0, 1], { height: 50 }), { width: 200, height: 50 });
    assert.deepEqual(equalScaleSize([0, 1], [0, 2], {}), { width: 160, height: 320 });
  });

  it('fits in the box when both sizes are given', () => {
    assert.deepEqual(equalScaleSize([-5, 5], [-5, 5], { width: 500, height: 300 }), { width: 300, height: 300 });
    assert.deepEqual(equalScaleSize([0, 3], [0, 1], { width: 300, height: 300 }), { width: 300, height: 100 });
  });
});
