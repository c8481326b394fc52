import { assertInteger, describeValue } from '../guards';
import { createUniformGenerator, UniformGenerator } from './seeded-uniform';

/** At most this many indices per draw. */
const MAX_SAMPLE_SIZE = 1e7;

/**
 * A uniformly random subset of `sampleSize` distinct indices from 0 .. populationSize - 1, in
 * random order: the mini-batch draw of stochastic gradient ascent (the starter code's
 * `np.random.choice(n, k, replace=False)`).
 *
 * A partial Fisher–Yates shuffle whose swaps live in a Map, so a draw costs O(sampleSize) time and
 * memory however large the population. Indices are floor(u (n - i)) with 53-bit uniforms u
 * (bias below n / 2^53).
 * See https://en.wikipedia.org/wiki/Fisher%E2%80%93Yates_shuffle
 *
 * @param populationSize n, a positive integer
 * @param sampleSize k, an integer in [1, n] and at most 10^7 (the draw holds k indices in memory)
 * @param random a seed (non-negative integer) or a generator from `createUniformGenerator` (pass
 *   the same generator each step to get a fresh batch per step from one reproducible stream)
 * @returns k distinct indices in [0, n)
 * @throws {TypeError} when an argument has the wrong type
 * @throws {RangeError} when n is not a positive integer or k is not an integer in [1, min(n, 10^7)]
 * @example
 * sampleWithoutReplacement(10, 3, 0); // => three distinct indices in 0..9, the same every run
 */
export function sampleWithoutReplacement(
  populationSize: number,
  sampleSize: number,
  random: UniformGenerator | number,
): number[] {
  const fn = 'sampleWithoutReplacement';
  assertInteger(fn, 'populationSize', populationSize);
  assertInteger(fn, 'sampleSize', sampleSize);
  if (sampleSize > MAX_SAMPLE_SIZE)
    throw new RangeError(`${fn} requires sampleSize to be at most ${MAX_SAMPLE_SIZE}, got ${sampleSize}`);
  if (sampleSize > populationSize) {
    throw new RangeError(`${fn} requires sampleSize to be at most populationSize (${populationSize}), got ${sampleSize}`);
  }
  let uniform: UniformGenerator;
  if (typeof random === 'number') uniform = createUniformGenerator(random);
  else if (typeof random === 'function') uniform = random;
  else throw new TypeError(`${fn} requires random to be a seed or a uniform generator, got ${describeValue(random)}`);
  return drawIndices(populationSize, sampleSize, uniform);
}

/** The unchecked draw (internal; used per step by the optimizers after one validation). */
export function drawIndices(n: number, k: number, uniform: UniformGenerator): number[] {
  const swapped = new Map<number, number>();
  const indices = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(uniform() * (n - i));
    const atI = swapped.get(i) ?? i;
    indices[i] = swapped.get(j) ?? j;
    swapped.set(j, atI);
  }
  return indices;
}
