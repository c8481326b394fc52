import { assertInteger } from '../guards';

/** A seeded source of uniform numbers in [0, 1), each call the next draw (float64, 53 random bits). */
export type UniformGenerator = () => number;

/**
 * A seeded pseudo-random generator of uniform numbers in [0, 1), in plain JavaScript.
 *
 * Likelihood Lab never uses `Math.random`: every draw comes from a generator made here, so a seed
 * gives the same numbers on every machine, Node version and TensorFlow.js backend (the generator
 * uses only 32-bit integer arithmetic: `Math.imul`, shifts, `| 0`). The core is Chris Doty-Humphrey's
 * sfc32 (Small Fast Counting, 128-bit state, passes PractRand), its state filled from the seed by
 * splitmix32 and warmed up by 12 discarded outputs; each uniform takes two 32-bit outputs
 * (27 + 26 bits) so every float64 in [0, 1) on the 2^-53 grid is possible.
 * See https://pracrand.sourceforge.net/RNG_engines.txt
 *
 * @param seed a non-negative safe integer (up to 2^53 - 1); different seeds give unrelated streams
 * @returns a function returning the next uniform draw in [0, 1)
 * @throws {TypeError} when `seed` is not a number
 * @throws {RangeError} when `seed` is not a non-negative safe integer
 * @example
 * const uniform = createUniformGenerator(42);
 * uniform(); // => 0.4743649940127338, the same on every machine
 */
export function createUniformGenerator(seed: number): UniformGenerator {
  assertInteger('createUniformGenerator', 'seed', seed, 0);
  const next32 = sfc32FromSeed(seed);
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/** An sfc32 stream of unsigned 32-bit integers, its state filled by splitmix32 from a 53-bit seed (internal). */
function sfc32FromSeed(seed: number): () => number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 4294967296) >>> 0;
  let mix = (low ^ Math.imul(high ^ 0x5bd1e995, 0x9e3779b1)) | 0;
  const splitmix32 = (): number => {
    mix = (mix + 0x9e3779b9) | 0;
    let t = mix ^ (mix >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const sfc32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) sfc32();
  return sfc32;
}
