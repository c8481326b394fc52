import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { clipPolyline } from '../../lib/charts/clip-polyline';

const box: [number, number] = [-1, 1];

describe('clipPolyline', () => {
  it('keeps a polyline that lies inside whole, as one piece of real steps', () => {
    assert.deepEqual(
      clipPolyline(
        [
          [0, 0],
          [0.5, 0.5],
          [1, 1],
        ],
        box,
        box,
      ),
      [
        [
          { step: 0, x: 0, y: 0, edge: false },
          { step: 1, x: 0.5, y: 0.5, edge: false },
          { step: 2, x: 1, y: 1, edge: false },
        ],
      ],
    );
  });

  it('ends a piece where the line leaves and starts a new one where it comes back', () => {
    // (0, 0) -> (3, 0) leaves at x = 1 (t = 1/3); (3, 0) -> (0, 0.6) re-enters at x = 1 (t = 2/3, y = 0.4).
    const pieces = clipPolyline(
      [
        [0, 0],
        [3, 0],
        [0, 0.6],
      ],
      box,
      box,
    );
    assert.equal(pieces.length, 2);
    assert.deepEqual(pieces[0][1], { step: 1 / 3, x: 1, y: 0, edge: true });
    assert.equal(pieces[1][0].edge, true);
    assert.ok(Math.abs(pieces[1][0].step - (1 + 2 / 3)) < 1e-12);
    assert.ok(Math.abs(pieces[1][0].x - 1) < 1e-12 && Math.abs(pieces[1][0].y - 0.4) < 1e-12);
    assert.deepEqual(pieces[1][1], { step: 2, x: 0, y: 0.6, edge: false });
  });

  it('keeps the visible middle of a segment whose two ends are outside', () => {
    assert.deepEqual(
      clipPolyline(
        [
          [-3, 0],
          [3, 0],
        ],
        box,
        box,
      ),
      [
        [
          { step: 1 / 3, x: -1, y: 0, edge: true },
          { step: 2 / 3, x: 1, y: 0, edge: true },
        ],
      ],
    );
  });

  it('returns nothing for a polyline that never enters, and breaks at non-finite points', () => {
    assert.deepEqual(
      clipPolyline(
        [
          [5, 5],
          [6, -7],
        ],
        box,
        box,
      ),
      [],
    );
    const pieces = clipPolyline(
      [
        [0, 0],
        [NaN, 0],
        [0.5, 0],
      ],
      box,
      box,
    );
    assert.deepEqual(pieces, [[{ step: 0, x: 0, y: 0, edge: false }], [{ step: 2, x: 0.5, y: 0, edge: false }]]);
  });
});
