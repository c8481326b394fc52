import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleWithoutReplacement } from '../../lib/random/sample-without-replacement';
import { createUniformGenerator } from '../../lib/random/seeded-uniform';

describe('sampleWithoutReplacement', () => {
  it('draws the pinned indices for seed 0', () => {
    assert.deepEqual(sampleWithoutReplacement(10, 3, 0), [9, 0, 3]);
  });

  it('returns distinct indices in range, and a permutation when k = n', () => {
    const draw = sampleWithoutReplacement(10000, 500, 5);
    assert.equal(new Set(draw).size, 500);
    assert.ok(draw.every((i) => Number.isInteger(i) && i >= 0 && i < 10000));
    assert.deepEqual(
      [...sampleWithoutReplacement(10, 10, 1)].sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  });

  it('gives a fresh batch per call from one generator, reproducibly', () => {
    const a = createUniformGenerator(9);
    const b = createUniformGenerator(9);
    const first = sampleWithoutReplacement(100, 5, a);
    assert.deepEqual(sampleWithoutReplacement(100, 5, b), first);
    assert.notDeepEqual(sampleWithoutReplacement(100, 5, a), first);
  });

  it('includes each index with probability k/n', () => {
    // 20000 draws of 3 from 10: each count ~ Binomial(20000, 0.3), sd = sqrt(20000 * 0.3 * 0.7) = 64.8; allow 4 sd.
    const uniform = createUniformGenerator(2);
    const counts = new Array(10).fill(0);
    for (let t = 0; t < 20000; t++) for (const i of sampleWithoutReplacement(10, 3, uniform)) counts[i]++;
    for (const c of counts) assert.ok(Math.abs(c - 6000) < 4 * 64.8, `count ${c}`);
  });

  it('rejects bad sizes and generators with exact messages', () => {
    const fn = 'sampleWithoutReplacement';
    assert.throws(() => sampleWithoutReplacement(0, 1, 0), {
      name: 'RangeError',
      message: `${fn} requires populationSize to be a positive integer, got 0`,
    });
    assert.throws(() => sampleWithoutReplacement(5, 0, 0), {
      name: 'RangeError',
      message: `${fn} requires sampleSize to be a positive integer, got 0`,
    });
    assert.throws(() => sampleWithoutReplacement(5, 6, 0), {
      name: 'RangeError',
      message: `${fn} requires sampleSize to be at most populationSize (5), got 6`,
    });
    assert.throws(() => sampleWithoutReplacement(5, 2, 'x' as unknown as number), {
      name: 'TypeError',
      message: `${fn} requires random to be a seed or a uniform generator, got 'x'`,
    });
  });
});
