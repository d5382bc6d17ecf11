/**
 * The dataset file as the review server last read or wrote it. Parsing the file keeps comments and
 * layout (ReviewFile), which costs seconds for a file of 10,000 fields and minutes for 100,000: so
 * the server parses it once, answers the page from that, and parses again only when the file on
 * disk is no longer the one it holds (another program saved it: a different inode, size or mtime).
 * An action edits the held document and saves it; only the fields it changed are read out again.
 * Whenever an action fails part-way the held document is dropped, so nothing half-applied survives.
 */
import fs from 'node:fs';
import { UserError } from '../core/errors.js';
import type { Taxonomy } from '../fides/taxonomy.js';
import type { ActionRequest, ActionResponse, FieldAddress, FieldDetail, FieldRow } from './api-types.js';
import { applyAction, StaleVersionError, UndoLedger } from './review-actions.js';
import { addressKey, hashText, ReviewFile } from './review-file.js';
import { buildSnapshot, fieldDetail, fieldRow, groupFields } from './review-state.js';

interface Loaded {
  readonly file: ReviewFile;
  /** Every field, in the snapshot's order (review-state.ts groupFields), and its row. */
  readonly addresses: readonly FieldAddress[];
  readonly rows: FieldRow[];
  readonly position: ReadonlyMap<string, number>;
  stamp: string;
  /** GET /api/state's body; made again when first asked for after an action. */
  snapshotJson?: string;
}

export class ReviewSession {
  readonly #path: string;
  readonly #taxonomy: Taxonomy;
  readonly #ledger = new UndoLedger();
  #loaded?: Loaded;
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

  #snapshotJson(loaded: Loaded): string {
    loaded.snapshotJson ??= JSON.stringify(buildSnapshot(this.#path, loaded.file.version, loaded.addresses, loaded.rows, this.#taxonomy));
    return loaded.snapshotJson;
  }

  /** GET /api/field; undefined when the file has no such field. */
  detail(a: FieldAddress): FieldDetail | undefined {
    const loaded = this.#current();
    return loaded.position.has(addressKey(a)) ? fieldDetail(loaded.file.field(a)) : undefined;
  }

  /** The version of the file on disk, read and hashed (not parsed) when it changed since last asked. */
  diskVersion(): string {
    const stamp = stampOf(this.#path);
    if (this.#loaded?.stamp === stamp) return this.#loaded.file.version;
    if (this.#hashed?.stamp !== stamp) this.#hashed = { stamp, version: hashText(readText(this.#path)) };
    return this.#hashed.version;
  }

  /** POST /api/action. Throws as applyAction does (StaleVersionError, ConflictError, UserError). */
  apply(request: ActionRequest): ActionResponse {
    const loaded = this.#current();
    let applied;
    try {
      applied = applyAction(loaded.file, request, this.#ledger);
    } catch (error) {
      if (!(error instanceof StaleVersionError)) this.#loaded = undefined;
      throw error;
    }
    loaded.stamp = stampOf(this.#path);
    loaded.snapshotJson = undefined;
    const changed = applied.undo.map(({ address }) => {
      const row = fieldRow(loaded.file.field(address));
      loaded.rows[loaded.position.get(addressKey(address))!] = row;
      return { address, row };
    });
    return { version: applied.version, undo: applied.undo, changed };
  }

  #current(): Loaded {
    const stamp = stampOf(this.#path);
    if (this.#loaded?.stamp === stamp) return this.#loaded;
    const file = ReviewFile.load(this.#path, { taxonomy: this.#taxonomy });
    // Only the rows stay: the evidence is read from the document when a field is unfolded.
    const fields = groupFields(file.fields());
    const addresses = fields.map((f) => f.address);
    const position = new Map(addresses.map((a, i) => [addressKey(a), i]));
    const loaded: Loaded = { file, addresses, rows: fields.map(fieldRow), position, stamp };
    // Made now, with the parse: the page's first request is answered at once.
    this.#snapshotJson(loaded);
    this.#loaded = loaded;
    return loaded;
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

function unreadable(path: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  return new UserError(`Cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`);
}
