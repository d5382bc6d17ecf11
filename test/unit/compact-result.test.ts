import { describe, expect, it } from 'vitest';
import type { TableMetadata } from '../../src/core/metadata.js';
import type { FieldClassification } from '../../src/classify/types.js';
import type { TableResult } from '../../src/scan/scan.js';
import { ResultCodec, compactTableResult } from '../../src/scan/compact-result.js';

const table: TableMetadata = {
  schema: 'public',
  name: 'customers',
  kind: 'table',
  columns: [
    { name: 'email', ordinal: 1, rawType: 'text', normalizedType: 'string', isArray: false, isNullable: true, isPrimaryKey: false },
    { name: 'doc', ordinal: 2, rawType: 'jsonb', normalizedType: 'json', isArray: false, isNullable: true, isPrimaryKey: false },
    { name: 'photo', ordinal: 3, rawType: 'bytea', normalizedType: 'binary', isArray: false, isNullable: true, isPrimaryKey: false },
  ],
  primaryKey: [],
  foreignKeys: [],
};

const email: FieldClassification = {
  categories: ['user.contact.email'],
  confidence: 0.93,
  alternatives: [{ category: 'user.name', confidence: 0.1, factors: { name: 0.1 } }],
  factors: { values: 0.9, name: 1 },
  evidence: [
    { factor: 'name', category: 'user.contact.email', score: 1, source: 'name-rules', reason: "column name 'email' has the word 'email'" },
    // Keys in another order, as value recognizers write them: the order must survive.
    { factor: 'values', category: 'user.contact.email', source: 'email', score: 0.9, reason: '90% of 10 sampled values are valid email addresses' },
    { factor: 'type', category: 'user.financial', score: 0, source: 'type-rules', reason: 'a text column, "quoted", with, commas', veto: true },
  ],
};
const none: FieldClassification = { categories: ['system.operations'], confidence: 0, alternatives: [], factors: {}, evidence: [] };

function result(overrides: Partial<TableResult> = {}): TableResult {
  return {
    table,
    columns: table.columns,
    status: 'scanned',
    issue: undefined,
    sampleMethod: 'all-rows',
    rowsSampled: 10,
    queries: 1,
    fields: new Map([
      ['email', email],
      ['doc', none],
      ['photo', none],
    ]),
    unsampledColumns: new Map([['photo', 'binary column: values not sampled']]),
    nestedFields: new Map([['doc', [{ path: ['contact', 'mail'], normalizedType: 'string' as const, isArray: false, classification: email, note: 'n' }]]]),
    ...overrides,
  };
}

/** The result with its maps as entry lists, for comparing a compact result with a plain one. */
function plain(r: TableResult): unknown {
  return { ...r, fields: [...r.fields], unsampledColumns: [...r.unsampledColumns], nestedFields: r.nestedFields && [...r.nestedFields] };
}

describe('ResultCodec', () => {
  it('gives back equal values: key order, -0, NaN, infinities, undefined, null, nesting, any text', () => {
    const codec = new ResultCodec();
    const value = {
      b: -0,
      a: [NaN, Infinity, -Infinity, 1e21, 5e-324, -1.5, 0.1 + 0.2],
      '2': 'numeric key',
      u: undefined,
      n: null,
      t: true,
      f: false,
      nested: { deeper: [{ x: [], y: {} }, [[]], 'é ü 😀 \u2028 \ud800 "q" \\ , ] ['] },
      long: 'x'.repeat(1000),
    };
    const back = codec.decode(codec.encode(value)!) as typeof value;
    expect(back).toEqual(value);
    expect(Object.keys(back)).toEqual(Object.keys(value));
    expect(Object.is(back.b, -0)).toBe(true);
    expect('u' in back).toBe(true);
    expect(Object.keys(back.nested.deeper[0])).toEqual(['x', 'y']);
  });

  it('keeps strings in the codec, once: the text of a table holds references', () => {
    const codec = new ResultCodec();
    const reason = "column name 'customer_email_address' has the word 'email'";
    const first = codec.encode([{ reason }])!;
    const second = codec.encode([{ reason }])!;
    expect(first).not.toContain('customer_email_address');
    expect(second).toBe(first);
    expect(codec.decode(second)).toEqual([{ reason }]);
    // Long strings are not interned (a one-off would stay for the whole scan): they stay in the text.
    const long = `${reason} `.repeat(10);
    expect(codec.encode([long])).toContain('customer_email_address');
  });

  it('writes strings inline once the intern table is full', () => {
    const codec = new ResultCodec();
    const strings = Array.from({ length: 70_000 }, (_, i) => `reason ${i}`);
    const text = codec.encode(strings)!;
    expect(codec.decode(text)).toEqual(strings);
    expect(codec.decode(codec.encode(['reason 69999', 'reason 1'])!)).toEqual(['reason 69999', 'reason 1']);
  });

  it('refuses what is not plain data', () => {
    const codec = new ResultCodec();
    class Point {
      x = 1;
    }
    const withProto = JSON.parse('{"__proto__": 1}') as unknown;
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const nonEnumerable = Object.defineProperty({}, 'hidden', { value: 1, enumerable: false });
    for (const value of [new Map(), new Date(0), new Point(), () => 1, Symbol('s'), 1n, Object.create(null), withProto, sparse, nonEnumerable, { [Symbol('k')]: 1 }]) {
      expect(codec.encode([{ value }])).toBeUndefined();
    }
  });
});

describe('compactTableResult', () => {
  it('keeps every field, in order, behind Map-like views', () => {
    const original = result();
    const compact = compactTableResult(original, new ResultCodec());
    expect(plain(compact)).toEqual(plain(original));
    expect(Object.keys(compact)).toEqual(Object.keys(original));
    expect(compact.fields.size).toBe(3);
    expect(compact.fields.get('email')).toEqual(email);
    expect(compact.fields.get('missing')).toBeUndefined();
    expect(compact.fields.has('doc')).toBe(true);
    expect([...compact.fields.keys()]).toEqual(['email', 'doc', 'photo']);
    expect([...compact.fields.values()]).toEqual([email, none, none]);
    expect(new Map(compact.unsampledColumns)).toEqual(original.unsampledColumns);
    expect(compact.nestedFields?.get('doc')).toEqual(original.nestedFields?.get('doc'));
    const seen: string[] = [];
    compact.fields.forEach((value, key, map) => {
      expect(map).toBe(compact.fields);
      expect(value).toEqual(original.fields.get(key));
      seen.push(key);
    });
    expect(seen).toEqual(['email', 'doc', 'photo']);
    expect(Object.prototype.toString.call(compact.fields)).toBe('[object Map]');
  });

  it('holds the encoded text, not the objects', () => {
    const compact = compactTableResult(result(), new ResultCodec());
    expect(compact.fields).not.toBeInstanceOf(Map);
    // The first lookup decodes; repeated lookups within the same table reuse that decoding.
    expect(compact.fields.get('email')).toBe(compact.fields.get('email'));
  });

  it('adds no nestedFields key when the result has none, and reuses the table column list', () => {
    const original = result({ columns: [...table.columns] });
    delete (original as { nestedFields?: unknown }).nestedFields;
    const compact = compactTableResult(original, new ResultCodec());
    expect('nestedFields' in compact).toBe(false);
    expect(compact.columns).toBe(table.columns);
    const filtered = compactTableResult(result({ columns: table.columns.slice(0, 1) }), new ResultCodec());
    expect(filtered.columns.map((c) => c.name)).toEqual(['email']);
  });

  it('keeps a map whose values are not plain data as it is', () => {
    const odd = new Map([['email', { ...email, when: new Date(0) } as unknown as FieldClassification]]);
    const compact = compactTableResult(result({ fields: odd }), new ResultCodec());
    expect(compact.fields).toBe(odd);
  });

  it('decodes many tables correctly whatever the order of access', () => {
    const codec = new ResultCodec();
    const originals = Array.from({ length: 20 }, (_, i) => result({ rowsSampled: i, fields: new Map([['email', { ...email, confidence: i / 20 }]]) }));
    const compact = originals.map((r) => compactTableResult(r, codec));
    for (const i of [3, 17, 3, 0, 19, 3, 8]) expect(compact[i].fields.get('email')?.confidence).toBe(i / 20);
  });
});
