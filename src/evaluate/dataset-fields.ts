/**
 * Reads the fields of a Fides dataset file (ours or anyone's): one entry per field with the
 * schema, collection and field name and its `data_categories`. Nested fields are flattened to
 * `parent.child`. Throws EvaluationInputError on a file that is not a dataset file.
 */
import YAML from 'yaml';
import { datasetNames, namespaceSchemaOf } from '../fides/dataset-file/dataset-names.js';
import { plainAccess } from '../fides/dataset-file/tree-access.js';
import type { FieldPath } from './field-path.js';
import { EvaluationInputError } from './input-error.js';

export interface DatasetField extends FieldPath {
  /** `data_categories` as written; undefined when the field has none. */
  readonly categories?: readonly string[];
}

export interface ReadDatasetOptions {
  /** What the file is, for error messages ("scan file", "truth file"). */
  readonly role: string;
  /** Use the dataset's `name` as the schema when no `fides_meta.namespace.schema` says otherwise (our scan files). */
  readonly nameIsSchema: boolean;
}

export function parseYamlDocument(text: string, role: string): unknown {
  try {
    return YAML.parse(text);
  } catch (error) {
    // The YAML library's message quotes the offending line; keep only its position.
    const where = error instanceof YAML.YAMLError && error.linePos ? ` at line ${error.linePos[0].line}` : '';
    throw new EvaluationInputError(`${role} is not valid YAML${where}`);
  }
}

export function isDatasetDocument(doc: unknown): boolean {
  return isRecord(doc) && Array.isArray(doc.dataset);
}

export function readDatasetFields(doc: unknown, options: ReadDatasetOptions): DatasetField[] {
  if (!isRecord(doc) || !Array.isArray(doc.dataset)) {
    throw new EvaluationInputError(`${options.role} is not a Fides dataset file (no top-level "dataset:" list)`);
  }
  const out: DatasetField[] = [];
  doc.dataset.forEach((dataset: unknown, d: number) => {
    if (!isRecord(dataset) || !Array.isArray(dataset.collections)) {
      throw new EvaluationInputError(`${options.role}: dataset #${d + 1} has no "collections:" list`);
    }
    const schema = datasetSchema(dataset, options.nameIsSchema);
    for (const collection of dataset.collections as unknown[]) {
      if (!isRecord(collection) || typeof collection.name !== 'string') {
        throw new EvaluationInputError(`${options.role}: a collection of dataset #${d + 1} has no name`);
      }
      collectFields(collection.fields, '', (column, categories) => out.push({ schema, table: collection.name as string, column, categories }), options.role);
    }
  });
  return out;
}

/** Our scan files: the schema piiscout's rule gives (namespace, name, key); anyone's: only what the namespace says. */
function datasetSchema(dataset: Record<string, unknown>, nameIsSchema: boolean): string | undefined {
  if (!nameIsSchema) return namespaceSchemaOf(dataset, plainAccess);
  return datasetNames(dataset, plainAccess).schema;
}

function collectFields(
  fields: unknown,
  prefix: string,
  emit: (column: string, categories: readonly string[] | undefined) => void,
  role: string,
): void {
  if (fields === undefined || fields === null) return;
  if (!Array.isArray(fields)) throw new EvaluationInputError(`${role}: "fields:" must be a list`);
  for (const field of fields) {
    if (!isRecord(field) || typeof field.name !== 'string') throw new EvaluationInputError(`${role}: a field has no name`);
    const name = prefix + field.name;
    const categories = field.data_categories;
    if (categories !== undefined && (!Array.isArray(categories) || !categories.every((c) => typeof c === 'string'))) {
      throw new EvaluationInputError(`${role}: data_categories of field ${name} must be a list of keys`);
    }
    emit(name, categories as string[] | undefined);
    collectFields(field.fields, `${name}.`, emit, role);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
