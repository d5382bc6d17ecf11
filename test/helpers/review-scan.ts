/**
 * Builds scan results for review/merge tests from a compact description, through the real
 * writer (`buildDatasetFile`), so merged files look exactly like what `piiscout scan` writes.
 */
import type { ColumnMetadata, DatabaseMetadata, NormalizedType, TableMetadata } from '../../src/core/metadata.js';
import type { FieldClassification } from '../../src/classify/types.js';
import type { NestedFieldResult, ScanResult, TableResult } from '../../src/scan/scan.js';
import type { TableSubjectSummary } from '../../src/classify/subject/types.js';
import type { FidesDatasetFile } from '../../src/fides/dataset-types.js';
import { buildDatasetFile, datasetFileToYaml } from '../../src/fides/dataset-writer.js';
import { scanDatasets } from '../../src/fides/dataset-stream.js';
import type { MergeOptions, MergeSummary } from '../../src/fides/dataset-file/merge-scan.js';
import { mergeScanStreamed } from '../../src/fides/dataset-file/merge-stream.js';

export interface SimpleColumn {
  readonly name: string;
  /** Proposed categories (default system.operations). */
  readonly categories?: readonly string[];
  readonly confidence?: number;
  readonly type?: NormalizedType;
  readonly pk?: boolean;
  readonly comment?: string;
  /** `table.column` in the same schema. */
  readonly references?: string;
  /** Fields found inside a JSON column, by dotted path (`contact.email`); parents listed too. */
  readonly nested?: readonly SimpleNestedField[];
}

export interface SimpleNestedField {
  readonly path: string;
  readonly categories?: readonly string[];
  readonly confidence?: number;
  readonly type?: NormalizedType;
}

export interface SimpleTable {
  readonly schema?: string;
  readonly name: string;
  readonly kind?: TableMetadata['kind'];
  readonly skipped?: boolean;
  readonly comment?: string;
  readonly columns: readonly SimpleColumn[];
}

export function scanResult(tables: readonly SimpleTable[], schemas: readonly string[] = ['public']): ScanResult {
  const metas = tables.map((t): TableMetadata => ({
    schema: t.schema ?? 'public',
    name: t.name,
    kind: t.kind ?? 'table',
    ...(t.comment ? { comment: t.comment } : {}),
    rowEstimate: 100,
    columns: t.columns.map(
      (c, i): ColumnMetadata => ({
        name: c.name,
        ordinal: i + 1,
        rawType: c.type ?? 'text',
        normalizedType: c.type ?? 'string',
        isArray: false,
        isNullable: !c.pk,
        isPrimaryKey: Boolean(c.pk),
        ...(c.comment ? { comment: c.comment } : {}),
      }),
    ),
    primaryKey: t.columns.filter((c) => c.pk).map((c) => c.name),
    foreignKeys: t.columns
      .filter((c) => c.references)
      .map((c) => ({
        name: `fk_${c.name}`,
        columns: [c.name],
        referencedSchema: t.schema ?? 'public',
        referencedTable: c.references!.split('.')[0],
        referencedColumns: [c.references!.split('.')[1]],
      })),
  }));
  const database: DatabaseMetadata = {
    engine: 'postgres',
    host: 'db.internal',
    database: 'shop',
    schemas: [...new Set([...schemas, ...metas.map((m) => m.schema)])],
    tables: metas,
  };
  const results: TableResult[] = metas.map((table, i) => {
    const spec = tables[i];
    return {
      table,
      columns: table.columns,
      status: spec.skipped ? 'skipped' : 'scanned',
      issue: spec.skipped ? { kind: 'permission', message: 'permission denied for table' } : undefined,
      rowsSampled: spec.skipped ? 0 : 100,
      sampleMethod: spec.skipped ? undefined : 'limit',
      queries: spec.skipped ? 0 : 1,
      fields: new Map(spec.columns.map((c) => [c.name, proposal(c)])),
      unsampledColumns: new Map(),
      nestedFields: new Map(spec.columns.filter((c) => c.nested).map((c) => [c.name, c.nested!.map(nestedResult)])),
    };
  });
  return { database, tables: results, timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 } };
}

function nestedResult(n: SimpleNestedField): NestedFieldResult {
  const path = n.path.split('.');
  return { path, normalizedType: n.type ?? 'string', isArray: false, classification: proposal({ ...n, name: path[path.length - 1] }) };
}

function proposal(c: SimpleColumn): FieldClassification {
  const categories = c.categories ?? ['system.operations'];
  return {
    categories,
    confidence: c.confidence ?? 0.8,
    alternatives: [],
    factors: { name: 0.8 },
    evidence: categories.map((category) => ({ factor: 'name' as const, category, score: 0.8, source: 'name-rules', reason: `column name '${c.name}'` })),
  };
}

export function scanFile(tables: readonly SimpleTable[], schemas?: readonly string[], scannedAt = '2026-01-01T00:00:00.000Z'): FidesDatasetFile {
  return buildDatasetFile(scanResult(tables, schemas), { ...SCAN_WRITE_OPTIONS, scannedAt });
}

/** The options `scanFile` writes with. */
export const SCAN_WRITE_OPTIONS = { toolVersion: '0.0.0-test', sampleSize: 100, keyPrefix: 'shop' } as const;

/** Merges the scan into `text` as `piiscout scan` does (streamed); throws for a file the streamed merge does not take. */
export function mergeStreamed(
  text: string,
  tables: readonly SimpleTable[],
  schemas?: readonly string[],
  options: MergeOptions = {},
  scannedAt = '2026-01-01T00:00:00.000Z',
): { text: string; summary: MergeSummary } {
  const result = scanResult(tables, schemas);
  const merged = mergeScanStreamed(text, (existingKeys) => scanDatasets(result, { ...SCAN_WRITE_OPTIONS, scannedAt, existingKeys }), options);
  if (!merged) throw new Error('the streamed merge did not take this file');
  const out = [...merged.chunks].join('');
  return { text: out, summary: merged.summary };
}

export function scanYaml(tables: readonly SimpleTable[], schemas?: readonly string[]): string {
  return datasetFileToYaml(scanFile(tables, schemas));
}

const SHOP_TABLES: SimpleTable[] = [
  {
    name: 'customers',
    columns: [
      { name: 'email', categories: ['user.contact.email'], confidence: 0.95 },
      { name: 'id', pk: true, type: 'integer', categories: ['user.unique_id'] },
      { name: 'phone', categories: ['user.contact.phone_number'], confidence: 0.9 },
    ],
  },
  { name: 'orders', columns: [{ name: 'customer_id', type: 'integer', references: 'customers.id', categories: ['user.unique_id'] }, { name: 'id', pk: true, type: 'integer' }] },
];

/** The scan with the subject graph's facts: customers hold people, orders are theirs. */
export function scanWithSubjects(): ScanResult {
  const result = scanResult(SHOP_TABLES);
  const subjects = new Map<string, TableSubjectSummary>([
    ['public.customers', { isPerson: true, subject: 'customer', identityColumns: ['email', 'phone', 'id'], references: [] }],
    [
      'public.orders',
      {
        isPerson: false,
        subject: 'customer',
        linkedTo: { table: 'public.customers', hops: 1, path: 'orders.customer_id → customers.id' },
        identityColumns: [],
        references: [{ columns: ['customer_id'], target: 'public.customers', targetColumns: ['id'], direction: 'to', origin: 'declared' }],
      },
    ],
  ]);
  return { ...result, subjects };
}
