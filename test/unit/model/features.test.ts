/** The shared column features: fixed length, deterministic, finite on hostile values, and sensitive to what they claim to read. */
import { describe, expect, it } from 'vitest';
import { columnFeatures, FEATURE_SIZE, featureMatrix, identifierTokens, MAX_VALUES, type ModelColumn } from '../../../src/model/features.js';

const base: ModelColumn = {
  name: 'contact_email', table: 'customers', type: 'string', isPrimaryKey: false, isForeignKey: false, isArray: false,
  values: ['ana@example.org', 'bo@example.net', 'cy@example.com'], nullCount: 1,
};

describe('columnFeatures', () => {
  it('has FEATURE_SIZE entries and is deterministic', () => {
    const a = columnFeatures(base);
    expect(a.length).toBe(FEATURE_SIZE);
    expect(Array.from(columnFeatures({ ...base, values: [...base.values] }))).toEqual(Array.from(a));
  });

  it('stays finite on empty, huge, exotic and numeric-overflow values', () => {
    const hostile = ['', '   ', '1e999', '9'.repeat(400), '😀😀', '東京都港区', '-0', 'NaN', 'Infinity', '\u0000\u0001', 'x'.repeat(600)];
    for (const values of [hostile, [], ['only']]) {
      const f = columnFeatures({ ...base, values, nullCount: values.length === 0 ? 5 : 0 });
      expect(f.every((x) => Number.isFinite(x))).toBe(true);
    }
  });

  it('reads the name, the table, the type and the values', () => {
    const f = columnFeatures(base);
    const differs = (other: Partial<ModelColumn>) => Array.from(columnFeatures({ ...base, ...other })).some((x, i) => x !== f[i]);
    expect(differs({ name: 'col_17' })).toBe(true);
    expect(differs({ table: 'orders' })).toBe(true);
    expect(differs({ type: 'integer' })).toBe(true);
    expect(differs({ values: ['+49 30 1234567', '+33 1 23 45 67 89', '+1 212 555 0100'] })).toBe(true);
    expect(differs({ isPrimaryKey: true })).toBe(true);
  });

  it('looks at no more than MAX_VALUES values', () => {
    const many = Array.from({ length: MAX_VALUES }, (_, i) => `user${i}@example.org`);
    // Null share is over all sampled rows, so keep it at 0 to compare the value statistics alone.
    const a = columnFeatures({ ...base, values: many, nullCount: 0 });
    const b = columnFeatures({ ...base, values: [...many, ...Array.from({ length: 50 }, () => 'not an email at all')], nullCount: 0 });
    expect(Array.from(b)).toEqual(Array.from(a));
  });

  it('lays columns out row by row in featureMatrix', () => {
    const other = { ...base, name: 'zip' };
    const m = featureMatrix([base, other]);
    expect(m.length).toBe(2 * FEATURE_SIZE);
    expect(Array.from(m.subarray(FEATURE_SIZE))).toEqual(Array.from(columnFeatures(other)));
  });
});

describe('identifierTokens', () => {
  it('splits casing styles and digits', () => {
    expect(identifierTokens('CustomerEMailAddr2')).toEqual(['customer', 'e', 'mail', 'addr', '2']);
    expect(identifierTokens('first_name')).toEqual(['first', 'name']);
    expect(identifierTokens('GEBURTSDATUM')).toEqual(['geburtsdatum']);
  });
});
