/** What the page holds between events: the fields, what is shown, selected and unfolded, and the undo history. */
import type { FieldDetail, UndoItem } from '../api-types.js';
import { NO_FILTERS, type Filters, type View } from './filters.js';
import type { FieldList } from './list.js';
import type { Field, FieldStore } from './store.js';
import type { TreeView } from './tree.js';

/** One saved action the reviewer may undo: each field's state before it. */
export interface HistoryEntry {
  readonly label: string;
  readonly undo: UndoItem[];
  /** Field index of each `undo` item. */
  readonly fields: number[];
}

class PageState {
  #store: FieldStore | null = null;
  #list: FieldList | null = null;
  #tree: TreeView | null = null;
  view: View = { kind: 'all' };
  filters: Filters = { ...NO_FILTERS };
  /** Indexes of the fields the list shows, in order. */
  shown: Int32Array = new Int32Array(0);
  readonly selected = new Set<number>();
  /** Fields whose evidence is unfolded. */
  readonly expanded = new Set<number>();
  /** Fields whose "checks that found nothing" are unfolded too. */
  readonly evidenceMore = new Set<number>();
  /** Evidence loaded so far (it does not change with review actions), or why it could not be. */
  readonly details = new Map<number, FieldDetail | Error>();
  /** The field the keyboard acts on, and its place in `shown` (kept when it leaves the list). */
  current: number | null = null;
  currentPos = 0;
  readonly history: HistoryEntry[] = [];
  /** How many history entries name each field. */
  readonly inHistory = new Map<number, number>();
  /** The file changed outside the page: nothing more is saved until a reload. */
  conflict = false;

  get loaded(): boolean {
    return this.#store !== null;
  }

  get store(): FieldStore {
    if (!this.#store) throw new Error('the fields are not loaded yet');
    return this.#store;
  }

  set store(store: FieldStore) {
    this.#store = store;
  }

  get list(): FieldList {
    if (!this.#list) throw new Error('the field list is not set up yet');
    return this.#list;
  }

  get tree(): TreeView {
    if (!this.#tree) throw new Error('the tree is not set up yet');
    return this.#tree;
  }

  /** The page's two lists, made once the DOM is there (main.ts). */
  setViews(list: FieldList, tree: TreeView): void {
    this.#list = list;
    this.#tree = tree;
  }

  field(i: number): Field {
    return this.store.field(i);
  }

  pushHistory(entry: HistoryEntry): void {
    this.history.push(entry);
    for (const i of entry.fields) this.inHistory.set(i, (this.inHistory.get(i) ?? 0) + 1);
  }

  /** Takes item `j` out of `entry`, and the entry out of the history once it is empty. */
  dropFromHistory(entry: HistoryEntry, j?: number): void {
    const drop = j === undefined ? entry.fields.splice(0) : entry.fields.splice(j, 1);
    if (j === undefined) entry.undo.splice(0);
    else entry.undo.splice(j, 1);
    for (const i of drop) {
      const n = (this.inHistory.get(i) ?? 0) - 1;
      if (n > 0) this.inHistory.set(i, n);
      else this.inHistory.delete(i);
    }
    if (entry.undo.length === 0) this.history.splice(this.history.indexOf(entry), 1);
  }
}

export const app = new PageState();

export function catName(key: string): string {
  return app.store.taxonomy.get(key)?.name ?? 'Unknown category';
}

export function catLabel(key: string): string {
  return `${catName(key)} (${key})`;
}

export function fieldLabel(f: Field): string {
  return `${f.address.collection}.${f.address.field}`;
}

/** A field can be undone: decided, or changed in this session. */
export function canUndo(f: Field): boolean {
  return f.status !== 'proposed' || app.inHistory.has(f.index);
}
