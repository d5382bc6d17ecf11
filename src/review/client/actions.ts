/**
 * Saving review actions: one after another, each against the version the previous one saved; the
 * answer's changed fields update the store, and the undo history keeps what each field was before.
 */
import type { ActionRequest, ActionResponse, FieldAddress } from '../api-types.js';
import { ApiRequestError, postAction } from './api.js';
import { $, h } from './dom.js';
import { positionIn } from './filters.js';
import { clock, plural } from './format.js';
import { openPicker } from './picker.js';
import { renderAll } from './render.js';
import { app, catName, fieldLabel, type HistoryEntry } from './state.js';
import type { Field } from './store.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ActionBody = DistributiveOmit<ActionRequest, 'expectedVersion'>;

export const CHANGED_MESSAGE = 'The file was changed outside this page — reload to see the latest version.';

let queue: Promise<void> = Promise.resolve();
/** Actions waiting or on their way. */
let pending = 0;
/** Actions started so far: a version poll that raced one is ignored. */
let started = 0;

export const isSaving = (): boolean => pending > 0;
export const actionsStarted = (): number => started;

/** Saves `body` after the actions before it. Without `onSaved`, the action goes into the undo history. */
export function act(body: ActionBody, label: string, onSaved?: (res: ActionResponse) => void): Promise<void> {
  pending++;
  started++;
  setSaveStatus('busy', 'Saving…');
  queue = queue.then(async () => {
    try {
      if (app.conflict) return setSaveStatus('error', 'Not saved');
      const res = await postAction({ ...body, expectedVersion: app.store.version } as ActionRequest);
      const indexOf = (a: FieldAddress) => app.store.indexOf(a) ?? -1;
      if (onSaved) onSaved(res);
      else app.pushHistory({ label, undo: res.undo, fields: res.undo.map((u) => indexOf(u.address)) });
      app.store.version = res.version;
      for (const c of res.changed) {
        const i = indexOf(c.address);
        if (i >= 0) app.store.update(i, c.row);
      }
      renderAll();
      setSaveStatus('saved', `Saved at ${clock()} · ${label}`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof ApiRequestError && e.status === 409) {
        setSaveStatus('error', 'Not saved');
        showConflict(message);
      } else setSaveStatus('error', `Not saved: ${message}`);
    } finally {
      pending--;
    }
  });
  return queue;
}

export function setSaveStatus(kind: 'idle' | 'busy' | 'saved' | 'error', text: string): void {
  const el = $('save-status');
  el.className = `save-status ${kind}`;
  el.replaceChildren(h('span', { class: 'dot', 'aria-hidden': 'true' }), h('span', { text }));
}

export function showConflict(message?: string): void {
  app.conflict = true;
  $('banner-text').textContent = message || CHANGED_MESSAGE;
  $('banner').hidden = false;
  renderAll();
}

export function setCurrent(i: number, focus = false): void {
  if (app.current !== i) {
    const old = app.current === null ? undefined : app.list.row(app.current);
    if (old) {
      old.classList.remove('current');
      old.tabIndex = -1;
    }
    app.current = i;
    app.currentPos = positionIn(app.shown, i);
    const row = app.list.row(i);
    if (row) {
      row.classList.add('current');
      row.tabIndex = 0;
    }
  }
  if (focus) app.list.focusRow(i);
}

export function acceptField(f: Field): Promise<void> {
  setCurrent(f.index);
  return act({ action: 'accept', addresses: [f.address] }, `Accepted ${fieldLabel(f)}`);
}

export function ignoreField(f: Field): Promise<void> {
  setCurrent(f.index);
  return act({ action: 'ignore', addresses: [f.address] }, `Ignored ${fieldLabel(f)}`);
}

export function editField(f: Field): void {
  setCurrent(f.index);
  openPicker([f.address], f.categories, `For the field ${fieldLabel(f)}`, (categories) => setCategories([f.address], categories));
}

/** Sets the categories of these fields (the picker's Save). */
export function setCategories(addresses: FieldAddress[], categories: string[]): void {
  const names = categories.map(catName).join(', ');
  const what = addresses.length === 1 ? `${addresses[0].collection}.${addresses[0].field}` : plural(addresses.length, 'field');
  void act({ action: 'set', addresses, categories }, `Changed ${what} to ${names}`);
}

export function undoField(f: Field): Promise<void> | undefined {
  for (let k = app.history.length - 1; k >= 0; k--) {
    const entry: HistoryEntry = app.history[k];
    const j = entry.fields.lastIndexOf(f.index);
    if (j < 0) continue;
    const item = entry.undo[j];
    return act({ action: 'restore', restores: [item] }, `Undid the change to ${fieldLabel(f)}`, () => app.dropFromHistory(entry, entry.undo.indexOf(item)));
  }
  if (f.status === 'proposed') return undefined;
  // Nothing recorded in this session (e.g. after a reload): back to the suggestion, waiting for review.
  const categories = f.machineProposal ? f.machineProposal.categories : [...f.categories];
  return act(
    { action: 'restore', restores: [{ address: f.address, previous: { categories, status: 'proposed' } }] },
    `Put ${fieldLabel(f)} back to review`,
    () => undefined,
  );
}

export function undoLast(): void {
  const entry = app.history.at(-1);
  if (!entry) return;
  void act({ action: 'restore', restores: entry.undo }, `Undid: ${entry.label}`, () => app.dropFromHistory(entry));
}
