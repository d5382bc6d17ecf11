/**
 * Joins the dataset files of a sharded scan (`piiscout scan --shard i/n`) into one, as the YAML
 * Documents they are, so reviewed files keep their comments and whatever a person wrote.
 *
 * Datasets are matched by fides_key, collections (tables) by name, fields by name; lists come out in
 * name order, as the writer sorts them. Shards hold disjoint tables, so usually nothing collides.
 * When the same field is in two files: a human decision (accepted/edited/ignored) wins over a
 * proposal; between two proposals (or two equal decisions) the file scanned later wins. Two decisions
 * that disagree are a conflict: nothing is written and they are listed, because either choice would
 * drop a person's decision. A table's own record (status, rows sampled) comes from the later scan.
 * Each dataset's table counts are recounted from its collections.
 */
import fs from 'node:fs';
import YAML, { type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { UserError } from '../../core/errors.js';
import { byName, YAML_TO_STRING_OPTIONS } from '../dataset-writer.js';
import { SAFE_PARSE_OPTIONS } from '../yaml-safe.js';
import { isDecidedField, statusOf } from './fields.js';
import { fileDatasetNamespaceId, matchDatasets, renameDatasetKeys } from './match-datasets.js';
import { yamlAccess } from './tree-access.js';
import { childMap, childSeq, itemName, sameSet, scalarString, setScalar, stringList } from './yaml-nodes.js';

export interface ShardMergeSummary {
  readonly files: number;
  readonly datasets: number;
  readonly tables: number;
  readonly fields: number;
  /** Fields in more than one file. */
  readonly overlappingFields: number;
  /** Overlapping fields where a human decision won over a proposal. */
  readonly decisionsKept: number;
}

export interface ShardMergeResult {
  readonly yaml: string;
  readonly summary: ShardMergeSummary;
}

export interface ShardInput {
  /** Shown in messages. */
  readonly name: string;
  readonly text: string;
}

/** Where a node came from: its file's scan time decides between two proposals. */
type Origin = WeakMap<YAMLMap, string>;

export function mergeShardFiles(files: readonly string[]): ShardMergeResult {
  return mergeShardTexts(
    files.map((file) => {
      try {
        return { name: file, text: fs.readFileSync(file, 'utf8') };
      } catch (error) {
        throw new UserError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }),
  );
}

export function mergeShardTexts(inputs: readonly ShardInput[]): ShardMergeResult {
  if (inputs.length === 0) throw new UserError('Nothing to merge: give the shard files');
  const docs = inputs.map(parseDatasetFile);
  const target = docs[0];
  const origin: Origin = new WeakMap();
  const conflicts: string[] = [];
  const counters = { overlappingFields: 0, decisionsKept: 0 };
  const targetDatasets = datasetSeq(target.doc, target.name);
  for (const d of datasetMaps(targetDatasets)) stampOrigin(d, scannedAt(d), origin);

  for (const source of docs.slice(1)) {
    // The same namespace is the same dataset, whatever its key; the target's keys win (see match-datasets.ts).
    const incoming = datasetMaps(datasetSeq(source.doc, source.name));
    const match = matchDatasets(
      datasetMaps(targetDatasets),
      incoming.map((d) => ({ key: scalarString(d, 'fides_key') ?? '', namespaceId: fileDatasetNamespaceId(d) })),
    );
    renameDatasetKeys(incoming, match.renamed);
    incoming.forEach((dataset, i) => {
      stampOrigin(dataset, scannedAt(dataset), origin);
      const existing = match.existing[i];
      if (!existing) targetDatasets.items.push(dataset);
      else mergeDataset(existing, dataset, origin, conflicts, counters);
    });
  }
  if (conflicts.length > 0) {
    const shown = conflicts.slice(0, 10).join('; ');
    throw new UserError(`Cannot merge: ${conflicts.length} field(s) have different human decisions in different files: ${shown}${conflicts.length > 10 ? '; …' : ''}`, {
      hint: 'settle them in one of the files (piiscout review FILE --set/--accept) and merge again; nothing was written',
    });
  }

  targetDatasets.items.sort((a, b) => byName(itemName(a) ?? '', itemName(b) ?? ''));
  let tables = 0;
  let fields = 0;
  for (const dataset of datasetMaps(targetDatasets)) {
    const collections = childSeq(dataset, 'collections');
    const list = collections ? mapItems(collections) : [];
    recount(target.doc, dataset, list);
    tables += list.length;
    for (const c of list) fields += mapItems(childSeq(c, 'fields')).length;
  }
  return {
    yaml: target.doc.toString(YAML_TO_STRING_OPTIONS),
    summary: { files: inputs.length, datasets: targetDatasets.items.length, tables, fields, ...counters },
  };
}

function parseDatasetFile(input: ShardInput): { name: string; doc: Document.Parsed } {
  const doc = YAML.parseDocument(input.text, { ...SAFE_PARSE_OPTIONS, keepSourceTokens: false });
  if (doc.errors.length > 0) throw new UserError(`${input.name} is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  return { name: input.name, doc };
}

function datasetSeq(doc: Document.Parsed, name: string): YAMLSeq {
  const root = doc.contents;
  const seq = YAML.isMap(root) ? childSeq(root, 'dataset') : undefined;
  if (!seq) throw new UserError(`${name} is not a Fides dataset file (no top-level 'dataset' list)`, { hint: 'give files written by piiscout scan' });
  return seq;
}

function mapItems(seq: YAMLSeq | undefined): YAMLMap[] {
  return (seq?.items ?? []).filter((i): i is YAMLMap => YAML.isMap(i));
}

function datasetMaps(seq: YAMLSeq): YAMLMap[] {
  return mapItems(seq);
}

function scannedAt(dataset: YAMLMap): string {
  const meta = childMap(dataset, 'meta');
  const record = meta ? childMap(meta, 'piiscout') : undefined;
  return (record && scalarString(record, 'scanned_at')) ?? '';
}

/** Marks a dataset's collections and fields with the scan time of the file they came from. */
function stampOrigin(dataset: YAMLMap, at: string, origin: Origin): void {
  for (const c of mapItems(childSeq(dataset, 'collections'))) {
    origin.set(c, at);
    for (const f of mapItems(childSeq(c, 'fields'))) origin.set(f, at);
  }
}

function mergeDataset(
  target: YAMLMap,
  incoming: YAMLMap,
  origin: Origin,
  conflicts: string[],
  counters: { overlappingFields: number; decisionsKept: number },
): void {
  const datasetKey = scalarString(target, 'fides_key') ?? '?';
  const byTable = new Map<string, YAMLMap>();
  for (const c of mapItems(childSeq(target, 'collections'))) byTable.set(itemName(c) ?? '', c);
  for (const c of mapItems(childSeq(incoming, 'collections'))) {
    const name = itemName(c) ?? '';
    const existing = byTable.get(name);
    byTable.set(
      name,
      existing ? mergeCollection(existing, c, origin, `${datasetKey}.${name}`, conflicts, counters) : c,
    );
  }
  const seq = new YAML.YAMLSeq();
  seq.items = [...byTable.entries()].sort((a, b) => byName(a[0], b[0])).map(([, c]) => c);
  const old = childSeq(target, 'collections');
  if (old) {
    old.items = seq.items;
    old.flow = old.items.length === 0; // `collections: []` of an empty shard becomes a block list
  } else target.set('collections', seq);
  // The merged file was scanned as late as its latest part.
  const later = [scannedAt(target), scannedAt(incoming)].sort().at(-1) ?? '';
  const record = childMap(childMap(target, 'meta') ?? new YAML.YAMLMap(), 'piiscout');
  if (record && later) record.set('scanned_at', later);
}

/** Same table in two files: per field, the decision or the later scan; the table record from the later scan. */
function mergeCollection(
  target: YAMLMap,
  incoming: YAMLMap,
  origin: Origin,
  where: string,
  conflicts: string[],
  counters: { overlappingFields: number; decisionsKept: number },
): YAMLMap {
  const incomingLater = (origin.get(incoming) ?? '') >= (origin.get(target) ?? '');
  const base = incomingLater ? incoming : target;
  const byField = new Map<string, YAMLMap>();
  for (const f of mapItems(childSeq(target, 'fields'))) byField.set(itemName(f) ?? '', f);
  for (const f of mapItems(childSeq(incoming, 'fields'))) {
    const name = itemName(f) ?? '';
    const existing = byField.get(name);
    if (!existing) {
      byField.set(name, f);
      continue;
    }
    counters.overlappingFields++;
    const chosen = chooseField(existing, f, origin, `${where}.${name}`, conflicts);
    if (decided(chosen) && !(decided(existing) && decided(f))) counters.decisionsKept++;
    byField.set(name, chosen);
  }
  const fields = childSeq(base, 'fields') ?? new YAML.YAMLSeq();
  fields.items = [...byField.entries()].sort((a, b) => byName(a[0], b[0])).map(([, f]) => f);
  if (!childSeq(base, 'fields')) base.set('fields', fields);
  return base;
}

const decided = (field: YAMLMap): boolean => isDecidedField(field, yamlAccess);

function chooseField(a: YAMLMap, b: YAMLMap, origin: Origin, where: string, conflicts: string[]): YAMLMap {
  const aDecided = decided(a);
  const bDecided = decided(b);
  if (aDecided !== bDecided) return aDecided ? a : b;
  if (aDecided && bDecided) {
    const same = statusOf(a, yamlAccess) === statusOf(b, yamlAccess) && sameSet(stringList(a, 'data_categories'), stringList(b, 'data_categories'));
    if (!same) {
      conflicts.push(where);
      return a;
    }
  }
  return (origin.get(b) ?? '') >= (origin.get(a) ?? '') ? b : a;
}

/** Table counts in the dataset's meta, from its collections' status. */
function recount(doc: Document.Parsed, dataset: YAMLMap, collections: readonly YAMLMap[]): void {
  const meta = childMap(dataset, 'meta');
  const record = meta ? childMap(meta, 'piiscout') : undefined;
  if (!record || !record.has('tables')) return;
  const scanned = collections.filter((c) => scalarString(childMap(c, 'piiscout') ?? new YAML.YAMLMap(), 'status') === 'scanned').length;
  setScalar(doc, record, 'tables', collections.length);
  setScalar(doc, record, 'tables_scanned', scanned);
  setScalar(doc, record, 'tables_skipped', collections.length - scanned);
}
