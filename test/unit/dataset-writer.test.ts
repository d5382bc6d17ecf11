import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { FieldClassification } from '../../src/classify/types.js';
import type { ScanResult, TableResult } from '../../src/scan/scan.js';
import { buildDatasetFile, datasetFileToYaml, fidesDataType } from '../../src/fides/dataset-writer.js';
import { fidesKeyFor, FidesKeyAllocator, transliterate } from '../../src/fides/fides-key.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';

const col = (name: string, ordinal: number, extra: Partial<TableMetadata['columns'][number]> = {}) => ({
  name,
  ordinal,
  rawType: 'text',
  normalizedType: 'string' as const,
  isArray: false,
  isNullable: true,
  isPrimaryKey: false,
  ...extra,
});

const customers: TableMetadata = {
  schema: 'public',
  name: 'customers',
  kind: 'table',
  comment: 'People who bought something',
  rowEstimate: 1200,
  columns: [
    col('id', 1, { normalizedType: 'integer', rawType: 'int4', isPrimaryKey: true, isNullable: false }),
    col('email', 2, { comment: 'login e-mail' }),
    col('Zeta "quoted"', 3),
    col('tags', 4, { isArray: true }),
    col('doc', 5, { normalizedType: 'json', rawType: 'jsonb' }),
    col('photo', 6, { normalizedType: 'binary', rawType: 'bytea' }),
  ],
  primaryKey: ['id'],
  foreignKeys: [],
};
const orders: TableMetadata = {
  schema: 'sales dept',
  name: 'Order Details',
  kind: 'table',
  columns: [col('customer_id', 1, { normalizedType: 'integer' }), col('amount', 2, { normalizedType: 'decimal' })],
  primaryKey: [],
  foreignKeys: [
    { name: 'fk', columns: ['customer_id'], referencedSchema: 'public', referencedTable: 'customers', referencedColumns: ['id'] },
  ],
};
const database: DatabaseMetadata = {
  engine: 'postgres',
  host: 'db.internal',
  database: 'shop',
  schemas: ['sales dept', 'public', 'empty'],
  tables: [customers, orders],
};

const proposal = (category: string, confidence = 0.9): FieldClassification => ({
  categories: [category],
  confidence,
  alternatives: [{ category: 'user.name', confidence: 0.2, factors: { name: 0.2 } }],
  factors: { name: 1, values: 0.876 },
  evidence: [{ factor: 'name', category, score: 1, source: 'name-rules', reason: "column name token 'email'" }],
});

function tableResult(table: TableMetadata, status: TableResult['status'] = 'scanned'): TableResult {
  return {
    table,
    columns: table.columns,
    status,
    issue: status === 'skipped' ? { kind: 'permission', message: 'permission denied for table' } : undefined,
    rowsSampled: status === 'scanned' ? 200 : 0,
    sampleMethod: status === 'scanned' ? 'tablesample-bernoulli' : undefined,
    queries: status === 'scanned' ? 1 : 0,
    fields: new Map(table.columns.map((c) => [c.name, proposal(c.name === 'email' ? 'user.contact.email' : 'system.operations')])),
    unsampledColumns: new Map(table.columns.filter((c) => c.normalizedType === 'binary').map((c) => [c.name, 'binary column: values not sampled'])),
  };
}

const result: ScanResult = {
  database,
  tables: [tableResult(orders, 'skipped'), tableResult(customers)],
  timings: { introspectMs: 1, sampleMs: 2, classifyMs: 3, totalMs: 6 },
};
const options = { scannedAt: '2026-01-01T00:00:00.000Z', toolVersion: '0.0.0-test', sampleSize: 200 };

describe('dataset writer', () => {
  it('writes valid fideslang with one dataset per schema, sorted, with keys, references and proposals', () => {
    const file = buildDatasetFile(result, options);
    const parsed = YAML.parse(datasetFileToYaml(file));
    expect(validateFidesDatasetFile(parsed)).toEqual([]);
    expect(parsed.dataset.map((d: { fides_key: string }) => d.fides_key)).toEqual(['shop_empty', 'shop_public', expect.stringMatching(/^shop_sales_dept_[0-9a-f]{6}$/)]);
    const pub = parsed.dataset[1];
    expect(pub.fides_meta.namespace).toEqual({ database_name: 'shop', schema: 'public' });
    expect(pub.meta).toMatchObject({ database_host: 'db.internal', database_name: 'shop' });
    const fields = pub.collections[0].fields;
    expect(fields.map((f: { name: string }) => f.name)).toEqual(['Zeta "quoted"', 'doc', 'email', 'id', 'photo', 'tags']);
    const byName = Object.fromEntries(fields.map((f: { name: string }) => [f.name, f]));
    expect(byName.email.data_categories).toEqual(['user.contact.email']);
    expect(byName.email.description).toBe('login e-mail');
    expect(byName.email.piiscout).toMatchObject({ status: 'proposed', confidence: 0.9, factors: { name: 1, values: 0.88 } });
    expect(byName.email.piiscout.evidence[0].reason).toContain('email');
    expect(byName.id.fides_meta).toEqual({ data_type: 'integer', primary_key: true });
    expect(byName.tags.fides_meta.data_type).toBe('string[]');
    expect(byName.doc.fides_meta.data_type).toBe('object');
    expect(byName.photo.fides_meta).toBeUndefined();
    expect(byName.photo.piiscout.note).toBe('binary column: values not sampled');
    const sales = parsed.dataset[2];
    expect(sales.collections[0].name).toBe('Order Details');
    expect(sales.collections[0].piiscout).toMatchObject({ status: 'skipped', reason: 'permission denied for table' });
    expect(sales.collections[0].fields[1].fides_meta.references).toEqual([{ dataset: 'shop_public', field: 'customers.id' }]);
  });

  it('is byte-identical for the same input apart from the timestamp', () => {
    const a = datasetFileToYaml(buildDatasetFile(result, options));
    const b = datasetFileToYaml(buildDatasetFile({ ...result, tables: [...result.tables].reverse() }, { ...options, scannedAt: '2027-05-05T00:00:00.000Z' }));
    expect(b.replaceAll('2027-05-05T00:00:00.000Z', '2026-01-01T00:00:00.000Z')).toBe(a);
  });

  it('maps types to fideslang data types', () => {
    expect(fidesDataType('timestamp', false)).toBe('string');
    expect(fidesDataType('decimal', false)).toBe('float');
    expect(fidesDataType('boolean', true)).toBe('boolean[]');
    expect(fidesDataType('geometry', false)).toBeUndefined();
  });
});

describe('fides keys', () => {
  it.each([
    ['public', /^public$/],
    ['a.b-c_d', /^a\.b-c_d$/],
    ['shop_public', /^shop_public$/],
    ['sales dept', /^sales_dept_[0-9a-f]{6}$/],
    ['naïve café', /^naive_cafe_[0-9a-f]{6}$/],
    ['клиенты', /^klienty_[0-9a-f]{6}$/],
    ['shop_Заказы', /^shop_Zakazy_[0-9a-f]{6}$/],
    ['Ελληνικά', /^Ellinika_[0-9a-f]{6}$/],
    ['日本', /^dataset_[0-9a-f]{6}$/],
    ['_private', /^private_[0-9a-f]{6}$/],
  ])('%s → %s', (raw, key) => expect(fidesKeyFor(raw)).toMatch(key));

  it('gives names that clean up alike different keys, each the same whatever other names there are', () => {
    const names = ['клиенты', 'заказы', 'a b', 'a;b', 'a_b', 'a-b', 'A B', 'dataset', '日本', '中国', 'é', 'e'];
    const keys = names.map(fidesKeyFor);
    expect(new Set(keys).size).toBe(names.length);
    expect(names.map(fidesKeyFor)).toEqual(keys);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(fidesKeyFor('a_b')).toBe('a_b'); // a clean name is its own key
  });

  it('transliterates Cyrillic and Greek, keeping case', () => {
    expect(transliterate('Щука, ёж, їжак, Ђорђе')).toBe('Shchuka, ezh, yizhak, Djordje');
    expect(fidesKeyFor('Θεσσαλονίκη')).toMatch(/^Thessaloniki_[0-9a-f]{6}$/); // accented letters too
  });

  it('never gives out a key that is taken, and keeps them unique', () => {
    const a = new FidesKeyAllocator(['public', 'b']);
    expect([a.keyFor('public'), a.keyFor('b'), a.keyFor('c'), a.keyFor('c'), a.keyFor('public')]).toEqual(['public_2', 'b_2', 'c', 'c', 'public_2']);
  });
});
