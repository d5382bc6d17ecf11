/**
 * Writes the dataset YAML one collection at a time, byte-for-byte what `datasetFileToYaml(
 * buildDatasetFile(...))` writes, without holding the whole file object or YAML Document: at
 * 10,000 tables those two cost hundreds of MB, one collection's Document a few kB. The file-level
 * skeleton (header, datasets with their meta) is rendered once by the yaml library with a marker
 * where each dataset's collections go; each collection's text is written by `yaml-emit.ts` (the
 * same text as the library's, without building a YAML Document) and spliced in.
 */
import type { FidesCollection, FidesDataset, FidesDatasetFile } from './dataset-types.js';
import type { ScanResult, TableResult } from '../scan/scan.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { buildCollection, buildDatasetFile, byName, datasetFileToYaml, datasetKeys, subjectRequestProposals, type WriteOptions } from './dataset-writer.js';
import { blockSeqMapItemText } from './yaml-emit.js';

const MARKER = 'piiscout-collections-go-here-7f3a9c';
/** Where the `- ` of each collection goes: under `dataset:` (0), `  - ` (2), `    collections:` (4). */
const COLLECTION_ITEM_COLUMN = 6;

/** A scan as the writer and the merge read it: its datasets without collections, and each one's collections built on demand. */
export interface ScanDatasets {
  /** The datasets in file order; `collections` holds stubs (names, statuses), not the fields. */
  readonly datasets: readonly FidesDataset[];
  /** Dataset `i`'s collections in name order, each built when it is taken. */
  collections(i: number): Generator<FidesCollection>;
}

/** The scan's datasets, built one collection at a time (the whole file object is never held). */
export function scanDatasets(result: ScanResult, options: WriteOptions): ScanDatasets {
  const { database } = result;
  // The skeleton needs each table only for the per-dataset counts: strip them to their status.
  const stubs = result.tables.map(
    (t): TableResult => ({ ...t, columns: [], fields: new Map(), unsampledColumns: new Map(), nestedFields: undefined }),
  );
  const skeleton = buildDatasetFile({ ...result, tables: stubs }, options);
  const schemas = [...database.schemas, ...result.tables.map((t) => t.table.schema)];
  const referenced = result.tables.flatMap((t) => t.table.foreignKeys.map((fk) => fk.referencedSchema));
  const keys = datasetKeys(database, [...schemas, ...referenced], options.keyPrefix, options.existingKeys);
  const proposals = subjectRequestProposals(result, keys);
  const bySchema = new Map<string, TableResult[]>();
  for (const t of result.tables) {
    const list = bySchema.get(t.table.schema) ?? [];
    list.push(t);
    bySchema.set(t.table.schema, list);
  }
  return {
    datasets: skeleton.dataset,
    *collections(i) {
      const tables = (bySchema.get(skeleton.dataset[i].name!) ?? []).slice().sort((a, b) => byName(a.table.name, b.table.name));
      for (const t of tables) yield buildCollection(t, keys, proposals.forTable(t.table));
    },
  };
}

/** The YAML text in chunks: header and dataset heads, then each collection. */
export function* datasetYamlChunks(result: ScanResult, options: WriteOptions): Generator<string> {
  const scan = scanDatasets(result, options);
  const marked: FidesDatasetFile = {
    dataset: scan.datasets.map((d) => ({ ...d, collections: MARKER as unknown as FidesCollection[] })),
  };
  const pieces = datasetFileToYaml(marked).split(`    collections: ${MARKER}\n`);
  if (pieces.length !== scan.datasets.length + 1) throw new Error('dataset skeleton did not split into one piece per dataset');

  for (let i = 0; i < scan.datasets.length; i++) {
    yield pieces[i];
    let empty = true;
    for (const collection of scan.collections(i)) {
      if (empty) yield '    collections:\n';
      empty = false;
      yield collectionYaml(collection);
    }
    if (empty) yield '    collections: []\n';
  }
  yield pieces[pieces.length - 1];
}

/** One collection's lines as they appear in a whole file (a `- ` item under `dataset: - collections:`). */
export function collectionYaml(collection: FidesCollection): string {
  return blockSeqMapItemText(collection as unknown as Record<string, unknown>, COLLECTION_ITEM_COLUMN);
}

/** Streams the YAML to `file` atomically (temp file, fsync, rename). */
export function writeDatasetYamlFile(file: string, result: ScanResult, options: WriteOptions): void {
  writeFileAtomic(file, datasetYamlChunks(result, options));
}

/** Streams the YAML to stdout (`-o -`). */
export function writeDatasetYamlStdout(result: ScanResult, options: WriteOptions): void {
  for (const chunk of datasetYamlChunks(result, options)) process.stdout.write(chunk);
}
