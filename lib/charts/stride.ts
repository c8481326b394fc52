/**
 * Indices of a deterministic, evenly strided subsample: `count` indices spread over `0..length-1`,
 * always keeping the first and the last (so a path keeps its start and its end point). When
 * `length <= count` every index is kept. Used instead of a random subsample so that a chart is
 * the same on every run of the notebook.
 *
 * @param length - how many items there are
 * @param count - at most how many to keep (>= 2 when length > count)
 * @returns increasing indices
 * @example
 * stridedIndices(10, 4); // => [0, 3, 6, 9]
 * stridedIndices(3, 5); // => [0, 1, 2]
 */
export function stridedIndices(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  if (count === 1) return [0];
  return Array.from({ length: count }, (_, k) => Math.round((k * (length - 1)) / (count - 1)));
}
