/**
 * The subject graph reads a column's values for free text (every value split into words) only where
 * that decides the column's role: a string column whose name or type says text. Elsewhere the role is
 * the same whatever the values say, so they are not read.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnMetadata, NormalizedType, TableMetadata } from '../../../src/core/metadata.js';
import { columnRole } from '../../../src/classify/subject/column-roles.js';
import { splitIdentifier } from '../../../src/classify/name/tokenize.js';

function column(name: string, normalizedType: NormalizedType, rawType: string = normalizedType): ColumnMetadata {
  return { name, ordinal: 1, rawType, normalizedType, isArray: false, isNullable: true, isPrimaryKey: false };
}

const roleOf = (c: ColumnMetadata, freeText: () => boolean | undefined) => {
  const table: TableMetadata = { schema: 'public', name: 'tickets', kind: 'table', columns: [c], primaryKey: [], foreignKeys: [] };
  return columnRole(table, c, splitIdentifier(c.name), [], ['ticket'], freeText);
};

describe('columnRole: the values are read for free text only where they decide', () => {
  const notRead = () => {
    throw new Error('the values were read');
  };

  it.each([
    ['created_at', 'timestamp'],
    ['amount', 'decimal'],
    ['is_open', 'boolean'],
    ['status', 'string'],
    ['ticket_number', 'string'],
    ['customer_id', 'integer'],
    ['country', 'string'], // a string, but neither named nor typed for text
  ] as const)('%s (%s): not read', (name, type) => {
    expect(() => roleOf(column(name, type), notRead)).not.toThrow();
  });

  it('a string column named or typed for text: its values decide, and are read once', () => {
    for (const c of [column('notes', 'string'), column('body', 'string', 'text'), column('remarks', 'string', 'clob')]) {
      let reads = 0;
      const asText = roleOf(c, () => (reads++, true));
      const asCode = roleOf(c, () => (reads++, false));
      expect(reads).toBe(2);
      expect(asText).toEqual({ kind: 'descriptive', as: 'text' });
      expect(asCode).not.toEqual({ kind: 'descriptive', as: 'text' });
    }
  });

  it('without values (undefined), a name that says text still reads as text', () => {
    expect(roleOf(column('notes', 'string'), () => undefined)).toEqual({ kind: 'descriptive', as: 'text' });
    expect(roleOf(column('country', 'string'), () => undefined)).not.toEqual({ kind: 'descriptive', as: 'text' });
  });
});
