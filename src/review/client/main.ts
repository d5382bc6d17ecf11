/**
 * The review page's script (bundled into the page by scripts/build-review-client.ts; page.ts has
 * the skeleton it fills). Loads the snapshot, draws the tree and the first rows, then answers the
 * reviewer. Performance marks for the benchmark (scripts/bench-review-page.ts):
 * `piiscout:loaded` (snapshot parsed and indexed), `piiscout:interactive` (first view drawn and
 * wired); `piiscout:filter` measures each filter or view change up to the drawn list.
 */
import { acceptField, actionsStarted, CHANGED_MESSAGE, editField, ignoreField, isSaving, setCurrent, setSaveStatus, showConflict, undoField, undoLast } from './actions.js';
import { getFieldDetail, getState, getVersion, hasToken } from './api.js';
import { wireBulk } from './bulk.js';
import { $ } from './dom.js';
import { NO_FILTERS, readHash, writeHash, type View } from './filters.js';
import { onKey } from './keyboard.js';
import { FieldList } from './list.js';
import { wirePicker } from './picker.js';
import { renderAll, renderBulk } from './render.js';
import type { RowActions } from './rows.js';
import { app } from './state.js';
import { FieldStore } from './store.js';
import { TreeView } from './tree.js';

const VERSION_POLL_MS = 4000;

function toggleSelected(i: number, on: boolean): void {
  if (on) app.selected.add(i);
  else app.selected.delete(i);
  renderBulk();
  const box = app.list.row(i)?.querySelector<HTMLInputElement>('input[type=checkbox]');
  if (box) box.checked = on;
}

/** Unfolds or folds a field's evidence, fetching it the first time; the focus goes to its toggle. */
function toggleExpanded(i: number): void {
  if (app.expanded.has(i)) app.expanded.delete(i);
  else app.expanded.add(i);
  setCurrent(i);
  app.list.refreshField(i);
  app.list.row(i, true)?.querySelector<HTMLElement>('button.why')?.focus();
  if (app.expanded.has(i) && !app.details.has(i)) {
    getFieldDetail(app.store.address(i))
      .then((detail) => app.details.set(i, detail))
      .catch((e: unknown) => app.details.set(i, e instanceof Error ? e : new Error(String(e))))
      .finally(() => app.list.refreshField(i));
  }
}

const rowActions: RowActions = {
  setCurrent: (i) => setCurrent(i),
  toggleSelected,
  toggleExpanded,
  accept: (f) => void acceptField(f),
  edit: editField,
  ignore: (f) => void ignoreField(f),
  undo: (f) => void undoField(f),
};

/** Runs a view or filter change and records how long it took until the list was drawn. */
function timed(change: () => void): void {
  const start = performance.now();
  change();
  requestAnimationFrame(() => setTimeout(() => performance.measure('piiscout:filter', { start, end: performance.now() }), 0));
}

function selectView(view: View): void {
  timed(() => {
    app.view = view;
    app.selected.clear();
    app.current = null;
    app.currentPos = 0;
    writeHash(app.view, app.filters);
    renderAll('top');
  });
}

function readFilters(): void {
  timed(() => {
    const status = $<HTMLSelectElement>('f-status').value;
    app.filters = {
      q: $<HTMLInputElement>('f-search').value.trim(),
      status: status === 'proposed' || status === 'accepted' || status === 'edited' || status === 'ignored' ? status : '',
      min: Number($<HTMLInputElement>('f-confidence').value) || 0,
      category: $<HTMLSelectElement>('f-category').value,
    };
    $('f-confidence-out').textContent = `${app.filters.min}%`;
    writeHash(app.view, app.filters);
    app.list.show('top');
    renderBulk();
  });
}

function showFilters(): void {
  $<HTMLInputElement>('f-search').value = app.filters.q;
  $<HTMLSelectElement>('f-status').value = app.filters.status;
  $<HTMLInputElement>('f-confidence').value = String(app.filters.min);
  $('f-confidence-out').textContent = `${app.filters.min}%`;
}

function clearFilters(): void {
  timed(() => {
    app.filters = { ...NO_FILTERS };
    showFilters();
    $<HTMLSelectElement>('f-category').value = '';
    writeHash(app.view, app.filters);
    renderAll('top');
  });
}

function showHelp(): void {
  $<HTMLDialogElement>('help').showModal();
  $('help-close').focus();
}

function wire(): void {
  document.addEventListener('keydown', (ev) => onKey(ev, { toggleSelected, toggleExpanded, showHelp }));
  $('f-search').addEventListener('input', readFilters);
  $('f-status').addEventListener('change', readFilters);
  $('f-confidence').addEventListener('input', readFilters);
  $('f-category').addEventListener('change', readFilters);
  $('f-clear').addEventListener('click', clearFilters);
  $('undo-last').addEventListener('click', undoLast);
  $('help-button').addEventListener('click', showHelp);
  $('help-close').addEventListener('click', () => $<HTMLDialogElement>('help').close());
  $('banner-reload').addEventListener('click', () => location.reload());
  wireBulk();
  wirePicker();
  // Notice a change made outside the page early, before the reviewer acts on a stale list.
  setInterval(() => void pollVersion(), VERSION_POLL_MS);
}

async function pollVersion(): Promise<void> {
  if (document.hidden || app.conflict || !app.loaded || isSaving()) return;
  const seq = actionsStarted();
  try {
    const { version } = await getVersion();
    if (seq === actionsStarted() && !isSaving() && !app.conflict && version !== app.store.version) showConflict(CHANGED_MESSAGE);
  } catch {
    // the next poll tries again
  }
}

function showLoadError(message: string): void {
  $('banner-text').textContent = message;
  $('banner').hidden = false;
  $('view-title').textContent = 'Nothing to show';
}

async function start(): Promise<void> {
  app.setViews(new FieldList(rowActions, clearFilters), new TreeView(selectView));
  wire();
  if (!hasToken()) return showLoadError('This page needs its full link, including the access token.');
  try {
    app.store = new FieldStore(await getState());
  } catch (e) {
    return showLoadError(`Could not load the dataset file: ${e instanceof Error ? e.message : String(e)}`);
  }
  performance.mark('piiscout:loaded');
  ({ view: app.view, filters: app.filters } = readHash(app.store));
  showFilters();
  writeHash(app.view, app.filters);
  app.tree.build();
  renderAll('top');
  setSaveStatus('idle', 'All changes are saved to the file');
  performance.mark('piiscout:interactive');
}

void start();
