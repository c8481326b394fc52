import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createUniformGenerator } from '../../lib/random/seeded-uniform';

describe('createUniformGenerator', () => {
  it('produces the pinned stream for seed 42 (same on every machine)', () => {
    const uniform = createUniformGenerator(42);
    assert.deepEqual([uniform(), uniform(), uniform()], [0.4743649940127338, 0.1651577471114538, 0.1868896596397721]);
  });

  it('gives identical streams for equal seeds and different streams for different seeds', () => {
    const a = createUniformGenerator(7);
    const b = createUniformGenerator(7);
    const c = createUniformGenerator(8);
    const xs = Array.from({ length: 100 }, () => a());
    assert.deepEqual(
      Array.from({ length: 100 }, () => b()),
      xs,
    );
    assert.notDeepEqual(
      Array.from({ length: 100 }, () => c()),
      xs,
    );
    // Seeds differing only above bit 32 must differ too.
    assert.notEqual(createUniformGenerator(2 ** 32)(), createUniformGenerator(0)());
  });

  it('stays in [0, 1) with mean 1/2 and variance 1/12 over 100000 draws', () => {
    const uniform = createUniformGenerator(1);
    const n = 100000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = uniform();
      assert.ok(u >= 0 && u < 1);
      sum += u;
      sumSquares += u * u;
    }
    const mean = sum / n;
    const variance = sumSquares / n - mean * mean;
    // Standard error of the mean is sqrt(1/12 / n) = 9.1e-4; allow 4 of them.
    assert.ok(Math.abs(mean - 0.5) < 4 * Math.sqrt(1 / 12 / n), `mean ${mean}`);
    // Var of u^2-based estimate: SE about sqrt(1/180 / n) = 2.4e-4; allow 4 of them.
    assert.ok(Math.abs(variance - 1 / 12) < 4 * Math.sqrt(1 / 180 / n), `variance ${variance}`);
  });

  it('rejects seeds that are not non-negative safe integers', () => {
    assert.throws(() => createUniformGenerator(-1), {
      name: 'RangeError',
      message: 'createUniformGenerator requires seed to be a non-negative integer, got -1',
    });
    assert.throws(() => createUniformGenerator(1.5), {
      name: 'RangeError',
      message: 'createUniformGenerator requires seed to be a non-negative integer, got 1.5',
    });
    assert.throws(() => createUniformGenerator('1' as unknown as number), {
      name: 'TypeError',
      message: "createUniformGenerator requires seed to be a number, got '1'",
    });
  });
});
