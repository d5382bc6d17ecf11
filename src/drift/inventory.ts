/**
 * What a dataset file says exists and what the machine proposes for it, flattened for comparison:
 * tables as `schema.table`, columns as `schema.table.column` (nested fields `column.sub`; the
 * database first when the files hold two schemas of one name, see field-names.ts), the same
 * references `piiscout review` takes. Reads plain parsed YAML; no value is ever involved.
 */
import { datasetNames, fieldPrefix } from '../fides/field-names.js';

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

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');
const DECIDED = new Set(['accepted', 'edited', 'ignored']);

const datasetsOf = (file: unknown): Obj[] => list(isObj(file) ? file.dataset : undefined).filter(isObj);

function columnState(field: Obj, tableRemoved: boolean): ColumnState {
  const record = isObj(field.piiscout) ? field.piiscout : {};
  const categories = strings(field.data_categories);
  // Same rule as review-file.ts: no status + categories = written by a person.
  const status = typeof record.status === 'string' ? record.status : categories.length > 0 ? 'edited' : 'proposed';
  const decided = DECIDED.has(status);
  const beside = isObj(record.proposal) ? strings(record.proposal.categories) : undefined;
  return { removed: tableRemoved || record.removed === true, proposal: decided && beside ? beside : categories, decided, categories };
}

/**
 * Flattens a parsed dataset file (`YAML.parse` output); anything not shaped like one yields an empty
 * inventory. Names as field-names.ts says, over the datasets of this file and of `comparedWith`
 * (the other file of a diff), so both files name the same field alike.
 */
export function inventoryOf(file: unknown, comparedWith?: unknown): Inventory {
  const tables = new Map<string, TableState>();
  const columns = new Map<string, ColumnState>();
  const all = [...datasetsOf(file), ...datasetsOf(comparedWith)].map(datasetNames);
  for (const dataset of datasetsOf(file)) {
    const schema = fieldPrefix(datasetNames(dataset), all);
    for (const collection of list(dataset.collections)) {
      if (!isObj(collection) || typeof collection.name !== 'string') continue;
      const table = `${schema}.${collection.name}`;
      const record = isObj(collection.piiscout) ? collection.piiscout : {};
      const removed = record.removed === true;
      const skipped = record.status === 'skipped' ? (typeof record.reason === 'string' ? record.reason : 'not sampled') : undefined;
      tables.set(table, skipped === undefined ? { removed } : { removed, skipped });
      const visit = (fields: unknown, prefix: string): void => {
        for (const field of list(fields)) {
          if (!isObj(field) || typeof field.name !== 'string') continue;
          const ref = `${prefix}.${field.name}`;
          const sub = list(field.fields);
          // A container a person wrote for nested fields has no proposal of its own.
          const container = sub.length > 0 && field.data_categories === undefined && !isObj(field.piiscout);
          if (!container && !columns.has(ref)) columns.set(ref, columnState(field, removed));
          visit(sub, ref);
        }
      };
      visit(collection.fields, table);
    }
  }
  return { tables, columns };
}

/** Personal data in Fides terms: the `user` category or one under it. */
export function isPersonal(categories: readonly string[]): boolean {
  return categories.some((c) => c === 'user' || c.startsWith('user.'));
}
