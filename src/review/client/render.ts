/** Draws the page from the state: header counts, tree, category filter, list, bulk bar. */
import { $, h } from './dom.js';
import { band, bandRange } from './format.js';
import { app, catLabel, catName } from './state.js';

/**
 * Everything again, after an action or a reload of the fields. Where the focus was in the list (or
 * nowhere), it goes to the current field's row, as the rows it was in were drawn again.
 */
export function renderAll(from: 'top' | 'here' = 'here'): void {
  if (!app.loaded) return;
  const hadFocus = app.list.contains(document.activeElement) || document.activeElement === document.body;
  renderHeader();
  app.tree.refresh();
  renderCategoryFilter();
  app.list.show(from);
  renderBulk();
  $<HTMLButtonElement>('undo-last').disabled = app.history.length === 0 || app.conflict;
  if (hadFocus && app.current !== null) app.list.focusRow(app.current);
}

export function renderHeader(): void {
  const s = app.store;
  $('file-name').textContent = s.fileName;
  $('file-name').title = s.filePath;
  const total = s.size;
  const left = s.toReview;
  const el = $('left-count');
  if (total === 0) el.replaceChildren('This file has no fields.');
  else if (left === 0) el.replaceChildren(h('strong', { text: String(total) }), ' fields, all reviewed');
  else el.replaceChildren(h('strong', { text: String(left) }), `${left === 1 ? ' field' : ' fields'} left to review`, h('span', { class: 'sr-only', text: ` of ${total}` }));
  const done = total ? (total - left) / total : 1;
  $('progress-fill').style.setProperty('width', `${Math.round(done * 100)}%`);
  $('progress').title = `${total - left} of ${total} fields reviewed`;
}

export function renderCategoryFilter(): void {
  const used = app.store.usedCategories();
  if (app.filters.category) used.add(app.filters.category);
  const select = $<HTMLSelectElement>('f-category');
  const options = [...used].sort((a, b) => catName(a).localeCompare(catName(b)) || a.localeCompare(b)).map((c) => h('option', { value: c, text: catLabel(c) }));
  select.replaceChildren(h('option', { value: '', text: 'All categories' }), ...options);
  select.value = app.filters.category;
}

/** The shown fields still to review. */
export function shownToReview(): number[] {
  const out: number[] = [];
  for (const i of app.shown) if (app.store.status(i) === 'proposed') out.push(i);
  return out;
}

export function isHighConfidence(i: number): boolean {
  return band(app.store.confidence(i), app.store.bands) === 'high';
}

export function renderBulk(): void {
  let shownSelected = 0;
  for (const i of app.shown) if (app.selected.has(i)) shownSelected++;
  const n = app.selected.size;
  const shown = app.shown.length;
  $('sel-count').textContent = n === 0 ? 'None selected' : `${n} selected`;
  const all = $<HTMLInputElement>('select-all');
  all.checked = shown > 0 && shownSelected === shown;
  all.indeterminate = shownSelected > 0 && shownSelected < shown;
  all.disabled = shown === 0;
  for (const id of ['bulk-accept', 'bulk-edit', 'bulk-ignore']) $<HTMLButtonElement>(id).disabled = n === 0 || app.conflict;
  const toReview = shownToReview();
  const high = toReview.filter(isHighConfidence).length;
  const accept = $<HTMLButtonElement>('accept-shown');
  accept.textContent = `Accept all shown (${toReview.length} to review)…`;
  accept.disabled = toReview.length === 0 || app.conflict;
  const acceptHigh = $<HTMLButtonElement>('accept-high');
  acceptHigh.textContent = `Accept high-confidence shown (${high})…`;
  acceptHigh.title = `Accept the fields shown that are still to review and have a confidence of ${bandRange('high', app.store.bands)}`;
  acceptHigh.disabled = high === 0 || app.conflict;
}
