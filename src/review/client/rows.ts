/** One field in the list: its row, and the row below it that holds its evidence when unfolded. */
import { h } from './dom.js';
import { evidenceBlock } from './evidence.js';
import { band, BAND_LABEL, pct, STATUS_LABEL } from './format.js';
import { app, canUndo, catName } from './state.js';
import type { Field } from './store.js';

/** What the row's controls do (src/review/client/actions.ts and main.ts). */
export interface RowActions {
  setCurrent(index: number): void;
  toggleSelected(index: number, on: boolean): void;
  toggleExpanded(index: number): void;
  accept(f: Field): void;
  edit(f: Field): void;
  ignore(f: Field): void;
  undo(f: Field): void;
}

/** `position` is the field's place in the shown list (0 first): screen readers hear "row n of m". */
export function fieldRows(f: Field, position: number, on: RowActions): HTMLElement[] {
  const i = f.index;
  const name = f.address.field;
  const isCurrent = i === app.current;
  const detailId = `detail-${i}`;
  const expanded = app.expanded.has(i);
  const detail = app.details.get(i);
  const off = app.conflict;
  const multiTable = app.view.kind !== 'table';

  const fieldCell = h(
    'td',
    null,
    h('div', { class: 'fname' }, multiTable ? h('span', { class: 'table-prefix', text: `${f.address.collection}.` }) : null, name),
    h(
      'div',
      { class: 'fmeta' },
      f.dataType ? h('code', { text: f.dataType }) : null,
      f.isNew ? h('span', { class: 'tag new', text: 'New since last scan' }) : null,
      f.isRemoved ? h('span', { class: 'tag removed', text: 'No longer in the database' }) : null,
    ),
    h(
      'button',
      { type: 'button', class: 'why', 'aria-expanded': expanded ? 'true' : 'false', 'aria-controls': detailId, 'data-focus': 'why', onclick: () => on.toggleExpanded(i) },
      expanded ? 'Hide evidence' : 'Show evidence',
    ),
  );

  const cats = h(
    'td',
    null,
    h(
      'div',
      { class: 'cats' },
      f.categories.map((c) =>
        h(
          'div',
          { class: app.store.taxonomy.has(c) ? 'cat' : 'cat unknown', title: app.store.taxonomy.get(c)?.description ?? '' },
          h('span', { class: 'cname', text: catName(c) }),
          h('span', { class: 'key', text: c }),
        ),
      ),
    ),
    f.status === 'edited' && f.machineProposal ? h('div', { class: 'fmeta', text: `piiscout suggested ${f.machineProposal.categories.map(catName).join(', ')}` }) : null,
  );

  const button = (label: string, text: string, key: string, disabled: boolean, act: () => void, cls?: string) =>
    h('button', { type: 'button', class: cls, 'aria-label': `${label} ${name}`, 'aria-keyshortcuts': key, 'data-focus': key, disabled, onclick: act }, text);

  const row = h(
    'tr',
    {
      class: `row ${f.status}${isCurrent ? ' current' : ''}`,
      'data-index': i,
      'aria-rowindex': position + 2,
      'data-focus': 'row',
      tabindex: isCurrent ? '0' : '-1',
      onclick: () => on.setCurrent(i),
      onfocusin: () => on.setCurrent(i),
    },
    h(
      'td',
      { class: 'sel' },
      h('input', {
        type: 'checkbox',
        'aria-label': `Select ${name}`,
        'data-focus': 'select',
        checked: app.selected.has(i),
        onchange: (ev) => on.toggleSelected(i, (ev.currentTarget as HTMLInputElement).checked),
      }),
    ),
    fieldCell,
    cats,
    h('td', null, confidenceCell(f)),
    h('td', null, h('span', { class: `badge ${f.status}`, text: STATUS_LABEL[f.status] })),
    h(
      'td',
      { class: 'actions' },
      button('Accept', 'Accept', 'a', off || f.status === 'accepted', () => on.accept(f), 'accept'),
      button('Change categories of', 'Change…', 'e', off, () => on.edit(f)),
      button('Ignore', 'Ignore', 'i', off || f.status === 'ignored', () => on.ignore(f)),
      button('Undo', 'Undo', 'u', off || !canUndo(f), () => on.undo(f)),
    ),
  );
  // Evidence is fetched when first unfolded; the row stays hidden until it is there.
  const shown = expanded && detail !== undefined;
  const content = !shown ? null : detail instanceof Error ? h('p', { class: 'evidence', text: `Could not load the evidence: ${detail.message}` }) : evidenceBlock(f, detail);
  const detailRow = h('tr', { class: 'detail', id: detailId, hidden: !shown }, h('td', { colspan: '6' }, content));
  return [row, detailRow];
}

function confidenceCell(f: Field): HTMLElement {
  if (f.status === 'edited') return h('div', { class: 'conf' }, h('span', { class: 'manual', text: 'Set by reviewer' }));
  if (typeof f.confidence !== 'number') return h('div', { class: 'conf' }, h('span', { class: 'bucket', text: 'Not rated' }));
  const b = band(f.confidence, app.store.bands);
  const fill = h('span');
  fill.style.setProperty('width', pct(Math.max(0.02, Math.min(1, f.confidence))));
  return h(
    'div',
    { class: `conf ${b}` },
    h('span', { class: 'num', text: pct(f.confidence) }),
    h('span', { class: 'bucket', text: BAND_LABEL[b] }),
    h('div', { class: 'bar', 'aria-hidden': 'true' }, fill),
  );
}
