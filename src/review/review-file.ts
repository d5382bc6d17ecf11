/**
 * The one module that reads and edits a dataset file for review, used by `piiscout review`, `check`,
 * `scan` (merging) and the review web page. It works on the YAML Document, so comments, key order
 * and everything a person wrote stay as they were; only the keys a review action owns change.
 *
 * A field's status lives in `piiscout.status`. A field without one was written by a person: with
 * categories it counts as `edited`, without as `proposed` (undecided). Decided fields
 * (accepted/edited/ignored) keep their `data_categories` exactly; piiscout never changes them.
 */
import fs from 'node:fs';
import type { Document, YAMLMap } from 'yaml';
import { UserError } from '../core/errors.js';
import type { FidesDatasetFile } from '../fides/dataset-types.js';
import { Taxonomy } from '../fides/taxonomy.js';
import { YAML_TO_STRING_OPTIONS, type ExistingKeys } from '../fides/dataset-writer.js';
import { parseYamlDocument, unreadable } from '../fides/dataset-read.js';
import { SAFE_PARSE_OPTIONS } from '../fides/yaml-safe.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { hashText } from '../util/content-hash.js';
import { didYouMean, editDistance } from '../util/did-you-mean.js';
import { existingKeys } from '../fides/dataset-file/match-datasets.js';
import { mergeScan, type MergeOptions, type MergeSummary } from '../fides/dataset-file/merge-scan.js';
import { isDecided, type FieldStatus } from '../fides/dataset-file/status.js';
import { yamlAccess } from '../fides/dataset-file/tree-access.js';
import { checkDatasetShape, reviewFieldOf, walkFields } from './field-walk.js';
import { readReviewFields } from './read-fields.js';
import { addressKey, formatAddress, type FieldAddress } from './field-address.js';
import { acceptField, fidesMetaStateOf, ignoreField, removeField, restoreField, setField, type FieldNode } from './field-edits.js';
import { childSeq, isMap } from '../fides/dataset-file/yaml-nodes.js';

export { addressKey, formatAddress, type FieldAddress };

export interface ReviewField {
  address: FieldAddress;
  /** The field's name for people: `schema.table.column` (see src/fides/field-names.ts). */
  ref: string;
  schema: string /* dataset name */;
  categories: string[];
  status: FieldStatus;
  isNew: boolean;
  isRemoved: boolean;
  confidence?: number;
  alternatives?: { category: string; confidence: number }[];
  evidence?: { factor: string; category: string; score: number; source: string; reason: string }[];
  note?: string;
  description?: string;
  dataType?: string;
  /** A differing machine proposal recorded beside a human decision by a later scan. */
  machineProposal?: { categories: string[]; confidence: number };
  reviewedAt?: string;
  /** Data subjects (fideslang keys) piiscout proposes for the field's table (`piiscout.data_subjects` of the collection). */
  proposedDataSubjects?: string[];
  /** The identity and references accepting the field declares for Fides (`piiscout.proposed_fides_meta`). */
  proposedFidesMeta?: { identity?: string; references?: { dataset: string; field: string; direction?: string }[] };
}

/** A field's state before a review action, for undo. */
export interface FieldState {
  categories: string[];
  status: FieldStatus;
  /** `piiscout.reviewed_at` before the action, when there was one. */
  reviewedAt?: string;
  /** Set when the action changed `fides_meta` (accepting moves the proposed identity and references into it). */
  fidesMeta?: FidesMetaState;
}

/** A field's `fides_meta` and `piiscout.proposed_fides_meta` as plain data; null where the key is absent. */
export interface FidesMetaState {
  meta: Record<string, unknown> | null;
  proposed: Record<string, unknown> | null;
}

/** The file on disk changed since it was read; nothing was written. */
export class ConflictError extends UserError {
  constructor(file: string) {
    super(`${file} changed on disk since it was read (another review or scan saved it); nothing was written`, {
      hint: 'run the command again to work on the latest version',
    });
    this.name = 'ConflictError';
  }
}

export interface ReviewFileOptions {
  /** Taxonomy that `set` checks keys against (default: fideslang's default taxonomy). */
  readonly taxonomy?: Taxonomy;
}


export { hashText };

/** Undecided, or decided but gone from the database (a person has to confirm the removal). */
export function needsReview(f: Pick<ReviewField, 'status' | 'isRemoved'>): boolean {
  return !isDecided(f.status) || f.isRemoved;
}


export class ReviewFile {
  readonly path: string;
  #doc: Document.Parsed;
  #version: string;
  #index?: Map<string, FieldNode>;
  taxonomy: Taxonomy;

  private constructor(path: string, doc: Document.Parsed, text: string, options: ReviewFileOptions) {
    this.path = path;
    this.#doc = doc;
    this.#version = hashText(text);
    this.taxonomy = options.taxonomy ?? Taxonomy.default();
  }

  static load(path: string, options: ReviewFileOptions = {}): ReviewFile {
    let text: string;
    try {
      text = fs.readFileSync(path, 'utf8');
    } catch (error) {
      throw unreadable(path, error);
    }
    return ReviewFile.parse(text, path, options);
  }

  /**
   * The fields of a file, for commands that only look at it (check, review --list, export): read
   * line by line without a YAML Document, so a million fields take seconds. `details` keeps evidence
   * and alternatives (dropped by default); `version` hashes the content as `version` does. Same
   * fields, same errors as `load(path).fields()`.
   */
  static readFields(path: string, options: { details?: boolean; version?: boolean } = {}): { fields: ReviewField[]; version?: string } {
    return readReviewFields(path, options);
  }

  static parse(text: string, path = '<text>', options: ReviewFileOptions = {}): ReviewFile {
    const doc = parseYamlDocument(text, path, SAFE_PARSE_OPTIONS);
    checkDatasetShape(doc.contents, yamlAccess, path);
    return new ReviewFile(path, doc, text, options);
  }

  /** Content hash of the text as loaded or last saved, for conflict detection. */
  get version(): string {
    return this.#version;
  }

  /** The parsed document; edit it only through this class (or mergeScan below). */
  get document(): Document.Parsed {
    return this.#doc;
  }

  fields(): ReviewField[] {
    return [...this.#nodes().values()].map((n) => reviewFieldOf(n, yamlAccess));
  }

  /** One field, as `fields()` gives it (the review server refreshes the fields an action changed). */
  field(a: FieldAddress): ReviewField {
    return reviewFieldOf(this.#node(a), yamlAccess);
  }

  /** Resolves `schema.table.column`, `fides_key.table.column` or a unique `table.column`; names may contain dots. */
  find(ref: string): FieldAddress {
    return findFieldRef(ref, this.#nodes().values(), (a) => this.refOf(a), this.path);
  }

  /** A field's name for people (as `fields()` gives it in `ref`). */
  refOf(a: FieldAddress): string {
    return this.#nodes().get(addressKey(a))?.ref ?? formatAddress(a);
  }

  accept(a: FieldAddress): FieldState {
    return acceptField(this.#doc, this.#node(a));
  }

  set(a: FieldAddress, categories: string[]): FieldState {
    const n = this.#node(a);
    return setField(this.#doc, n, this.checkCategories(categories));
  }

  ignore(a: FieldAddress): FieldState {
    return ignoreField(this.#doc, this.#node(a));
  }

  /** Puts a field back to an earlier state (undo of accept/set/ignore). */
  restore(a: FieldAddress, previous: FieldState): void {
    restoreField(this.#doc, this.#node(a), previous);
  }

  /** The field's `fides_meta` and proposed `fides_meta` now, for the undo of a restore that puts them back. */
  fidesMetaState(a: FieldAddress): FidesMetaState {
    return fidesMetaStateOf(this.#node(a).field);
  }

  /**
   * Confirms that a field gone from the database (marked `removed` by a scan) may go: deletes it,
   * and its table when that was removed too and has no fields left.
   */
  remove(a: FieldAddress): void {
    const n = this.#node(a);
    if (removeField(n)) n.collectionList.splice(n.collectionList.indexOf(n.collection), 1);
    this.#index = undefined;
  }

  /** Checks keys against the taxonomy; returns them de-duplicated, in the given order. */
  checkCategories(categories: readonly string[]): string[] {
    return checkTaxonomyKeys(this.taxonomy, categories);
  }

  /** The keys this file gives its datasets, for a scan merged into it to reuse. */
  datasetKeys(): ExistingKeys {
    return existingKeys((childSeq(this.#doc.contents as YAMLMap, 'dataset')?.items ?? []).filter(isMap));
  }

  /** Merges a fresh scan into this file (see merge.ts); human decisions are never changed. */
  mergeScan(scan: FidesDatasetFile, options: MergeOptions = {}): MergeSummary {
    const summary = mergeScan(this.#doc, scan, options);
    this.#index = undefined;
    checkDatasetShape(this.#doc.contents, yamlAccess, this.path);
    return summary;
  }

  toString(): string {
    return this.#doc.toString(YAML_TO_STRING_OPTIONS);
  }

  /** Writes atomically unless the file on disk changed since it was read; returns the new version. */
  save(options: { expectedVersion?: string } = {}): string {
    const expected = options.expectedVersion ?? this.#version;
    const text = this.toString();
    writeUnlessChanged(this.path, (onDisk) => hashText(onDisk) === expected, text);
    this.#version = hashText(text);
    return this.#version;
  }

  #node(a: FieldAddress): FieldNode {
    const n = this.#nodes().get(addressKey(a));
    if (!n) throw new UserError(`${this.path}: no field ${formatAddress(a)}`, { hint: 'the file may have changed; reload it' });
    return n;
  }

  #nodes(): Map<string, FieldNode> {
    if (!this.#index) this.#index = indexFields(this.#doc);
    return this.#index;
  }
}

/**
 * Writes `text` to `path` atomically, unless the file on disk is no longer the version the edit was
 * made on (`unchanged` says whether its text is): then nothing is written (ConflictError).
 */
export function writeUnlessChanged(path: string, unchanged: (onDisk: string) => boolean, text: string): void {
  let onDisk: string | undefined;
  try {
    onDisk = fs.readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (onDisk !== undefined && !unchanged(onDisk)) throw new ConflictError(path);
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw new UserError(`Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'check the folder is writable; the file was not changed',
    });
  }
}

/** Checks keys against the taxonomy; returns them de-duplicated, in the given order. */
export function checkTaxonomyKeys(taxonomy: Taxonomy, categories: readonly string[]): string[] {
  const keys = [...new Set(categories.map((c) => c.trim()).filter((c) => c !== ''))];
  if (keys.length === 0) throw new UserError('No categories given', { hint: 'give at least one, or use --ignore to leave a field unclassified' });
  for (const key of keys) {
    if (taxonomy.has(key)) continue;
    const hint = didYouMean(taxonomy.suggest(key, 1));
    throw new UserError(`Unknown data category '${key}'${hint ? ` (${hint})` : ''}`, {
      hint: 'categories come from the Fides taxonomy; declare custom ones under classification.categories in piiscout.config.yml',
    });
  }
  return keys;
}

/**
 * Resolves a reference to one field (see `ReviewFile.find`) among fields with the prefixes their
 * dataset answers to (schema, fides_key, database.schema, the name shown); `refOf` names a field for
 * the message when the reference is ambiguous.
 */
export function findFieldRef(
  ref: string,
  fields: Iterable<{ readonly address: FieldAddress; readonly prefixes: readonly string[] }>,
  refOf: (a: FieldAddress) => string,
  path: string,
): FieldAddress {
  const byRef = new Map<string, Map<string, FieldAddress>>();
  const add = (text: string, a: FieldAddress): void => {
    let m = byRef.get(text);
    if (!m) byRef.set(text, (m = new Map()));
    m.set(addressKey(a), a);
  };
  for (const n of fields) {
    const tail = `${n.address.collection}.${n.address.field}`;
    for (const p of n.prefixes) add(`${p}.${tail}`, n.address);
    add(tail, n.address);
  }
  let found = byRef.get(ref);
  if (!found) {
    const lower = ref.toLowerCase();
    const matches = new Map<string, FieldAddress>();
    for (const [text, m] of byRef) if (text.toLowerCase() === lower) for (const [k, a] of m) matches.set(k, a);
    if (matches.size > 0) found = matches;
  }
  if (!found) {
    const hint = didYouMean(suggestRefs(ref, byRef));
    throw new UserError(`${path}: no field ${ref}${hint ? ` (${hint})` : ''}`, {
      hint: 'refer to a field as schema.table.column (see piiscout review FILE --list)',
    });
  }
  if (found.size > 1) {
    const options = [...found.values()].map(refOf).sort();
    throw new UserError(`${path}: ${ref} is ambiguous: ${options.slice(0, 5).join(', ')}${options.length > 5 ? ', …' : ''}`, {
      hint: 'give the full name, as review --list shows it',
    });
  }
  return [...found.values()][0];
}

/** Near misses for an unknown reference: one spelling per field (the closest), up to three fields. */
function suggestRefs(ref: string, byRef: Map<string, Map<string, FieldAddress>>): string[] {
  const best = new Map<string, { text: string; d: number }>();
  for (const [text, addresses] of byRef) {
    if (addresses.size !== 1) continue; // an ambiguous spelling is no help
    const [key] = addresses.keys();
    const d = editDistance(ref.toLowerCase(), text.toLowerCase());
    const current = best.get(key);
    if (!current || d < current.d) best.set(key, { text, d });
  }
  const limit = Math.max(2, Math.floor(ref.length / 3));
  return [...best.values()]
    .filter((b) => b.d <= limit)
    .sort((a, b) => a.d - b.d || (a.text < b.text ? -1 : 1))
    .slice(0, 3)
    .map((b) => b.text);
}

function indexFields(doc: Document): Map<string, FieldNode> {
  const out = new Map<string, FieldNode>();
  walkFields(doc.contents, yamlAccess, (place) => out.set(addressKey(place.address), place));
  return out;
}

