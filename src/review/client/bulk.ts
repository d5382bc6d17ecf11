/**
 * Actions on several fields: the selection, "Accept all shown", "Accept high-confidence shown", and
 * the dialog that shows what a bulk accept would confirm (how many fields, per confidence band and
 * category) and saves nothing until the reviewer presses Accept.
 */
import { act, setCategories } from './actions.js';
import { $, h } from './dom.js';
import { band, BAND_LABEL, bandRange, BANDS, plural, type Band } from './format.js';
import { openPicker } from './picker.js';
import { isHighConfidence, renderBulk, shownToReview } from './render.js';
import { app, catName } from './state.js';

interface Confirming {
  readonly fields: number[];
  readonly high: number[];
  readonly returnFocus: Element | null;
}

let confirming: Confirming | null = null;

function confirmAccept(fields: number[], intro: string): void {
  const high = fields.filter(isHighConfidence);
  confirming = { fields, high, returnFocus: document.activeElement };
  $('confirm-title').textContent = `Accept ${plural(fields.length, 'field')}?`;
  $('confirm-intro').textContent = `${intro} Accepting confirms their categories as they are; Undo puts them back.`;
  $('confirm-summary').replaceChildren(...acceptSummary(fields));
  $('confirm-ok').textContent = `Accept ${plural(fields.length, 'field')}`;
  const onlyHigh = $<HTMLButtonElement>('confirm-high');
  onlyHigh.hidden = high.length === 0 || high.length === fields.length;
  onlyHigh.textContent = `Accept only the ${high.length} high-confidence`;
  $<HTMLDialogElement>('confirm').showModal();
  $('confirm-cancel').focus();
}

function acceptSummary(fields: readonly number[]): HTMLElement[] {
  const store = app.store;
  const bands = new Map<Band, number>();
  const cats = new Map<string, number>();
  let decided = 0;
  for (const i of fields) {
    const b = band(store.confidence(i), store.bands);
    bands.set(b, (bands.get(b) ?? 0) + 1);
    for (const c of new Set(store.categories(i))) cats.set(c, (cats.get(c) ?? 0) + 1);
    if (store.status(i) !== 'proposed') decided++;
  }
  const byBand = BANDS.filter((b) => bands.has(b)).map((b) =>
    h('li', { class: `band ${b}` }, h('span', { class: 'n', text: String(bands.get(b)) }), ` ${BAND_LABEL[b]}`, h('span', { class: 'strength', text: ` (${bandRange(b, store.bands)})` })),
  );
  const byCategory = [...cats]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([c, n]) => h('li', null, h('span', { class: 'n', text: String(n) }), ` ${catName(c)}`, h('span', { class: 'key', text: ` ${c}` })));
  const out = [
    h('h3', { text: 'By confidence' }),
    h('ul', { class: 'counts', 'aria-label': 'Fields by confidence' }, byBand),
    h('h3', { text: 'By category' }),
    h('ul', { class: 'counts cats-list', 'aria-label': 'Fields by category' }, byCategory),
  ];
  const low = (bands.get('low') ?? 0) + (bands.get('unrated') ?? 0);
  if (low) out.push(h('p', { class: 'warn', text: `${plural(low, 'field')} with low or no confidence: consider checking ${low === 1 ? 'it' : 'them'} one by one.` }));
  if (decided) out.push(h('p', { class: 'warn', text: `${plural(decided, 'field')} already decided (accepted, changed or ignored) will be marked accepted.` }));
  return out;
}

function closeConfirm(accept: 'all' | 'high' | null): void {
  const c = confirming;
  confirming = null;
  const dialog = $<HTMLDialogElement>('confirm');
  if (dialog.open) dialog.close();
  if (c?.returnFocus instanceof HTMLElement && document.contains(c.returnFocus)) c.returnFocus.focus();
  if (!c || !accept) return;
  const fields = accept === 'high' ? c.high : c.fields;
  for (const i of fields) app.selected.delete(i);
  void act({ action: 'accept', addresses: fields.map((i) => app.store.address(i)) }, `Accepted ${plural(fields.length, 'field')}`);
}

/** The selected fields, in the file's order. */
function selectedFields(): number[] {
  return [...app.selected].sort((a, b) => a - b);
}

export function wireBulk(): void {
  $('select-all').addEventListener('change', (ev) => {
    const on = (ev.currentTarget as HTMLInputElement).checked;
    for (const i of app.shown) {
      if (on) app.selected.add(i);
      else app.selected.delete(i);
    }
    app.list.show('here');
    renderBulk();
  });
  $('bulk-accept').addEventListener('click', () => {
    const fields = selectedFields();
    if (fields.length > 1) return confirmAccept(fields, `The ${plural(fields.length, 'selected field')}.`);
    app.selected.clear();
    void act({ action: 'accept', addresses: fields.map((i) => app.store.address(i)) }, `Accepted ${plural(fields.length, 'field')}`);
  });
  $('bulk-ignore').addEventListener('click', () => {
    const addresses = selectedFields().map((i) => app.store.address(i));
    app.selected.clear();
    void act({ action: 'ignore', addresses }, `Ignored ${plural(addresses.length, 'field')}`);
  });
  $('bulk-edit').addEventListener('click', () => {
    const fields = selectedFields();
    const addresses = fields.map((i) => app.store.address(i));
    app.selected.clear();
    openPicker(addresses, fields.length ? app.store.categories(fields[0]) : [], `For ${plural(addresses.length, 'selected field')}. The chosen categories replace their current ones.`, (categories) =>
      setCategories(addresses, categories),
    );
  });
  $('accept-shown').addEventListener('click', () => confirmAccept(shownToReview(), 'Every field shown with the current filters that is still to review.'));
  $('accept-high').addEventListener('click', () => {
    const fields = shownToReview().filter(isHighConfidence);
    confirmAccept(fields, `The fields shown with the current filters that are still to review and have a confidence of ${bandRange('high', app.store.bands)}.`);
  });
  $('confirm-ok').addEventListener('click', () => closeConfirm('all'));
  $('confirm-high').addEventListener('click', () => closeConfirm('high'));
  $('confirm-cancel').addEventListener('click', () => closeConfirm(null));
  $('confirm').addEventListener('cancel', (ev) => {
    ev.preventDefault();
    closeConfirm(null);
  });
}
