/**
 * The review actions on one field's node, for whichever Document holds it: the whole file
 * (ReviewFile) or one collection read alone (review-splice.ts). Only the keys a review action owns
 * change: `piiscout.status`, `piiscout.reviewed_at`, `data_categories` for `set`, and on accept the
 * proposed `fides_meta` (proposed-meta.ts).
 */
import type { YAMLMap } from 'yaml';
import { UserError } from '../core/errors.js';
import { statusOf } from '../fides/dataset-file/fields.js';
import { adoptProposedMeta, PROPOSED_META_KEY } from '../fides/dataset-file/proposed-meta.js';
import { isFieldStatus, type FieldStatus } from '../fides/dataset-file/status.js';
import { yamlAccess } from '../fides/dataset-file/tree-access.js';
import { child, childMap, childSeq, createNode, deleteKey, ensureMap, isMap, scalarString, setKey, setScalar, stringList, type Doc } from '../fides/dataset-file/yaml-nodes.js';
import type { FieldPlace } from './field-walk.js';
import { formatAddress } from './field-address.js';
import type { FidesMetaState, FieldState } from './review-file.js';

export type FieldNode = FieldPlace<YAMLMap>;

/** Keys a field's map has, in the writer's order: new keys are placed before the later ones. */
const FIELD_KEYS_AFTER_CATEGORIES = ['fides_meta', 'fields', 'piiscout'];

export function acceptField(doc: Doc, n: FieldNode): FieldState {
  const categories = stringList(n.field, 'data_categories');
  if (categories.length === 0) {
    throw new UserError(`${formatAddress(n.address)} has no categories to accept`, { hint: 'use --set to give it categories, or --ignore' });
  }
  const metaBefore = fidesMetaStateOf(n.field);
  const previous = decide(doc, n, 'accepted');
  // The field's proposed identity and references are accepted with it (see proposed-meta.ts);
  // undo needs what both keys held, to put them back as they were.
  adoptProposedMeta(doc, n.field);
  if (JSON.stringify(fidesMetaStateOf(n.field)) !== JSON.stringify(metaBefore)) previous.fidesMeta = metaBefore;
  return previous;
}

/** `keys` checked against the taxonomy already. */
export function setField(doc: Doc, n: FieldNode, keys: readonly string[]): FieldState {
  const previous = decide(doc, n, 'edited');
  setKey(n.field, 'data_categories', createNode(doc, keys), FIELD_KEYS_AFTER_CATEGORIES);
  return previous;
}

export function ignoreField(doc: Doc, n: FieldNode): FieldState {
  return decide(doc, n, 'ignored');
}

/** Puts a field back to an earlier state (undo of accept/set/ignore). */
export function restoreField(doc: Doc, n: FieldNode, previous: FieldState): void {
  if (!isFieldStatus(previous.status)) throw new UserError(`Unknown status '${previous.status}'`);
  const current = stringList(n.field, 'data_categories');
  if (!(previous.categories.length === 0 && child(n.field, 'data_categories') === undefined) && !sameList(current, previous.categories)) {
    setKey(n.field, 'data_categories', createNode(doc, [...previous.categories]), FIELD_KEYS_AFTER_CATEGORIES);
  }
  const record = ensureMap(doc, n.field, 'piiscout');
  setScalar(doc, record, 'status', previous.status, ['confidence']);
  if (previous.reviewedAt) setScalar(doc, record, 'reviewed_at', previous.reviewedAt, ['confidence']);
  else if (previous.status === 'proposed') deleteKey(record, 'reviewed_at');
  if (previous.fidesMeta) restoreFidesMeta(doc, n.field, record, previous.fidesMeta);
}

/**
 * Confirms that a field gone from the database (marked `removed` by a scan) may go: deletes it.
 * Returns whether its table, marked removed too, has no fields left, so that it goes as well.
 */
export function removeField(n: FieldNode): boolean {
  if (!isMarkedRemoved(n.field)) {
    throw new UserError(`${formatAddress(n.address)} is not marked removed`, { hint: 'only fields a scan found gone from the database can be removed' });
  }
  const emptiesTable = removalEmptiesTable(n);
  n.fieldList.splice(n.fieldList.indexOf(n.field), 1);
  return emptiesTable;
}

/** Whether removing this field would leave its removed table without fields (the table then goes too). */
export function removalEmptiesTable(n: FieldNode): boolean {
  const fields = childSeq(n.collection, 'fields')?.items ?? [];
  return isMarkedRemoved(n.collection) && fields.length === 1 && fields[0] === n.field;
}

const isMarkedRemoved = (node: YAMLMap): boolean => childMap(node, 'piiscout')?.get('removed') === true;

/** A field's `fides_meta` and `piiscout.proposed_fides_meta` as plain data (null where absent). */
export function fidesMetaStateOf(field: YAMLMap): FidesMetaState {
  const plainMap = (node: unknown): Record<string, unknown> | null => (isMap(node) ? (node.toJSON() as Record<string, unknown>) : null);
  const record = childMap(field, 'piiscout');
  return { meta: plainMap(child(field, 'fides_meta')), proposed: record ? plainMap(child(record, PROPOSED_META_KEY)) : null };
}

function restoreFidesMeta(doc: Doc, field: YAMLMap, record: YAMLMap, state: FidesMetaState): void {
  if (JSON.stringify(fidesMetaStateOf(field)) === JSON.stringify(state)) return;
  if (state.meta === null) deleteKey(field, 'fides_meta');
  else setKey(field, 'fides_meta', createNode(doc, state.meta), ['fields', 'piiscout']);
  if (state.proposed === null) deleteKey(record, PROPOSED_META_KEY);
  else setKey(record, PROPOSED_META_KEY, createNode(doc, state.proposed), ['factors', 'alternatives', 'evidence', 'proposal']);
}

function decide(doc: Doc, n: FieldNode, status: FieldStatus): FieldState {
  const record = ensureMap(doc, n.field, 'piiscout');
  const previous: FieldState = { categories: stringList(n.field, 'data_categories'), status: statusOf(n.field, yamlAccess) };
  const reviewedAt = scalarString(record, 'reviewed_at');
  if (reviewedAt) previous.reviewedAt = reviewedAt;
  setScalar(doc, record, 'status', status, ['confidence']);
  setScalar(doc, record, 'reviewed_at', new Date().toISOString(), ['confidence']);
  return previous;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
