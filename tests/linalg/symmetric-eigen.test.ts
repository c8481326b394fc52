import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { symmetricEigen } from '../../lib/linalg/symmetric-eigen';
import { symmetricEigenvalues } from '../../lib/linalg/symmetric-eigenvalues';

function multiply(m: number[][], v: number[]): number[] {
  return m.map((row) => row.reduce((s, x, j) => s + x * v[j], 0));
}

describe('symmetricEigen', () => {
  it('decomposes [[2, 1], [1, 2]] into 1 along (-1, 1)/sqrt 2 and 3 along (1, 1)/sqrt 2 (by hand)', () => {
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    assert.ok(Math.abs(values[0] - 1) < 1e-14 && Math.abs(values[1] - 3) < 1e-14);
    const r = Math.SQRT1_2;
    // Sign rule: the entry of largest magnitude is positive; for (-r, r) both tie, the first found wins.
    assert.ok(Math.abs(Math.abs(vectors[0][0]) - r) < 1e-14 && Math.abs(vectors[0][0] + vectors[0][1]) < 1e-14);
    assert.ok(Math.abs(vectors[1][0] - r) < 1e-14 && Math.abs(vectors[1][1] - r) < 1e-14);
  });

  it('returns orthonormal vectors with A v = lambda v, and the same values as symmetricEigenvalues', () => {
    const a = [
      [4, 1, -2, 0.5],
      [1, 3, 0, 1],
      [-2, 0, 5, -1],
      [0.5, 1, -1, 2],
    ];
    const { values, vectors } = symmetricEigen(a);
    const reference = symmetricEigenvalues(a);
    values.forEach((value, k) => {
      // 1e-12: Jacobi is backward stable, entries are O(5).
      assert.ok(Math.abs(value - reference[k]) < 1e-12);
      const av = multiply(a, vectors[k]);
      av.forEach((x, i) => assert.ok(Math.abs(x - value * vectors[k][i]) < 1e-12, `A v - lambda v, vector ${k}`));
      vectors.forEach((other, l) => {
        const dot = other.reduce((s, x, i) => s + x * vectors[k][i], 0);
        assert.ok(Math.abs(dot - (k === l ? 1 : 0)) < 1e-12);
      });
      const largest = vectors[k].reduce((b, x) => (Math.abs(x) > Math.abs(b) ? x : b), 0);
      assert.ok(largest > 0, 'sign rule');
    });
  });

  it('keeps a diagonal matrix as it is, axes as vectors', () => {
    assert.deepEqual(
      symmetricEigen([
        [3, 0],
        [0, 1],
      ]),
      {
        values: [1, 3],
        vectors: [
          [0, 1],
          [1, 0],
        ],
      },
    );
  });

  it('rejects bad input with exact messages', () => {
    const fn = 'symmetricEigen';
    assert.throws(() => symmetricEigen([]), { name: 'RangeError', message: `${fn} requires matrix to have at least one row` });
    assert.throws(() => symmetricEigen('m' as unknown as number[][]), {
      name: 'TypeError',
      message: `${fn} requires matrix to be an array of rows, got 'm'`,
    });
    assert.throws(() => symmetricEigen([[1, 2], [3]]), {
      name: 'RangeError',
      message: `${fn} requires matrix to be 2x2, got a row of length 1`,
    });
    assert.throws(
      () =>
        symmetricEigen([
          [1, 2],
          [3, 1],
        ]),
      {
        name: 'RangeError',
        message: `${fn} requires matrix to be symmetric, got matrix[1][0] = 3 but matrix[0][1] = 2`,
      },
    );
    assert.throws(
      () =>
        symmetricEigen([
          [1, NaN],
          [NaN, 1],
        ]),
      { name: 'RangeError', message: `${fn} requires matrix[0][1] to be a finite number, got NaN` },
    );
  });
});
