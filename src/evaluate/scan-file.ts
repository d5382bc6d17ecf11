/** Reads the proposals of a scan file (a Fides dataset file that piiscout wrote) for evaluation. */
import { parseYamlDocument, readDatasetFields } from './dataset-fields.js';
import { EvaluationInputError } from './input-error.js';

export interface ScanField {
  readonly path: { readonly schema: string; readonly table: string; readonly column: string };
  /** The field's `data_categories`: the current proposal (or reviewed decision). */
  readonly categories: readonly string[];
}

export function parseScanFile(text: string): ScanField[] {
  const doc = parseYamlDocument(text, 'scan file');
  return readDatasetFields(doc, { role: 'scan file', nameIsSchema: true }).map((field) => {
    if (field.schema === undefined) throw new EvaluationInputError('scan file: a dataset has neither a schema namespace nor a name');
    return { path: { schema: field.schema, table: field.table, column: field.column }, categories: field.categories ?? [] };
  });
}
