/**
 * What a merge changed, collection by collection, as plain data before and after, with the names of
 * the file's datasets before and after. Drift (src/drift) is computed from it: the merge knows what it
 * changed, so nothing reads the file back. Recorded only when asked (scheduled sources): it holds a
 * copy of each collection the merge touched; collections it did not touch are the same in both.
 */
import type { Document, YAMLMap } from 'yaml';
import type { FidesCollection } from '../dataset-types.js';
import { datasetNames, type DatasetNames } from './dataset-names.js';
import { yamlAccess } from './tree-access.js';
import { childSeq, isMap } from './yaml-nodes.js';

export interface CollectionChange {
  /** The dataset's fides_key. */
  readonly dataset: string;
  /** The collection as it was; undefined when the merge added it. */
  readonly before?: unknown;
  /** The collection as the merge left it. */
  after?: unknown;
}

export class MergeChanges {
  /** The names of the file's datasets before the merge (see dataset-names.ts). */
  readonly datasetsBefore: readonly DatasetNames[];
  readonly #collections = new Map<string, CollectionChange>();

  constructor(private readonly doc: Document) {
    this.datasetsBefore = namesOf(doc);
  }

  /** A collection about to change: its state now (the first call for a collection counts). */
  before(dataset: string, collection: YAMLMap): void {
    const key = keyOf(dataset, collection.get('name'));
    if (!this.#collections.has(key)) this.#collections.set(key, { dataset, before: collection.toJSON() });
  }

  /** A collection as the merge left it: a YAML node, or the plain collection it adds. */
  after(dataset: string, collection: YAMLMap | FidesCollection): void {
    const plain: unknown = isMap(collection) ? collection.toJSON() : collection;
    const name = isMap(collection) ? collection.get('name') : collection.name;
    const key = keyOf(dataset, name);
    const change = this.#collections.get(key);
    if (change) change.after = plain;
    else this.#collections.set(key, { dataset, after: plain });
  }

  get collections(): Iterable<CollectionChange> {
    return this.#collections.values();
  }

  /** The names of the file's datasets after the merge (complete once the merge is). */
  datasetsAfter(): DatasetNames[] {
    return namesOf(this.doc);
  }
}

const keyOf = (dataset: string, name: unknown): string => `${dataset}\u0000${String(name)}`;

function namesOf(doc: Document): DatasetNames[] {
  const datasets = isMap(doc.contents) ? childSeq(doc.contents, 'dataset') : undefined;
  return (datasets?.items ?? []).filter(isMap).map((d) => datasetNames(d, yamlAccess));
}
