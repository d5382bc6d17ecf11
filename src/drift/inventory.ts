/**
 * What a dataset file says exists and what the machine proposes for it, flattened for comparison:
 * tables as `schema.table`, columns as `schema.table.column` (nested fields `column.sub`; the
 * database first when the files hold two schemas of one name, see field-names.ts), the same
 * references `piiscout review` takes. Reads plain parsed YAML; no value is ever involved.
 */
import { datasetNames, fieldPrefix, type DatasetNames } from '../fides/dataset-file/dataset-names.js';
import { categoriesOf, isDecidedField, walkCollection } from '../fides/dataset-file/fields.js';
import { isPlainMap as isObj, plainAccess, type PlainMap as Obj } from '../fides/dataset-file/tree-access.js';

export interface ColumnState {
  /** Marked `piiscout.removed` (gone from the database, kept in the file for review). */
  readonly removed: boolean;
  /** The machine's latest proposal: the categories of a proposed field, or the proposal recorded beside a decision. */
  readonly proposal: readonly string[];
  /** A person decided this field (accepted, edited or ignored). */
  readonly decided: boolean;
  /** `data_categories` as they stand (the decision, or the proposal while undecided). */
  readonly categories: readonly string[];
}

export interface TableState {
  readonly removed: boolean;
  /** The last scan could not sample it (`piiscout.status: skipped`), with its reason. */
  readonly skipped?: string;
}

export interface Inventory {
  /** `schema.table` */
  readonly tables: ReadonlyMap<string, TableState>;
  readonly columns: ReadonlyMap<string, ColumnState>;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

const datasetsOf = (file: unknown): Obj[] => list(isObj(file) ? file.dataset : undefined).filter(isObj);

function columnState(field: Obj, tableRemoved: boolean): ColumnState {
  const record = isObj(field.piiscout) ? field.piiscout : {};
  const categories = categoriesOf(field, plainAccess);
  const decided = isDecidedField(field, plainAccess);
  const beside = isObj(record.proposal) ? strings(record.proposal.categories) : undefined;
  return { removed: tableRemoved || record.removed === true, proposal: decided && beside ? beside : categories, decided, categories };
}

/**
 * Flattens a parsed dataset file (`YAML.parse` output); anything not shaped like one yields an empty
 * inventory. Names as field-names.ts says, over the datasets of this file and of `comparedWith`
 * (the other file of a diff), so both files name the same field alike.
 */
export function inventoryOf(file: unknown, comparedWith?: unknown): Inventory {
  const inventory: MutableInventory = { tables: new Map(), columns: new Map() };
  const names = (dataset: Obj): DatasetNames => datasetNames(dataset, plainAccess);
  const all = [...datasetsOf(file), ...datasetsOf(comparedWith)].map(names);
  for (const dataset of datasetsOf(file)) {
    const schema = fieldPrefix(names(dataset), all);
    for (const collection of list(dataset.collections)) addCollection(inventory, schema, collection);
  }
  return inventory;
}

export interface MutableInventory extends Inventory {
  readonly tables: Map<string, TableState>;
  readonly columns: Map<string, ColumnState>;
}

/** Adds one collection (plain data) of a dataset whose fields are named `schema.…` (see fieldPrefix). */
export function addCollection(inventory: MutableInventory, schema: string, collection: unknown): void {
  const { tables, columns } = inventory;
  if (!isObj(collection)) return;
  const name = plainAccess.str(collection.name);
  if (name === undefined) return;
  const table = `${schema}.${name}`;
  const record = isObj(collection.piiscout) ? collection.piiscout : {};
  const removed = record.removed === true;
  const skipped = record.status === 'skipped' ? (typeof record.reason === 'string' ? record.reason : 'not sampled') : undefined;
  tables.set(table, skipped === undefined ? { removed } : { removed, skipped });
  walkCollection(collection, plainAccess, (path, field) => {
    const ref = `${table}.${path}`;
    if (!columns.has(ref)) columns.set(ref, columnState(field, removed));
  });
}
