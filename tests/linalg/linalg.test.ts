import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { near } from '../helpers/near';
import { cholesky } from '../../lib/linalg/cholesky';
import { spdInverse } from '../../lib/linalg/spd-inverse';
import { symmetricEigenvalues } from '../../lib/linalg/symmetric-eigenvalues';
import { compensatedSum } from '../../lib/numeric/compensated-sum';
import reference from '../fixtures/reference.json';

describe('cholesky', () => {
  it('factors [[4, 2], [2, 5]] as [[2, 0], [1, 2]] by hand', () => {
    // L11 = sqrt 4 = 2, L21 = 2/2 = 1, L22 = sqrt(5 - 1) = 2.
    assert.deepEqual(
      cholesky([
        [4, 2],
        [2, 5],
      ]),
      [
        [2, 0],
        [1, 2],
      ],
    );
  });

  it('matches np.linalg.cholesky to 1e-14', () => {
    for (const ref of reference.cholesky) {
      const lower = cholesky(ref.matrix);
      ref.lower.forEach((row, i) => row.forEach((v, j) => near(lower[i][j], v, 1e-14)));
    }
  });

  it('rejects matrices that are not symmetric positive definite', () => {
    assert.throws(
      () =>
        cholesky([
          [1, 2],
          [2, 1],
        ]),
      { name: 'RangeError', message: 'cholesky requires matrix to be symmetric positive definite' },
    );
    assert.throws(() => cholesky([[0]]), {
      name: 'RangeError',
      message: 'cholesky requires matrix to be symmetric positive definite',
    });
    assert.throws(() => cholesky([[1, 0]] as number[][]), {
      name: 'RangeError',
      message: 'cholesky requires matrix to be 1x1, got a row of length 2',
    });
  });
});

describe('spdInverse', () => {
  it('inverts a 2x2 by hand: [[2, 1], [1, 1]]^-1 = [[1, -1], [-1, 2]]', () => {
    const inverse = spdInverse([
      [2, 1],
      [1, 1],
    ]);
    [
      [1, -1],
      [-1, 2],
    ].forEach((row, i) => row.forEach((v, j) => near(inverse[i][j], v, 1e-15)));
  });
});

describe('symmetricEigenvalues', () => {
  it('matches np.linalg.eigvalsh in 2, 3 and 4 dimensions to 1e-12', () => {
    for (const ref of reference.symmetricEigenvalues) {
      const values = symmetricEigenvalues(ref.matrix);
      ref.eigenvalues.forEach((v, i) => near(values[i], v, 1e-12));
    }
  });

  it('rejects non-symmetric input', () => {
    assert.throws(
      () =>
        symmetricEigenvalues([
          [1, 2],
          [3, 1],
        ]),
      {
        name: 'RangeError',
        message: 'symmetricEigenvalues requires matrix to be symmetric, got matrix[1][0] = 3 but matrix[0][1] = 2',
      },
    );
    assert.throws(() => symmetricEigenvalues([]), {
      name: 'RangeError',
      message: 'symmetricEigenvalues requires matrix to have at least one row',
    });
  });
});

describe('compensatedSum', () => {
  it('recovers small terms lost by naive summation', () => {
    assert.equal(compensatedSum([1, 1e100, 1, -1e100]), 2);
    assert.equal(compensatedSum(new Array(10).fill(0.1)), 1);
  });
});
