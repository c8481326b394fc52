import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simplifyPolyline } from '../../lib/charts/simplify-polyline';

describe('simplifyPolyline', () => {
  it('drops points closer than the tolerance to the simplified line and keeps corners', () => {
    assert.deepEqual(
      simplifyPolyline(
        [
          [0, 0],
          [1, 0.001],
          [2, 0],
          [2, 1],
        ],
        0.01,
      ),
      [
        [0, 0],
        [2, 0],
        [2, 1],
      ],
    );
    assert.deepEqual(
      simplifyPolyline(
        [
          [0, 0],
          [1, 0.5],
          [2, 0],
        ],
        0.01,
      ),
      [
        [0, 0],
        [1, 0.5],
        [2, 0],
      ],
    );
  });

  it('keeps a closed loop closed and round enough', () => {
    const loop = Array.from({ length: 201 }, (_, k) => [Math.cos((2 * Math.PI * k) / 200), Math.sin((2 * Math.PI * k) / 200)]);
    loop[200] = loop[0];
    const kept = simplifyPolyline(loop, 0.001);
    assert.deepEqual(kept[0], kept[kept.length - 1]);
    assert.ok(kept.length < 100 && kept.length > 20, `${kept.length} points kept`);
  });

  it('returns short lines unchanged', () => {
    assert.deepEqual(simplifyPolyline([[1, 2]], 1), [[1, 2]]);
  });
});
