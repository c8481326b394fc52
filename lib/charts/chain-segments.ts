import type { ContourSegment } from './contour-lines';

/**
 * Joins straight segments that share end points into polylines, so that a contour becomes a few
 * long lines instead of hundreds of pieces: in SVG one path per polyline, not one per segment.
 * End points join only when they are exactly equal, which {@link contourLines} guarantees for
 * neighbouring cells. A closed loop comes back to its first point.
 *
 * @param segments - pieces `[x1, y1, x2, y2]` in any order and direction
 * @returns polylines, each a list of `[x, y]` points
 * @example
 * chainSegments([[1, 0, 2, 0], [0, 0, 1, 0]]); // => [[[0, 0], [1, 0], [2, 0]]]
 */
export function chainSegments(segments: readonly ContourSegment[]): number[][][] {
  const key = (x: number, y: number): string => `${x},${y}`;
  const byEnd = new Map<string, number[]>();
  segments.forEach(([x1, y1, x2, y2], s) => {
    for (const k of [key(x1, y1), key(x2, y2)]) {
      const list = byEnd.get(k);
      if (list === undefined) byEnd.set(k, [s]);
      else list.push(s);
    }
  });
  const used = new Array<boolean>(segments.length).fill(false);
  // Extends the line from its last point until no unused segment touches it.
  const extend = (line: number[][]): void => {
    for (;;) {
      const [x, y] = line[line.length - 1];
      const next = (byEnd.get(key(x, y)) ?? []).find((s) => !used[s]);
      if (next === undefined) return;
      used[next] = true;
      const [x1, y1, x2, y2] = segments[next];
      line.push(x1 === x && y1 === y ? [x2, y2] : [x1, y1]);
    }
  };
  const lines: number[][][] = [];
  segments.forEach(([x1, y1, x2, y2], s) => {
    if (used[s]) return;
    used[s] = true;
    const forward = [
      [x1, y1],
      [x2, y2],
    ];
    extend(forward);
    const backward = [[x1, y1]];
    extend(backward);
    lines.push([...backward.slice(1).reverse(), ...forward]);
  });
  return lines;
}
