/**
 * Finds the stable key paths inside sampled JSON documents (any engine: see json-documents.ts) so
 * they can be proposed as nested fideslang `fields`. A key is "stable" when it appears in most of the
 * objects at its level; keys that appear only now and then (free-form maps, user-defined attributes)
 * are not proposed, because they would not describe the data. Keys are written to the dataset file
 * as field names, so a key that looks like a value (a map keyed by email addresses or numbers) is
 * never proposed, however often it appears. Engine-neutral and pure; the values it returns stay in
 * memory like any other sample.
 */
import type { NormalizedType } from './metadata.js';
import { buildColumnSamples, type NestedFieldSample } from './sample.js';

export interface JsonFieldOptions {
  readonly maxValueLength: number;
  /** Share of the objects at a level that must hold a key for it to be proposed (default 0.8). */
  readonly minShare?: number;
  /** Fewer objects than this at a level: nothing is proposed there (default 3). */
  readonly minObjects?: number;
  /** Deepest path proposed (default 4 keys). */
  readonly maxDepth?: number;
  /** Upper bound on paths proposed per column (default 100), so a huge document stays bounded. */
  readonly maxFields?: number;
}

export const NESTED_OBJECT_NOTE = 'nested object: classified by its keys';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses JSON text (other values pass through); text that is not JSON counts as absent. */
export function parseJsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The objects a document contributes at the top level: itself, or the elements of an array of objects. */
function objectsOf(value: unknown): JsonObject[] {
  if (isObject(value)) return [value];
  if (Array.isArray(value)) return value.filter(isObject);
  return [];
}

/**
 * Returns the stable paths under a column, parents before children, keys in code-point order.
 * `documents` are the column's sampled values: JSON text or already-parsed values; nulls are ignored.
 */
export function discoverJsonFields(documents: readonly unknown[], options: JsonFieldOptions): NestedFieldSample[] {
  const settings = {
    minShare: options.minShare ?? 0.8,
    minObjects: options.minObjects ?? 3,
    maxDepth: options.maxDepth ?? 4,
    maxFields: options.maxFields ?? 100,
    maxValueLength: options.maxValueLength,
  };
  const out: NestedFieldSample[] = [];
  const roots = documents.map(parseJsonValue).flatMap(objectsOf);
  walk(roots, [], settings, out);
  return out;
}

function walk(objects: readonly JsonObject[], path: readonly string[], settings: Required<JsonFieldOptions>, out: NestedFieldSample[]): void {
  if (objects.length < settings.minObjects || path.length >= settings.maxDepth) return;
  const counts = new Map<string, number>();
  for (const o of objects) for (const k of Object.keys(o)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const stable = [...counts].filter(([k, n]) => n / objects.length >= settings.minShare && isNameLike(k)).map(([k]) => k).sort();
  for (const key of stable) {
    if (out.length >= settings.maxFields) return;
    const values = objects.map((o) => o[key]).filter((v) => v !== undefined);
    const childPath = [...path, key];
    const shape = shapeOf(values);
    if (shape.kind === 'object') {
      out.push({
        path: childPath,
        normalizedType: 'json',
        isArray: shape.isArray,
        sample: { values: [], nullCount: values.filter((v) => v === null).length, truncatedCount: 0, skippedReason: NESTED_OBJECT_NOTE },
      });
      walk(values.flatMap(objectsOf), childPath, settings, out);
      continue;
    }
    const scalars = shape.isArray ? values.flatMap((v) => (Array.isArray(v) ? v : [v])) : values;
    const [sample] = buildColumnSamples(['v'], scalars.map((v) => [v]), settings.maxValueLength).values();
    out.push({ path: childPath, normalizedType: shape.type, isArray: shape.isArray, sample });
  }
}

/** Longest key proposed as a field name. */
const MAX_KEY_LENGTH = 64;

/**
 * A key that can be a field name: not empty, not long, no `@` (an email address) and fewer than seven
 * digits (a phone number, an IP address, an account or order number used as a map key).
 */
export function isNameLike(key: string): boolean {
  if (key.trim() === '' || key.length > MAX_KEY_LENGTH || key.includes('@')) return false;
  let digits = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits >= 7) return false;
  }
  return true;
}

type Shape = { kind: 'object'; isArray: boolean } | { kind: 'scalar'; isArray: boolean; type: NormalizedType };

/** The dominant shape of the values at one path (most non-null values decide). */
function shapeOf(values: readonly Json[]): Shape {
  const present = values.filter((v) => v !== null);
  const objects = present.filter(isObject).length;
  const arrays = present.filter(Array.isArray) as Json[][];
  const objectArrays = arrays.filter((a) => a.some(isObject)).length;
  if (objects > 0 && objects >= present.length / 2) return { kind: 'object', isArray: false };
  if (objectArrays > 0 && objectArrays >= present.length / 2) return { kind: 'object', isArray: true };
  const isArray = arrays.length > 0 && arrays.length >= present.length / 2;
  const scalars = isArray ? arrays.flat() : present;
  return { kind: 'scalar', isArray, type: scalarType(scalars) };
}

function scalarType(values: readonly Json[]): NormalizedType {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number')) return present.every((v) => Number.isInteger(v)) ? 'integer' : 'float';
  return 'string';
}
