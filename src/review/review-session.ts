/**
 * The dataset file as the review server last read or wrote it, in two forms:
 *  - the view: every field's row and detail, read line by line without a YAML Document
 *    (ReviewFile.readFields: seconds for 100,000 fields), which answers the page's reads;
 *  - the file for editing (review-splice.ts: cut into collections, only the one an action touches is
 *    parsed; the whole YAML Document only for files not in the writer's layout), read when the first
 *    action needs it, so the page never waits for it.
 * Both are read again only when the file on disk is no longer the one held (another program saved
 * it: a different inode, size or mtime). An action edits the file and saves it; only the fields
 * it changed are read out again. When an action fails part-way the document is dropped, so nothing
 * half-applied survives.
 */
import fs from 'node:fs';
import { unreadable } from '../fides/dataset-read.js';
import type { Taxonomy } from '../fides/taxonomy.js';
import type { ActionRequest, ActionResponse, FieldAddress, FieldRow } from './api-types.js';
import { applyAction, StaleVersionError, UndoLedger } from './review-actions.js';
import { addressKey, hashText, ReviewFile } from './review-file.js';
import { loadForReview, type ReviewEditor } from './review-splice.js';
import { buildSnapshot, fieldDetail, fieldRow, groupFields } from './review-state.js';

interface View {
  /** Every field, in the snapshot's order (review-state.ts groupFields), its row and its detail as JSON text. */
  readonly addresses: readonly FieldAddress[];
  readonly rows: FieldRow[];
  readonly details: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  version: string;
  stamp: string;
  /** GET /api/state's body; made again when first asked for after an action. */
  snapshotJson?: string;
}

export class ReviewSession {
  readonly #path: string;
  readonly #taxonomy: Taxonomy;
  readonly #ledger = new UndoLedger();
  #view?: View;
  /** The file read for editing, valid while the file on disk has this stamp. */
  #document?: { file: ReviewEditor; stamp: string };
  /** The last version computed from the file's text without parsing it (for /api/version). */
  #hashed?: { stamp: string; version: string };

  /** Reads the file now: a missing file or one that is no dataset file fails here, before the server listens. */
  constructor(path: string, taxonomy: Taxonomy) {
    this.#path = path;
    this.#taxonomy = taxonomy;
    this.#current();
  }

  /** GET /api/state, as JSON text. */
  snapshotJson(): string {
    return this.#snapshotJson(this.#current());
  }

  #snapshotJson(view: View): string {
    view.snapshotJson ??= JSON.stringify(buildSnapshot(this.#path, view.version, view.addresses, view.rows, this.#taxonomy));
    return view.snapshotJson;
  }

  /** GET /api/field, as JSON text; undefined when the file has no such field. Evidence never changes with an action. */
  detailJson(a: FieldAddress): string | undefined {
    const view = this.#current();
    const at = view.position.get(addressKey(a));
    return at === undefined ? undefined : view.details[at];
  }

  /** The version of the file on disk, read and hashed (not parsed) when it changed since last asked. */
  diskVersion(): string {
    const stamp = stampOf(this.#path);
    if (this.#view?.stamp === stamp) return this.#view.version;
    if (this.#hashed?.stamp !== stamp) this.#hashed = { stamp, version: hashText(readText(this.#path)) };
    return this.#hashed.version;
  }

  /** POST /api/action. Throws as applyAction does (StaleVersionError, ConflictError, UserError). */
  apply(request: ActionRequest): ActionResponse {
    const view = this.#current();
    if (this.#document?.stamp !== view.stamp) {
      this.#document = { file: loadForReview(this.#path, { taxonomy: this.#taxonomy }), stamp: view.stamp };
    }
    const { file } = this.#document;
    let applied;
    try {
      applied = applyAction(file, request, this.#ledger);
    } catch (error) {
      if (!(error instanceof StaleVersionError)) this.#document = undefined;
      throw error;
    }
    const stamp = stampOf(this.#path);
    this.#document.stamp = view.stamp = stamp;
    view.version = applied.version;
    view.snapshotJson = undefined;
    const changed = applied.undo.map(({ address }) => {
      const row = fieldRow(file.field(address));
      view.rows[view.position.get(addressKey(address))!] = row;
      return { address, row };
    });
    return { version: applied.version, undo: applied.undo, changed };
  }

  #current(): View {
    const stamp = stampOf(this.#path);
    if (this.#view?.stamp === stamp) return this.#view;
    const read = ReviewFile.readFields(this.#path, { details: true, version: true });
    const fields = groupFields(read.fields);
    const view: View = {
      addresses: fields.map((f) => f.address),
      rows: fields.map(fieldRow),
      // Text, not objects: a tenth of the memory, and each is sent as it is.
      details: fields.map((f) => JSON.stringify(fieldDetail(f))),
      position: new Map(fields.map((f, i) => [addressKey(f.address), i])),
      version: read.version!,
      stamp,
    };
    // Made now, with the read: the page's first request is answered at once.
    this.#snapshotJson(view);
    this.#view = view;
    return view;
  }
}

/** Changes whenever another program writes the file (editors and piiscout replace it: a new inode). */
function stampOf(path: string): string {
  try {
    const s = fs.statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (error) {
    throw unreadable(path, error);
  }
}

function readText(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
}
