/**
 * The actions the review page can ask for, checked and applied to the file on disk. Every action
 * reloads the file, refuses when it changed since the page last read it (`expectedVersion`), applies
 * to all its fields and saves once, atomically: a bulk action is one write, never half done.
 *
 * The request comes from a browser, so it is checked as strictly as `review --set` checks the
 * command line: known keys and types only, fields that exist, each field once, and categories from
 * the taxonomy (with the config's custom ones). An undo (`restore`) may only put back what a field
 * held before (see `checkRestore`); a bad request changes nothing.
 */
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import { FIELD_STATUSES } from '../fides/dataset-file/status.js';
import type { ActionRequest } from './api-types.js';
import { addressKey, formatAddress, type FieldAddress, type FieldState, type ReviewField } from './review-file.js';
import type { ReviewEditor } from './review-splice.js';

/** Long enough for any nested field path; short enough that a did-you-mean stays cheap. */
const MAX_NAME_CHARS = 4096;
const MAX_CATEGORY_CHARS = 200;

const name = z.string().min(1).max(MAX_NAME_CHARS);
const address = z.strictObject({ dataset: name, collection: name, field: name });
const category = z.string().max(MAX_CATEGORY_CHARS);
const status = z.enum(FIELD_STATUSES);
const addresses = z.array(address).min(1);
const expectedVersion = z.string().max(100);
const plainMap = z.record(z.string(), z.unknown()).nullable();
const fidesMeta = z.strictObject({ meta: plainMap, proposed: plainMap });
const previousState = z.strictObject({ categories: z.array(category), status, reviewedAt: z.string().max(100).optional(), fidesMeta: fidesMeta.optional() });

export const actionRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept'), addresses, expectedVersion }),
  z.strictObject({ action: z.literal('ignore'), addresses, expectedVersion }),
  z.strictObject({ action: z.literal('set'), addresses, categories: z.array(category).min(1), expectedVersion }),
  z.strictObject({
    action: z.literal('restore'),
    // One earlier state per field: what an undo puts back.
    restores: z
      .array(z.strictObject({ address, previous: previousState }))
      .min(1),
    expectedVersion,
  }),
]);

export type { ActionRequest };

/** The schema accepts exactly the API's ActionRequest (api-types.ts, which the page is compiled against). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesApi: Same<z.infer<typeof actionRequestSchema>, ActionRequest> = true;
void schemaMatchesApi;

/** What the page needs to undo an action: each field's state before it. */
export interface AppliedAction {
  version: string;
  undo: { address: FieldAddress; previous: FieldState }[];
}

/** The file changed on disk since the page read it; nothing was written. */
export class StaleVersionError extends UserError {
  constructor() {
    super('The file was changed outside this page — reload to see the latest version. Nothing was saved.');
    this.name = 'StaleVersionError';
  }
}

/**
 * The earlier states this server has reported for undo. Putting one of them back is always allowed,
 * even with a category the taxonomy does not know (the file held it), and nothing else is.
 */
export class UndoLedger {
  readonly #states = new Set<string>();

  record(a: FieldAddress, previous: FieldState): void {
    this.#states.add(ledgerKey(a, previous));
  }

  has(a: FieldAddress, previous: FieldState): boolean {
    return this.#states.has(ledgerKey(a, previous));
  }
}

function ledgerKey(a: FieldAddress, s: FieldState): string {
  return JSON.stringify([addressKey(a), s.categories, s.status, s.reviewedAt ?? null, s.fidesMeta ?? null]);
}

/**
 * Applies the request to `file` (as loaded, or as this server last saved it) and saves it. When this
 * throws anything but StaleVersionError, `file` may hold part of the action: load it again.
 */
export function applyAction(file: ReviewEditor, request: ActionRequest, ledger = new UndoLedger()): AppliedAction {
  if (file.version !== request.expectedVersion) throw new StaleVersionError();
  const undo: AppliedAction['undo'] = [];
  switch (request.action) {
    case 'accept':
      for (const a of eachOnce(request.addresses)) undo.push({ address: a, previous: file.accept(a) });
      break;
    case 'ignore':
      for (const a of eachOnce(request.addresses)) undo.push({ address: a, previous: file.ignore(a) });
      break;
    case 'set': {
      const categories = checkCategoryKeys(file, request.categories);
      for (const a of eachOnce(request.addresses)) undo.push({ address: a, previous: file.set(a, categories) });
      break;
    }
    case 'restore': {
      eachOnce(request.restores.map((r) => r.address));
      for (const r of request.restores) {
        const current = file.field(r.address);
        checkRestore(file, current, r.previous, ledger);
        const previous: FieldState = { categories: [...current.categories], status: current.status };
        if (current.reviewedAt) previous.reviewedAt = current.reviewedAt;
        if (r.previous.fidesMeta) previous.fidesMeta = file.fidesMetaState(r.address);
        undo.push({ address: r.address, previous });
        file.restore(r.address, r.previous);
      }
      break;
    }
  }
  const version = file.save({ expectedVersion: request.expectedVersion });
  for (const u of undo) ledger.record(u.address, u.previous);
  return { version, undo };
}

/**
 * An undo puts back a state the field had: one this server reported (the ledger), or one a review
 * action could have produced from what the file holds now — each category known to the taxonomy or
 * already recorded for this field, categories for an accepted or edited field, no categories only
 * where the field has none, and a real timestamp.
 */
function checkRestore(file: ReviewEditor, field: ReviewField, previous: FieldState, ledger: UndoLedger): void {
  if (ledger.has(field.address, previous)) return;
  const where = formatAddress(field.address);
  // Identities and references reach Fides' request graph: only an undo this server reported puts them back.
  if (previous.fidesMeta) throw new UserError(`${where}: fides_meta can only be put back by undoing an action of this review session`);
  const recorded = new Set([...field.categories, ...(field.machineProposal?.categories ?? [])]);
  const unrecorded = previous.categories.filter((c) => !recorded.has(c));
  if (unrecorded.length > 0) checkCategoryKeys(file, unrecorded);
  if (new Set(previous.categories).size !== previous.categories.length) {
    throw new UserError(`${where}: a category is given twice`);
  }
  // As `accept` and `set` refuse: an accepted or edited field has categories; and no undo empties a field.
  if (previous.categories.length === 0 && (previous.status === 'accepted' || previous.status === 'edited' || field.categories.length > 0)) {
    throw new UserError(`${where}: no categories given (a field ${previous.status === 'proposed' || previous.status === 'ignored' ? 'that has categories keeps them' : `${previous.status} needs at least one`})`);
  }
  if (previous.reviewedAt !== undefined && previous.reviewedAt !== field.reviewedAt && !isTimestamp(previous.reviewedAt)) {
    throw new UserError(`${where}: reviewed_at must be an ISO 8601 timestamp`);
  }
}

/** As `review --set` checks them, after refusing anything that cannot be a key (so messages stay one line). */
function checkCategoryKeys(file: ReviewEditor, categories: readonly string[]): string[] {
  for (const c of categories) {
    if (c === '' || c.trim() !== c || /[\p{Cc}\p{Zl}\p{Zp}]/u.test(c)) throw new UserError(`Unknown data category ${JSON.stringify(c)}`);
    file.checkCategories([c]);
  }
  return file.checkCategories(categories);
}

/** The addresses, refusing one given twice: the second change would make the first one's undo wrong. */
function eachOnce(list: readonly FieldAddress[]): readonly FieldAddress[] {
  const seen = new Set<string>();
  for (const a of list) {
    const key = addressKey(a);
    if (seen.has(key)) throw new UserError(`${formatAddress(a)} is given twice in one action`);
    seen.add(key);
  }
  return list;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isTimestamp(text: string): boolean {
  return ISO_TIMESTAMP.test(text) && Number.isFinite(Date.parse(text));
}
