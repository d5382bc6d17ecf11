/** Numbers in lists of any length. */

/**
 * The largest value, or `floor` when that is larger. `Math.max(...values)` passes every value as an
 * argument and overflows the stack above about 120,000 of them.
 */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}
