/**
 * The review fields of a file read line by line (`fides/dataset-read.ts`), for the commands that
 * only look at a file: check, review --list, export. The file itself is never held: each collection
 * becomes review fields as it is read, and their dataset's key and schema, known once the dataset is
 * read, are filled in then. Same fields, same errors as `ReviewFile.load(path).fields()`.
 */
import { readDatasetFile } from '../fides/dataset-read.js';
import { fieldPrefix } from '../fides/dataset-file/dataset-names.js';
import { addressId, walkCollection } from '../fides/dataset-file/fields.js';
import { plainAccess } from '../fides/dataset-file/tree-access.js';
import { checkCollectionShape, checkDatasetEntryShape, checkRootShape, datasetContext, reviewFieldOf, shapeFailure } from './field-walk.js';
import type { ReviewField } from './review-file.js';

/**
 * `details` keeps evidence and alternatives (dropped by default); `version` hashes the content as
 * `ReviewFile.version` does. `prefixes` gives, per field, the prefixes its dataset answers to in a
 * reference (`findFieldRef`).
 */
export function readReviewFields(
  path: string,
  options: { details?: boolean; version?: boolean } = {},
): { fields: ReviewField[]; version?: string; prefixes: readonly (readonly string[])[] } {
  const collector = new FieldCollector(path, options.details ?? false);
  const { value, version } = readDatasetFile(path, { ...options, hooks: collector });
  checkRootShape(value, plainAccess, shapeFailure(path));
  const prefixes = collector.nameFields();
  return { fields: collector.fields, version, prefixes };
}

/** Collects the fields collection by collection; shape problems come in file order, as `checkDatasetShape` reports them. */
class FieldCollector {
  fields: ReviewField[] = [];
  /** Each dataset's names, and which dataset each kept field belongs to: the names people see need all of them. */
  #contexts: ReturnType<typeof datasetContext>[] = [];
  #fieldDataset: number[] = [];
  #seen = new Set<string>();
  /** Fields of the dataset being read, their key and schema still to come. */
  #pending: { field: ReviewField; address: { dataset: string; collection: string; field: string } }[] = [];
  #error: unknown;
  readonly #fail: ReturnType<typeof shapeFailure>;

  constructor(
    path: string,
    private readonly details: boolean,
  ) {
    this.#fail = shapeFailure(path);
  }

  reset(): void {
    this.fields = [];
    this.#contexts = [];
    this.#fieldDataset = [];
    this.#seen = new Set();
    this.#pending = [];
    this.#error = undefined;
  }

  readonly collection = (collection: unknown, dataset: number, index: number): null => {
    if (this.#error !== undefined) return null;
    try {
      checkCollectionShape(collection, `dataset[${dataset}].collections[${index}]`, plainAccess, this.#fail);
    } catch (error) {
      this.#error = error; // after the dataset's own problems (its key comes first in the file's order)
      return null;
    }
    const name = plainAccess.str((collection as Record<string, unknown>).name)!;
    walkCollection(collection as Record<string, unknown>, plainAccess, (path, field, fieldList) => {
      const address = { dataset: '', collection: name, field: path };
      const place = { address, ref: '', schema: '', prefixes: [], field, fieldList, collection: collection as Record<string, unknown>, collectionList: [], dataset: {} };
      this.#pending.push({ field: reviewFieldOf(place, plainAccess, this.details), address });
    });
    return null;
  };

  readonly dataset = (dataset: unknown, index: number): null => {
    checkDatasetEntryShape(dataset, `dataset[${index}]`, plainAccess, this.#fail);
    if (this.#error !== undefined) throw this.#error;
    const context = datasetContext(dataset as Record<string, unknown>, plainAccess);
    const { key, schema } = context;
    this.#contexts.push(context);
    for (const { field, address } of this.#pending) {
      address.dataset = key;
      field.schema = schema;
      const id = addressId(key, address.collection, address.field);
      if (this.#seen.has(id)) continue;
      this.#seen.add(id);
      this.fields.push(field);
      this.#fieldDataset.push(this.#contexts.length - 1);
    }
    this.#pending = [];
    return null;
  };

  /**
   * `schema.table.column` for every field, once every dataset is known (see fides/field-names.ts);
   * returns each field's prefixes as walkFields gives them (one array per dataset).
   */
  nameFields(): (readonly string[])[] {
    const shown = this.#contexts.map((c) => fieldPrefix(c, this.#contexts));
    const prefixes = this.#contexts.map((c, d) => [...new Set([...c.prefixes, shown[d]])]);
    this.fields.forEach((field, i) => {
      field.ref = `${shown[this.#fieldDataset[i]]}.${field.address.collection}.${field.address.field}`;
    });
    return this.#fieldDataset.map((d) => prefixes[d]);
  }
}
