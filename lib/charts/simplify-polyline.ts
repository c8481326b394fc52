/**
 * Drops the points of a polyline that lie within `tolerance` of the straight line through their
 * neighbours (Douglas–Peucker): a contour traced through a fine grid is nearly straight over many
 * cells, and every point kept costs bytes in the spec and in the SVG. The first and last points
 * are always kept, so closed loops stay closed and joined lines stay joined.
 *
 * @param points - the polyline, `[x, y]` pairs
 * @param tolerance - largest distance, in the points' units, that a dropped point may lie off
 *   the simplified line (for a plot, a fraction of a pixel in data units)
 * @returns the kept points, in order
 * @example
 * simplifyPolyline([[0, 0], [1, 0.001], [2, 0], [2, 1]], 0.01); // => [[0, 0], [2, 0], [2, 1]]
 */
export function simplifyPolyline(points: readonly number[][], tolerance: number): number[][] {
  if (points.length <= 2) return points.map((p) => [...p]);
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const length = Math.hypot(bx - ax, by - ay);
    let farthest = -1;
    let distance = tolerance;
    for (let k = first + 1; k < last; k += 1) {
      const [px, py] = points[k];
      // Distance to the chord, or to its end point when the chord has zero length (a closed loop).
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (d > distance) {
        distance = d;
        farthest = k;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, k) => keep[k]).map((p) => [...p]);
}
