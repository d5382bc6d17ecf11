/**
 * The fields inside JSON columns (found after sampling, see core/json-documents.ts), classified like
 * columns, each under its last key; then every nested object, and the column itself, holds what its
 * fields hold (classify/nested-findings.ts). No I/O of its own.
 */
import { describeJsonDocuments } from '../core/json-documents.js';
import { NESTED_OBJECT_NOTE } from '../core/json-fields.js';
import type { ColumnMetadata, DatabaseMetadata, TableMetadata } from '../core/metadata.js';
import type { ColumnSample, TableSample } from '../core/sample.js';
import { withNestedFindings, withNestedObjects, type DocumentsRead } from '../classify/nested-findings.js';
import type { ColumnClassifier, ColumnInput, FieldClassification } from '../classify/types.js';
import type { NestedFieldResult } from './scan.js';

/** Classifies the key paths found inside JSON columns, each under its last key as the field name. */
export async function classifyNested(
  database: DatabaseMetadata,
  table: TableMetadata,
  columns: readonly ColumnMetadata[],
  sample: TableSample | undefined,
  options: { readonly classifier: ColumnClassifier },
): Promise<Map<string, NestedFieldResult[]>> {
  const out = new Map<string, NestedFieldResult[]>();
  for (const column of columns) {
    const nested = sample?.columns.get(column.name)?.nested ?? [];
    if (nested.length === 0) continue;
    const inputs: ColumnInput[] = nested.map((n) => ({
      database,
      table,
      column: {
        name: n.path[n.path.length - 1],
        ordinal: column.ordinal,
        rawType: `${column.rawType} path`,
        normalizedType: n.normalizedType,
        isArray: n.isArray,
        isNullable: true,
        isPrimaryKey: false,
      },
      sample: n.sample,
      rowsSampled: sample?.rowsRead ?? 0,
    }));
    const classified = await options.classifier.classify(inputs);
    const results: NestedFieldResult[] = nested.map((n, i) => ({
      path: n.path,
      normalizedType: n.normalizedType,
      isArray: n.isArray,
      classification: classified[i],
      ...(n.sample.skippedReason ? { note: n.sample.skippedReason } : {}),
    }));
    out.set(column.name, withNestedObjects(results, isNestedObject));
  }
  return out;
}

const isNestedObject = (result: NestedFieldResult): boolean => result.note === NESTED_OBJECT_NOTE;

/**
 * The proposal for a column given the fields found inside it: the column holds what they hold, and
 * its evidence says how many of its documents were read. Columns without JSON keep their proposal.
 */
export function jsonColumnProposal(
  own: FieldClassification,
  sample: ColumnSample | undefined,
  nested: readonly NestedFieldResult[] | undefined,
): FieldClassification {
  const count = sample?.json;
  if (!count && !nested?.length) return own;
  const read: DocumentsRead | undefined = count && {
    reason: describeJsonDocuments(count),
    share: count.values > 0 ? count.documents / count.values : 0,
    incomplete: count.cut > 0,
  };
  return withNestedFindings(own, nested ?? [], read);
}
