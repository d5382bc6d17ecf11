/**
 * Every field of the file, as the snapshot sends it (compact rows, in dataset → table order), with
 * what the page looks up often: each table's and dataset's index range and count left to review,
 * field positions by address, and lower-case search text. Filtering walks these arrays, never the DOM.
 */
import {
  FIELD_FLAG_NEW,
  FIELD_FLAG_REMOVED,
  type ConfidenceBandsView,
  type FieldAddress,
  type FieldRow,
  type FieldStatus,
  type ReviewSnapshot,
  type TaxonomyEntryView,
} from '../api-types.js';

export interface DatasetNode {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly collections: CollectionNode[];
  toReview: number;
}

export interface CollectionNode {
  readonly name: string;
  readonly dataset: DatasetNode;
  /** Its fields are `start` up to (not including) `end`. */
  readonly start: number;
  readonly end: number;
  toReview: number;
}

/** One field, for rendering and actions. */
export interface Field {
  readonly index: number;
  readonly address: FieldAddress;
  readonly status: FieldStatus;
  readonly confidence: number | null;
  readonly categories: readonly string[];
  readonly dataType: string | null;
  readonly isNew: boolean;
  readonly isRemoved: boolean;
  readonly machineProposal: { categories: string[]; confidence: number } | null;
}

export class FieldStore {
  readonly fileName: string;
  readonly filePath: string;
  version: string;
  readonly taxonomyEntries: readonly TaxonomyEntryView[];
  readonly taxonomy: ReadonlyMap<string, TaxonomyEntryView>;
  readonly bands: ConfidenceBandsView;
  readonly datasets: readonly DatasetNode[];
  readonly collections: readonly CollectionNode[];
  readonly rows: FieldRow[];
  /** Index into `collections` of each field. */
  readonly collectionOf: Uint32Array;
  toReview = 0;
  #search?: string[];
  #position?: Map<string, number>;

  constructor(snapshot: ReviewSnapshot) {
    this.fileName = snapshot.fileName;
    this.filePath = snapshot.filePath;
    this.version = snapshot.version;
    this.taxonomyEntries = snapshot.taxonomy;
    this.taxonomy = new Map(snapshot.taxonomy.map((e) => [e.key, e]));
    this.bands = snapshot.confidenceBands;
    this.rows = snapshot.fields;
    this.collectionOf = new Uint32Array(this.rows.length);
    const datasets: DatasetNode[] = [];
    const collections: CollectionNode[] = [];
    let at = 0;
    for (const d of snapshot.datasets) {
      const end = d.collections.reduce((n, c) => n + c.fieldCount, at);
      const dataset: DatasetNode = { name: d.name, start: at, end, collections: [], toReview: 0 };
      for (const c of d.collections) {
        const collection: CollectionNode = { name: c.name, dataset, start: at, end: at + c.fieldCount, toReview: 0 };
        this.collectionOf.fill(collections.length, at, collection.end);
        for (let i = at; i < collection.end; i++) if (this.rows[i][1] === 'proposed') collection.toReview++;
        dataset.toReview += collection.toReview;
        dataset.collections.push(collection);
        collections.push(collection);
        at = collection.end;
      }
      datasets.push(dataset);
      this.toReview += dataset.toReview;
    }
    if (at !== this.rows.length) throw new Error(`the snapshot's tables hold ${at} fields, its list ${this.rows.length}`);
    this.datasets = datasets;
    this.collections = collections;
  }

  get size(): number {
    return this.rows.length;
  }

  collection(i: number): CollectionNode {
    return this.collections[this.collectionOf[i]];
  }

  address(i: number): FieldAddress {
    const c = this.collection(i);
    return { dataset: c.dataset.name, collection: c.name, field: this.rows[i][0] };
  }

  field(i: number): Field {
    const [, status, confidence, categories, dataType, flags, proposal] = this.rows[i];
    return {
      index: i,
      address: this.address(i),
      status,
      confidence,
      categories,
      dataType,
      isNew: (flags & FIELD_FLAG_NEW) !== 0,
      isRemoved: (flags & FIELD_FLAG_REMOVED) !== 0,
      machineProposal: proposal ? { categories: proposal[0], confidence: proposal[1] } : null,
    };
  }

  status(i: number): FieldStatus {
    return this.rows[i][1];
  }

  confidence(i: number): number | null {
    return this.rows[i][2];
  }

  categories(i: number): readonly string[] {
    return this.rows[i][3];
  }

  /** `table.field` in lower case, as the search box matches it. */
  searchText(i: number): string {
    this.#search ??= this.rows.map((r, j) => `${this.collection(j).name}.${r[0]}`.toLowerCase());
    return this.#search[i];
  }

  indexOf(a: FieldAddress): number | undefined {
    if (!this.#position) {
      this.#position = new Map();
      for (let i = 0; i < this.rows.length; i++) this.#position.set(addressKey(this.address(i)), i);
    }
    return this.#position.get(addressKey(a));
  }

  /** A field's new state after an action; keeps the counts left to review. */
  update(i: number, row: FieldRow): void {
    const change = (row[1] === 'proposed' ? 1 : 0) - (this.rows[i][1] === 'proposed' ? 1 : 0);
    const c = this.collection(i);
    c.toReview += change;
    c.dataset.toReview += change;
    this.toReview += change;
    this.rows[i] = row;
  }

  dataset(name: string): DatasetNode | undefined {
    return this.datasets.find((d) => d.name === name);
  }

  table(dataset: string, name: string): CollectionNode | undefined {
    return this.dataset(dataset)?.collections.find((c) => c.name === name);
  }

  /** Every category some field holds. */
  usedCategories(): Set<string> {
    const used = new Set<string>();
    for (const row of this.rows) for (const c of row[3]) used.add(c);
    return used;
  }
}

export function addressKey(a: FieldAddress): string {
  return `${a.dataset}\u0000${a.collection}\u0000${a.field}`;
}
