/**
 * The re-scan merge at streaming speed: the same rules as `mergeScan` (merge-scan.ts), without a
 * YAML Document of the whole file. The existing file is read once and cut into its skeleton (header
 * and dataset heads, a small Document) and the text of each collection. Collections are merged one
 * at a time, in the order the file has them:
 *
 * - a collection whose text is exactly what the writer writes for the scanned table (a re-scan of
 *   an unchanged, unreviewed table) keeps its text: merging would change nothing;
 * - any other (decisions, comments, unknown keys, markers, changed proposals) is parsed alone as a
 *   small Document, merged by the Merger of merge-scan.ts and written back in its place;
 * - collections the scan did not see keep their text unless they are to be marked removed or carry
 *   a `new` marker to clear.
 *
 * Files in another layout than the writer's (see collection-text.ts) return undefined: the caller
 * merges them through the whole Document as before.
 */
import fs from 'node:fs';
import type { YAMLMap } from 'yaml';
import { UserError } from '../../core/errors.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import type { FidesCollection, FidesDataset, FidesField } from '../dataset-types.js';
import type { ExistingKeys } from '../dataset-writer.js';
import { YAML_TO_STRING_OPTIONS } from '../dataset-writer.js';
import { unreadable } from '../dataset-read.js';
import { collectionYaml, type ScanDatasets } from '../dataset-stream.js';
import { byName } from '../dataset-writer.js';
import { COLLECTIONS_LINE, CollectionDoc, itemName, MARKER, readPlain, readSkeleton, type CollectionsBlock } from './collection-text.js';
import { isDecidedField } from './fields.js';
import { collectionWithKeys, existingKeys, matchDatasets } from './match-datasets.js';
import { collectionKind, datasetSchema, EVERYTHING, isPiiscoutDataset, Merger, type MergeOptions, type MergeSummary } from './merge-scan.js';
import { datasetNamespaceId } from './namespace.js';
import { isPlainMap, plainAccess, type PlainMap } from './tree-access.js';
import { childSeq, isMap, scalarString } from './yaml-nodes.js';

/**
 * Whether a scan merges into `file` streamed (it is in the writer's layout). False when it cannot be
 * read or parsed: the whole-Document merge then says why.
 */
export function mergesStreamed(file: string): boolean {
  try {
    return readSkeleton(fs.readFileSync(file, 'utf8'), file) !== undefined;
  } catch {
    return false;
  }
}

/** The scan, as the streamed merge takes it: `scanDatasets` of the writer, with the file's keys. */
export type ScanFor = (existing: ExistingKeys) => ScanDatasets;

export interface StreamedMerge {
  /** The merged file's text, in chunks (each produced when taken). */
  readonly chunks: Iterable<string>;
  /** Complete once every chunk was taken. */
  readonly summary: MergeSummary;
}

/**
 * Merges the scan into the file's `text` (see the top of this file); undefined when the file is not
 * in the writer's layout. `file` names the file in errors.
 */
export function mergeScanStreamed(text: string, scanFor: ScanFor, options: MergeOptions & { file?: string } = {}): StreamedMerge | undefined {
  const file = options.file ?? '<text>';
  const read = readSkeleton(text, file);
  if (!read) return undefined;
  const { split, skeleton, datasetSeq, fileDatasets } = read;

  const scope = options.scope ?? EVERYTHING;
  const merger = new Merger(skeleton, scope, options.trackChanges);
  const scan = scanFor(existingKeys(fileDatasets));
  const incoming = scan.datasets.map((nd) => {
    const id = datasetNamespaceId(nd as unknown as PlainMap, plainAccess);
    return { key: nd.fides_key, ...(id !== undefined ? { namespaceId: id } : {}) };
  });
  const { existing, renamed } = matchDatasets(fileDatasets, incoming);
  const scanned = new Map<YAMLMap, { readonly nd: FidesDataset; readonly index: number }>();
  scan.datasets.forEach((scannedDataset, index) => {
    const nd = { ...scannedDataset, fides_key: renamed.get(scannedDataset.fides_key) ?? scannedDataset.fides_key };
    const match = existing[index];
    if (match) {
      merger.mergeDatasetHead(match, nd);
      scanned.set(match, { nd, index });
      return;
    }
    const collections = [...scan.collections(index)].map((c) => collectionWithKeys(c, renamed));
    const added = merger.addDataset(datasetSeq, { ...nd, collections });
    for (const c of childSeq(added, 'collections')?.items ?? []) if (isMap(c)) merger.countDecisions(c);
  });

  const pieces = skeleton.toString(YAML_TO_STRING_OPTIONS).split(new RegExp(`^ {4}collections: ${MARKER}\\d+\\n`, 'm'));
  if (pieces.length !== fileDatasets.length + 1) throw new Error('the file skeleton did not split into one piece per dataset');

  const merge = new CollectionMerge(merger, file);
  function* chunks(): Generator<string> {
    for (let k = 0; k < fileDatasets.length; k++) {
      yield pieces[k];
      const dataset = fileDatasets[k];
      const match = scanned.get(dataset);
      const items = match
        ? merge.scannedDataset(dataset, match.nd, split!.blocks[k], [...scan.collections(match.index)].map((c) => collectionWithKeys(c, renamed)))
        : merge.unscannedDataset(dataset, split!.blocks[k]);
      yield* collectionsText(split!.blocks[k], items);
    }
    yield pieces[fileDatasets.length];
  }
  return { chunks: chunks(), summary: merger.summary };
}

/**
 * Merges the scan into `file` in place, written atomically and streamed; undefined (the file
 * untouched) when the file is not in the writer's layout. Refuses to write over a file that changed
 * on disk while it was merged (a review saved meanwhile).
 */
export function mergeScanIntoFile(file: string, scanFor: ScanFor, options: MergeOptions = {}): MergeSummary | undefined {
  const read = (): string => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw unreadable(file, error);
    }
  };
  const text = read();
  const merged = mergeScanStreamed(text, scanFor, { ...options, file });
  if (!merged) return undefined;
  function* checked(): Generator<string> {
    yield* merged!.chunks;
    if (read() !== text) {
      throw new UserError(`${file} changed on disk since it was read (another review or scan saved it); nothing was written`, {
        hint: 'run the scan again to merge into the latest version',
      });
    }
  }
  writeFileAtomic(file, checked());
  return merged.summary;
}

function* collectionsText(block: CollectionsBlock, items: readonly string[]): Generator<string> {
  if (items.length === 0 && block.lead === '') {
    yield `${COLLECTIONS_LINE} []\n`;
    return;
  }
  yield `${COLLECTIONS_LINE}\n`;
  yield block.lead;
  yield* items;
}

/** An existing collection item: its text, its name, and what merging did to it. */
interface Entry {
  text: string;
  readonly name: string | undefined;
  readonly existing: boolean;
  seen: boolean;
}

/** Merges one dataset's collections, each alone. */
class CollectionMerge {
  constructor(
    private readonly merger: Merger,
    private readonly file: string,
  ) {}

  scannedDataset(dataset: YAMLMap, nd: FidesDataset, block: CollectionsBlock, scanned: readonly FidesCollection[]): string[] {
    const schema = datasetSchema(dataset);
    const entries: Entry[] = block.items.map((text) => ({ text, name: itemName(text), existing: true, seen: false }));
    const byNameFirst = new Map<string, Entry>();
    for (const e of entries) if (e.name !== undefined && !byNameFirst.has(e.name)) byNameFirst.set(e.name, e);
    const seenNames = new Set<string>();
    for (const nc of scanned) {
      seenNames.add(nc.name);
      const entry = byNameFirst.get(nc.name);
      if (entry) {
        entry.seen = true;
        entry.text = this.mergeScanned(nd.fides_key, schema, entry.text, nc);
      } else {
        const created: Entry = { text: collectionYaml(this.merger.markNewCollection(nd.fides_key, nc)), name: nc.name, existing: false, seen: true };
        byNameFirst.set(nc.name, created);
        insertSorted(entries, created);
      }
    }
    // A second item of a scanned name is neither merged nor marked removed, as in a whole-Document merge.
    for (const e of entries) if (e.existing && !e.seen) e.text = this.unscanned(nd.fides_key, schema, e, e.name === undefined || !seenNames.has(e.name));
    return entries.map((e) => e.text);
  }

  unscannedDataset(dataset: YAMLMap, block: CollectionsBlock): string[] {
    const key = scalarString(dataset, 'fides_key') ?? '';
    const schema = datasetSchema(dataset);
    // Only datasets piiscout wrote can vanish from a scan.
    const ours = isPiiscoutDataset(dataset);
    return block.items.map((text) => this.unscanned(key, schema, { text, name: itemName(text), existing: true, seen: false }, ours));
  }

  /** A collection the scan saw: kept as it is when merging would change nothing, else merged alone. */
  private mergeScanned(key: string, schema: string, text: string, nc: FidesCollection): string {
    if (text === collectionYaml(nc)) {
      // Exactly the writer's text for this scan: no markers, no decisions beyond the scan's, nothing to change.
      if (nc.piiscout?.status === 'skipped') this.merger.summary.skippedTables.push({ dataset: key, collection: nc.name });
      this.merger.summary.decisionsKept += countDecided(nc.fields);
      return text;
    }
    const parsed = new CollectionDoc(text, this.file);
    if (!isMap(parsed.collection)) return text;
    this.merger.clearNewMarkers(parsed.collection);
    this.merger.mergeCollection(key, schema, parsed.collection, nc);
    this.merger.countDecisions(parsed.collection);
    return parsed.toString();
  }

  /** A collection the scan did not see: marked removed when the scan covered it, its `new` markers cleared. */
  private unscanned(key: string, schema: string, entry: Entry, mayRemove: boolean): string {
    const plain = readPlain(entry.text);
    if (isPlainMap(plain) && !/\bnew\b/.test(entry.text)) {
      const record = plainAccess.get(plain, 'piiscout');
      const kind = isPlainMap(record) ? plainAccess.str(plainAccess.get(record, 'kind')) : undefined;
      if (!(mayRemove && entry.name !== undefined && this.merger.scope.coversTable(schema, entry.name, kind))) {
        // Nothing to clear and nothing to mark: the text stays, its decisions are counted.
        this.merger.summary.decisionsKept += countDecided(plainAccess.list(plainAccess.get(plain, 'fields')) ?? []);
        return entry.text;
      }
    }
    const parsed = new CollectionDoc(entry.text, this.file);
    if (!isMap(parsed.collection)) return entry.text;
    const ec = parsed.collection;
    this.merger.clearNewMarkers(ec);
    if (mayRemove && entry.name !== undefined && this.merger.scope.coversTable(schema, entry.name, collectionKind(ec)))
      this.merger.markCollectionRemoved(key, ec);
    this.merger.countDecisions(ec);
    return parsed.toString();
  }
}

/** Inserts before the first entry whose name sorts after the new one's, as `insertSorted` does in a Document. */
function insertSorted(entries: Entry[], entry: Entry): void {
  const at = entries.findIndex((e) => e.name !== undefined && byName(e.name, entry.name!) > 0);
  if (at < 0) entries.push(entry);
  else entries.splice(at, 0, entry);
}

/** Fields holding a human decision, nested ones included (plain data: a scan's or a file's). */
function countDecided(fields: readonly unknown[]): number {
  let n = 0;
  for (const f of fields as readonly (FidesField | PlainMap)[]) {
    if (!isPlainMap(f)) continue;
    if (isDecidedField(f, plainAccess)) n++;
    n += countDecided(plainAccess.list(f.fields) ?? []);
  }
  return n;
}
