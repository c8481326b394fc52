import { assertSymmetricMatrix } from '../guards';
import { powerOfTwoScale } from '../numeric/power-of-two-scale';

/**
 * Eigenvalues of a real symmetric matrix, in ascending order, in float64.
 *
 * For 2x2 matrices the closed form is used stably: the root of larger magnitude
 * (a+c)/2 ± sqrt(((a-c)/2)^2 + b^2), the other as det / that root (det = ac - b^2 with an
 * error-free product), after scaling by a power of two when entries are near overflow or underflow,
 * so diag(1, 1e-17) gives 1e-17, not 0; larger matrices use
 * the cyclic Jacobi rotation method (rotations until the off-diagonal mass is below 1e-30 of the
 * total). Likelihood Lab needs them for learning-rate bounds, which depend on the extreme
 * eigenvalues of a precision matrix.
 * See https://en.wikipedia.org/wiki/Jacobi_eigenvalue_algorithm
 *
 * @param matrix a d x d symmetric matrix of finite numbers (need not be positive definite)
 * @returns the d eigenvalues, smallest first
 * @throws {TypeError} when `matrix` is not an array of arrays of numbers
 * @throws {RangeError} when `matrix` is empty, not square, not symmetric, or has a non-finite entry
 * @example
 * symmetricEigenvalues([[2, 1], [1, 2]]); // => [1, 3]
 */
export function symmetricEigenvalues(matrix: number[][]): number[] {
  const fn = 'symmetricEigenvalues';
  if (Array.isArray(matrix) && matrix.length === 0) throw new RangeError(`${fn} requires matrix to have at least one row`);
  return eigenvaluesUnchecked(assertSymmetricMatrix(fn, 'matrix', matrix));
}

/** Eigenvalues of a validated symmetric matrix (internal). */
export function eigenvaluesUnchecked(matrix: number[][]): number[] {
  const d = matrix.length;
  if (d === 1) return [matrix[0][0]];
  if (d === 2) return eigenvalues2x2(matrix[0][0], (matrix[0][1] + matrix[1][0]) / 2, matrix[1][1]);
  const a = matrix.map((row, i) => row.map((_, j) => (matrix[i][j] + matrix[j][i]) / 2));
  jacobiSweeps(a, null);
  return a.map((row, i) => row[i]).sort((x, y) => x - y);
}

/**
 * Cyclic Jacobi rotations on the symmetric matrix `a`, in place, until its off-diagonal part is
 * negligible: the diagonal is then the eigenvalues. When `v` (start it at the identity) is given,
 * the same rotations collect in its COLUMNS, so column k is the eigenvector of a[k][k] (internal).
 */
export function jacobiSweeps(a: number[][], v: number[][] | null): void {
  const d = a.length;
  let total = 0;
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) total += a[i][j] * a[i][j];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j) off += a[i][j] * a[i][j];
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (const m of v === null ? [a] : [a, v]) {
          for (let k = 0; k < d; k++) {
            const mkp = m[k][p];
            const mkq = m[k][q];
            m[k][p] = c * mkp - s * mkq;
            m[k][q] = s * mkp + c * mkq;
          }
        }
        for (let k = 0; k < d; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
      }
    }
  }
}

/** Stable eigenvalues of [[a, b], [b, c]], ascending (internal). */
function eigenvalues2x2(a: number, b: number, c: number): number[] {
  if (b === 0) return a <= c ? [a, c] : [c, a];
  const scale = powerOfTwoScale([a, b, c]);
  const [p, q, r] = [a / scale, b / scale, c / scale];
  const centre = (p + r) / 2;
  const radius = Math.hypot((p - r) / 2, q);
  const larger = centre >= 0 ? centre + radius : centre - radius;
  const other = larger === 0 ? 0 : determinant2x2(p, q, r) / larger;
  return [Math.min(larger, other) * scale, Math.max(larger, other) * scale];
}

/** pr - q^2 with the rounding errors of both products added back (Dekker's two-product). */
function determinant2x2(p: number, q: number, r: number): number {
  const [pr, prError] = twoProduct(p, r);
  const [qq, qqError] = twoProduct(q, q);
  return pr - qq + (prError - qqError);
}

/** x y as a float64 product and its exact rounding error (Dekker; |x|, |y| well below 1e300). */
function twoProduct(x: number, y: number): [number, number] {
  const product = x * y;
  const [xHigh, xLow] = split(x);
  const [yHigh, yLow] = split(y);
  return [product, xHigh * yHigh - product + xHigh * yLow + xLow * yHigh + xLow * yLow];
}

function split(x: number): [number, number] {
  const c = 134217729 * x;
  const high = c - (c - x);
  return [high, x - high];
}
