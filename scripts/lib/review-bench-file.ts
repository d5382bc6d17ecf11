/**
 * A dataset file of N fields for the review page's benchmark and its large-file browser test, written
 * by the scan's own writer (`writeDatasetYamlFile`) from a generated scan result: 8 columns per
 * table, tables spread over 4 schemas, each column's classification one of a few shapes a real scan
 * writes (a value recognizer with its checks that found nothing, a name rule, the model, the
 * threshold default), so a field weighs about what the demo's fields weigh (~800 bytes of YAML).
 * One field in ten is then decided (accepted, changed or ignored) so the status filters have work.
 */
import type { Evidence, FieldClassification } from '../../src/classify/types.js';
import type { ColumnMetadata, DatabaseMetadata, NormalizedType, TableMetadata } from '../../src/core/metadata.js';
import { writeDatasetYamlFile } from '../../src/fides/dataset-stream.js';
import type { ScanResult, TableResult } from '../../src/scan/scan.js';
import fs from 'node:fs';

export const COLUMNS_PER_TABLE = 8;
const SCHEMAS = ['public', 'crm', 'billing', 'audit'];

const nothing = (source: string, category: string, noun: string): Evidence => ({
  factor: 'values',
  category,
  score: 0,
  source,
  reason: `none of 200 sampled values are ${noun}`,
});

interface Shape {
  readonly column: string;
  readonly type: NormalizedType;
  readonly classification: FieldClassification;
}

function classified(categories: string[], confidence: number, evidence: Evidence[], alternatives: [string, number][] = []): FieldClassification {
  return {
    categories,
    confidence,
    factors: Object.fromEntries(evidence.filter((e) => e.score > 0).map((e) => [e.factor, e.score])),
    alternatives: alternatives.map(([category, c]) => ({ category, confidence: c, factors: {} })),
    evidence,
  };
}

const SHAPES: Shape[] = [
  {
    column: 'email',
    type: 'string',
    classification: classified(
      ['user.contact.email'],
      0.97,
      [
        { factor: 'values', category: 'user.contact.email', score: 0.97, source: 'email', reason: '97% of 200 sampled values are valid email addresses' },
        { factor: 'name', category: 'user.contact.email', score: 0.9, source: 'name-rules', reason: "column name token 'email'" },
        nothing('phone', 'user.contact.phone_number', 'valid phone numbers'),
      ],
      [['user.account.username', 0.12]],
    ),
  },
  {
    column: 'first_name',
    type: 'string',
    classification: classified(
      ['user.name.first'],
      0.84,
      [
        { factor: 'name', category: 'user.name.first', score: 0.85, source: 'name-rules', reason: "column name tokens 'first' 'name'" },
        { factor: 'values', category: 'user.name.first', score: 0.7, source: 'first-name', reason: '81% of 200 sampled values are given names' },
      ],
      [['user.name.last', 0.31], ['user.contact.address.city', 0.08]],
    ),
  },
  {
    column: 'ssn',
    type: 'string',
    classification: classified(
      ['user.government_id.national_identification_number'],
      0.93,
      [
        { factor: 'values', category: 'user.government_id.national_identification_number', score: 1, source: 'us-ssn', reason: '100% of 200 sampled values are valid US social security numbers' },
        { factor: 'name', category: 'user.government_id.national_identification_number', score: 0.9, source: 'name-rules', reason: "column name 'ssn' reads as 'social security number'" },
        nothing('uk-nino', 'user.government_id.national_identification_number', 'valid UK National Insurance numbers'),
        nothing('ca-sin', 'user.government_id.national_identification_number', 'valid Canadian social insurance numbers'),
        nothing('fr-nir', 'user.government_id.national_identification_number', 'valid French social security numbers (NIR)'),
      ],
      [['user.government_id.drivers_license_number', 0.2]],
    ),
  },
  {
    column: 'city',
    type: 'string',
    classification: classified(
      ['user.contact.address.city'],
      0.62,
      [{ factor: 'values', category: 'user.contact.address.city', score: 0.6, source: 'city', reason: '74% of 200 sampled values are city names' }],
      [['user.name.first', 0.39], ['user.name.last', 0.26]],
    ),
  },
  {
    column: 'created_at',
    type: 'timestamp',
    classification: classified(['system.operations'], 0.55, [
      { factor: 'type', category: 'system.operations', score: 0.5, source: 'type-rules', reason: 'timestamp column' },
    ]),
  },
  {
    column: 'cost_center',
    type: 'string',
    classification: classified(
      ['system.operations'],
      1,
      [{ factor: 'model', category: 'system.operations', score: 1, source: 'column-model@1.1.0', reason: 'model: 1.00 probability for system.operations' }],
      [['user.account.username', 0.13], ['user.government_id.drivers_license_number', 0.05]],
    ),
  },
  {
    column: 'id',
    type: 'integer',
    classification: classified(['system.operations'], 0.5, [
      { factor: 'values', category: 'system.operations', score: 0.5, source: 'threshold', reason: 'no personal data found in the column name, its type (integer) or 200 sampled values' },
    ]),
  },
  {
    column: 'phone',
    type: 'string',
    classification: classified(
      ['user.contact.phone_number'],
      0.91,
      [
        { factor: 'values', category: 'user.contact.phone_number', score: 0.92, source: 'phone', reason: '95% of 200 sampled values are valid phone numbers' },
        nothing('email', 'user.contact.email', 'valid email addresses'),
      ],
      [['user.financial.account_number', 0.11]],
    ),
  },
];

/** A scan result of about `fields` fields (rounded up to whole tables of 8 columns). */
export function reviewBenchScan(fields: number): ScanResult {
  const tableCount = Math.max(1, Math.ceil(fields / COLUMNS_PER_TABLE));
  const tables: TableResult[] = [];
  const metadata: TableMetadata[] = [];
  for (let t = 0; t < tableCount; t++) {
    const schema = SCHEMAS[t % SCHEMAS.length];
    const name = `t${String(t).padStart(6, '0')}_${['customers', 'orders', 'contacts', 'staff', 'events'][t % 5]}`;
    const columns: ColumnMetadata[] = SHAPES.map((s, i) => ({
      name: `${s.column}_${(t * 7 + i) % 13}`,
      ordinal: i + 1,
      rawType: s.type,
      normalizedType: s.type,
      isArray: false,
      isNullable: true,
      isPrimaryKey: false,
    }));
    const table: TableMetadata = { schema, name, kind: 'table', rowEstimate: 300, columns, primaryKey: [], foreignKeys: [] };
    metadata.push(table);
    const confidenceShift = ((t * 37) % 21) / 100 - 0.1; // spread confidences so the slider has work
    const classifications = new Map(
      columns.map((c, i) => {
        const base = SHAPES[i].classification;
        const confidence = Math.max(0.05, Math.min(1, Math.round((base.confidence + confidenceShift) * 100) / 100));
        return [c.name, { ...base, confidence }];
      }),
    );
    tables.push({
      table,
      columns,
      status: 'scanned',
      sampleMethod: 'all-rows',
      rowsSampled: 300,
      queries: 1,
      fields: classifications,
      unsampledColumns: new Map(),
    });
  }
  const database: DatabaseMetadata = { engine: 'postgres', host: 'localhost', database: 'bench', schemas: SCHEMAS, tables: metadata };
  return { database, tables, timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 } };
}

/** Writes the file; returns the number of fields in it. */
export function writeReviewBenchFile(file: string, fields: number): number {
  const scan = reviewBenchScan(fields);
  writeDatasetYamlFile(file, scan, { scannedAt: '2026-01-01T00:00:00.000Z', toolVersion: 'bench', sampleSize: 200 });
  // Decide one field in ten, as a reviewer part-way through would have.
  let n = 0;
  // Half accepted, a quarter each edited and ignored.
  const decided = Object.entries({ accepted: 2, edited: 1, ignored: 1 }).flatMap(([status, times]) => Array<string>(times).fill(status));
  const text = fs
    .readFileSync(file, 'utf8')
    .replace(/^( {12}piiscout:\n {14}status: )proposed$/gm, (match, head: string) => (n++ % 10 === 9 ? head + decided[Math.floor(n / 10) % 4] : match));
  fs.writeFileSync(file, text);
  return scan.tables.length * COLUMNS_PER_TABLE;
}
