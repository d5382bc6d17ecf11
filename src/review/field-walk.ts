/**
 * The rules that turn a dataset file into review fields, written once for both ways a file is held:
 * as a YAML Document (review edits, merges) and as plain data (the fast reader behind check,
 * review --list, export). Each rule sees the file through a `TreeAccess`.
 *
 * - A field is addressed `fides_key.collection.field`, a nested one `…field.sub`; its schema is the
 *   dataset's namespace schema, else its name, else its key. The first field with an address wins.
 * - A container a person wrote for nested fields (sub-fields, no categories, no piiscout record) is
 *   no field of its own.
 * - A field's status is `piiscout.status`; without one, categories mean a person wrote them (edited).
 */
import YAML, { type YAMLMap } from 'yaml';
import { UserError } from '../core/errors.js';
import { closest, didYouMean } from '../util/did-you-mean.js';
import { fieldPrefix, type DatasetNames } from '../fides/field-names.js';
import type { FieldAddress, FieldStatus, ReviewField } from './review-file.js';

export const FIELD_STATUSES: readonly FieldStatus[] = ['proposed', 'accepted', 'edited', 'ignored'];
const DECIDED: ReadonlySet<string> = new Set(['accepted', 'edited', 'ignored']);

/** How the rules read a tree: YAML nodes or plain data. */
export interface TreeAccess<M> {
  isMap(value: unknown): value is M;
  /** The value under `key` (a node for YAML), undefined when the key is absent. */
  get(map: M, key: string): unknown;
  /** A list's items (the array itself), or undefined when the value is no list. */
  list(value: unknown): unknown[] | undefined;
  /** A scalar as text (names like `2021` may have been read as numbers), else undefined. */
  str(value: unknown): string | undefined;
  /** Absent, or an explicit null. */
  isNull(value: unknown): boolean;
  isString(value: unknown): boolean;
  /** A map as plain data. */
  plain(value: unknown): unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalarText = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

export const plainAccess: TreeAccess<Record<string, unknown>> = {
  isMap: isRecord,
  get: (map, key) => (Object.hasOwn(map, key) ? map[key] : undefined),
  list: (value) => (Array.isArray(value) ? value : undefined),
  str: scalarText,
  isNull: (value) => value === undefined || value === null,
  isString: (value) => typeof value === 'string',
  plain: (value) => value,
};

export const yamlAccess: TreeAccess<YAMLMap> = {
  isMap: (value): value is YAMLMap => YAML.isMap(value),
  get: (map, key) => map.get(key, true),
  list: (value) => (YAML.isSeq(value) ? value.items : undefined),
  str: (value) => (YAML.isScalar(value) ? scalarText(value.value) : undefined),
  isNull: (value) => value === undefined || value === null || (YAML.isScalar(value) && value.value === null),
  isString: (value) => YAML.isScalar(value) && typeof value.value === 'string',
  plain: (value) => (YAML.isNode(value) ? value.toJSON() : value),
};

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
  const key = a.str(a.get(dataset, 'fides_key'))!;
  const name = a.str(a.get(dataset, 'name'));
  const fidesMeta = a.get(dataset, 'fides_meta');
  const namespace = a.isMap(fidesMeta) ? a.get(fidesMeta, 'namespace') : undefined;
  const schema = (a.isMap(namespace) ? a.str(a.get(namespace, 'schema')) : undefined) ?? name ?? key;
  const meta = a.get(dataset, 'meta');
  const database = (a.isMap(namespace) ? a.str(a.get(namespace, 'database_name')) : undefined) ?? (a.isMap(meta) ? a.str(a.get(meta, 'database_name')) : undefined);
  return { key, schema, ...(database ? { database } : {}), ...(name ? { name } : {}), prefixes: [...new Set([key, schema, ...(name ? [name] : []), ...(database ? [`${database}.${schema}`] : [])])] };
}

/** A collection's reviewable fields in file order, with their paths (`a.b` when nested). */
export function walkCollection<M>(collection: M, a: TreeAccess<M>, visit: (path: string, field: M, fieldList: unknown[]) => void): void {
  const visitList = (fieldList: unknown[], parent: string): void => {
    for (const field of fieldList) {
      if (!a.isMap(field)) continue;
      const own = a.str(a.get(field, 'name'));
      const path = parent ? `${parent}.${own}` : own!;
      const sub = a.list(a.get(field, 'fields'));
      const container = sub !== undefined && sub.length > 0 && a.get(field, 'data_categories') === undefined && !a.isMap(a.get(field, 'piiscout'));
      if (!container) visit(path, field, fieldList);
      if (sub) visitList(sub, path);
    }
  };
  visitList(a.list(a.get(collection, 'fields')) ?? [], '');
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

export function addressId(dataset: string, collection: string, field: string): string {
  return `${dataset}\u0000${collection}\u0000${field}`;
}

/** A field's categories (`data_categories` items as text). */
export function categoriesOf<M>(field: M, a: TreeAccess<M>): string[] {
  return (a.list(a.get(field, 'data_categories')) ?? []).map((item) => a.str(item) ?? String(a.plain(item)));
}

/** A field's status as stored, or as implied for fields a person wrote without a piiscout record. */
export function statusOf<M>(field: M, a: TreeAccess<M>): FieldStatus {
  const record = a.get(field, 'piiscout');
  const status = a.isMap(record) ? a.str(a.get(record, 'status')) : undefined;
  if (status && (FIELD_STATUSES as readonly string[]).includes(status)) return status as FieldStatus;
  return categoriesOf(field, a).length > 0 ? 'edited' : 'proposed';
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
  if (details && isRecord(record.proposed_fides_meta)) out.proposedFidesMeta = record.proposed_fides_meta as ReviewField['proposedFidesMeta'];
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
  if (DECIDED.has(status) && isRecord(proposal) && Array.isArray(proposal.categories)) {
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
      if (statusNode !== undefined && !(FIELD_STATUSES as readonly string[]).includes(status ?? '')) {
        const hint = didYouMean(closest(status ?? '', FIELD_STATUSES, 1));
        fail(`${fAt}.piiscout.status`, `unknown status '${status}'${hint ? ` (${hint})` : ''}; use one of ${FIELD_STATUSES.join(', ')}`);
      }
    }
    checkFields(a.get(field, 'fields'), `${fAt}.fields`, a, fail);
  });
}
