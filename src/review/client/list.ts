/** The field list of the main column: the view's title and counts, the rows (virtual), the empty state. */
import { $, h } from './dom.js';
import { matchingFields, positionIn, viewRange } from './filters.js';
import { fieldRows, type RowActions } from './rows.js';
import { app } from './state.js';
import { VirtualList } from './virtual-list.js';

/** About one field row with its name, data type and "Show evidence" link; measured once drawn. */
const ROW_HEIGHT_ESTIMATE = 96;

export class FieldList {
  readonly #list: VirtualList;
  readonly #onClearFilters: () => void;

  constructor(on: RowActions, onClearFilters: () => void) {
    this.#onClearFilters = onClearFilters;
    this.#list = new VirtualList({
      scroller: $('main'),
      container: $('field-rows'),
      estimate: ROW_HEIGHT_ESTIMATE,
      render: (k) => fieldRows(app.field(app.shown[k]), k, on),
      spacer: () => h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: '6' })),
    });
  }

  /**
   * Works out which fields to show and draws them. `from: 'top'` (a new view or filter) starts at the
   * top of the list; otherwise (after an action) the list stays where it was.
   */
  show(from: 'top' | 'here'): void {
    const before = app.shown;
    app.shown = matchingFields(app.store, app.view, app.filters);
    if (app.current !== null && positionIn(app.shown, app.current) < 0) {
      // The current field left the list (e.g. accepted under a "To review" filter): take its neighbour.
      app.current = app.shown.length ? app.shown[Math.min(app.currentPos, app.shown.length - 1)] : null;
    }
    if (app.current !== null) app.currentPos = positionIn(app.shown, app.current);
    this.#renderHead();
    // Only the rows in view are in the table: it says how many there are (the header row is the first).
    $('fields').setAttribute('aria-rowcount', String(app.shown.length + 1));
    if (from === 'here' && sameList(before, app.shown)) return this.#list.refresh();
    const scroller = $('main');
    const scrollTop = scroller.scrollTop;
    if (from === 'top') scroller.scrollTop = 0;
    this.#list.reset(app.shown.length);
    if (from === 'here') scroller.scrollTop = scrollTop;
    this.#list.update();
  }

  /** Draws the field's row again, where it is drawn. */
  refreshField(index: number): void {
    const k = positionIn(app.shown, index);
    if (k >= 0) this.#list.refreshItem(k);
  }

  /** Something inside the field's rows opened or closed. */
  heightChanged(index: number): void {
    const k = positionIn(app.shown, index);
    if (k >= 0) this.#list.measureItem(k);
  }

  /** The field's row, drawn first when it is out of view. */
  row(index: number, reveal = false): HTMLElement | undefined {
    const k = positionIn(app.shown, index);
    if (k < 0) return undefined;
    if (reveal) this.#list.reveal(k);
    return this.#list.elements(k)?.[0];
  }

  focusRow(index: number): void {
    const tr = this.row(index, true);
    if (!tr) return;
    tr.focus({ preventScroll: true });
    tr.scrollIntoView({ block: 'nearest' });
  }

  contains(el: Element | null): boolean {
    return $('field-rows').contains(el);
  }

  #renderHead(): void {
    const { store, view, shown } = app;
    $('view-title').textContent = view.kind === 'all' ? 'All fields' : view.kind === 'dataset' ? `Dataset ${view.dataset}` : `${view.dataset} › ${view.collection}`;
    const { start, end } = viewRange(store, view);
    const total = end - start;
    const node = view.kind === 'dataset' ? store.dataset(view.dataset) : view.kind === 'table' ? store.table(view.dataset, view.collection) : undefined;
    const left = view.kind === 'all' ? store.toReview : (node?.toReview ?? 0);
    const parts = [`${total}${total === 1 ? ' field' : ' fields'}`, `${left} left to review`];
    if (shown.length !== total) parts.push(`${shown.length} shown with these filters`);
    $('view-sub').textContent = parts.join(' · ');
    const empty = $('empty');
    empty.hidden = shown.length > 0;
    if (!shown.length) {
      empty.replaceChildren(total ? 'No fields match these filters. ' : 'There are no fields here.');
      if (total) empty.append(h('button', { type: 'button', class: 'link', text: 'Clear filters', onclick: this.#onClearFilters }));
    }
  }
}

function sameList(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
