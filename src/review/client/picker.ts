/** The "Change categories" dialog: search the taxonomy, tick one or more categories, save. */
import type { FieldAddress, TaxonomyEntryView } from '../api-types.js';
import { $, h } from './dom.js';
import { plural } from './format.js';
import { app, catName } from './state.js';

interface Picker {
  readonly ticked: string[];
  /** The reviewer ticked or unticked something (else Enter in the search takes the highlighted entry). */
  touched: boolean;
  active: number;
  matches: TaxonomyEntryView[];
  readonly returnFocus: Element | null;
  readonly onSave: (categories: string[]) => void;
}

let picker: Picker | null = null;

export function openPicker(addresses: readonly FieldAddress[], categories: readonly string[], forText: string, onSave: (categories: string[]) => void): void {
  picker = {
    ticked: categories.filter((c) => app.store.taxonomy.has(c)),
    touched: false,
    active: -1,
    matches: [],
    returnFocus: document.activeElement,
    onSave,
  };
  $('picker-title').textContent = addresses.length > 1 ? `Change categories of ${plural(addresses.length, 'field')}` : 'Change categories';
  $('picker-for').textContent = forText;
  $<HTMLInputElement>('picker-search').value = '';
  updateList();
  renderChips();
  $<HTMLDialogElement>('picker').showModal();
  $('picker-search').focus();
}

export function closePicker(): void {
  const p = picker;
  picker = null;
  const dialog = $<HTMLDialogElement>('picker');
  if (dialog.open) dialog.close();
  if (p?.returnFocus instanceof HTMLElement && document.contains(p.returnFocus)) p.returnFocus.focus();
  else if (app.current !== null) app.list.focusRow(app.current);
}

/** Ranks entries: every word must match the name, key or description; name and last key part first. */
function searchTaxonomy(query: string): TaxonomyEntryView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const entries = app.store.taxonomyEntries;
  if (!words.length) return entries.slice();
  const scored: { e: TaxonomyEntryView; score: number }[] = [];
  for (const e of entries) {
    const name = e.name.toLowerCase();
    const key = e.key.toLowerCase();
    const last = key.split('.').pop() ?? key;
    const desc = (e.description || '').toLowerCase();
    let score = 0;
    let all = true;
    for (const w of words) {
      if (name.startsWith(w) || last.startsWith(w)) score += 4;
      else if (name.includes(w)) score += 3;
      else if (key.includes(w)) score += 2;
      else if (desc.includes(w)) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) scored.push({ e, score });
  }
  const depth = (e: TaxonomyEntryView) => e.key.split('.').length;
  scored.sort((a, b) => b.score - a.score || depth(a.e) - depth(b.e) || a.e.key.localeCompare(b.e.key));
  return scored.map((s) => s.e);
}

function updateList(): void {
  const p = picker!;
  const query = $<HTMLInputElement>('picker-search').value.trim();
  p.matches = searchTaxonomy(query);
  p.active = query && p.matches.length ? 0 : -1;
  renderOptions();
}

function renderOptions(): void {
  const p = picker!;
  const list = $('picker-list');
  if (!p.matches.length) {
    list.replaceChildren(h('li', { class: 'nomatch', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', text: 'No category matches this search.' }));
  } else {
    const searching = $<HTMLInputElement>('picker-search').value.trim() !== '';
    list.replaceChildren(
      ...p.matches.map((e, i) => {
        const ticked = p.ticked.includes(e.key);
        const li = h(
          'li',
          {
            id: `opt-${i}`,
            role: 'option',
            'aria-selected': ticked ? 'true' : 'false',
            class: i === p.active ? 'active' : null,
            onmousedown: (ev) => ev.preventDefault(),
            onclick: () => {
              p.active = i;
              toggleTick(e.key);
            },
          },
          h('span', { class: 'box', 'aria-hidden': 'true', text: ticked ? '✓' : '' }),
          h(
            'div',
            null,
            h('span', { class: 'oname', text: e.name }),
            h('span', { class: 'key okey', text: e.key }),
            e.description ? h('div', { class: 'odesc', text: e.description }) : null,
          ),
        );
        if (!searching) li.style.setProperty('padding-left', `${10 + 16 * (e.key.split('.').length - 1)}px`);
        return li;
      }),
    );
  }
  const activeId = p.active >= 0 ? `opt-${p.active}` : null;
  for (const el of [$('picker-search'), list]) {
    if (activeId) el.setAttribute('aria-activedescendant', activeId);
    else el.removeAttribute('aria-activedescendant');
  }
  if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
}

function renderChips(): void {
  const p = picker!;
  const chips = $('picker-chips');
  if (!p.ticked.length) {
    chips.replaceChildren(h('span', { class: 'none', text: 'No category chosen yet: pick at least one.' }));
  } else {
    chips.replaceChildren(
      ...p.ticked.map((c) =>
        h(
          'span',
          { class: 'chip' },
          catName(c),
          h('span', { class: 'key', text: c }),
          h('button', { type: 'button', 'aria-label': `Remove ${catName(c)}`, text: '×', onclick: () => toggleTick(c) }),
        ),
      ),
    );
  }
  $<HTMLButtonElement>('picker-save').disabled = p.ticked.length === 0;
}

function toggleTick(key: string): void {
  const p = picker!;
  p.touched = true;
  const i = p.ticked.indexOf(key);
  if (i >= 0) p.ticked.splice(i, 1);
  else p.ticked.push(key);
  renderOptions();
  renderChips();
}

function save(fromSearch: boolean): void {
  const p = picker!;
  let categories = p.ticked.slice();
  // Quick change: typed a search and pressed Enter without ticking anything, so use the highlighted one.
  if (fromSearch && !p.touched && p.active >= 0 && $<HTMLInputElement>('picker-search').value.trim()) categories = [p.matches[p.active].key];
  if (!categories.length) return renderChips();
  closePicker();
  p.onSave(categories);
}

function onKey(ev: KeyboardEvent): void {
  const p = picker;
  if (!p) return;
  const inSearch = ev.target === $('picker-search');
  const inList = ev.target === $('picker-list');
  if (ev.key === 'Escape') {
    ev.preventDefault();
    return closePicker();
  }
  if (!inSearch && !inList) return;
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    if (!p.matches.length) return;
    const d = ev.key === 'ArrowDown' ? 1 : -1;
    p.active = p.active < 0 ? (d > 0 ? 0 : p.matches.length - 1) : Math.max(0, Math.min(p.matches.length - 1, p.active + d));
    renderOptions();
  } else if (ev.key === 'Enter') {
    ev.preventDefault();
    save(inSearch);
  } else if (inList && ev.key === ' ') {
    ev.preventDefault();
    if (p.active < 0 && p.matches.length) p.active = 0;
    if (p.active >= 0) toggleTick(p.matches[p.active].key);
  } else if (inList && ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
    $('picker-search').focus(); // typing in the list goes on with the search
  }
}

export function wirePicker(): void {
  const dialog = $('picker');
  dialog.addEventListener('keydown', onKey);
  dialog.addEventListener('cancel', (ev) => {
    ev.preventDefault();
    closePicker();
  });
  $('picker-search').addEventListener('input', updateList);
  $('picker-cancel').addEventListener('click', closePicker);
  $('picker-save').addEventListener('click', () => save(false));
}
