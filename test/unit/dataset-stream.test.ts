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
import { trickyString } from './yaml-tricky-strings.js';

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
    const result: ScanResult = {
      database,
      tables: [tableResult(orders, true), tableResult(users, false)],
      timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 },
    };
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
          const result: ScanResult = {
            database,
            tables: tables.map((t, i) => tableResult(t, specs[i].skipped)),
            timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 },
          };
          expect(streamed(result)).toBe(whole(result));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('matches the whole-file writer with odd strings everywhere: names, comments, reasons, references, nested fields', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const evidence = fc.record({ factor: trickyString, category: trickyString, score: unit, source: trickyString, reason: trickyString, veto: fc.boolean() });
    const classification = fc.record({
      categories: fc.array(trickyString, { maxLength: 2 }),
      confidence: unit,
      alternatives: fc.array(fc.record({ category: trickyString, confidence: unit }), { maxLength: 2 }),
      factors: fc.dictionary(trickyString, unit, { maxKeys: 3 }),
      evidence: fc.array(evidence, { maxLength: 3 }),
    });
    const columnSpec = fc.record({
      name: trickyString,
      comment: fc.option(trickyString),
      type: fc.constantFrom('string', 'integer', 'json', 'decimal', 'boolean', 'bytes'),
      isArray: fc.boolean(),
      isPrimaryKey: fc.boolean(),
      proposal: fc.option(classification),
      unsampled: fc.option(trickyString),
      nested: fc.array(
        fc.record({
          path: fc.array(trickyString, { minLength: 1, maxLength: 2 }),
          note: fc.option(trickyString),
          classification,
        }),
        { maxLength: 3 },
      ),
    });
    const tableSpec = fc.record({
      schema: fc.nat(2),
      name: trickyString,
      comment: fc.option(trickyString),
      kind: fc.constantFrom('table', 'view'),
      rowEstimate: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true })),
      columns: fc.uniqueArray(columnSpec, { minLength: 1, maxLength: 4, selector: (c) => c.name }),
      skipped: fc.option(trickyString),
      foreignKey: fc.option(fc.record({ table: fc.nat(), width: fc.integer({ min: 1, max: 2 }) })),
    });
    const scan = fc.record({
      schemas: fc.uniqueArray(trickyString, { minLength: 3, maxLength: 3 }),
      tables: fc.uniqueArray(tableSpec, { maxLength: 5, selector: (t) => `${t.schema}\u0000${t.name}` }),
      engine: fc.constantFrom('postgres', 'mysql', 'sqlite') as fc.Arbitrary<DatabaseMetadata['engine']>,
    });
    fc.assert(
      fc.property(scan, ({ schemas, tables: specs, engine }) => {
        const tables = specs.map((s): TableMetadata => {
          const columns = s.columns.map((c, i) => column(c.name, i + 1, { ...(c.comment === null ? {} : { comment: c.comment }), normalizedType: c.type as ColumnMetadata['normalizedType'], isArray: c.isArray, isPrimaryKey: c.isPrimaryKey }));
          return { schema: schemas[s.schema], name: s.name, kind: s.kind as TableMetadata['kind'], ...(s.comment === null ? {} : { comment: s.comment }), ...(s.rowEstimate === null ? {} : { rowEstimate: s.rowEstimate }), columns, primaryKey: columns.filter((c) => c.isPrimaryKey).map((c) => c.name), foreignKeys: [] };
        });
        // Composite foreign keys onto other (or the same) tables, possibly in other schemas.
        const withKeys = tables.map((t, i): TableMetadata => {
          const fk = specs[i].foreignKey;
          if (!fk) return t;
          const target = tables[fk.table % tables.length];
          const width = Math.min(fk.width, t.columns.length, target.columns.length);
          return { ...t, foreignKeys: [{ name: 'fk', columns: t.columns.slice(0, width).map((c) => c.name), referencedSchema: target.schema, referencedTable: target.name, referencedColumns: target.columns.slice(-width).map((c) => c.name) }] };
        });
        const results = withKeys.map((table, i): TableResult => {
          const spec = specs[i];
          const proposals = spec.columns.flatMap((c) => (c.proposal ? [[c.name, c.proposal as unknown as FieldClassification] as const] : []));
          const nested = spec.columns.flatMap((c) => (c.type === 'json' && c.nested.length > 0 ? [[c.name, c.nested.map((n) => ({ path: n.path, normalizedType: 'string' as const, isArray: false, classification: n.classification as unknown as FieldClassification, ...(n.note === null ? {} : { note: n.note }) }))] as const] : []));
          return {
            table,
            columns: table.columns,
            status: spec.skipped === null ? 'scanned' : 'skipped',
            ...(spec.skipped === null ? { sampleMethod: 'limit' as const } : { issue: { kind: 'timeout', message: spec.skipped } }),
            rowsSampled: spec.skipped === null ? 50 : 0,
            queries: 1,
            fields: new Map(proposals),
            unsampledColumns: new Map(spec.columns.flatMap((c) => (c.unsampled === null ? [] : [[c.name, c.unsampled] as const]))),
            ...(nested.length > 0 ? { nestedFields: new Map(nested) } : {}),
          };
        });
        const database: DatabaseMetadata = { engine, host: schemas[1], database: schemas[2] || 'db', schemas: schemas.slice(0, 2), tables: withKeys };
        const result: ScanResult = { database, tables: results, timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 } };
        expect(streamed(result)).toBe(whole(result));
      }),
      { numRuns: 200 },
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
