/**
 * JSON documents in a table's sample, read once after sampling whatever the engine: columns of a
 * JSON type (Postgres json/jsonb and their arrays, MySQL JSON, MariaDB's JSON text, SQLite JSON,
 * Snowflake VARIANT/OBJECT/ARRAY) and text columns whose values are mostly JSON objects or arrays.
 * Their stable keys become nested fields (json-fields.ts), and the column records how many documents
 * were read (`ColumnSample.json`), so the evidence can say what was not.
 *
 * Connectors read JSON-typed values up to MAX_JSON_DOCUMENT_LENGTH (a document cut short does not
 * parse); here they are cut to `maxValueLength` for classification once their keys are read. Text
 * columns are read at `maxValueLength` like any other (nothing says they hold JSON before the values
 * are seen): a longer document is cut, counted and not read for keys. Pure, no I/O.
 */
import type { ColumnMetadata } from './metadata.js';
import { discoverJsonFields, parseJsonValue } from './json-fields.js';
import { valueLengthLimit, type ColumnSample, type JsonDocumentCount, type TableSample } from './sample.js';

/** Share of a text column's non-blank values that must be JSON objects or arrays (cut ones count). */
export const JSON_TEXT_MIN_SHARE = 0.8;
/** Fewer parsed documents than this: a text column is not taken for JSON. */
export const JSON_TEXT_MIN_DOCUMENTS = 3;

/** Types whose values may be JSON held as text. */
const TEXT_TYPES: ReadonlySet<ColumnMetadata['normalizedType']> = new Set(['string', 'other']);

/** Returns the sample with JSON columns read: nested fields, document counts, values cut for classification. */
export function readJsonDocuments(columns: readonly ColumnMetadata[], sample: TableSample, maxValueLength: number): TableSample {
  let changed: Map<string, ColumnSample> | undefined;
  for (const column of columns) {
    const columnSample = sample.columns.get(column.name);
    if (!columnSample || columnSample.skippedReason || columnSample.values.length === 0) continue;
    const read =
      column.normalizedType === 'json'
        ? readTyped(columnSample, valueLengthLimit(column, maxValueLength), maxValueLength)
        : TEXT_TYPES.has(column.normalizedType)
          ? readText(columnSample, maxValueLength)
          : undefined;
    if (!read) continue;
    changed ??= new Map(sample.columns);
    changed.set(column.name, read);
  }
  return changed ? { ...sample, columns: changed } : sample;
}

function readTyped(sample: ColumnSample, cutAt: number, maxValueLength: number): ColumnSample {
  const parsed = parseDocuments(sample.values);
  const nested = discoverJsonFields(parsed.documents, { maxValueLength });
  // Cut for classification, like any other value; cut at the JSON limit already counts.
  const values = sample.values.map((v) => (v.length > maxValueLength ? v.slice(0, maxValueLength) : v));
  const json: JsonDocumentCount = { by: 'type', values: parsed.nonBlank, documents: parsed.documents.length, cut: sample.truncatedCount, cutAt };
  return {
    ...sample,
    values,
    truncatedCount: sample.values.filter((v) => v.length > maxValueLength).length,
    json,
    ...(nested.length > 0 ? { nested } : {}),
  };
}

function readText(sample: ColumnSample, maxValueLength: number): ColumnSample | undefined {
  // Cheap gate first: most text columns have no value that starts like a document.
  let opening = 0;
  for (const v of sample.values) if (startsLikeDocument(v)) opening++;
  if (opening < JSON_TEXT_MIN_DOCUMENTS || opening < JSON_TEXT_MIN_SHARE * nonBlankCount(sample.values)) return undefined;
  const parsed = parseDocuments(sample.values);
  // A value of the full length that starts like a document but does not parse was cut short.
  const cut = sample.values.filter((v) => v.length >= maxValueLength && startsLikeDocument(v) && !isDocument(parseJsonValue(v))).length;
  if (parsed.documents.length < JSON_TEXT_MIN_DOCUMENTS || parsed.documents.length + cut < JSON_TEXT_MIN_SHARE * parsed.nonBlank) return undefined;
  const nested = discoverJsonFields(parsed.documents, { maxValueLength });
  const json: JsonDocumentCount = { by: 'values', values: parsed.nonBlank, documents: parsed.documents.length, cut, cutAt: maxValueLength };
  return { ...sample, json, ...(nested.length > 0 ? { nested } : {}) };
}

/** The values that parse as JSON objects or arrays, parsed; and how many values were not blank. */
function parseDocuments(values: readonly string[]): { documents: unknown[]; nonBlank: number } {
  const documents: unknown[] = [];
  let nonBlank = 0;
  for (const v of values) {
    if (v.trim() === '') continue;
    nonBlank++;
    if (!startsLikeDocument(v)) continue;
    const parsed = parseJsonValue(v);
    if (isDocument(parsed)) documents.push(parsed);
  }
  return { documents, nonBlank };
}

function isDocument(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function startsLikeDocument(value: string): boolean {
  const first = value.trimStart().charCodeAt(0);
  return first === 123 /* { */ || first === 91 /* [ */;
}

function nonBlankCount(values: readonly string[]): number {
  let n = 0;
  for (const v of values) if (v.trim() !== '') n++;
  return n;
}

/** "180 of 200 sampled values are JSON documents; 20 longer than 512 characters were not read for keys". */
export function describeJsonDocuments(count: JsonDocumentCount): string {
  const what = count.by === 'type' ? 'JSON documents' : 'JSON objects or arrays';
  const read = `${count.documents} of ${count.values} sampled values are ${what}`;
  if (count.cut === 0) return read;
  const hint = count.by === 'values' ? ' (raise --max-value-length to read them)' : '';
  return `${read}; ${count.cut} longer than ${count.cutAt} characters ${count.cut === 1 ? 'was' : 'were'} not read for keys${hint}`;
}
