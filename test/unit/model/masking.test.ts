/** The "cryptic names" evaluation's masker: every name a rule could read is replaced, structure and values are kept. */
import { describe, expect, it } from 'vitest';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import type { ColumnClassifier, ColumnInput } from '../../../src/classify/types.js';
import type { ColumnMetadata, DatabaseMetadata, TableMetadata } from '../../../src/core/metadata.js';
import { createInputMasker, maskingClassifier } from '../../../training/masking.js';

const column = (name: string, ordinal: number, extra: Partial<ColumnMetadata> = {}): ColumnMetadata => ({
  name, ordinal, rawType: 'varchar(80)', normalizedType: 'string', isArray: false, isNullable: true, isPrimaryKey: false, comment: `the ${name}`, ...extra,
});

const customers: TableMetadata = {
  schema: 'crm', name: 'customers', kind: 'table', comment: 'people who buy',
  columns: [column('customer_id', 1, { isPrimaryKey: true, normalizedType: 'integer', rawType: 'int4' }), column('email', 2), column('last_name', 3, { maxLength: 80 })],
  primaryKey: ['customer_id'], foreignKeys: [],
};
const orders: TableMetadata = {
  schema: 'crm', name: 'orders', kind: 'table',
  columns: [column('order_id', 1, { isPrimaryKey: true, normalizedType: 'integer' }), column('customer_id', 2, { normalizedType: 'integer' })],
  primaryKey: ['order_id'],
  foreignKeys: [{ name: 'orders_customer_id_fkey', columns: ['customer_id'], referencedSchema: 'crm', referencedTable: 'customers', referencedColumns: ['customer_id'] }],
};
const database: DatabaseMetadata = { engine: 'postgres', database: 'shop', schemas: ['crm'], tables: [customers, orders] };
const input = (table: TableMetadata, name: string, values: string[] = []): ColumnInput => ({
  database, table, column: table.columns.find((c) => c.name === name)!, sample: { values, nullCount: 0, truncatedCount: 0 }, rowsSampled: values.length,
});

const REAL_WORDS = /customer|email|last|name|order|crm|shop|people|buy|fkey/i;
/** The input's string values (not its property names). */
const valuesText = (x: unknown): string => JSON.stringify(x).replace(/"\w+":/g, '');

describe('createInputMasker', () => {
  it('leaves no real name or comment anywhere in the input (columns, keys, siblings, other tables)', () => {
    const masked = createInputMasker('tables')(input(orders, 'customer_id', ['1', '2']));
    expect(valuesText(masked)).not.toMatch(REAL_WORDS);
    expect(JSON.stringify(masked)).not.toMatch(/"comment"/);
    // In mode `columns` only table and schema names stay.
    const columnsOnly = createInputMasker('columns')(input(orders, 'customer_id'));
    const names = columnsOnly.database.tables.flatMap((t) => [
      ...t.columns.map((c) => c.name),
      ...t.primaryKey,
      ...t.foreignKeys.flatMap((k) => [k.name, ...k.columns, ...k.referencedColumns]),
    ]);
    expect(names.join(' ')).not.toMatch(REAL_WORDS);
    expect(JSON.stringify(columnsOnly)).not.toMatch(/"comment"/);
  });

  it('keeps values, types, keys and the foreign key pointing at the masked primary key', () => {
    const mask = createInputMasker('tables');
    const fk = mask(input(orders, 'customer_id', ['7']));
    const pk = mask(input(customers, 'customer_id'));
    expect(fk.sample?.values).toEqual(['7']);
    expect(fk.column.normalizedType).toBe('integer');
    expect(fk.table.foreignKeys[0].columns).toEqual([fk.column.name]);
    expect(fk.table.foreignKeys[0].referencedTable).toBe(pk.table.name);
    expect(fk.table.foreignKeys[0].referencedColumns).toEqual([pk.column.name]);
    expect(pk.table.primaryKey).toEqual([pk.column.name]);
    expect(pk.column.isPrimaryKey).toBe(true);
    expect(mask(input(customers, 'last_name')).column.maxLength).toBe(80);
    // Deterministic and distinct within a table.
    expect(createInputMasker('tables')(input(orders, 'customer_id')).column.name).toBe(fk.column.name);
    expect(new Set(pk.table.columns.map((c) => c.name)).size).toBe(3);
  });

  it('keeps table names in mode columns', () => {
    const masked = createInputMasker('columns')(input(orders, 'customer_id'));
    expect(masked.table.name).toBe('orders');
    expect(masked.table.foreignKeys[0].referencedTable).toBe('customers');
    expect(masked.column.name).not.toMatch(REAL_WORDS);
  });

  it('takes all name evidence away from the rules, and results come back in the original order', async () => {
    const seen: ColumnInput[] = [];
    const spy: ColumnClassifier = { id: 'spy', classify: async (inputs) => (seen.push(...inputs), createHeuristicClassifier().classify(inputs)) };
    const inputs = [input(customers, 'email'), input(customers, 'last_name')];
    const real = await createHeuristicClassifier().classify(inputs);
    const masked = await maskingClassifier(spy, 'tables').classify(inputs);
    expect(real.map((r) => r.categories[0])).toEqual(['user.contact.email', 'user.name.last']);
    expect(masked.map((r) => r.categories[0])).toEqual(['system.operations', 'system.operations']);
    // Only the fallback's own reason ("no personal data found in the column name ...") is left.
    expect(masked.flatMap((r) => r.evidence).filter((e) => e.factor === 'name' && e.source !== 'threshold')).toEqual([]);
    expect(seen.map((i) => i.column.ordinal)).toEqual([2, 3]);
  });
});
