/**
 * Drift between two versions of a dataset file: tables and columns that appeared or went away, and
 * columns whose machine proposal changed, with columns that became personal data (a `notes` column
 * that now holds email addresses) first. Pure: `piiscout diff` and the scheduled-scan history both
 * use it, so they report the same thing. Works on merged files (removed markers) and on two
 * independent scans alike; a scheduled scan takes it from what its merge changed (driftOfMerge).
 */
import { fieldPrefix, type DatasetNames } from '../fides/dataset-file/dataset-names.js';
import type { MergeChanges } from '../fides/dataset-file/merge-changes.js';
import { hasPersonalCategory } from '../fides/dataset-file/personal.js';
import { addCollection, inventoryOf, type ColumnState, type Inventory, type MutableInventory } from './inventory.js';

export interface ProposalDrift {
  /** `schema.table.column` */
  readonly column: string;
  readonly old: string[];
  readonly new: string[];
  /** A person decided this column; the decision stays and `new` is the scan's differing proposal. */
  readonly decided: boolean;
}

export interface DriftReport {
  readonly newTables: string[];
  readonly removedTables: string[];
  /** New columns of tables that existed before (a new table's columns come with it). */
  readonly newColumns: string[];
  /** Removed columns of tables that are still there. */
  readonly removedColumns: string[];
  /** Every new column (new tables included) whose proposal is personal data. */
  readonly newPersonalColumns: string[];
  /** Columns in both versions whose proposal changed, `becamePersonal` ones included. */
  readonly changedProposals: ProposalDrift[];
  /** Columns whose proposal had no personal category and now has one. */
  readonly becamePersonal: ProposalDrift[];
}

const present = <T extends { removed: boolean }>(map: ReadonlyMap<string, T>): Map<string, T> => new Map([...map].filter(([, v]) => !v.removed));

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const s = new Set(a);
  return s.size === new Set(b).size && b.every((x) => s.has(x));
}

const tableOf = (column: string, tables: ReadonlyMap<string, unknown>): string | undefined => {
  // Columns may be nested (table.col.sub); the table is the longest known prefix.
  for (let i = column.lastIndexOf('.'); i > 0; i = column.lastIndexOf('.', i - 1)) if (tables.has(column.slice(0, i))) return column.slice(0, i);
  return undefined;
};

export function compareInventories(before: Inventory, after: Inventory): DriftReport {
  const oldTables = present(before.tables);
  const newTables = present(after.tables);
  const oldColumns = present(before.columns);
  const newColumns = present(after.columns);
  const addedTables = [...newTables.keys()].filter((t) => !oldTables.has(t)).sort();
  const goneTables = [...oldTables.keys()].filter((t) => !newTables.has(t)).sort();
  const added = [...newColumns.keys()].filter((c) => !oldColumns.has(c)).sort();
  const gone = [...oldColumns.keys()].filter((c) => !newColumns.has(c)).sort();
  const addedSet = new Set(addedTables);
  const goneSet = new Set(goneTables);
  const changed: ProposalDrift[] = [];
  for (const [column, now] of [...newColumns].sort(([a], [b]) => a.localeCompare(b))) {
    const was: ColumnState | undefined = oldColumns.get(column);
    if (!was || sameSet(was.proposal, now.proposal)) continue;
    changed.push({ column, old: [...was.proposal], new: [...now.proposal], decided: now.decided });
  }
  return {
    newTables: addedTables,
    removedTables: goneTables,
    newColumns: added.filter((c) => !addedSet.has(tableOf(c, after.tables) ?? '')),
    removedColumns: gone.filter((c) => !goneSet.has(tableOf(c, before.tables) ?? '')),
    newPersonalColumns: added.filter((c) => hasPersonalCategory(newColumns.get(c)!.proposal)),
    changedProposals: changed,
    becamePersonal: changed.filter((c) => !hasPersonalCategory(c.old) && hasPersonalCategory(c.new)),
  };
}

/** Drift between two parsed dataset files (`YAML.parse` output); `before` undefined = nothing before. */
export function compareDatasetFiles(before: unknown, after: unknown): DriftReport {
  return compareInventories(inventoryOf(before, after), inventoryOf(after, before));
}

/**
 * The drift a merge made, from the collections it changed (MergeOptions.trackChanges): the same
 * report as comparing the file before and after, without reading either. Collections the merge did
 * not touch are alike in both and add nothing; names follow both versions' datasets, as a diff's do.
 */
export function driftOfMerge(changes: MergeChanges): DriftReport {
  const namesBefore = changes.datasetsBefore;
  const namesAfter = changes.datasetsAfter();
  const all = [...namesBefore, ...namesAfter];
  const prefix = (names: readonly DatasetNames[], key: string): string => {
    const own = names.find((d) => d.key === key);
    return own ? fieldPrefix(own, all) : key;
  };
  const before: MutableInventory = { tables: new Map(), columns: new Map() };
  const after: MutableInventory = { tables: new Map(), columns: new Map() };
  for (const change of changes.collections) {
    if (change.before !== undefined) addCollection(before, prefix(namesBefore, change.dataset), change.before);
    if (change.after !== undefined) addCollection(after, prefix(namesAfter, change.dataset), change.after);
  }
  return compareInventories(before, after);
}

export function hasDrift(d: DriftReport): boolean {
  return d.newTables.length + d.removedTables.length + d.newColumns.length + d.removedColumns.length + d.changedProposals.length > 0;
}

/** Drift that adds personal data: a column that became personal, or a new column proposed as personal. */
export function hasPersonalDrift(d: DriftReport): boolean {
  return d.becamePersonal.length + d.newPersonalColumns.length > 0;
}
