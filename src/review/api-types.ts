/**
 * The review page's JSON API, shared by the server (src/review/server.ts) and the page's client
 * (src/review/client/). Types only, with no imports: the client is compiled with the DOM library
 * and without Node's, so this module must not reach into server code. The server checks its side
 * against these types at compile time (review-state.ts builds them from the dataset file;
 * review-actions.ts asserts its zod schema accepts exactly `ActionRequest`).
 *
 * Endpoints (all under the page's token, sent as the `x-piiscout-token` header):
 *   GET  /api/state                              → ReviewSnapshot
 *   GET  /api/field?dataset=…&collection=…&field= → FieldDetail (evidence and notes of one field)
 *   GET  /api/version                            → VersionResponse
 *   POST /api/action  (ActionRequest)            → ActionResponse, or ApiError with 400/409/413
 */

export type FieldStatus = 'proposed' | 'accepted' | 'edited' | 'ignored';

export interface FieldAddress {
  dataset: string;
  collection: string;
  /** Nested fields: `a.b`. */
  field: string;
}

export interface TaxonomyEntryView {
  key: string;
  name: string;
  description: string;
  parent: string | null;
}

/** Where the High and Medium confidence bands start (src/review/confidence-bands.ts). */
export interface ConfidenceBandsView {
  high: number;
  medium: number;
}

/** Flags of a FieldRow. */
export const FIELD_FLAG_NEW = 1;
export const FIELD_FLAG_REMOVED = 2;

/**
 * One field, compact (the page holds 100,000 of them): its name within the table, status,
 * confidence (null: none recorded), categories, Fides data type (null: none), flags
 * (FIELD_FLAG_*), and for a decided field the machine's differing proposal.
 */
export type FieldRow = [
  field: string,
  status: FieldStatus,
  confidence: number | null,
  categories: string[],
  dataType: string | null,
  flags: number,
  machineProposal?: [categories: string[], confidence: number],
];

export interface CollectionView {
  name: string;
  /** How many of `ReviewSnapshot.fields` belong to this table (they follow each other, in file order). */
  fieldCount: number;
}

export interface DatasetView {
  name: string;
  collections: CollectionView[];
}

/** GET /api/state: everything the page shows, apart from each field's evidence. */
export interface ReviewSnapshot {
  fileName: string;
  filePath: string;
  /** Content hash of the file; every action names the version it was made against. */
  version: string;
  taxonomy: TaxonomyEntryView[];
  confidenceBands: ConfidenceBandsView;
  datasets: DatasetView[];
  /** Every field, dataset by dataset and table by table, in the file's order. */
  fields: FieldRow[];
}

export interface EvidenceView {
  factor: string;
  category: string;
  score: number;
  source: string;
  reason: string;
  veto?: boolean;
}

/** GET /api/field: what "Show evidence" unfolds. */
export interface FieldDetail {
  evidence: EvidenceView[];
  alternatives: { category: string; confidence: number }[];
  note?: string;
  description?: string;
  /** The identity and references accepting the field declares for Fides requests (fides/subject-request.ts). */
  proposedFidesMeta?: ProposedFidesMetaView;
}

export interface ProposedFidesMetaView {
  identity?: string;
  references?: { dataset: string; field: string; direction?: string }[];
}

export interface VersionResponse {
  version: string;
}

/** A field's state before an action: what undo puts back. */
export interface FieldState {
  categories: string[];
  status: FieldStatus;
  reviewedAt?: string;
  /** What `fides_meta` and the proposed `fides_meta` held, when accepting changed them. */
  fidesMeta?: { meta: Record<string, unknown> | null; proposed: Record<string, unknown> | null };
}

export interface UndoItem {
  address: FieldAddress;
  previous: FieldState;
}

export type ActionRequest =
  | { action: 'accept'; addresses: FieldAddress[]; expectedVersion: string }
  | { action: 'ignore'; addresses: FieldAddress[]; expectedVersion: string }
  | { action: 'set'; addresses: FieldAddress[]; categories: string[]; expectedVersion: string }
  | { action: 'restore'; restores: UndoItem[]; expectedVersion: string };

/** POST /api/action: the new version, each changed field's state before (for undo) and after. */
export interface ActionResponse {
  version: string;
  undo: UndoItem[];
  changed: { address: FieldAddress; row: FieldRow }[];
}

export interface ApiError {
  error: string;
  /** Set with 409: the file changed outside the page. */
  conflict?: true;
}
