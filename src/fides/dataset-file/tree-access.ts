/**
 * A dataset file is held two ways: as a YAML Document (review edits, merges that keep comments)
 * and as plain data (the line reader behind check, review --list, export, drift). The rules of the
 * dataset-file model see either through a `TreeAccess`, so each rule is written once.
 */
import YAML, { type YAMLMap } from 'yaml';

/** How the rules read a tree: YAML nodes or plain data. */
export interface TreeAccess<M> {
  isMap(value: unknown): value is M;
  /** The value under `key` (a node for YAML), undefined when the key is absent. */
  get(map: M, key: string): unknown;
  /** A list's items (the array itself), or undefined when the value is no list. */
  list(value: unknown): unknown[] | undefined;
  /** A scalar as text (names like `2021` may have been read as numbers), else undefined. */
  str(value: unknown): string | undefined;
  /** Absent, or an explicit null. */
  isNull(value: unknown): boolean;
  isString(value: unknown): boolean;
  /** A value as plain data. */
  plain(value: unknown): unknown;
}

export type PlainMap = Record<string, unknown>;

export const isPlainMap = (v: unknown): v is PlainMap => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A scalar read from YAML as text: strings, and numbers or booleans that were names (`2021`, `yes` in old files). */
export const scalarText = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

export const plainAccess: TreeAccess<PlainMap> = {
  isMap: isPlainMap,
  get: (map, key) => (Object.hasOwn(map, key) ? map[key] : undefined),
  list: (value) => (Array.isArray(value) ? value : undefined),
  str: scalarText,
  isNull: (value) => value === undefined || value === null,
  isString: (value) => typeof value === 'string',
  plain: (value) => value,
};

export const yamlAccess: TreeAccess<YAMLMap> = {
  isMap: (value): value is YAMLMap => YAML.isMap(value),
  get: (map, key) => map.get(key, true),
  list: (value) => (YAML.isSeq(value) ? value.items : undefined),
  str: (value) => (YAML.isScalar(value) ? scalarText(value.value) : undefined),
  isNull: (value) => value === undefined || value === null || (YAML.isScalar(value) && value.value === null),
  isString: (value) => YAML.isScalar(value) && typeof value.value === 'string',
  plain: (value) => (YAML.isNode(value) ? value.toJSON() : value),
};

/** The map under `key`, or undefined. */
export function mapAt<M>(map: M, key: string, a: TreeAccess<M>): M | undefined {
  const value = a.get(map, key);
  return a.isMap(value) ? value : undefined;
}
