import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColumnMetadata, DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { FieldClassification } from '../../src/classify/types.js';
import type { ScanResult, TableResult } from '../../src/scan/scan.js';
import { buildDatasetFile, datasetFileToYaml } from '../../src/fides/dataset-writer.js';
import { datasetYamlChunks, writeDatasetYamlFile } from '../../src/fides/dataset-stream.js';

const column = (name: string, ordinal: number, extra: Partial<ColumnMetadata> = {}): ColumnMetadata => ({
  name,
  ordinal,
  rawType: 'text',
  normalizedType: 'string',
  isArray: false,
  isNullable: true,
  isPrimaryKey: false,
  ...extra,
});

const proposal = (category: string, confidence: number): FieldClassification => ({
  categories: [category],
  confidence,
  alternatives: confidence < 0.9 ? [{ category: 'user.name', confidence: 0.2, factors: { name: 0.2 } }] : [],
  factors: { name: 1, values: confidence },
  evidence: [{ factor: 'name', category, score: 1, source: 'name-rules', reason: "column name token 'x: y'" }],
});

function tableResult(table: TableMetadata, skipped: boolean): TableResult {
  return {
    table,
    columns: table.columns,
    status: skipped ? 'skipped' : 'scanned',
    ...(skipped ? { issue: { kind: 'permission', message: 'permission denied' } } : { sampleMethod: 'limit' as const }),
    rowsSampled: skipped ? 0 : 100,
    queries: skipped ? 0 : 1,
    fields: new Map(table.columns.map((c, i) => [c.name, proposal(i % 2 ? 'user.contact.email' : 'system.operations', (i % 10) / 10)])),
    unsampledColumns: new Map(),
    nestedFields:
      table.columns[0]?.normalizedType === 'json'
        ? new Map([[table.columns[0].name, [{ path: ['a', 'b'], normalizedType: 'string' as const, isArray: false, classification: proposal('user.name', 0.5) }, { path: ['a'], normalizedType: 'json' as const, isArray: false, classification: proposal('system.operations', 0.1) }]]])
        : undefined,
  };
}

const options = { scannedAt: '2026-01-01T00:00:00.000Z', toolVersion: '0.0.0-test', sampleSize: 200 };
const streamed = (result: ScanResult): string => [...datasetYamlChunks(result, options)].join('');
const whole = (result: ScanResult): string => datasetFileToYaml(buildDatasetFile(result, options));

describe('streamed dataset YAML', () => {
  it('is byte-identical to the whole-file writer, including empty schemas, references, nested fields and odd names', () => {
    const users: TableMetadata = {
      schema: 'public',
      name: 'users',
      kind: 'table',
      comment: 'people: "all" of them\nsecond line',
      rowEstimate: 10,
      columns: [column('doc', 1, { normalizedType: 'json' }), column('email', 2), column('id', 3, { normalizedType: 'integer', isPrimaryKey: true })],
      primaryKey: ['id'],
      foreignKeys: [],
    };
    const orders: TableMetadata = {
      schema: 'sales dept',
      name: 'Order #1',
      kind: 'table',
      columns: [column('user_id', 1, { normalizedType: 'integer' }), column('- dash', 2)],
      primaryKey: [],
      foreignKeys: [{ name: 'fk', columns: ['user_id'], referencedSchema: 'public', referencedTable: 'users', referencedColumns: ['id'] }],
    };
    const database: DatabaseMetadata = { engine: 'postgres', host: 'h', database: 'shop', schemas: ['sales dept', 'public', 'empty'], tables: [users, orders] };
    const result: ScanResult = { database, tables: [tableResult(orders, true), tableResult(users, false)], timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 } };
    expect(streamed(result)).toBe(whole(result));
    const noTables: ScanResult = { ...result, tables: [] };
    expect(streamed(noTables)).toBe(whole(noTables));
  });

  it('matches the whole-file writer on random schemas and tables', () => {
    const name = fc.string({ minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ schema: fc.constantFrom('a', 'b', 'c d'), name, cols: fc.uniqueArray(name, { minLength: 1, maxLength: 4 }), skipped: fc.boolean() }), {
          maxLength: 8,
          selector: (t) => `${t.schema}.${t.name}`,
        }),
        (specs) => {
          const tables = specs.map((s): TableMetadata => ({ schema: s.schema, name: s.name, kind: 'table', columns: s.cols.map((c, i) => column(c, i + 1)), primaryKey: [], foreignKeys: [] }));
          const database: DatabaseMetadata = { engine: 'mysql', database: 'x', schemas: ['a', 'b'], tables };
          const result: ScanResult = { database, tables: tables.map((t, i) => tableResult(t, specs[i].skipped)), timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 } };
          expect(streamed(result)).toBe(whole(result));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes the file atomically', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-stream-'));
    const file = path.join(dir, 'out.yml');
    const database: DatabaseMetadata = { engine: 'sqlite', database: 'x.db', schemas: ['main'], tables: [] };
    writeDatasetYamlFile(file, { database, tables: [], timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 } }, options);
    expect(fs.readFileSync(file, 'utf8')).toBe(whole({ database, tables: [], timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 } }));
    expect(fs.readdirSync(dir)).toEqual(['out.yml']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
