import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { densityMoments } from '../../lib/numeric/density-moments';

function linspace(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => from + ((to - from) * k) / (count - 1));
}

describe('densityMoments', () => {
  it('gives mass 1, mean 1/2 and variance 1/12 for the uniform density on [0, 1]', () => {
    const xs = linspace(0, 1, 1001);
    const m = densityMoments(
      xs,
      xs.map(() => 1),
    );
    // Trapezoid error for x^2 on step h = 1e-3 is h^2 / 6 ~ 2e-7; for 1 and x it is exact.
    assert.ok(Math.abs(m.mass - 1) <= 1e-12 && Math.abs(m.mean - 0.5) <= 1e-12, `${m.mass}, ${m.mean}`);
    assert.ok(Math.abs(m.variance - 1 / 12) <= 1e-6, `${m.variance}`);
  });

  it('normalises by the mass, so an unnormalised Beta(4, 5) shape has mean 4/9', () => {
    const xs = linspace(0, 1, 2001);
    const m = densityMoments(
      xs,
      xs.map((t) => t ** 3 * (1 - t) ** 4),
    );
    // Beta(4, 5): mean 4/9, variance 4 * 5 / (81 * 10) = 2/81.
    assert.ok(Math.abs(m.mean - 4 / 9) <= 1e-6, `${m.mean}`);
    assert.ok(Math.abs(m.variance - 2 / 81) <= 1e-6, `${m.variance}`);
  });

  it('agrees with the hand-worked three-point example', () => {
    assert.deepEqual(densityMoments([0, 0.5, 1], [1, 1, 1]), { mass: 1, mean: 0.5, variance: 0.125 });
  });

  it('rejects bad input with messages naming the function and argument', () => {
    const fn = 'densityMoments';
    assert.throws(() => densityMoments([0, 1], [1]), {
      name: 'RangeError',
      message: `${fn} requires density to have at least 2 entries, got 1`,
    });
    assert.throws(() => densityMoments([0, 1, 2], [1, 1]), {
      name: 'RangeError',
      message: `${fn} requires density to have the length of xs (3), got 2`,
    });
    assert.throws(() => densityMoments([0, 1, 1], [1, 1, 1]), {
      name: 'RangeError',
      message: `${fn} requires xs to increase strictly, got 1 at 2`,
    });
    assert.throws(() => densityMoments([0, 1], [1, -1]), {
      name: 'RangeError',
      message: `${fn} requires density to be non-negative, got -1 at 1`,
    });
    assert.throws(() => densityMoments([0, 1], [0, 0]), {
      name: 'RangeError',
      message: `${fn} requires density to have a positive integral, got 0`,
    });
    assert.throws(() => densityMoments('x' as unknown as number[], [1]), {
      name: 'TypeError',
      message: `${fn} requires xs to be an array of numbers, got 'x'`,
    });
  });
});
