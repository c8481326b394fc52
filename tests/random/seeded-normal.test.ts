import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createStandardNormalGenerator } from '../../lib/random/seeded-normal';

describe('createStandardNormalGenerator', () => {
  it('is reproducible for a seed', () => {
    const a = createStandardNormalGenerator(3);
    const b = createStandardNormalGenerator(3);
    for (let i = 0; i < 50; i++) assert.equal(a(), b());
  });

  it('has mean 0, variance 1 and kurtosis 3 over 100000 draws', () => {
    const normal = createStandardNormalGenerator(11);
    const n = 100000;
    let m1 = 0;
    let m2 = 0;
    let m4 = 0;
    for (let i = 0; i < n; i++) {
      const z = normal();
      m1 += z;
      m2 += z * z;
      m4 += z ** 4;
    }
    // Standard errors: mean 1/sqrt(n) = 0.0032, variance sqrt(2/n) = 0.0045, 4th moment sqrt(96/n) = 0.031; allow 4 each.
    assert.ok(Math.abs(m1 / n) < 4 / Math.sqrt(n));
    assert.ok(Math.abs(m2 / n - 1) < 4 * Math.sqrt(2 / n));
    assert.ok(Math.abs(m4 / n - 3) < 4 * Math.sqrt(96 / n));
  });

  it('rejects a bad seed', () => {
    assert.throws(() => createStandardNormalGenerator(NaN), {
      name: 'RangeError',
      message: 'createStandardNormalGenerator requires seed to be a non-negative integer, got NaN',
    });
  });
});
