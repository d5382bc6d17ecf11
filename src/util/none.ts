const NONE: readonly never[] = Object.freeze([]);

/**
 * The list, or one shared empty list when it is empty: for lists kept per table until a scan ends
 * (most are empty, and an empty array per list and table adds up in a 100,000-table estate).
 */
export function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length > 0 ? list : NONE;
}
