/**
 * The actions the review page can ask for, checked and applied to the file on disk. Every action
 * reloads the file, refuses when it changed since the page last read it (`expectedVersion`), applies
 * to all its fields and saves once, atomically: a bulk action is one write, never half done.
 */
import { z } from 'zod';
import { UserError } from '../core/errors.js';
import type { Taxonomy } from '../fides/taxonomy.js';
import { ReviewFile, type FieldAddress, type FieldState } from './review-file.js';

const address = z.object({ dataset: z.string(), collection: z.string(), field: z.string() });
const status = z.enum(['proposed', 'accepted', 'edited', 'ignored']);

export const actionRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), addresses: z.array(address).min(1), expectedVersion: z.string() }),
  z.object({ action: z.literal('ignore'), addresses: z.array(address).min(1), expectedVersion: z.string() }),
  z.object({
    action: z.literal('set'),
    addresses: z.array(address).min(1),
    categories: z.array(z.string()).min(1),
    expectedVersion: z.string(),
  }),
  z.object({
    action: z.literal('restore'),
    // One earlier state per field: what an undo puts back.
    restores: z
      .array(z.object({ address, previous: z.object({ categories: z.array(z.string()), status, reviewedAt: z.string().optional() }) }))
      .min(1),
    expectedVersion: z.string(),
  }),
]);

export type ActionRequest = z.infer<typeof actionRequestSchema>;

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

export function applyAction(filePath: string, request: ActionRequest, taxonomy: Taxonomy): AppliedAction {
  const file = ReviewFile.load(filePath, { taxonomy });
  if (file.version !== request.expectedVersion) throw new StaleVersionError();
  const undo: AppliedAction['undo'] = [];
  switch (request.action) {
    case 'accept':
      for (const a of request.addresses) undo.push({ address: a, previous: file.accept(a) });
      break;
    case 'ignore':
      for (const a of request.addresses) undo.push({ address: a, previous: file.ignore(a) });
      break;
    case 'set':
      // ReviewFile.set checks the keys against the taxonomy (with a did-you-mean).
      for (const a of request.addresses) undo.push({ address: a, previous: file.set(a, request.categories) });
      break;
    case 'restore':
      for (const r of request.restores) {
        const current = file.fields().find((f) => sameAddress(f.address, r.address));
        if (current) {
          const previous: FieldState = { categories: [...current.categories], status: current.status };
          if (current.reviewedAt) previous.reviewedAt = current.reviewedAt;
          undo.push({ address: r.address, previous });
        }
        file.restore(r.address, r.previous);
      }
      break;
  }
  const version = file.save({ expectedVersion: request.expectedVersion });
  return { version, undo };
}

export function sameAddress(a: FieldAddress, b: FieldAddress): boolean {
  return a.dataset === b.dataset && a.collection === b.collection && a.field === b.field;
}
