import { assertInteger } from '../guards';
import { createUniformGenerator } from './seeded-uniform';

/**
 * A seeded generator of standard normal N(0, 1) draws, in float64 plain JavaScript.
 *
 * Uses the Box–Muller transform on `createUniformGenerator(seed)`: two uniforms u1 in (0, 1] and
 * u2 in [0, 1) give two independent normals sqrt(-2 ln u1) cos(2 pi u2) and sqrt(-2 ln u1) sin(2 pi u2),
 * returned one per call. Box–Muller (rather than a rejection method) keeps a fixed number of
 * uniforms per pair, so streams stay aligned and easy to reason about.
 * See https://en.wikipedia.org/wiki/Box%E2%80%93Muller_transform
 *
 * @param seed a non-negative safe integer
 * @returns a function returning the next standard normal draw
 * @throws {TypeError} when `seed` is not a number
 * @throws {RangeError} when `seed` is not a non-negative safe integer
 * @example
 * const normal = createStandardNormalGenerator(7);
 * [normal(), normal()]; // => two N(0, 1) draws, the same on every machine
 */
export function createStandardNormalGenerator(seed: number): () => number {
  assertInteger('createStandardNormalGenerator', 'seed', seed, 0);
  const uniform = createUniformGenerator(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}
