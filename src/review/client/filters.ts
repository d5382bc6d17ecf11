/**
 * Which fields the list shows: the view (all fields, one dataset or one table: an index range of the
 * store) and the filters, kept in the URL fragment so a reload shows the same list. Matching walks
 * the store's arrays once per change, about a millisecond per 10,000 fields.
 */
import type { FieldStatus } from '../api-types.js';
import { isStatus } from './format.js';
import type { FieldStore } from './store.js';

export type View = { kind: 'all' } | { kind: 'dataset'; dataset: string } | { kind: 'table'; dataset: string; collection: string };

export interface Filters {
  /** Search text as typed (trimmed); matches `table.field`, ignoring case. */
  q: string;
  status: FieldStatus | '';
  /** Minimum confidence in percent, 0 to 100. */
  min: number;
  /** A category key; its sub-categories match too. */
  category: string;
}

export const NO_FILTERS: Readonly<Filters> = { q: '', status: '', min: 0, category: '' };

export function sameView(a: View, b: View): boolean {
  return a.kind === b.kind && viewDataset(a) === viewDataset(b) && viewTable(a) === viewTable(b);
}

const viewDataset = (v: View): string | undefined => (v.kind === 'all' ? undefined : v.dataset);
const viewTable = (v: View): string | undefined => (v.kind === 'table' ? v.collection : undefined);

/** The index range the view covers; empty when its dataset or table is gone. */
export function viewRange(store: FieldStore, view: View): { start: number; end: number } {
  if (view.kind === 'all') return { start: 0, end: store.size };
  const node = view.kind === 'dataset' ? store.dataset(view.dataset) : store.table(view.dataset, view.collection);
  return node ? { start: node.start, end: node.end } : { start: 0, end: 0 };
}

export function hasFilters(f: Filters): boolean {
  return f.q !== '' || f.status !== '' || f.min > 0 || f.category !== '';
}

/** The indexes of the view's fields that pass the filters, in order. */
export function matchingFields(store: FieldStore, view: View, f: Filters): Int32Array {
  const { start, end } = viewRange(store, view);
  const out = new Int32Array(end - start);
  let n = 0;
  const q = f.q.toLowerCase();
  const prefix = `${f.category}.`;
  for (let i = start; i < end; i++) {
    const row = store.rows[i];
    if (f.status && row[1] !== f.status) continue;
    if (f.min > 0 && Math.round((row[2] ?? 0) * 100) < f.min) continue;
    if (f.category && !row[3].some((c) => c === f.category || c.startsWith(prefix))) continue;
    if (q && !store.searchText(i).includes(q)) continue;
    out[n++] = i;
  }
  return out.subarray(0, n);
}

/** Where `index` is in the sorted list `shown`, or -1. */
export function positionIn(shown: Int32Array, index: number): number {
  let lo = 0;
  let hi = shown.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (shown[mid] === index) return mid;
    if (shown[mid] < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function writeHash(view: View, f: Filters): void {
  const p = new URLSearchParams();
  if (view.kind !== 'all') p.set('dataset', view.dataset);
  if (view.kind === 'table') p.set('table', view.collection);
  if (f.q) p.set('q', f.q);
  if (f.status) p.set('status', f.status);
  if (f.min) p.set('min', String(f.min));
  if (f.category) p.set('category', f.category);
  const hash = p.toString();
  history.replaceState(null, '', location.pathname + location.search + (hash ? `#${hash}` : ''));
}

/** The view and filters in the URL fragment; a view it does not name is the first table left to review. */
export function readHash(store: FieldStore): { view: View; filters: Filters } {
  const p = new URLSearchParams(location.hash.slice(1));
  const d = store.dataset(p.get('dataset') ?? '');
  const c = d && d.collections.find((x) => x.name === p.get('table'));
  let view: View;
  if (d && c) view = { kind: 'table', dataset: d.name, collection: c.name };
  else if (d) view = { kind: 'dataset', dataset: d.name };
  else view = p.has('dataset') || !location.hash ? firstView(store) : { kind: 'all' };
  const status = p.get('status');
  return {
    view,
    filters: {
      q: p.get('q') ?? '',
      status: isStatus(status) ? status : '',
      min: Math.max(0, Math.min(100, Number(p.get('min')) || 0)),
      category: p.get('category') ?? '',
    },
  };
}

/** The first table with something left to review. */
function firstView(store: FieldStore): View {
  const c = store.collections.find((x) => x.toReview > 0);
  return c ? { kind: 'table', dataset: c.dataset.name, collection: c.name } : { kind: 'all' };
}
