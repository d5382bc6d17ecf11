/**
 * A dataset file in the writer's layout cut into its skeleton (header and dataset heads, each
 * `collections:` value replaced by a marker) and the text of each collection item, so that one
 * collection can be read, changed and written back alone while every other byte stays as it was.
 * The re-scan merge (merge-stream.ts) and review actions on large files (review/review-splice.ts)
 * work on this. Files in another layout (collections at other indentations, flow style, a commented
 * `collections:` key) give undefined: callers go through the whole Document instead.
 */
import type { Document, YAMLMap, YAMLSeq } from 'yaml';
import { YAML_TO_STRING_OPTIONS } from '../dataset-writer.js';
import { parseYamlDocument } from '../dataset-read.js';
import { UnsupportedYaml, parseYamlLines, stringLines } from '../fast-yaml.js';
import { SAFE_PARSE_OPTIONS } from '../yaml-safe.js';
import { isPlainMap, plainAccess } from './tree-access.js';
import { childSeq, isMap, scalarString } from './yaml-nodes.js';
export const MARKER = 'piiscout-merge-collections-5d1e8b-';
export const COLLECTIONS_LINE = '    collections:';
/** The `- ` of a collection item: under `dataset:` (0), `  - ` (2), `    collections:` (4). */
export const ITEM_COLUMN = 6;
/** One collection parsed alone sits where it sits in a whole file. */
export const WRAPPER = 'dataset:\n  - collections:\n';

/** One dataset's `collections:` block: lines before the first item (comments), then each item's text. */
export interface CollectionsBlock {
  lead: string;
  readonly items: string[];
  /** Written `collections: []`. */
  readonly flowEmpty: boolean;
}

export interface SplitFile {
  readonly skeleton: string;
  readonly blocks: CollectionsBlock[];
}

/** Cuts the file into its skeleton (each `collections:` value a marker) and the collections' text; undefined for another layout. */
export function splitFile(text: string): SplitFile | undefined {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const skeleton: string[] = [];
  const blocks: CollectionsBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line !== COLLECTIONS_LINE && line !== `${COLLECTIONS_LINE} []`) {
      skeleton.push(line);
      continue;
    }
    skeleton.push(`${COLLECTIONS_LINE} ${MARKER}${blocks.length}`);
    const block: CollectionsBlock = { lead: '', items: [], flowEmpty: line !== COLLECTIONS_LINE };
    blocks.push(block);
    if (block.flowEmpty) continue;
    const item: string[] = [];
    const endItem = (): void => {
      if (item.length > 0) block.items.push(item.join('\n') + '\n');
      item.length = 0;
    };
    for (; i + 1 < lines.length; i++) {
      const next = lines[i + 1];
      const trimmed = next.trimStart();
      const indent = next.length - trimmed.length;
      if (trimmed === '' || trimmed.startsWith('#')) {
        if (block.items.length === 0 && item.length === 0) block.lead += next + '\n';
        else item.push(next);
        continue;
      }
      if (indent < ITEM_COLUMN) break;
      if (indent === ITEM_COLUMN) {
        if (!(trimmed.startsWith('- ') || trimmed === '-')) return undefined;
        endItem();
        item.push(next);
      } else if (item.length === 0 && block.items.length === 0) return undefined;
      else item.push(next);
    }
    endItem();
  }
  return { skeleton: skeleton.join('\n') + '\n', blocks };
}

/** The name of a collection item from its text (its first key, when that is `name`), else by reading it whole. */
export function itemName(text: string): string | undefined {
  const nameOf = (value: unknown): string | undefined => (isPlainMap(value) ? plainAccess.str(plainAccess.get(value, 'name')) : undefined);
  return nameOf(readPlain(text.slice(0, text.indexOf('\n') + 1))) ?? nameOf(readPlain(text)) ?? libraryName(text);
}

function libraryName(text: string): string | undefined {
  const collection = new CollectionDoc(text, '<item>').collection;
  return isMap(collection) ? scalarString(collection, 'name') : undefined;
}

/** A collection item's text as plain data (the fast reader), or undefined when it needs the library. */
export function readPlain(itemText: string): unknown {
  try {
    // Every line of an item but comments and blank ones is indented at least to the item's column.
    const pad = ' '.repeat(ITEM_COLUMN);
    const dedented = itemText
      .split('\n')
      .map((line) => (line.startsWith(pad) ? line.slice(ITEM_COLUMN) : line.trimStart()))
      .join('\n');
    const value = parseYamlLines(stringLines(dedented));
    return Array.isArray(value) && value.length === 1 ? value[0] : undefined;
  } catch (error) {
    if (error instanceof UnsupportedYaml) return undefined;
    throw error;
  }
}

/** One collection item as a small Document, where it sits in a whole file. */
export class CollectionDoc {
  readonly doc: Document.Parsed;
  readonly collection: unknown;

  constructor(itemText: string, file: string) {
    this.doc = parseYamlDocument(WRAPPER + itemText, file, SAFE_PARSE_OPTIONS);
    const datasets = childSeq(this.doc.contents as YAMLMap, 'dataset');
    const collections = isMap(datasets?.items[0]) ? childSeq(datasets.items[0], 'collections') : undefined;
    if (collections?.items.length !== 1) throw new Error('a collection item did not read as one item');
    this.collection = collections.items[0];
  }

  toString(): string {
    const text = this.doc.toString(YAML_TO_STRING_OPTIONS);
    if (!text.startsWith(WRAPPER)) throw new Error('a merged collection was not written where it belongs');
    return text.slice(WRAPPER.length);
  }
}

/** The file cut into its skeleton (parsed) and collection texts; undefined when it is not in the writer's layout. */
export interface FileSkeleton {
  readonly split: SplitFile;
  readonly skeleton: Document.Parsed;
  readonly datasetSeq: YAMLSeq;
  readonly fileDatasets: YAMLMap[];
}

export function readSkeleton(text: string, file: string): FileSkeleton | undefined {
  const split = splitFile(text);
  if (!split) return undefined;
  const skeleton = parseYamlDocument(split.skeleton, file, SAFE_PARSE_OPTIONS);
  const datasetSeq = isMap(skeleton.contents) ? childSeq(skeleton.contents, 'dataset') : undefined;
  if (!datasetSeq) return undefined;
  const fileDatasets = datasetSeq.items.filter(isMap);
  // Every dataset holds its own marker, in order, and nothing else holds one.
  if (fileDatasets.length !== datasetSeq.items.length || fileDatasets.length !== split.blocks.length) return undefined;
  if (fileDatasets.some((d, i) => scalarString(d, 'collections') !== `${MARKER}${i}`)) return undefined;
  return { split, skeleton, datasetSeq, fileDatasets };
}
