/**
 * Sampled values. They live only in memory: nothing in this module (or anything that receives a
 * TableSample) may write a value to a file, a log or an error message.
 */

import type { NormalizedType } from './metadata.js';

/** Longest value kept per cell; longer text is cut (and counted in `truncatedCount`). */
export const DEFAULT_MAX_VALUE_LENGTH = 512;

export interface ColumnSample {
  /** Non-null sampled values, converted to text and truncated. */
  readonly values: readonly string[];
  /** How many sampled rows had NULL (or an empty binary) in this column. */
  readonly nullCount: number;
  /** How many of `values` were truncated to the maximum length. */
  readonly truncatedCount: number;
  /** Set when the column was not sampled (e.g. binary or geometry); says why. */
  readonly skippedReason?: string;
  /** Stable keys found inside sampled JSON documents (VARIANT, jsonb), see `src/core/json-fields.ts`. */
  readonly nested?: readonly NestedFieldSample[];
  /** The engine's own classification of the column (e.g. Snowflake SYSTEM$CLASSIFY), when asked for. */
  readonly engineVerdicts?: readonly EngineVerdict[];
}

/** One key path inside a JSON column, with the values found at that path in the sampled rows. */
export interface NestedFieldSample {
  /** Keys from the column down, e.g. ['address', 'city']; array elements are looked through. */
  readonly path: readonly string[];
  /** `json` for nested objects; for arrays the element type. */
  readonly normalizedType: NormalizedType;
  readonly isArray: boolean;
  readonly sample: ColumnSample;
}

/** A verdict from the database engine's own classifier. Never contains a sampled value. */
export interface EngineVerdict {
  /** A fideslang data category key. */
  readonly category: string;
  /** 0..1 */
  readonly score: number;
  /** e.g. `snowflake-classify`. */
  readonly source: string;
  readonly reason: string;
}

export type SampleMethod =
  | 'all-rows' // the table is small enough to read whole (bounded by the sample size)
  | 'seeded-hash' // the table was read whole and the rows with the smallest seeded hash of their position kept
  | 'tablesample-system'
  | 'tablesample-bernoulli'
  | 'random-key-windows'
  | 'random-rowid'
  | 'limit';

export interface TableSample {
  readonly method: SampleMethod;
  readonly rowsRead: number;
  /** Keyed by column name. Columns that were asked for are always present. */
  readonly columns: ReadonlyMap<string, ColumnSample>;
  /** Number of SQL statements this sample cost (normally 1). */
  readonly queries: number;
}

/** Converts any driver value to bounded text, or null. Never throws. */
export function valueToText(value: unknown, maxLength: number): { text: string | null; truncated: boolean } {
  if (value === null || value === undefined) return { text: null, truncated: false };
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') text = String(value);
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  else if (value instanceof Uint8Array) return { text: null, truncated: false };
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  if (text.length > maxLength) return { text: text.slice(0, maxLength), truncated: true };
  return { text, truncated: false };
}

/** Builds column samples from rows (arrays in column order) for the given column names. */
export function buildColumnSamples(
  columnNames: readonly string[],
  rows: readonly (readonly unknown[])[],
  maxLength: number,
  skipped: ReadonlyMap<string, string> = new Map(),
): Map<string, ColumnSample> {
  const out = new Map<string, ColumnSample>();
  columnNames.forEach((name, i) => {
    const reason = skipped.get(name);
    if (reason) {
      out.set(name, { values: [], nullCount: 0, truncatedCount: 0, skippedReason: reason });
      return;
    }
    const values: string[] = [];
    let nullCount = 0;
    let truncatedCount = 0;
    for (const row of rows) {
      const { text, truncated } = valueToText(row[i], maxLength);
      if (text === null) nullCount++;
      else {
        values.push(text);
        if (truncated) truncatedCount++;
      }
    }
    out.set(name, { values, nullCount, truncatedCount });
  });
  for (const [name, reason] of skipped) {
    if (!out.has(name)) out.set(name, { values: [], nullCount: 0, truncatedCount: 0, skippedReason: reason });
  }
  return out;
}

/** Splits the wanted columns into those to select and those skipped with a reason (binary, geometry, ...). */
export function splitSampledColumns<C extends { readonly name: string }>(
  columns: readonly C[],
  skipReason: (column: C) => string | undefined,
): { selected: C[]; skipped: Map<string, string> } {
  const selected: C[] = [];
  const skipped = new Map<string, string>();
  for (const column of columns) {
    const reason = skipReason(column);
    if (reason) skipped.set(column.name, reason);
    else selected.push(column);
  }
  return { selected, skipped };
}
