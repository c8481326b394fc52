/**
 * The limits of IEEE 754 single precision (float32), the number type of every TensorFlow.js
 * tensor in Likelihood Lab. Values beyond `FLOAT32_MAX` become Infinity when uploaded; positive
 * values below `FLOAT32_MIN_NORMAL` lose precision (subnormal) and below about 1.4e-45 become 0.
 * The tensor paths check their inputs against these before making tensors.
 * See https://en.wikipedia.org/wiki/Single-precision_floating-point_format
 *
 * @example
 * Math.fround(FLOAT32_MAX) === FLOAT32_MAX; // => true
 */
export const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * The smallest positive normal float32, 2^-126 = 1.1754943508222875e-38.
 *
 * @example
 * Math.fround(FLOAT32_MIN_NORMAL) === FLOAT32_MIN_NORMAL; // => true
 */
export const FLOAT32_MIN_NORMAL = 1.1754943508222875e-38;
