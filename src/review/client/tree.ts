/**
 * The tree of datasets and tables beside the list, each with how many fields are left to review.
 * A file of 100,000 fields has some 12,000 tables: the tree is a virtual list too, one flat list
 * with each entry's level (aria-level) instead of nested lists.
 */
import { $, h, icon, type IconName } from './dom.js';
import { sameView, type View } from './filters.js';
import { app } from './state.js';
import { VirtualList } from './virtual-list.js';

interface Entry {
  readonly view: View;
  readonly className: 'all' | 'ds' | 'tbl';
  readonly icon: IconName;
  readonly label: string;
  readonly toReview: () => number;
}

export class TreeView {
  readonly #list: VirtualList;
  #entries: Entry[] = [];

  constructor(onSelect: (view: View) => void) {
    this.#list = new VirtualList({
      scroller: $('tree'),
      container: $('tree-list'),
      estimate: 32,
      render: (k) => [this.#item(k, onSelect)],
      spacer: () => h('li', { class: 'spacer', 'aria-hidden': 'true' }),
    });
  }

  /** Builds the entries from the fields (once they are loaded). */
  build(): void {
    const store = app.store;
    this.#entries = [{ view: { kind: 'all' }, className: 'all', icon: 'all', label: 'All fields', toReview: () => store.toReview }];
    for (const d of store.datasets) {
      this.#entries.push({ view: { kind: 'dataset', dataset: d.name }, className: 'ds', icon: 'dataset', label: d.name, toReview: () => d.toReview });
      for (const c of d.collections) {
        const view: View = { kind: 'table', dataset: d.name, collection: c.name };
        this.#entries.push({ view, className: 'tbl', icon: 'table', label: c.name, toReview: () => c.toReview });
      }
    }
    this.#list.reset(this.#entries.length);
  }

  /** Draws the entries again: counts or the current view changed. */
  refresh(): void {
    this.#list.refresh();
  }

  #item(k: number, onSelect: (view: View) => void): HTMLElement {
    const e = this.#entries[k];
    const left = e.toReview();
    const pill = left > 0 ? h('span', { class: 'pill todo', text: `${left} to review` }) : h('span', { class: 'pill done', text: '✓ Done' });
    const level = e.className === 'tbl' ? 2 : 1;
    const button = h(
      'button',
      { type: 'button', class: e.className, 'aria-current': sameView(e.view, app.view) ? 'true' : null, 'data-focus': 'entry', onclick: () => onSelect(e.view) },
      icon(e.icon),
      h('span', { class: 'label', text: e.label, title: e.label }),
      pill,
    );
    return h('li', { class: `level-${level}${e.className === 'ds' ? ' dataset' : ''}`, 'aria-level': level, 'aria-setsize': this.#entries.length, 'aria-posinset': k + 1 }, button);
  }
}
