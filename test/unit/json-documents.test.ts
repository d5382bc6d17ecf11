/** JSON documents read once after sampling, for every engine (core/json-documents.ts). */
import { describe, expect, it } from 'vitest';
import { describeJsonDocuments, readJsonDocuments } from '../../src/core/json-documents.js';
import { isNameLike } from '../../src/core/json-fields.js';
import type { ColumnMetadata, NormalizedType } from '../../src/core/metadata.js';
import { buildColumnSamples, MAX_JSON_DOCUMENT_LENGTH, valueLengthLimit, valueLengths, type TableSample } from '../../src/core/sample.js';

const column = (name: string, normalizedType: NormalizedType): ColumnMetadata => ({
  name,
  ordinal: 1,
  rawType: normalizedType === 'json' ? 'jsonb' : 'text',
  normalizedType,
  isArray: false,
  isNullable: true,
  isPrimaryKey: false,
});

/** A sample as a connector returns it: values cut per column by `valueLengths`. */
function sampled(columns: readonly ColumnMetadata[], rows: readonly (readonly unknown[])[], maxValueLength: number): TableSample {
  return {
    method: 'all-rows',
    rowsRead: rows.length,
    queries: 1,
    columns: buildColumnSamples(columns.map((c) => c.name), rows, valueLengths(columns, maxValueLength)),
  };
}

const paths = (sample: TableSample, name: string) => sample.columns.get(name)?.nested?.map((n) => n.path.join('.'));

const event = (i: number) => ({ email: `user${i}@example.org`, ip: `203.0.113.${i % 250}`, agent: 'Mozilla/5.0 (X11; Linux x86_64)', ...(i % 7 === 0 ? { coupon: 'X' } : {}) });

describe('readJsonDocuments', () => {
  it('reads a JSON-typed column whole for its keys, then cuts its values to the usual length', () => {
    const doc = (i: number) => JSON.stringify({ ...event(i), padding: 'p'.repeat(700) });
    const payload = column('payload', 'json');
    const raw = sampled([payload], Array.from({ length: 20 }, (_, i) => [doc(i)]), 512);
    expect(raw.columns.get('payload')!.values[0].length).toBeGreaterThan(700); // the connector's limit is the JSON one
    const read = readJsonDocuments([payload], raw, 512).columns.get('payload')!;
    expect(read.nested?.map((n) => n.path.join('.'))).toEqual(['agent', 'email', 'ip', 'padding']);
    expect(read.values.every((v) => v.length === 512)).toBe(true);
    expect(read.truncatedCount).toBe(20);
    expect(read.json).toEqual({ by: 'type', values: 20, documents: 20, cut: 0, cutAt: MAX_JSON_DOCUMENT_LENGTH });
  });

  it('counts a JSON-typed document longer than the JSON limit as cut and not read', () => {
    const payload = column('payload', 'json');
    const rows = [...Array.from({ length: 4 }, (_, i) => [JSON.stringify(event(i))]), [JSON.stringify({ big: 'x'.repeat(MAX_JSON_DOCUMENT_LENGTH) })]];
    const read = readJsonDocuments([payload], sampled([payload], rows, 512), 512).columns.get('payload')!;
    expect(read.json).toMatchObject({ documents: 4, cut: 1 });
    expect(paths({ ...sampled([], [], 512), columns: new Map([['payload', read]]) }, 'payload')).toEqual(['agent', 'email', 'ip']);
  });

  it('takes a text column for JSON when at least 80% of its values are objects or arrays', () => {
    const notes = column('notes', 'string');
    const mostly = Array.from({ length: 10 }, (_, i) => [i < 8 ? JSON.stringify(event(i)) : 'plain text']);
    const read = readJsonDocuments([notes], sampled([notes], mostly, 512), 512);
    expect(paths(read, 'notes')).toEqual(['agent', 'email', 'ip']);
    expect(read.columns.get('notes')!.json).toEqual({ by: 'values', values: 10, documents: 8, cut: 0, cutAt: 512 });

    const some = Array.from({ length: 10 }, (_, i) => [i < 7 ? JSON.stringify(event(i)) : 'plain text']);
    const left = readJsonDocuments([notes], sampled([notes], some, 512), 512);
    expect(left.columns.get('notes')).toEqual(sampled([notes], some, 512).columns.get('notes'));
  });

  it('leaves ordinary text, numbers and JSON scalars alone (the same sample object)', () => {
    const cols = [column('note', 'string'), column('n', 'integer'), column('quoted', 'string')];
    const rows = Array.from({ length: 10 }, (_, i) => [`call back ${i}`, i, `"${i}"`]);
    const sample = sampled(cols, rows, 512);
    expect(readJsonDocuments(cols, sample, 512)).toBe(sample);
  });

  it('needs three documents in a text column', () => {
    const notes = column('notes', 'string');
    const read = readJsonDocuments([notes], sampled([notes], [['{"a":1}'], ['{"a":2}']], 512), 512);
    expect(read.columns.get('notes')!.json).toBeUndefined();
  });

  it('counts text JSON cut at --max-value-length as unparseable, says so, and still reads the others', () => {
    const notes = column('payload', 'string');
    const long = JSON.stringify({ ...event(1), padding: 'p'.repeat(600) });
    const rows = [...Array.from({ length: 8 }, (_, i) => [JSON.stringify(event(i))]), [long], [long]];
    const read = readJsonDocuments([notes], sampled([notes], rows, 512), 512).columns.get('payload')!;
    expect(read.json).toEqual({ by: 'values', values: 10, documents: 8, cut: 2, cutAt: 512 });
    expect(read.nested?.map((n) => n.path.join('.'))).toEqual(['agent', 'email', 'ip']);
    expect(describeJsonDocuments(read.json!)).toBe(
      '8 of 10 sampled values are JSON objects or arrays; 2 longer than 512 characters were not read for keys (raise --max-value-length to read them)',
    );
    // Cut documents count towards "mostly JSON": a column of long documents is still JSON.
    const allLong = readJsonDocuments([notes], sampled([notes], [...rows.slice(0, 3), ...Array.from({ length: 7 }, () => [long])], 512), 512);
    expect(allLong.columns.get('payload')!.json).toMatchObject({ documents: 3, cut: 7 });
  });

  it('does not propose keys that appear now and then, nor keys that look like values', () => {
    const props = column('props', 'json');
    const rows = Array.from({ length: 10 }, (_, i) => [JSON.stringify({ id: i, [`k${i}`]: 1, 'anna@example.org': true, '+49 30 1234567': 1, '20240101': 'x' })]);
    expect(paths(readJsonDocuments([props], sampled([props], rows, 512), 512), 'props')).toEqual(['id']);
    expect(['email', 'user agent', 'k_2024', 'a'.repeat(64)].every(isNameLike)).toBe(true);
    expect(['anna@example.org', '0301234567', '10.200.30.40', 'a'.repeat(65), ' '].some(isNameLike)).toBe(false);
  });

  it('reads arrays of objects (jsonb[] as one JSON array, or a document that is an array)', () => {
    const list = column('contacts', 'json');
    const rows = Array.from({ length: 5 }, (_, i) => [JSON.stringify([{ email: `a${i}@x.org`, name: 'Anna' }, { email: `b${i}@x.org`, name: 'Ben' }])]);
    const read = readJsonDocuments([list], sampled([list], rows, 512), 512).columns.get('contacts')!;
    expect(read.nested?.map((n) => `${n.path.join('.')}:${n.sample.values.length}`)).toEqual(['email:10', 'name:10']);
  });

  it('gives JSON types the longer limit only', () => {
    expect(valueLengthLimit({ normalizedType: 'json' }, 512)).toBe(MAX_JSON_DOCUMENT_LENGTH);
    expect(valueLengthLimit({ normalizedType: 'string' }, 512)).toBe(512);
    expect(valueLengths([column('a', 'json'), column('b', 'string')], 100)('b')).toBe(100);
  });
});
