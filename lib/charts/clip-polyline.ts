/** One visible point of a clipped polyline: where it lies and which step of the run it stands for. */
export interface ClippedPoint {
  /** The step (a fraction where the polyline crosses the boundary between two steps). */
  step: number;
  x: number;
  y: number;
  /** True for a point made where the polyline crosses the boundary (no dot is drawn there). */
  edge: boolean;
}

/**
 * Cuts a polyline to an axis-aligned rectangle (Liang–Barsky on each segment) and returns its
 * visible pieces. Charts draw these instead of relying on the renderer's clip path: the PNG
 * renderer (resvg) aborts the whole process on a clipped line that runs far outside its clip
 * rectangle, as a diverging optimizer's path does.
 *
 * Non-finite points end a piece. A point exactly on the boundary is inside.
 *
 * @param points - the polyline, `points[step] = [x, y]`
 * @param xDomain - `[xMin, xMax]`, xMin < xMax
 * @param yDomain - `[yMin, yMax]`, yMin < yMax
 * @returns the visible pieces in order; each has at least one point
 * @example
 * clipPolyline([[0, 0], [2, 0]], [-1, 1], [-1, 1]);
 * // => [[{ step: 0, x: 0, y: 0, edge: false }, { step: 0.5, x: 1, y: 0, edge: true }]]
 */
export function clipPolyline(points: number[][], xDomain: [number, number], yDomain: [number, number]): ClippedPoint[][] {
  const inside = (p: number[]): boolean => p[0] >= xDomain[0] && p[0] <= xDomain[1] && p[1] >= yDomain[0] && p[1] <= yDomain[1];
  const finite = (p: number[]): boolean => Number.isFinite(p[0]) && Number.isFinite(p[1]);
  const pieces: ClippedPoint[][] = [];
  let piece: ClippedPoint[] = [];
  const close = (): void => {
    if (piece.length > 0) pieces.push(piece);
    piece = [];
  };
  if (points.length > 0 && finite(points[0]) && inside(points[0])) {
    piece.push({ step: 0, x: points[0][0], y: points[0][1], edge: false });
  }
  for (let s = 1; s < points.length; s++) {
    const a = points[s - 1];
    const b = points[s];
    if (!finite(a) || !finite(b)) {
      close();
      if (finite(b) && inside(b)) piece.push({ step: s, x: b[0], y: b[1], edge: false });
      continue;
    }
    const span = visibleSpan(a, b, xDomain, yDomain);
    if (span === null) {
      close();
      continue;
    }
    const [t0, t1] = span;
    const at = (t: number): ClippedPoint => ({
      step: s - 1 + t,
      x: a[0] + t * (b[0] - a[0]),
      y: a[1] + t * (b[1] - a[1]),
      edge: true,
    });
    if (t0 > 0) {
      close();
      piece.push(at(t0));
    }
    if (t1 < 1) {
      piece.push(at(t1));
      close();
    } else {
      piece.push({ step: s, x: b[0], y: b[1], edge: false });
    }
  }
  close();
  return pieces;
}

/** The parameter interval [t0, t1] of a + t (b - a) inside the rectangle, or null (Liang–Barsky). */
function visibleSpan(a: number[], b: number[], xDomain: [number, number], yDomain: [number, number]): [number, number] | null {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const tests: [number, number][] = [
    [-dx, a[0] - xDomain[0]],
    [dx, xDomain[1] - a[0]],
    [-dy, a[1] - yDomain[0]],
    [dy, yDomain[1] - a[1]],
  ];
  for (const [p, q] of tests) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  return [t0, t1];
}
