/**
 * Merges a fresh scan (the file object `buildDatasetFile` builds) into an existing dataset
 * Document, in place and without I/O. The rules, in order of importance:
 *
 * - A human decision (status accepted/edited/ignored, or categories a person wrote without a
 *   piiscout record) is never changed: its `data_categories`, status and everything else stay.
 *   When the new machine proposal differs, it is only recorded beside it as `piiscout.proposal`.
 * - `proposed` fields take the new proposal (`data_categories` and the piiscout record, fides_meta's
 *   data_type/primary_key); whatever a person wrote beside it (description, identity, references,
 *   other keys, comments) stays.
 * - New tables and columns are added, in name order, as proposed and marked `piiscout.new: true`;
 *   the marker lasts one scan. Vanished ones are marked `piiscout.removed: true`, never deleted;
 *   a field that comes back loses the marker.
 * - Nested fields (inside a JSON column or object) are merged by the same rules, level by level,
 *   addressed as `column.key`. A key that the sampled documents of a column no longer hold is
 *   marked removed like a column (a decision on it is kept until a person confirms the removal);
 *   when the sample found no keys at all in the column (no documents, or the table was skipped),
 *   nothing is known to be gone and nothing is marked.
 * - What the scan did not look at is left alone: tables outside its include/exclude scope or views
 *   it did not list (`scope`), and tables it could not sample (skipped: permission, timeout), whose
 *   existing proposals are kept and whose fields are not marked removed.
 */
import YAML, { type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FidesCollection, FidesDataset, FidesDatasetFile, FidesField } from '../dataset-types.js';
import { datasetNames } from './dataset-names.js';
import { isDecidedField } from './fields.js';
import { MergeChanges } from './merge-changes.js';
import { alignScanToFile } from './match-datasets.js';
import { yamlAccess } from './tree-access.js';
import { PROPOSED_META_KEY, recordPendingProposal } from './proposed-meta.js';
import {
  child,
  childMap,
  childSeq,
  createNode,
  ensureMap,
  insertSorted,
  isMap,
  itemName,
  sameSet,
  scalarString,
  setKey,
  setScalar,
  stringList,
} from './yaml-nodes.js';

export interface FieldRef {
  readonly dataset: string;
  readonly collection: string;
  readonly field: string;
}

export interface TableRef {
  readonly dataset: string;
  readonly collection: string;
}

export interface ProposalChange {
  readonly address: FieldRef;
  /** Previous categories: the old proposal, or the human decision for proposals recorded beside one. */
  readonly old: string[];
  readonly new: string[];
}

/** What a merge changed, as lists (drift reports are built on them). */
export interface MergeSummary {
  readonly newDatasets: string[];
  readonly newTables: TableRef[];
  /** Every field first seen in this scan, including those of new tables. */
  readonly newFields: FieldRef[];
  /** Tables newly marked removed. */
  readonly removedTables: TableRef[];
  /** Fields newly marked removed, including those of removed tables. */
  readonly removedFields: FieldRef[];
  /** Fields marked removed earlier that are back. */
  readonly reappearedFields: FieldRef[];
  /** Proposed fields whose proposal changed. */
  readonly changedProposals: ProposalChange[];
  /** Human decisions the machine now disagrees with (recorded as `piiscout.proposal`, decision kept). */
  readonly proposalsBesideDecisions: ProposalChange[];
  /** Fields that hold a human decision (all kept). */
  readonly decisionsKept: number;
  /** Tables the scan could not sample: their proposals and fields were left as they were. */
  readonly skippedTables: TableRef[];
  /** Each changed collection before and after (with MergeOptions.trackChanges): drift is computed from it. */
  readonly changes?: MergeChanges;
}

/** Which tables and columns the scan looked at; the rest keeps its fields, unmarked. */
export interface MergeScope {
  coversTable(schema: string, table: string, kind: string | undefined): boolean;
  coversColumn(schema: string, table: string, column: string): boolean;
}

export interface MergeOptions {
  readonly scope?: MergeScope;
  /** Record each changed collection before and after in `MergeSummary.changes` (for drift). */
  readonly trackChanges?: boolean;
}

export const EVERYTHING: MergeScope = { coversTable: () => true, coversColumn: () => true };
/** Record keys that follow the markers (so `new`/`removed` sit right under `status`). */
const FIELD_RECORD_TAIL = ['confidence', 'note', 'factors', 'weights', 'alternatives', 'evidence', 'proposal'];
const COLLECTION_RECORD_TAIL = ['reason', 'partly_readable', 'row_estimate', 'rows_sampled', 'sample_method'];
const FIELD_KEYS_AFTER_CATEGORIES = ['fides_meta', 'fields', 'piiscout'];

function findByName(seq: YAMLSeq | undefined, name: string, key = 'name'): YAMLMap | undefined {
  return seq?.items.find((item): item is YAMLMap => itemName(item, key) === name);
}

function isMarked(map: YAMLMap, marker: 'new' | 'removed', recordKey = 'piiscout'): boolean {
  return childMap(map, recordKey)?.get(marker) === true;
}

export class Merger {
  readonly summary = {
    newDatasets: [] as string[],
    newTables: [] as TableRef[],
    newFields: [] as FieldRef[],
    removedTables: [] as TableRef[],
    removedFields: [] as FieldRef[],
    reappearedFields: [] as FieldRef[],
    changedProposals: [] as ProposalChange[],
    proposalsBesideDecisions: [] as ProposalChange[],
    decisionsKept: 0,
    skippedTables: [] as TableRef[],
    changes: undefined as MergeChanges | undefined,
  };

  constructor(
    private readonly doc: Document,
    readonly scope: MergeScope,
    trackChanges = false,
  ) {
    if (trackChanges) this.summary.changes = new MergeChanges(doc);
  }

  run(scan: FidesDatasetFile): MergeSummary {
    const root = this.doc.contents as YAMLMap;
    const datasets = childSeq(root, 'dataset')!;
    for (const d of datasets.items) if (isMap(d)) for (const c of childSeq(d, 'collections')?.items ?? []) if (isMap(c)) this.clearNewMarkers(c);
    // By namespace, not by key: see match-datasets.ts. The scan takes the file's keys.
    const aligned = alignScanToFile(datasets.items.filter(isMap), scan);
    const seen = new Set<YAMLMap>();
    aligned.scan.dataset.forEach((nd, i) => {
      const existing = aligned.existing[i];
      if (existing) this.mergeDataset(existing, nd);
      seen.add(existing ?? this.addDataset(datasets, nd));
    });
    for (const existing of datasets.items) {
      if (!isMap(existing) || seen.has(existing) || !isPiiscoutDataset(existing)) continue;
      const schema = datasetSchema(existing);
      for (const c of childSeq(existing, 'collections')?.items ?? []) {
        if (isMap(c) && this.scope.coversTable(schema, scalarString(c, 'name')!, collectionKind(c))) this.markCollectionRemoved(scalarString(existing, 'fides_key')!, c);
      }
    }
    for (const d of datasets.items) if (isMap(d)) for (const c of childSeq(d, 'collections')?.items ?? []) if (isMap(c)) this.countDecisions(c);
    return this.summary;
  }

  /** The `new` markers last one scan: cleared from a collection and its fields before merging. */
  clearNewMarkers(collection: YAMLMap): void {
    const clearFields = (seq: YAMLSeq | undefined): void => {
      for (const f of seq?.items ?? []) {
        if (!isMap(f)) continue;
        childMap(f, 'piiscout')?.delete('new');
        clearFields(childSeq(f, 'fields'));
      }
    };
    childMap(collection, 'piiscout')?.delete('new');
    clearFields(childSeq(collection, 'fields'));
  }

  addDataset(datasets: YAMLSeq, nd: FidesDataset): YAMLMap {
    this.summary.newDatasets.push(nd.fides_key);
    const marked: FidesDataset = { ...nd, collections: nd.collections.map((c) => this.markNewCollection(nd.fides_key, c)) };
    const node = createNode(this.doc, marked) as YAMLMap;
    // Datasets are written in schema order; keep a file that follows it in order.
    insertSorted(datasets, node, nd.name ?? nd.fides_key);
    return node;
  }

  markNewCollection(dataset: string, nc: FidesCollection): FidesCollection {
    this.summary.newTables.push({ dataset, collection: nc.name });
    const marked = {
      ...nc,
      piiscout: withMarker(nc.piiscout ?? {}, 'new', 'kind', 'status'),
      fields: nc.fields.map((f) => this.markNewField({ dataset, collection: nc.name, field: f.name }, f)),
    };
    this.summary.changes?.after(dataset, marked);
    return marked;
  }

  private markNewField(address: FieldRef, nf: FidesField): FidesField {
    this.summary.newFields.push(address);
    return { ...nf, piiscout: withMarker(nf.piiscout ?? { status: 'proposed', confidence: 0 }, 'new', 'status') as FidesField['piiscout'] };
  }

  private mergeDataset(existing: YAMLMap, nd: FidesDataset): void {
    this.mergeDatasetHead(existing, nd);
    let collections = childSeq(existing, 'collections');
    if (!collections) {
      collections = this.doc.createNode([]) as YAMLSeq;
      setKey(existing, 'collections', collections);
    }
    const wasEmpty = collections.items.length === 0;
    const schema = datasetSchema(existing);
    const seen = new Set<string>();
    for (const nc of nd.collections) {
      seen.add(nc.name);
      const ec = findByName(collections, nc.name);
      if (ec) this.mergeCollection(nd.fides_key, schema, ec, nc);
      else insertSorted(collections, createNode(this.doc, this.markNewCollection(nd.fides_key, nc)), nc.name);
    }
    // `collections: []` grows into the writer's block list, not one flow line; an empty one stays `[]`.
    if (wasEmpty) collections.flow = collections.items.length === 0;
    for (const ec of collections.items) {
      if (!isMap(ec)) continue;
      const name = scalarString(ec, 'name')!;
      if (!seen.has(name) && this.scope.coversTable(schema, name, collectionKind(ec))) this.markCollectionRemoved(nd.fides_key, ec);
    }
  }

  /** A matched dataset without its collections: the scan's statistics in, what a person wrote kept. */
  mergeDatasetHead(existing: YAMLMap, nd: FidesDataset): void {
    // Machine-owned: the scan's statistics and where the data lives. Name, description and
    // fides_meta may have been edited by a person, so they are only filled in when missing.
    const meta = ensureMap(this.doc, existing, 'meta', ['fides_meta', 'collections']);
    for (const [key, value] of Object.entries(nd.meta ?? {})) {
      if (key === 'piiscout') setKey(meta, key, createNode(this.doc, value));
      else if (typeof value === 'string' || typeof value === 'number') setScalar(this.doc, meta, key, value, ['piiscout']);
    }
    if (nd.name !== undefined && child(existing, 'name') === undefined) setScalar(this.doc, existing, 'name', nd.name, ['description', 'meta']);
    if (nd.description !== undefined && child(existing, 'description') === undefined) {
      setScalar(this.doc, existing, 'description', nd.description, ['meta', 'fides_meta', 'collections']);
    }
    if (nd.fides_meta && child(existing, 'fides_meta') === undefined) setKey(existing, 'fides_meta', createNode(this.doc, nd.fides_meta), ['collections']);
  }

  mergeCollection(dataset: string, schema: string, ec: YAMLMap, nc: FidesCollection): void {
    this.summary.changes?.before(dataset, ec);
    this.mergeCollectionFields(dataset, schema, ec, nc);
    this.summary.changes?.after(dataset, ec);
  }

  private mergeCollectionFields(dataset: string, schema: string, ec: YAMLMap, nc: FidesCollection): void {
    const table = nc.name;
    const skipped = nc.piiscout?.status === 'skipped';
    if (skipped) this.summary.skippedTables.push({ dataset, collection: table });
    // The table record describes this scan (scanned or skipped, rows sampled); replacing it also drops `removed`.
    if (nc.piiscout) setKey(ec, 'piiscout', createNode(this.doc, nc.piiscout), []);
    if (nc.description !== undefined && child(ec, 'description') === undefined) setScalar(this.doc, ec, 'description', nc.description, ['data_categories', 'fides_meta', 'piiscout', 'fields']);

    let fields = childSeq(ec, 'fields');
    if (!fields) {
      fields = this.doc.createNode([]) as YAMLSeq;
      setKey(ec, 'fields', fields);
    }
    const seen = new Set<string>();
    for (const nf of nc.fields) {
      seen.add(nf.name);
      const ef = findByName(fields, nf.name);
      if (ef) this.mergeField({ dataset, collection: table, field: nf.name }, ef, nf, skipped);
      else insertSorted(fields, createNode(this.doc, this.markNewField({ dataset, collection: table, field: nf.name }, nf)), nf.name);
    }
    // Not sampled this time, or columns hidden by column-level grants: nothing is known to be gone.
    if (skipped || nc.piiscout?.partly_readable !== undefined) return;
    for (const ef of fields.items) {
      if (!isMap(ef)) continue;
      const name = scalarString(ef, 'name')!;
      if (!seen.has(name) && this.scope.coversColumn(schema, table, name)) this.markFieldRemoved({ dataset, collection: table, field: name }, ef);
    }
  }

  private mergeField(address: FieldRef, ef: YAMLMap, nf: FidesField, skipped: boolean): void {
    this.mergeOwnProposal(address, ef, nf, skipped);
    this.mergeNestedFields(address, ef, nf, skipped);
  }

  private mergeOwnProposal(address: FieldRef, ef: YAMLMap, nf: FidesField, skipped: boolean): void {
    const record = childMap(ef, 'piiscout');
    if (record?.get('removed') === true) {
      record.delete('removed');
      this.summary.reappearedFields.push(address);
    }
    const proposal = nf.data_categories ?? [];
    if (isDecidedField(ef, yamlAccess)) {
      if (skipped) return; // a name-and-type-only guess is no reason to question a decision
      recordPendingProposal(this.doc, ef, nf.piiscout?.[PROPOSED_META_KEY]);
      const decided = stringList(ef, 'data_categories');
      if (sameSet(decided, proposal)) {
        record?.delete('proposal');
        return;
      }
      const target = record ?? ensureMap(this.doc, ef, 'piiscout');
      const node = createNode(this.doc, { categories: [...proposal], confidence: nf.piiscout?.confidence ?? 0 }) as YAMLMap;
      node.flow = true; // one line beside the decision
      setKey(target, 'proposal', node);
      this.summary.proposalsBesideDecisions.push({ address, old: decided, new: [...proposal] });
      return;
    }
    // Proposed. A skipped table was classified by name and type only: keep the earlier proposal.
    if (skipped && record && child(record, 'evidence') !== undefined) return;
    const old = stringList(ef, 'data_categories');
    setKey(ef, 'data_categories', createNode(this.doc, [...proposal]), FIELD_KEYS_AFTER_CATEGORIES);
    if (nf.piiscout) setKey(ef, 'piiscout', createNode(this.doc, nf.piiscout));
    if (nf.description !== undefined && child(ef, 'description') === undefined) setScalar(this.doc, ef, 'description', nf.description, ['data_categories', ...FIELD_KEYS_AFTER_CATEGORIES]);
    this.mergeFieldMeta(ef, nf);
    recordPendingProposal(this.doc, ef, nf.piiscout?.[PROPOSED_META_KEY]);
    if (!sameSet(old, proposal)) this.summary.changedProposals.push({ address, old, new: [...proposal] });
  }

  /** The scan's fields inside `nf` merged into those of `ef`, each with its own status (a decision on the parent decides nothing inside). */
  private mergeNestedFields(parent: FieldRef, ef: YAMLMap, nf: FidesField, skipped: boolean): void {
    const nested = nf.fields ?? [];
    if (nested.length === 0) return;
    let fields = childSeq(ef, 'fields');
    if (!fields) {
      fields = this.doc.createNode([]) as YAMLSeq;
      setKey(ef, 'fields', fields, ['piiscout']);
      // fideslang takes sub-fields only under an object field or one without a type (data_type is the scan's).
      const meta = childMap(ef, 'fides_meta');
      const dataType = meta && scalarString(meta, 'data_type');
      if (meta && dataType !== undefined && !dataType.startsWith('object')) {
        const fresh = nf.fides_meta?.data_type;
        if (fresh?.startsWith('object')) setScalar(this.doc, meta, 'data_type', fresh);
        else meta.delete('data_type');
        if (meta.items.length === 0) ef.delete('fides_meta');
      }
    }
    const seen = new Set<string>();
    for (const inner of nested) {
      seen.add(inner.name);
      const address = { ...parent, field: `${parent.field}.${inner.name}` };
      const existing = findByName(fields, inner.name);
      if (existing) this.mergeField(address, existing, inner, skipped);
      else insertSorted(fields, createNode(this.doc, this.markNewField(address, inner)), inner.name);
    }
    if (skipped) return;
    for (const ef of fields.items) {
      const name = isMap(ef) ? scalarString(ef, 'name') : undefined;
      if (name !== undefined && !seen.has(name)) this.markFieldRemoved({ ...parent, field: `${parent.field}.${name}` }, ef as YAMLMap);
    }
  }

  /** data_type and primary_key are the scan's; references are added to, never taken away. */
  private mergeFieldMeta(ef: YAMLMap, nf: FidesField): void {
    const meta = childMap(ef, 'fides_meta');
    // Sub-fields: a person modelled it as an object, or an earlier scan found keys inside (this sample found none).
    const hasSubFields = (childSeq(ef, 'fields')?.items.length ?? 0) > 0;
    const fresh = hasSubFields && !nf.fides_meta?.data_type?.startsWith('object') ? withoutDataType(nf.fides_meta) : (nf.fides_meta ?? {});
    if (!meta) {
      if (Object.keys(fresh).length > 0) setKey(ef, 'fides_meta', createNode(this.doc, fresh), ['fields', 'piiscout']);
      return;
    }
    if (!hasSubFields) {
      if (fresh.data_type !== undefined) setScalar(this.doc, meta, 'data_type', fresh.data_type, ['primary_key', 'references']);
      else meta.delete('data_type');
    }
    if (fresh.primary_key) setScalar(this.doc, meta, 'primary_key', true, ['references']);
    else meta.delete('primary_key');
    const refs = fresh.references ?? [];
    if (refs.length === 0) return;
    const existing = childSeq(meta, 'references');
    const have = new Set((existing?.toJSON() as unknown[] | undefined)?.map((r) => refKey(r)) ?? []);
    const missing = refs.filter((r) => !have.has(refKey(r)));
    if (missing.length === 0) return;
    if (existing) for (const r of missing) existing.items.push(createNode(this.doc, r));
    else setKey(meta, 'references', createNode(this.doc, refs));
  }

  markCollectionRemoved(key: string, ec: YAMLMap): void {
    this.summary.changes?.before(key, ec);
    this.markCollectionFieldsRemoved(key, ec);
    this.summary.changes?.after(key, ec);
  }

  private markCollectionFieldsRemoved(key: string, ec: YAMLMap): void {
    const table = scalarString(ec, 'name')!;
    if (!isMarked(ec, 'removed')) {
      setScalar(this.doc, ensureMap(this.doc, ec, 'piiscout'), 'removed', true, COLLECTION_RECORD_TAIL);
      this.summary.removedTables.push({ dataset: key, collection: table });
    }
    for (const ef of childSeq(ec, 'fields')?.items ?? []) {
      if (isMap(ef)) this.markFieldRemoved({ dataset: key, collection: table, field: scalarString(ef, 'name')! }, ef);
    }
  }

  /** Marks a vanished field; what is inside it goes with it when a person confirms the removal. */
  private markFieldRemoved(address: FieldRef, ef: YAMLMap): void {
    if (isMarked(ef, 'removed')) return;
    setScalar(this.doc, ensureMap(this.doc, ef, 'piiscout'), 'removed', true, FIELD_RECORD_TAIL);
    this.summary.removedFields.push(address);
  }

  /** Counts the fields of a collection that hold a human decision (nested ones too). */
  countDecisions(collection: YAMLMap): void {
    const visit = (seq: YAMLSeq | undefined): void => {
      for (const f of seq?.items ?? []) {
        if (!isMap(f)) continue;
        if (isDecidedField(f, yamlAccess)) this.summary.decisionsKept++;
        visit(childSeq(f, 'fields'));
      }
    };
    visit(childSeq(collection, 'fields'));
  }
}

/** A record with `marker: true` placed right after the `after` keys, so it is seen first. */
function withMarker(record: Record<string, unknown>, marker: string, ...after: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of after) if (k in record) out[k] = record[k];
  out[marker] = true;
  for (const [k, v] of Object.entries(record)) if (!(k in out)) out[k] = v;
  return out;
}

/** fideslang takes sub-fields only under an object field or one without a type. */
function withoutDataType(meta: FidesField['fides_meta']): NonNullable<FidesField['fides_meta']> {
  const { data_type: _dropped, ...rest } = meta ?? {};
  return rest;
}

function refKey(r: unknown): string {
  const x = (r ?? {}) as { dataset?: unknown; field?: unknown; direction?: unknown };
  return `${String(x.dataset)}\u0000${String(x.field)}\u0000${String(x.direction ?? '')}`;
}

/** Only datasets piiscout wrote can vanish from a scan; hand-written ones in the same file are not ours. */
export function isPiiscoutDataset(dataset: YAMLMap): boolean {
  return childMap(childMap(dataset, 'meta') ?? new YAML.YAMLMap(), 'piiscout') !== undefined;
}

export function datasetSchema(dataset: YAMLMap): string {
  return datasetNames(dataset, yamlAccess).schema;
}

export function collectionKind(collection: YAMLMap): string | undefined {
  return scalarString(childMap(collection, 'piiscout') ?? new YAML.YAMLMap(), 'kind');
}

/** Merges `scan` into `doc` (mutating it) and reports what changed. Never removes or alters a human decision. */
export function mergeScan(doc: Document, scan: FidesDatasetFile, options: MergeOptions = {}): MergeSummary {
  return new Merger(doc, options.scope ?? EVERYTHING, options.trackChanges).run(scan);
}

/** One line for the terminal: "merged: 2 new tables, 5 new fields, 1 removed field, 3 changed proposals, 12 decisions kept". */
export function formatMergeSummary(s: MergeSummary): string {
  const n = (count: number, what: string): string => `${count} ${what}${count === 1 ? '' : 's'}`;
  const parts = [
    n(s.newTables.length, 'new table'),
    n(s.newFields.length, 'new field'),
    n(s.removedTables.length, 'removed table'),
    n(s.removedFields.length, 'removed field'),
    n(s.changedProposals.length, 'changed proposal'),
    n(s.decisionsKept, 'decision') + ' kept',
  ];
  if (s.proposalsBesideDecisions.length > 0) parts.push(`${s.proposalsBesideDecisions.length} where the scan now proposes otherwise`);
  if (s.reappearedFields.length > 0) parts.push(`${s.reappearedFields.length} back`);
  return `merged: ${parts.join(', ')}`;
}
