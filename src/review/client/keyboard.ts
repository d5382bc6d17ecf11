/** The page's keyboard shortcuts (the help dialog lists them): j/k to move, a/e/i/u/x/o to act. */
import { acceptField, editField, ignoreField, setCurrent, undoField } from './actions.js';
import { $ } from './dom.js';
import { positionIn } from './filters.js';
import { app } from './state.js';

export interface KeyActions {
  toggleSelected(index: number, on: boolean): void;
  toggleExpanded(index: number): void;
  showHelp(): void;
}

function isTyping(t: EventTarget | null): boolean {
  if (t instanceof HTMLInputElement) return !['checkbox', 'range', 'button'].includes(t.type);
  return t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || (t instanceof HTMLElement && t.isContentEditable);
}

/** Moves the current field `delta` places in the shown list (from nowhere: to the first or last). */
export function move(delta: number): void {
  const shown = app.shown;
  if (!shown.length) return;
  let k = app.current === null ? -1 : positionIn(shown, app.current);
  k = k < 0 ? (delta > 0 ? 0 : shown.length - 1) : Math.max(0, Math.min(shown.length - 1, k + delta));
  setCurrent(shown[k], true);
}

export function onKey(ev: KeyboardEvent, on: KeyActions): void {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (document.querySelector('dialog[open]')) return;
  if (isTyping(ev.target)) {
    if (ev.key === 'Escape' && ev.target instanceof HTMLElement && ev.target.id === 'f-search') {
      ev.target.blur();
      if (app.current !== null) app.list.focusRow(app.current);
    }
    return;
  }
  const onRow = ev.target instanceof HTMLElement && ev.target.matches('tr.row');
  const current = app.current;
  const f = current === null ? null : app.field(current);
  const editable = f !== null && !app.conflict;
  switch (ev.key) {
    case 'j':
      move(1);
      break;
    case 'k':
      move(-1);
      break;
    case 'ArrowDown':
      if (!onRow) return;
      move(1);
      break;
    case 'ArrowUp':
      if (!onRow) return;
      move(-1);
      break;
    case 'a':
      if (editable && f.status !== 'accepted') void acceptField(f);
      else if (!f) move(1);
      break;
    case 'e':
      if (editable) editField(f);
      else if (!f) move(1);
      break;
    case 'i':
      if (editable && f.status !== 'ignored') void ignoreField(f);
      else if (!f) move(1);
      break;
    case 'u':
      if (editable) void undoField(f);
      break;
    case 'x':
      if (current !== null) on.toggleSelected(current, !app.selected.has(current));
      break;
    case 'o':
      if (current !== null) on.toggleExpanded(current);
      break;
    case 'Enter':
      if (!onRow || current === null) return;
      on.toggleExpanded(current);
      break;
    case '/':
      $('f-search').focus();
      $<HTMLInputElement>('f-search').select();
      break;
    case '?':
      on.showHelp();
      break;
    default:
      return;
  }
  ev.preventDefault();
}
