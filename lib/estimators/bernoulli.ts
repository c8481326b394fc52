import { describeValue } from '../guards';

/**
 * Maximum-likelihood estimate of a coin's head probability theta from flips coded 1 = head, 0 = tail.
 *
 * The likelihood theta^H (1 - theta)^T (H heads, T tails) is maximised at theta-hat = H / n, the
 * fraction of heads. It is 0 or 1 when every flip agrees, which is why the assignment moves on to
 * MAP estimates with a prior (see `bernoulliMap`).
 *
 * @param flips the observed flips, each exactly 0 or 1, at least one
 * @returns H / n, in [0, 1]
 * @throws {TypeError} when `flips` is not an array of numbers
 * @throws {RangeError} when `flips` is empty or holds a value other than 0 or 1
 * @example
 * bernoulliMle([0, 0, 1, 1, 0, 0, 1]); // => 0.42857142857142855 (3/7)
 */
export function bernoulliMle(flips: number[]): number {
  const { heads, tails } = countFlips('bernoulliMle', flips);
  if (heads + tails === 0) throw new RangeError('bernoulliMle requires at least one data point');
  return heads / (heads + tails);
}

/** Number of heads (1) and tails (0) among flips (internal; validates and allows an empty array). */
export function countFlips(fn: string, flips: unknown): { heads: number; tails: number } {
  if (!Array.isArray(flips)) {
    throw new TypeError(`${fn} requires flips to be an array of 0s and 1s, got ${describeValue(flips)}`);
  }
  let heads = 0;
  for (let i = 0; i < flips.length; i++) {
    const flip: unknown = flips[i];
    if (typeof flip !== 'number') {
      throw new TypeError(`${fn} requires flips[${i}] to be a number, got ${describeValue(flip)}`);
    }
    if (flip !== 0 && flip !== 1) {
      throw new RangeError(`${fn} requires flips[${i}] to be 0 or 1, got ${describeValue(flip)}`);
    }
    heads += flip;
  }
  return { heads, tails: flips.length - heads };
}
