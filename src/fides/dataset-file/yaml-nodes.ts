/**
 * Small edits on a parsed YAML Document (eemeli/yaml) that keep what a person wrote: replacing a
 * value carries its comments over, new keys go where the writer would put them, new list items go
 * in name order, and new nodes get the writer's compact flow style.
 */
import YAML, { type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { byName, FLOW_ITEM_KEYS, FLOW_STYLE_KEYS } from '../dataset-writer.js';

export type Doc = Document.Parsed | Document;

export function isMap(node: unknown): node is YAMLMap {
  return YAML.isMap(node);
}

export function isSeq(node: unknown): node is YAMLSeq {
  return YAML.isSeq(node);
}

/** The node under `key` (scalars kept as nodes), or undefined. */
export function child(map: YAMLMap, key: string): unknown {
  return map.get(key, true);
}

export function childMap(map: YAMLMap, key: string): YAMLMap | undefined {
  const node = child(map, key);
  return isMap(node) ? node : undefined;
}

export function childSeq(map: YAMLMap, key: string): YAMLSeq | undefined {
  const node = child(map, key);
  return isSeq(node) ? node : undefined;
}

/** A scalar value as a string (names like `2021` parse as numbers), else undefined. */
export function scalarString(map: YAMLMap, key: string): string | undefined {
  const node = child(map, key);
  if (!YAML.isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** The string items of a list value ([] when absent). */
export function stringList(map: YAMLMap, key: string): string[] {
  const seq = childSeq(map, key);
  if (!seq) return [];
  return seq.items.map((item) => (YAML.isScalar(item) ? String(item.value) : String(item)));
}

/**
 * The writer's style (its FLOW_STYLE_KEYS and FLOW_ITEM_KEYS), so a node a merge or review creates is
 * written as a fresh scan writes it; plus `categories` of a proposal kept beside a decision.
 */
export function applyWriterStyle(node: Node): Node {
  YAML.visit(node, {
    Pair(_, pair) {
      const key = YAML.isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string') return;
      if ((FLOW_STYLE_KEYS.has(key) || key === 'categories') && YAML.isCollection(pair.value)) pair.value.flow = true;
      if (FLOW_ITEM_KEYS.has(key) && YAML.isSeq(pair.value)) {
        for (const item of pair.value.items) if (YAML.isMap(item)) item.flow = true;
      }
    },
  });
  return node;
}

export function createNode(doc: Doc, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  // createNode on a top-level value that is itself one of the style keys' values (a category list).
  if (YAML.isSeq(node) && Array.isArray(value) && value.every((v) => typeof v === 'string')) node.flow = true;
  return applyWriterStyle(node);
}

/** Moves the comments of `from` onto `to`, so replacing a value does not drop what a person wrote beside it. */
function carryComments(from: unknown, to: Node): void {
  if (!YAML.isNode(from)) return;
  if (from.comment && !to.comment) to.comment = from.comment;
  if (from.commentBefore && !to.commentBefore) to.commentBefore = from.commentBefore;
  if (from.spaceBefore) to.spaceBefore = true;
}

/**
 * Sets `key` to `value`, keeping the comments of the old value and the key's position. A new key
 * goes before the first of `before` that exists (the writer's key order), else at the end.
 */
export function setKey(map: YAMLMap, key: string, value: Node, before: readonly string[] = []): void {
  const pair = map.items.find((p) => YAML.isScalar(p.key) && p.key.value === key);
  if (pair) {
    carryComments(pair.value, value);
    pair.value = value;
    return;
  }
  const created = new YAML.Pair(new YAML.Scalar(key), value);
  const at = map.items.findIndex((p) => YAML.isScalar(p.key) && before.includes(String(p.key.value)));
  if (at < 0) map.items.push(created);
  else map.items.splice(at, 0, created);
}

/** Sets a scalar value; an existing scalar node is updated in place (its comments stay). */
export function setScalar(doc: Doc, map: YAMLMap, key: string, value: string | number | boolean, before: readonly string[] = []): void {
  const node = child(map, key);
  if (YAML.isScalar(node)) {
    node.value = value;
    return;
  }
  setKey(map, key, doc.createNode(value) as Node, before);
}

export function deleteKey(map: YAMLMap, key: string): boolean {
  return map.delete(key);
}

/** The `name` of a list item, for sorting and lookup. */
export function itemName(node: unknown, key = 'name'): string | undefined {
  return isMap(node) ? scalarString(node, key) : undefined;
}

/** Inserts `node` before the first item whose name sorts after `name` (keeps a sorted list sorted). */
export function insertSorted(seq: YAMLSeq, node: Node, name: string, key = 'name'): void {
  const at = seq.items.findIndex((item) => {
    const n = itemName(item, key);
    return n !== undefined && byName(n, name) > 0;
  });
  if (at < 0) seq.items.push(node);
  else seq.items.splice(at, 0, node);
}

/** The map under `key`, created (before `before` keys) when missing. */
export function ensureMap(doc: Doc, map: YAMLMap, key: string, before: readonly string[] = []): YAMLMap {
  const existing = childMap(map, key);
  if (existing) return existing;
  const created = doc.createNode({}) as YAMLMap;
  setKey(map, key, created, before);
  return created;
}

/** Same members in any order (category lists are sets to Fides). */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
