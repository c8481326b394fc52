import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contourLines } from '../../lib/charts/contour-lines';
import { linspace } from './helpers';

// f(x, y) = -(x^2 + y^2) on [-5, 5]^2: the level -r^2 is the circle of radius r around 0.
const xs = linspace(-5, 5, 81);
const bowl = { xs, ys: xs, values: xs.map((y) => xs.map((x) => -(x * x + y * y))) };

describe('contourLines', () => {
  it('traces the circle of radius r as the level -r^2 of a quadratic bowl', () => {
    const [one, three] = contourLines(bowl, { levels: [-1, -9] });
    assert.equal(one.level, -1);
    assert.equal(three.level, -9);
    for (const [line, radius] of [
      [one, 1],
      [three, 3],
    ] as const) {
      assert.ok(line.segments.length > 20);
      for (const [x1, y1, x2, y2] of line.segments) {
        // Linear interpolation between grid points 0.125 apart: within 0.01 of the true circle.
        assert.ok(Math.abs(Math.hypot(x1, y1) - radius) < 0.01, `(${x1}, ${y1}) is off the circle of radius ${radius}`);
        assert.ok(Math.abs(Math.hypot(x2, y2) - radius) < 0.01);
      }
      // The pieces go all the way round: total length 2 pi r within 1 %.
      const length = line.segments.reduce((sum, [a, b, c, d]) => sum + Math.hypot(c - a, d - b), 0);
      assert.ok(Math.abs(length / (2 * Math.PI * radius) - 1) < 0.01, `length ${length}`);
    }
  });

  it('spaces a count of levels evenly strictly between the smallest and the largest value', () => {
    const lines = contourLines(bowl, { levels: 4 });
    // min -50 (corners), max 0 (centre): -40, -30, -20, -10.
    assert.deepEqual(
      lines.map((l) => l.level),
      [-40, -30, -20, -10],
    );
    assert.equal(contourLines(bowl).length, 8);
    assert.deepEqual(contourLines(bowl, { levels: 0 }), []);
  });

  it('spaces levels quadratically below the maximum: evenly spaced rings on a bowl', () => {
    const lines = contourLines(bowl, { levels: 4, spacing: 'quadratic' });
    // max 0, min -50: -50 (i/5)^2 for i = 4..1, rings of radius sqrt(50) i / 5.
    assert.deepEqual(
      lines.map((l) => Math.round(l.level * 1e9) / 1e9),
      [-32, -18, -8, -2],
    );
    const [, x1, y1] = [0, ...lines[3].segments[0]];
    assert.ok(Math.abs(Math.hypot(x1, y1) - Math.sqrt(2)) < 0.01);
    assert.throws(() => contourLines(bowl, { spacing: 'log' as any }), {
      name: 'RangeError',
      message: "contourLines requires spacing to be 'linear' or 'quadratic', got log",
    });
  });

  it('splits a saddle cell by the mean of its corners', () => {
    // Corners a = 1 (0,0), b = 0 (1,0), c = 1 (1,1), d = 0 (0,1); the mean 0.5 is at the level.
    const saddle = {
      xs: [0, 1],
      ys: [0, 1],
      values: [
        [1, 0],
        [0, 1],
      ],
    };
    const [high] = contourLines(saddle, { levels: [0.5] });
    // Centre counted high: the two low corners b and d are cut off.
    assert.deepEqual(high.segments, [
      [0.5, 0, 1, 0.5],
      [0.5, 1, 0, 0.5],
    ]);
    const [low] = contourLines(saddle, { levels: [0.6] });
    // Centre counted low (0.5 < 0.6): the two high corners a and c are cut off.
    assert.deepEqual(
      low.segments.map((s) => s.map((v) => Math.round(v * 10) / 10)),
      [
        [0, 0.4, 0.4, 0],
        [1, 0.6, 0.6, 1],
      ],
    );
  });

  it('skips cells with a non-finite corner and finds nothing on a flat grid', () => {
    const holes = {
      xs: [0, 1, 2],
      ys: [0, 1],
      values: [
        [0, NaN, 0],
        [1, 1, 1],
      ],
    };
    assert.deepEqual(contourLines(holes, { levels: [0.5] })[0].segments, []);
    assert.deepEqual(
      contourLines(
        {
          xs: [0, 1],
          ys: [0, 1],
          values: [
            [2, 2],
            [2, 2],
          ],
        },
        { levels: 3 },
      ),
      [],
    );
  });

  it('rejects bad input with exact messages', () => {
    assert.throws(() => contourLines(null as any), {
      name: 'TypeError',
      message: 'contourLines requires grid to be an object with xs, ys and values',
    });
    assert.throws(() => contourLines({ xs: [0], ys: [0, 1], values: [[0], [0]] }), {
      name: 'RangeError',
      message: 'contourLines requires xs to be at least 2 strictly increasing finite numbers',
    });
    assert.throws(() => contourLines({ xs: [0, 1], ys: [0, 1], values: [[0, 1]] }), {
      name: 'RangeError',
      message: 'contourLines requires values to have ys.length (2) rows of xs.length (2) numbers',
    });
    assert.throws(
      () =>
        contourLines({
          xs: [0, 1],
          ys: [0, 1],
          values: [
            [0, 1],
            [0, 'a' as any],
          ],
        }),
      { name: 'TypeError', message: 'contourLines requires values[1][1] to be a number, got string' },
    );
    assert.throws(() => contourLines(bowl, { levels: 1.5 }), {
      name: 'RangeError',
      message: 'contourLines requires levels to be a non-negative integer or an array of numbers, got 1.5',
    });
    assert.throws(() => contourLines(bowl, { levels: [0, NaN] }), {
      name: 'RangeError',
      message: 'contourLines requires levels[1] to be a finite number, got NaN',
    });
  });
});
