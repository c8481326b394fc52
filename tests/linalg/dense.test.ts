import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { choleskyOrNull, firstAsymmetry, matrixAdd, matrixMultiply, trace } from '../../lib/linalg/dense';

describe('dense kernels', () => {
  it('factor an SPD matrix and return null for one that is not positive definite', () => {
    assert.deepEqual(
      choleskyOrNull([
        [4, 2],
        [2, 5],
      ]),
      [
        [2, 0],
        [1, 2],
      ],
    );
    assert.equal(
      choleskyOrNull([
        [1, 2],
        [2, 1],
      ]),
      null,
    );
    assert.equal(choleskyOrNull([[0]]), null);
  });

  it('find the first asymmetric pair beyond a 1e-10 relative tolerance', () => {
    assert.deepEqual(
      firstAsymmetry([
        [1, 2],
        [3, 1],
      ]),
      [1, 0],
    );
    assert.equal(
      firstAsymmetry([
        [1, 0.1],
        [0.1 + 1e-12, 1],
      ]),
      null,
    );
    assert.equal(
      firstAsymmetry([
        [1, 1e-310],
        [0, 1],
      ]),
      null,
    );
  });

  it('multiply, add and trace small matrices worked by hand', () => {
    assert.deepEqual(
      matrixMultiply(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [0, 1],
          [1, 0],
        ],
      ),
      [
        [2, 1],
        [4, 3],
      ],
    );
    assert.deepEqual(matrixAdd([[1, 2]], [[3, 4]]), [[4, 6]]);
    assert.equal(
      trace([
        [1, 2],
        [3, 4],
      ]),
      5,
    );
  });
});
