/**
 * Writes a large dataset file quickly with the real streaming writer: `tables` tables of `columns`
 * columns each. The fields take turns: a proposal with evidence, one without, and a column the
 * classifier had nothing for (what a real scan writes, kept short).
 */
import type { FieldClassification } from '../../src/classify/types.js';
import type { ColumnMetadata, TableMetadata } from '../../src/core/metadata.js';
import { writeDatasetYamlFile } from '../../src/fides/dataset-stream.js';
import type { ScanResult, TableResult } from '../../src/scan/scan.js';

const PROPOSALS: FieldClassification[] = [
  { categories: ['user.contact.email'], confidence: 0.91, alternatives: [], factors: { name: 0.9 }, evidence: [{ factor: 'name', category: 'user.contact.email', score: 0.9, source: 'name-rules', reason: 'name' }] },
  { categories: ['system.operations'], confidence: 0.5, alternatives: [], factors: {}, evidence: [] },
];

export function writeBigDatasetFile(file: string, tables: number, columns: number): void {
  const columnList: ColumnMetadata[] = Array.from({ length: columns }, (_, c) => ({
    name: `c${c}`,
    ordinal: c + 1,
    rawType: 'text',
    normalizedType: 'string',
    isArray: false,
    isNullable: true,
    isPrimaryKey: false,
  }));
  const fields = new Map(columnList.flatMap((c, i) => (i % 3 === 2 ? [] : [[c.name, PROPOSALS[i % 3]] as const])));
  const results: TableResult[] = Array.from({ length: tables }, (_, t) => {
    const table: TableMetadata = { schema: 'public', name: `t${t}`, kind: 'table', columns: columnList, primaryKey: [], foreignKeys: [] };
    return { table, columns: columnList, status: 'scanned', rowsSampled: 200, queries: 1, fields, unsampledColumns: new Map() };
  });
  const result: ScanResult = {
    database: { engine: 'postgres', database: 'big', schemas: ['public'], tables: results.map((r) => r.table) },
    tables: results,
    timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 },
  };
  writeDatasetYamlFile(file, result, { scannedAt: '2026-01-01T00:00:00.000Z', toolVersion: '0.0.0-test', sampleSize: 200 });
}
