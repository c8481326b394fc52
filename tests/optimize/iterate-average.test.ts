import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { iterateAverage } from '../../lib/optimize/iterate-average';

describe('iterateAverage', () => {
  it('averages the iterates from the burn-in step on, worked out by hand', () => {
    assert.deepEqual(
      iterateAverage(
        [
          [9, 9],
          [1, 0],
          [-1, 2],
          [0, 1],
        ],
        1,
      ),
      [
        [1, 0],
        [0, 1],
        [0, 1],
      ],
    );
    assert.deepEqual(iterateAverage([[2], [4]]), [[2], [3]]);
  });

  it('cancels an oscillation around a point: the average of +-a about c tends to c', () => {
    const path = Array.from({ length: 1001 }, (_, t) => [3 + (t % 2 === 0 ? 0.5 : -0.5)]);
    const averaged = iterateAverage(path, 1);
    assert.equal(averaged.length, 1000);
    assert.equal(averaged[averaged.length - 1][0], 3);
  });

  it('does not change the path it reads', () => {
    const path = [
      [1, 2],
      [3, 4],
    ];
    iterateAverage(path);
    assert.deepEqual(path, [
      [1, 2],
      [3, 4],
    ]);
  });

  it('rejects bad arguments with messages naming the argument', () => {
    assert.throws(() => iterateAverage([] as number[][]), {
      name: 'TypeError',
      message: 'iterateAverage requires path to be a non-empty array of vectors, got an array of length 0',
    });
    assert.throws(() => iterateAverage([[1]], 1), {
      name: 'RangeError',
      message: 'iterateAverage requires fromStep to be below path.length (1), got 1',
    });
    assert.throws(() => iterateAverage([[1, 2], [3]]), {
      name: 'RangeError',
      message: 'iterateAverage requires path[1] to have length 2, got 1',
    });
    assert.throws(() => iterateAverage([[1], [NaN]]), { name: 'RangeError' });
  });
});
