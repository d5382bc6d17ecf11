/**
 * Sampled values. They live only in memory: nothing in this module (or anything that receives a
 * TableSample) may write a value to a file, a log or an error message.
 */

import type { ColumnMetadata, NormalizedType } from './metadata.js';

/** Longest value kept per cell; longer text is cut (and counted in `truncatedCount`). */
export const DEFAULT_MAX_VALUE_LENGTH = 512;

export interface ColumnSample {
  /**
   * Non-null sampled values, converted to text and truncated. A connector returns the values of a
   * JSON type longer (`valueLengthLimit`); the scan cuts them to the usual length once their keys are read.
   */
  readonly values: readonly string[];
  /** How many sampled rows had NULL (or an empty binary) in this column. */
  readonly nullCount: number;
  /** How many of `values` were truncated to the maximum length. */
  readonly truncatedCount: number;
  /** Set when the column was not sampled (e.g. binary or geometry); says why. */
  readonly skippedReason?: string;
  /** Stable keys found inside sampled JSON documents (any engine), see `src/core/json-documents.ts`. */
  readonly nested?: readonly NestedFieldSample[];
  /** Set when the column holds JSON documents (by its type or by its values): how many were read. */
  readonly json?: JsonDocumentCount;
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

/** How a column's sampled JSON documents were read; counts only, never a value or a key. */
export interface JsonDocumentCount {
  /** `type`: a JSON type (jsonb, JSON, VARIANT); `values`: text whose values are mostly JSON objects or arrays. */
  readonly by: 'type' | 'values';
  /** Non-blank sampled values. */
  readonly values: number;
  /** Values that parsed as a JSON object or array (the documents keys were looked for in). */
  readonly documents: number;
  /** Values cut at `cutAt` characters: JSON that could not be read whole, so not read for keys. */
  readonly cut: number;
  readonly cutAt: number;
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

/**
 * Builds column samples from rows (arrays in column order) for the given column names. `maxLength`:
 * one limit for every column, or per column name (JSON columns are read longer, see `valueLengths`).
 */
export function buildColumnSamples(
  columnNames: readonly string[],
  rows: readonly (readonly unknown[])[],
  maxLength: number | ((columnName: string) => number),
  skipped: ReadonlyMap<string, string> = new Map(),
): Map<string, ColumnSample> {
  const out = new Map<string, ColumnSample>();
  columnNames.forEach((name, i) => {
    const reason = skipped.get(name);
    if (reason) {
      out.set(name, { values: [], nullCount: 0, truncatedCount: 0, skippedReason: reason });
      return;
    }
    const limit = typeof maxLength === 'number' ? maxLength : maxLength(name);
    const values: string[] = [];
    let nullCount = 0;
    let truncatedCount = 0;
    for (const row of rows) {
      const { text, truncated } = valueToText(row[i], limit);
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

/**
 * Longest JSON document read from a column of a JSON type, for its keys (a document cut short does
 * not parse). Bounded: 200 sampled documents of one column take at most about 13 MB of text.
 */
export const MAX_JSON_DOCUMENT_LENGTH = 65_536;

/** The length a column's values are cut at when sampled: `maxValueLength`, longer for JSON types. */
export function valueLengthLimit(column: Pick<ColumnMetadata, 'normalizedType'>, maxValueLength: number): number {
  return column.normalizedType === 'json' ? Math.max(maxValueLength, MAX_JSON_DOCUMENT_LENGTH) : maxValueLength;
}

/** Per-column limits for `buildColumnSamples` (columns not listed get `maxValueLength`). */
export function valueLengths(columns: readonly Pick<ColumnMetadata, 'name' | 'normalizedType'>[], maxValueLength: number): (columnName: string) => number {
  const json = new Set(columns.filter((c) => c.normalizedType === 'json').map((c) => c.name));
  const longer = valueLengthLimit({ normalizedType: 'json' }, maxValueLength);
  return (name) => (json.has(name) ? longer : maxValueLength);
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
