/**
 * Which dataset of a file a scanned dataset is: the one for the same namespace (database and
 * schema), or, for a dataset without a recorded namespace (a person wrote it, or a file from before
 * namespaces were recorded), the one with the same fides_key. The scan then takes the file's keys:
 * a matched dataset keeps the key it has in the file, a new one gets a key no dataset in the file
 * has, and references follow. Keys derived from names can collide or shift when a schema appears
 * (`клиенты` and `заказы` both cleaned to the same key); namespaces cannot.
 */
import YAML, { type YAMLMap } from 'yaml';
import { datasetNamespaceOf, namespaceId } from '../fides/dataset-namespace.js';
import type { FidesDataset, FidesDatasetFile, FidesField } from '../fides/dataset-types.js';
import type { ExistingKeys } from '../fides/dataset-writer.js';
import { FidesKeyAllocator } from '../fides/fides-key.js';
import { childMap, childSeq, isMap, scalarString } from './yaml-nodes.js';

export interface AlignedScan {
  /** The scan with the file's keys (datasets and references). */
  readonly scan: FidesDatasetFile;
  /** Per scanned dataset, in order: the file's dataset it is, or undefined for a new one. */
  readonly existing: readonly (YAMLMap | undefined)[];
}

/** The namespace a file's dataset records (see `datasetNamespaceOf`). */
export function fileDatasetNamespaceId(dataset: YAMLMap): string | undefined {
  const ns = datasetNamespaceOf({ meta: childMap(dataset, 'meta')?.toJSON(), fides_meta: childMap(dataset, 'fides_meta')?.toJSON() });
  return ns ? namespaceId(ns) : undefined;
}

/**
 * The keys a file gives its datasets, for `buildDatasetFile` to reuse (references to schemas it did
 * not scan included). Keys of datasets without a namespace are not taken: such a dataset is the one
 * a schema with that key is matched to, as before namespaces were recorded.
 */
export function existingKeys(fileDatasets: readonly YAMLMap[]): ExistingKeys {
  const byNamespace = new Map<string, string>();
  const taken = new Set<string>();
  for (const dataset of fileDatasets) {
    const key = scalarString(dataset, 'fides_key');
    const id = fileDatasetNamespaceId(dataset);
    if (key === undefined || id === undefined) continue;
    taken.add(key);
    if (!byNamespace.has(id)) byNamespace.set(id, key);
  }
  return { byNamespace, taken };
}

/** An incoming dataset: its key and, when it records one, its namespace id. */
export interface IncomingDataset {
  readonly key: string;
  readonly namespaceId?: string;
}

export interface DatasetMatch {
  /** Per incoming dataset, in order: the file's dataset it is, or undefined for a new one. */
  readonly existing: readonly (YAMLMap | undefined)[];
  /** Incoming keys that change: to the matched dataset's key, or, for a new dataset whose key the file has, to a free one. */
  readonly renamed: ReadonlyMap<string, string>;
}

export function alignScanToFile(fileDatasets: readonly YAMLMap[], scan: FidesDatasetFile): AlignedScan {
  const incoming = scan.dataset.map((nd): IncomingDataset => {
    const ns = datasetNamespaceOf(nd);
    return { key: nd.fides_key, ...(ns ? { namespaceId: namespaceId(ns) } : {}) };
  });
  const { existing, renamed } = matchDatasets(fileDatasets, incoming);
  return { scan: renamed.size === 0 ? scan : withKeys(scan, renamed), existing };
}

export function matchDatasets(fileDatasets: readonly YAMLMap[], incoming: readonly IncomingDataset[]): DatasetMatch {
  const byNamespace = new Map<string, YAMLMap>();
  const byKey = new Map<string, { dataset: YAMLMap; namespaceId?: string }>();
  const taken = new Set<string>();
  for (const dataset of fileDatasets) {
    const key = scalarString(dataset, 'fides_key');
    if (key === undefined) continue;
    taken.add(key);
    const id = fileDatasetNamespaceId(dataset);
    if (id !== undefined && !byNamespace.has(id)) byNamespace.set(id, dataset);
    if (!byKey.has(key)) byKey.set(key, { dataset, namespaceId: id });
  }

  const used = new Set<YAMLMap>();
  const existing = incoming.map((d) => {
    // The same key is the same dataset only when the two namespaces cannot tell otherwise.
    const sameKey = byKey.get(d.key);
    const byKeyOnly = sameKey && (d.namespaceId === undefined || sameKey.namespaceId === undefined) ? sameKey.dataset : undefined;
    const match = (d.namespaceId !== undefined && byNamespace.get(d.namespaceId)) || byKeyOnly;
    if (!match || used.has(match)) return undefined;
    used.add(match);
    return match;
  });

  const renamed = new Map<string, string>();
  const allocator = new FidesKeyAllocator([...taken, ...incoming.map((d) => d.key)]);
  incoming.forEach((d, i) => {
    const match = existing[i];
    const key = match ? scalarString(match, 'fides_key')! : taken.has(d.key) ? allocator.keyFor(d.key) : d.key;
    if (key !== d.key) renamed.set(d.key, key);
  });
  return { existing, renamed };
}

/** Renames dataset keys in parsed datasets, in place: their fides_key and every reference to them. */
export function renameDatasetKeys(datasets: readonly YAMLMap[], renamed: ReadonlyMap<string, string>): void {
  if (renamed.size === 0) return;
  const renameIn = (map: YAMLMap, key: string): void => {
    const node = map.get(key, true);
    if (YAML.isScalar(node) && typeof node.value === 'string' && renamed.has(node.value)) node.value = renamed.get(node.value)!;
  };
  const visitFields = (fields: YAMLMap[]): void => {
    for (const field of fields) {
      for (const ref of childSeq(childMap(field, 'fides_meta') ?? new YAML.YAMLMap(), 'references')?.items ?? []) if (isMap(ref)) renameIn(ref, 'dataset');
      visitFields((childSeq(field, 'fields')?.items ?? []).filter(isMap));
    }
  };
  for (const dataset of datasets) {
    renameIn(dataset, 'fides_key');
    for (const collection of (childSeq(dataset, 'collections')?.items ?? []).filter(isMap)) visitFields((childSeq(collection, 'fields')?.items ?? []).filter(isMap));
  }
}

/** The scan with dataset keys renamed, in the datasets and in every reference. */
function withKeys(scan: FidesDatasetFile, renamed: ReadonlyMap<string, string>): FidesDatasetFile {
  const rename = (key: string): string => renamed.get(key) ?? key;
  const field = (f: FidesField): FidesField => {
    const references = f.fides_meta?.references;
    return {
      ...f,
      ...(references ? { fides_meta: { ...f.fides_meta, references: references.map((r) => ({ ...r, dataset: rename(r.dataset) })) } } : {}),
      ...(f.fields ? { fields: f.fields.map(field) } : {}),
    };
  };
  return {
    ...scan,
    dataset: scan.dataset.map(
      (d): FidesDataset => ({
        ...d,
        fides_key: rename(d.fides_key),
        collections: d.collections.map((c) => ({ ...c, fields: c.fields.map(field) })),
      }),
    ),
  };
}
