/**
 * Turns a dataset file into review fields, for both ways a file is held: as a YAML Document (review
 * edits) and as plain data (the fast reader behind check, review --list, export). The rules of the
 * file (what a field is, its status, its dataset's schema) are the dataset-file model's
 * (src/fides/dataset-file/); this adds the review view: names people use, the first field with an
 * address wins, and the shape review relies on.
 */
import { UserError } from '../core/errors.js';
import { closest, didYouMean } from '../util/did-you-mean.js';
import { datasetNames, fieldPrefix, type DatasetNames } from '../fides/dataset-file/dataset-names.js';
import { addressId, categoriesOf, statusOf, walkCollection } from '../fides/dataset-file/fields.js';
import { FIELD_STATUSES, isDecided, isFieldStatus } from '../fides/dataset-file/status.js';
import { isPlainMap, type TreeAccess } from '../fides/dataset-file/tree-access.js';
import type { FieldAddress, ReviewField } from './review-file.js';

/** One field as the walk finds it, with the nodes around it (for edits). */
export interface FieldPlace<M> {
  readonly address: FieldAddress;
  /** How people see the field's name: `schema.table.column` (see fides/field-names.ts). */
  readonly ref: string;
  readonly schema: string;
  /** Dataset key, namespace schema and name: the ways a reference may start. */
  readonly prefixes: readonly string[];
  readonly field: M;
  /** The list holding the field, itself (a YAML seq's items), so that an edit can take the field out. */
  readonly fieldList: unknown[];
  readonly collection: M;
  /** The list holding the collection, itself. */
  readonly collectionList: unknown[];
  readonly dataset: M;
}

/** What a dataset gives its fields: their key, schema and the ways a reference to them may start. */
export interface DatasetContext extends DatasetNames {
  readonly name?: string;
  readonly prefixes: readonly string[];
}

export function datasetContext<M>(dataset: M, a: TreeAccess<M>): DatasetContext {
  const names = datasetNames(dataset, a);
  const { key, schema, name, database } = names;
  return { ...names, prefixes: [...new Set([key, schema, ...(name !== undefined ? [name] : []), ...(database !== undefined ? [`${database}.${schema}`] : [])])] };
}

/** Calls `visit` for every reviewable field, in file order, once per address. */
export function walkFields<M>(root: unknown, a: TreeAccess<M>, visit: (place: FieldPlace<M>) => void): void {
  if (!a.isMap(root)) return;
  const seen = new Set<string>();
  const datasets = (a.list(a.get(root, 'dataset')) ?? []).filter((d): d is M => a.isMap(d));
  const contexts = datasets.map((d) => datasetContext(d, a));
  datasets.forEach((dataset, d) => {
    const { key, schema } = contexts[d];
    // The name people see leads with the database only where two datasets share the schema name.
    const shown = fieldPrefix(contexts[d], contexts);
    const prefixes = [...new Set([...contexts[d].prefixes, shown])];
    const collectionList = a.list(a.get(dataset, 'collections')) ?? [];
    for (const collection of collectionList) {
      if (!a.isMap(collection)) continue;
      const cname = a.str(a.get(collection, 'name'))!;
      walkCollection(collection, a, (path, field, fieldList) => {
        const id = addressId(key, cname, path);
        if (seen.has(id)) return;
        seen.add(id);
        visit({ address: { dataset: key, collection: cname, field: path }, ref: `${shown}.${cname}.${path}`, schema, prefixes, field, fieldList, collection, collectionList, dataset });
      });
    }
  });
}


/**
 * The review view of a field. Without `details`, evidence and alternatives are left out (the
 * listing, check and export need neither).
 */
export function reviewFieldOf<M>(place: FieldPlace<M>, a: TreeAccess<M>, details = true): ReviewField {
  const { field } = place;
  const recordNode = a.get(field, 'piiscout');
  const record = (a.isMap(recordNode) ? a.plain(recordNode) : {}) as Record<string, unknown>;
  const status = statusOf(field, a);
  const out: ReviewField = {
    address: place.address,
    ref: place.ref,
    schema: place.schema,
    categories: categoriesOf(field, a),
    status,
    isNew: record.new === true,
    isRemoved: record.removed === true,
  };
  if (typeof record.confidence === 'number') out.confidence = record.confidence;
  if (details && Array.isArray(record.alternatives)) out.alternatives = record.alternatives as ReviewField['alternatives'];
  if (details && Array.isArray(record.evidence)) out.evidence = record.evidence as ReviewField['evidence'];
  if (typeof record.note === 'string') out.note = record.note;
  if (details && isPlainMap(record.proposed_fides_meta)) out.proposedFidesMeta = record.proposed_fides_meta as ReviewField['proposedFidesMeta'];
  if (typeof record.reviewed_at === 'string') out.reviewedAt = record.reviewed_at;
  const description = a.str(a.get(field, 'description'));
  if (description !== undefined) out.description = description;
  const fidesMeta = a.get(field, 'fides_meta');
  const dataType = a.isMap(fidesMeta) ? a.str(a.get(fidesMeta, 'data_type')) : undefined;
  if (dataType !== undefined) out.dataType = dataType;
  const proposal = record.proposal as { categories?: unknown; confidence?: unknown } | undefined;
  const collectionRecord = a.get(place.collection, 'piiscout');
  const subjects = a.isMap(collectionRecord) ? a.list(a.get(collectionRecord, 'data_subjects')) : undefined;
  if (subjects && subjects.length > 0) out.proposedDataSubjects = subjects.map((item) => a.str(item) ?? String(a.plain(item)));
  if (isDecided(status) && isPlainMap(proposal) && Array.isArray(proposal.categories)) {
    out.machineProposal = { categories: proposal.categories.map(String), confidence: typeof proposal.confidence === 'number' ? proposal.confidence : 0 };
  }
  return out;
}

type Fail = (at: string, message: string) => never;

/** A failure in one line naming the file and the YAML path. */
export function shapeFailure(file: string): Fail {
  return (at, message) => {
    throw new UserError(`${file}: ${at}${at ? ': ' : ''}${message}`, {
      hint: 'this is not a Fides dataset file piiscout can review; fix it by hand (nothing was changed)',
    });
  };
}

/** Checks the parts of the shape review relies on; one line naming the YAML path on the first problem. */
export function checkDatasetShape<M>(root: unknown, a: TreeAccess<M>, file: string): void {
  const fail = shapeFailure(file);
  const datasets = checkRootShape(root, a, fail);
  datasets.forEach((dataset, i) => {
    const collections = checkDatasetEntryShape(dataset, `dataset[${i}]`, a, fail);
    collections?.forEach((collection, j) => checkCollectionShape(collection, `dataset[${i}].collections[${j}]`, a, fail));
  });
}

/** The top-level `dataset:` list. */
export function checkRootShape<M>(root: unknown, a: TreeAccess<M>, fail: Fail): unknown[] {
  const datasets = a.isMap(root) ? a.list(a.get(root, 'dataset')) : undefined;
  return datasets ?? fail('', 'not a Fides dataset file (no top-level `dataset:` list)');
}

/** A dataset without its collections; returns their list (undefined when there is none). */
export function checkDatasetEntryShape<M>(dataset: unknown, at: string, a: TreeAccess<M>, fail: Fail): unknown[] | undefined {
  if (!a.isMap(dataset)) return fail(at, 'must be a mapping');
  if (!a.str(a.get(dataset, 'fides_key'))) fail(`${at}.fides_key`, 'is required');
  const collections = a.get(dataset, 'collections');
  if (a.isNull(collections)) return undefined;
  return a.list(collections) ?? fail(`${at}.collections`, 'must be a list');
}

export function checkCollectionShape<M>(collection: unknown, at: string, a: TreeAccess<M>, fail: Fail): void {
  if (!a.isMap(collection)) return fail(at, 'must be a mapping');
  if (!a.str(a.get(collection, 'name'))) fail(`${at}.name`, 'is required');
  checkFields(a.get(collection, 'fields'), `${at}.fields`, a, fail);
}

function checkFields<M>(fields: unknown, at: string, a: TreeAccess<M>, fail: Fail): void {
  if (a.isNull(fields)) return;
  const list = a.list(fields);
  if (!list) return fail(at, 'must be a list');
  list.forEach((field, k) => {
    const fAt = `${at}[${k}]`;
    if (!a.isMap(field)) return fail(fAt, 'must be a mapping');
    if (!a.str(a.get(field, 'name'))) fail(`${fAt}.name`, 'is required');
    const categories = a.get(field, 'data_categories');
    if (!a.isNull(categories) && !(a.list(categories)?.every((c) => a.isString(c)) ?? false)) {
      fail(`${fAt}.data_categories`, 'must be a list of category keys');
    }
    const record = a.get(field, 'piiscout');
    if (record !== undefined) {
      if (!a.isMap(record)) return fail(`${fAt}.piiscout`, 'must be a mapping');
      const statusNode = a.get(record, 'status');
      const status = a.str(statusNode);
      if (statusNode !== undefined && !isFieldStatus(status)) {
        const hint = didYouMean(closest(status ?? '', FIELD_STATUSES, 1));
        fail(`${fAt}.piiscout.status`, `unknown status '${status}'${hint ? ` (${hint})` : ''}; use one of ${FIELD_STATUSES.join(', ')}`);
      }
    }
    checkFields(a.get(field, 'fields'), `${fAt}.fields`, a, fail);
  });
}
