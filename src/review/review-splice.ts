/**
 * Review actions on a large file without a YAML Document of the whole of it. The file is cut into
 * its skeleton and the text of each collection (fides/dataset-file/collection-text.ts, as the
 * streamed re-scan merge does); an action parses only the collection that holds the field, edits it
 * with the same code as ReviewFile (field-edits.ts) and writes that collection's text back in its
 * place. Every other byte of the file stays as it was: comments, unknown keys, other decisions.
 *
 * The splice is used only where it is known to give what the whole Document gives:
 *  - the file is in the writer's layout, and its skeleton and collections put back together are
 *    exactly its text;
 *  - the field's dataset key names one dataset, and its table one collection of it (the whole
 *    Document's "first field with an address wins" then has nothing to choose);
 *  - the collection, read alone and written back unchanged, is its own text.
 * Otherwise (and for the rest of the action, when it concerns several fields) the action goes
 * through the whole Document (ReviewFile) as before.
 *
 * Only the dataset heads and the collections an action touches are checked for the shape review
 * relies on; the review server has read the whole file line by line (which checks every collection)
 * before it applies any action.
 */
import fs from 'node:fs';
import type { YAMLMap } from 'yaml';
import { UserError } from '../core/errors.js';
import { unreadable } from '../fides/dataset-read.js';
import { CollectionDoc, COLLECTIONS_LINE, itemName, MARKER, readSkeleton, type CollectionsBlock } from '../fides/dataset-file/collection-text.js';
import { fieldPrefix } from '../fides/dataset-file/dataset-names.js';
import { walkCollection } from '../fides/dataset-file/fields.js';
import { yamlAccess } from '../fides/dataset-file/tree-access.js';
import { scalarString } from '../fides/dataset-file/yaml-nodes.js';
import { Taxonomy } from '../fides/taxonomy.js';
import { hashText } from '../util/content-hash.js';
import { addressKey, formatAddress, type FieldAddress } from './field-address.js';
import { acceptField, fidesMetaStateOf, ignoreField, removalEmptiesTable, removeField, restoreField, setField, type FieldNode } from './field-edits.js';
import { checkCollectionShape, datasetContext, reviewFieldOf, shapeFailure, type DatasetContext } from './field-walk.js';
import { checkTaxonomyKeys, ReviewFile, writeUnlessChanged, type FidesMetaState, type FieldState, type ReviewField, type ReviewFileOptions } from './review-file.js';

/** What applying a review action needs of a file (ReviewFile and SplicedReviewFile). */
export interface ReviewEditor {
  readonly path: string;
  /** Content hash of the text as loaded or last saved. */
  readonly version: string;
  accept(a: FieldAddress): FieldState;
  set(a: FieldAddress, categories: string[]): FieldState;
  ignore(a: FieldAddress): FieldState;
  restore(a: FieldAddress, previous: FieldState): void;
  /** Deletes a field a scan marked removed (and its table, when that was removed too and is left empty). */
  remove(a: FieldAddress): void;
  /** The field's `fides_meta` and proposed `fides_meta` now, for the undo of a restore that puts them back. */
  fidesMetaState(a: FieldAddress): FidesMetaState;
  field(a: FieldAddress): ReviewField;
  checkCategories(categories: readonly string[]): string[];
  /** Writes atomically unless the file on disk changed since it was read; returns the new version. */
  save(options?: { expectedVersion?: string }): string;
}

/** The file read for review actions: spliced where its layout allows, else the whole Document. */
export function loadForReview(path: string, options: ReviewFileOptions = {}): ReviewEditor {
  const text = readText(path);
  return SplicedReviewFile.parse(text, path, options) ?? ReviewFile.parse(text, path, options);
}

/** One dataset's collections: the text before them and each item's text (the current one, after saves). */
interface Block {
  readonly head: string;
  readonly block: CollectionsBlock;
  /** Each item's name, read on the first look-up in this dataset. */
  names?: (string | undefined)[];
}

/** A collection being edited: parsed alone, written back on save. */
interface OpenCollection {
  readonly block: number;
  readonly item: number;
  readonly doc: CollectionDoc;
  /** Its fields by addressKey (read again after a field is removed). */
  fields: Map<string, FieldNode>;
}

export class SplicedReviewFile implements ReviewEditor {
  readonly path: string;
  readonly taxonomy: Taxonomy;
  #blocks: Block[] = [];
  /** The skeleton's text after the last dataset's collections. */
  #tail = '';
  #contexts: DatasetContext[] = [];
  #datasets: YAMLMap[] = [];
  #prefixes: string[] = [];
  #version = '';
  /** Collections parsed by the action under way, by `block:item`. */
  #open = new Map<string, OpenCollection>();
  /** Set when the action under way could not be spliced: the rest of it goes through the whole Document. */
  #whole?: ReviewFile;
  #lastSaveSpliced = true;

  private constructor(path: string, options: ReviewFileOptions) {
    this.path = path;
    this.taxonomy = options.taxonomy ?? Taxonomy.default();
  }

  /** The file read for splicing; undefined when its layout does not allow it (see the top of this file). */
  static parse(text: string, path = '<text>', options: ReviewFileOptions = {}): SplicedReviewFile | undefined {
    const file = new SplicedReviewFile(path, options);
    return file.#read(text) ? file : undefined;
  }

  get version(): string {
    return this.#whole?.version ?? this.#version;
  }

  /** Whether the last save was spliced (false: it went through the whole Document); for tests. */
  get lastSaveSpliced(): boolean {
    return this.#lastSaveSpliced;
  }

  accept(a: FieldAddress): FieldState {
    const place = this.#place(a);
    return place ? acceptField(place.doc.doc, place.node) : this.#whole!.accept(a);
  }

  set(a: FieldAddress, categories: string[]): FieldState {
    const place = this.#place(a);
    return place ? setField(place.doc.doc, place.node, this.checkCategories(categories)) : this.#whole!.set(a, categories);
  }

  ignore(a: FieldAddress): FieldState {
    const place = this.#place(a);
    return place ? ignoreField(place.doc.doc, place.node) : this.#whole!.ignore(a);
  }

  restore(a: FieldAddress, previous: FieldState): void {
    const place = this.#place(a);
    if (place) restoreField(place.doc.doc, place.node, previous);
    else this.#whole!.restore(a, previous);
  }

  remove(a: FieldAddress): void {
    const place = this.#place(a);
    if (!place) return this.#whole!.remove(a);
    // Deleting a collection's text would keep the comments written above it, which the Document deletes with it.
    if (removalEmptiesTable(place.node)) return this.#toWhole().remove(a);
    removeField(place.node);
    place.open.fields = this.#fieldsOf(place.open.block, place.node.collection);
  }

  fidesMetaState(a: FieldAddress): FidesMetaState {
    const place = this.#place(a);
    return place ? fidesMetaStateOf(place.node.field) : this.#whole!.fidesMetaState(a);
  }

  field(a: FieldAddress): ReviewField {
    const place = this.#place(a);
    return place ? reviewFieldOf(place.node, yamlAccess) : this.#whole!.field(a);
  }

  checkCategories(categories: readonly string[]): string[] {
    return checkTaxonomyKeys(this.taxonomy, categories);
  }

  /** The file's text with the edits of the action under way. */
  toString(): string {
    return this.#whole ? this.#whole.toString() : [...this.#chunks()].join('');
  }

  save(options: { expectedVersion?: string } = {}): string {
    const expected = options.expectedVersion ?? this.#version;
    this.#lastSaveSpliced = this.#whole === undefined;
    if (this.#whole) {
      const whole = this.#whole;
      const version = whole.save({ expectedVersion: expected });
      // Read again from what was written, so the next action is spliced again (or stays on the Document when it cannot be).
      this.#open.clear();
      if (this.#read(whole.toString())) this.#whole = undefined;
      return version;
    }
    // The text held is the version expected: comparing with it is the hash check without hashing 100 MB.
    const unchanged = (onDisk: string): boolean => (expected === this.#version ? onDisk === [...this.#chunks(false)].join('') : hashText(onDisk) === expected);
    const text = [...this.#chunks()].join('');
    writeUnlessChanged(this.path, unchanged, text);
    for (const open of this.#open.values()) this.#blocks[open.block].block.items[open.item] = open.doc.toString();
    this.#open.clear();
    this.#version = hashText(text);
    return this.#version;
  }

  /** Cuts `text` into blocks; false when it cannot be spliced. */
  #read(text: string): boolean {
    let read;
    try {
      read = readSkeleton(text, this.path);
    } catch {
      return false; // not YAML the skeleton reader takes: the whole Document says why
    }
    if (!read) return false;
    const pieces = read.split.skeleton.split(new RegExp(`^ {4}collections: ${MARKER}\\d+\\n`, 'm'));
    if (pieces.length !== read.split.blocks.length + 1) return false;
    const blocks = read.split.blocks.map((block, k) => ({ head: pieces[k], block }));
    const tail = pieces[pieces.length - 1];
    const contexts = read.fileDatasets.map((d) => datasetContext(d, yamlAccess));
    if (read.fileDatasets.some((d) => !yamlAccess.str(yamlAccess.get(d, 'fides_key')))) return false;
    const saved = { blocks: this.#blocks, tail: this.#tail };
    this.#blocks = blocks;
    this.#tail = tail;
    // The pieces must be the file: nothing was normalised on the way (line ends, a last line without a break).
    if ([...this.#chunks()].join('') !== text) {
      this.#blocks = saved.blocks;
      this.#tail = saved.tail;
      return false;
    }
    this.#contexts = contexts;
    this.#datasets = read.fileDatasets;
    this.#prefixes = contexts.map((c) => fieldPrefix(c, contexts));
    this.#version = hashText(text);
    return true;
  }

  /** The text in pieces: as read or last saved, or (`withEdits`) with the edits of the action under way. */
  *#chunks(withEdits = true): Generator<string> {
    for (let k = 0; k < this.#blocks.length; k++) {
      const { head, block } = this.#blocks[k];
      yield head;
      if (block.flowEmpty) {
        yield `${COLLECTIONS_LINE} []\n`;
        continue;
      }
      yield `${COLLECTIONS_LINE}\n`;
      yield block.lead;
      for (let i = 0; i < block.items.length; i++) {
        const open = withEdits && this.#open.size > 0 ? this.#open.get(`${k}:${i}`) : undefined;
        yield open ? open.doc.toString() : block.items[i];
      }
    }
    yield this.#tail;
  }

  /**
   * The field's node in its collection, parsed alone; undefined once the action goes through the
   * whole Document (then `#whole` is set).
   */
  #place(a: FieldAddress): { doc: CollectionDoc; node: FieldNode; open: OpenCollection } | undefined {
    if (this.#whole) return undefined;
    const open = this.#collection(a);
    if (!open) {
      this.#toWhole();
      return undefined;
    }
    const node = open.fields.get(addressKey(a));
    if (!node) throw new UserError(`${this.path}: no field ${formatAddress(a)}`, { hint: 'the file may have changed; reload it' });
    return { doc: open.doc, node, open };
  }

  /** The rest of the action goes through the whole Document, parsed from the text with its edits so far, so none is lost. */
  #toWhole(): ReviewFile {
    this.#whole = ReviewFile.parse(this.toString(), this.path, { taxonomy: this.taxonomy });
    return this.#whole;
  }

  /** The collection holding `a`, parsed; undefined when splicing it cannot be shown to be safe. */
  #collection(a: FieldAddress): OpenCollection | undefined {
    const datasets = this.#contexts.flatMap((c, k) => (c.key === a.dataset ? [k] : []));
    if (datasets.length === 0) throw new UserError(`${this.path}: no field ${formatAddress(a)}`, { hint: 'the file may have changed; reload it' });
    if (datasets.length > 1) return undefined;
    const k = datasets[0];
    const entry = this.#blocks[k];
    entry.names ??= entry.block.items.map(itemName);
    const items = entry.names.flatMap((name, i) => (name === a.collection ? [i] : []));
    if (items.length === 0) throw new UserError(`${this.path}: no field ${formatAddress(a)}`, { hint: 'the file may have changed; reload it' });
    if (items.length > 1) return undefined;
    const i = items[0];
    const id = `${k}:${i}`;
    const already = this.#open.get(id);
    if (already) return already;
    const text = entry.block.items[i];
    const doc = new CollectionDoc(text, this.path);
    if (doc.toString() !== text) return undefined;
    const collection = doc.collection;
    checkCollectionShape(collection, `dataset[${k}].collections[${i}]`, yamlAccess, shapeFailure(this.path));
    const map = collection as YAMLMap;
    if (scalarString(map, 'name') !== a.collection) return undefined;
    const open = { block: k, item: i, doc, fields: this.#fieldsOf(k, map) };
    this.#open.set(id, open);
    return open;
  }

  /** The fields of a collection of dataset `k`, by addressKey (the first with an address wins, as in the whole Document). */
  #fieldsOf(k: number, collection: YAMLMap): Map<string, FieldNode> {
    const context = this.#contexts[k];
    const name = scalarString(collection, 'name')!;
    const fields = new Map<string, FieldNode>();
    walkCollection(collection, yamlAccess, (path, field, fieldList) => {
      const address = { dataset: context.key, collection: name, field: path };
      const key = addressKey(address);
      if (fields.has(key)) return;
      fields.set(key, {
        address,
        ref: `${this.#prefixes[k]}.${name}.${path}`,
        schema: context.schema,
        prefixes: context.prefixes,
        field,
        fieldList,
        collection,
        collectionList: [],
        dataset: this.#datasets[k],
      });
    });
    return fields;
  }
}

function readText(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
}
