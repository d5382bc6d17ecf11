/**
 * Reads a truth file in either format:
 * - our labels format (shared/labels/README.md): `fields:` maps `schema.table.column` to a key,
 *   `{any: [keys]}` or `user`;
 * - a labelled Fides dataset file: each field's `data_categories` are its acceptable keys. Its
 *   schema is known only from `fides_meta.namespace.schema`; otherwise it is matched by collection
 *   and field name (see match.ts).
 * Every key must exist in the taxonomy, so a typo cannot silently skew the numbers.
 */
import { Taxonomy } from '../fides/taxonomy.js';
import { isDatasetDocument, isRecord, parseYamlDocument, readDatasetFields } from './dataset-fields.js';
import { formatFieldPath, type FieldPath } from './field-path.js';
import { EvaluationInputError } from './input-error.js';
import type { TruthLabel } from './truth-label.js';

export type TruthFormat = 'labels' | 'fides';

export interface TruthField {
  readonly path: FieldPath;
  readonly label: TruthLabel;
}

export interface Truth {
  readonly format: TruthFormat;
  readonly fields: readonly TruthField[];
}

export function parseTruth(text: string, taxonomy: Taxonomy = Taxonomy.default()): Truth {
  const doc = parseYamlDocument(text, 'truth file');
  const truth = isDatasetDocument(doc) ? fidesTruth(doc) : labelsTruth(doc);
  for (const field of truth.fields) checkKeys(field, taxonomy);
  return truth;
}

function labelsTruth(doc: unknown): Truth {
  if (!isRecord(doc) || !isRecord(doc.fields)) {
    throw new EvaluationInputError('truth file has neither a "fields:" map (labels format) nor a "dataset:" list (Fides dataset)', 'see shared/labels/README.md for the labels format');
  }
  const fields = Object.entries(doc.fields).map(([name, value]) => ({ path: splitLabelPath(name), label: labelValue(name, value) }));
  return { format: 'labels', fields };
}

/** `schema.table.column`: the first two dots separate; a column name may itself contain dots. */
function splitLabelPath(name: string): FieldPath {
  const [schema, table, ...column] = name.split('.');
  if (!schema || !table || column.length === 0 || column.join('.') === '') {
    throw new EvaluationInputError(`truth file: field ${JSON.stringify(name)} is not schema.table.column`);
  }
  return { schema, table, column: column.join('.') };
}

function labelValue(name: string, value: unknown): TruthLabel {
  if (typeof value === 'string' && value.trim() !== '') return [value.trim()];
  if (isRecord(value) && Array.isArray(value.any) && value.any.length > 0 && value.any.every((k) => typeof k === 'string')) {
    return [...new Set((value.any as string[]).map((k) => k.trim()))];
  }
  throw new EvaluationInputError(`truth file: field ${name} must map to a category key, {any: [keys]} or user`);
}

function fidesTruth(doc: unknown): Truth {
  const fields = readDatasetFields(doc, { role: 'truth file', nameIsSchema: false })
    .filter((field) => field.categories !== undefined && field.categories.length > 0)
    .map((field) => ({ path: { schema: field.schema, table: field.table, column: field.column }, label: [...new Set(field.categories)] }));
  return { format: 'fides', fields };
}

function checkKeys(field: TruthField, taxonomy: Taxonomy): void {
  for (const key of field.label) {
    if (taxonomy.has(key)) continue;
    const suggestions = taxonomy.suggest(key);
    throw new EvaluationInputError(
      `truth file: unknown data category ${JSON.stringify(key)} for field ${formatFieldPath(field.path)}`,
      suggestions.length > 0 ? `did you mean ${suggestions.join(', ')}?` : undefined,
    );
  }
}
