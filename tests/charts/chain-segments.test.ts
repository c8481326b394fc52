import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chainSegments } from '../../lib/charts/chain-segments';
import { contourLines } from '../../lib/charts/contour-lines';
import { linspace } from './helpers';

describe('chainSegments', () => {
  it('joins pieces given in any order and direction into one line', () => {
    assert.deepEqual(
      chainSegments([
        [1, 0, 2, 0],
        [0, 0, 1, 0],
        [3, 1, 2, 0],
      ]),
      [
        [
          [0, 0],
          [1, 0],
          [2, 0],
          [3, 1],
        ],
      ],
    );
  });

  it('keeps separate pieces separate', () => {
    assert.deepEqual(
      chainSegments([
        [0, 0, 1, 0],
        [5, 5, 6, 6],
      ]),
      [
        [
          [0, 0],
          [1, 0],
        ],
        [
          [5, 5],
          [6, 6],
        ],
      ],
    );
    assert.deepEqual(chainSegments([]), []);
  });

  it('closes a contour circle of marching squares into one loop', () => {
    const xs = linspace(-2, 2, 21);
    const [circle] = contourLines({ xs, ys: xs, values: xs.map((y) => xs.map((x) => x * x + y * y)) }, { levels: [1] });
    const lines = chainSegments(circle.segments);
    assert.equal(lines.length, 1);
    assert.equal(lines[0].length, circle.segments.length + 1);
    assert.deepEqual(lines[0][0], lines[0][lines[0].length - 1]);
  });
});
