/** Small SQL helpers shared by the SQLite introspector and sampler. */

/** Quotes an identifier for SQLite: wraps it in `"` and doubles any `"` inside. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * SQLite's three spellings of the implicit rowid. A column with one of these names hides that
 * spelling, so we use the first spelling the table does not shadow (undefined when all three are).
 */
const ROWID_SPELLINGS = ['rowid', '_rowid_', 'oid'] as const;

export function pickRowidAlias(columnNames: readonly string[]): string | undefined {
  const taken = new Set(columnNames.map((name) => name.toLowerCase()));
  return ROWID_SPELLINGS.find((spelling) => !taken.has(spelling));
}
