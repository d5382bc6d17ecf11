/**
 * Finished tables' results, kept compactly until the output is written. A table's proposals as
 * objects (categories, factors, alternatives, evidence with their reasons) take ~8 kB per 8-column
 * table on the heap, and a scan holds every table's until the end: 80 MB at 10,000 tables. Encoded,
 * they are one short string per table (~1 kB), and the strings they repeat (categories, sources,
 * reasons) are stored once per scan.
 *
 * `compactTableResult` keeps a TableResult's shape: `fields`, `unsampledColumns` and `nestedFields`
 * become read-only Map views that decode on use (the last few decoded are cached, so a writer that
 * looks up each column of one table decodes it once). Decoding gives back equal values: the same keys
 * in the same order, the same numbers (-0, NaN and infinities included), strings, booleans, null
 * and undefined. Anything else (a class instance, a Map, a function) is not encoded: such a table
 * is kept as it is.
 */
import type { TableResult } from './scan.js';

/** Strings interned per scan, at most this many (beyond, strings are written inline, once per use). */
const MAX_INTERNED = 1 << 16;
/** Longer strings are written inline: a long one-off string in the intern table would never be freed. */
const MAX_INTERNED_LENGTH = 256;
/** Decoded views kept, so repeated lookups in one table decode once. */
const RECENT = 4;

// Array-item tags (object properties carry their types in the object's shape instead).
const T_NUMBER = 0;
const T_SPECIAL_NUMBER = 1;
const T_INTERNED = 2;
const T_INLINE = 3;
const T_TRUE = 4;
const T_FALSE = 5;
const T_NULL = 6;
const T_UNDEFINED = 7;
const T_ARRAY = 8;
/** An array item that is an object: tag = T_OBJECT + its shape id. */
const T_OBJECT = 16;

/** Shape of an object: its keys in order, and per key a one-letter type (see `typeOf`). */
interface Shape {
  readonly keys: readonly string[];
  readonly types: string;
}

class Unencodable extends Error {}

/**
 * The per-scan tables of interned strings and object shapes. Tokens of one value are the items of
 * a JSON array, so decoding is one `JSON.parse` (numbers round-trip exactly through their text, but
 * for -0, NaN and infinities, which travel as strings).
 */
export class ResultCodec {
  readonly #strings: string[] = [];
  readonly #stringIds = new Map<string, number>();
  readonly #shapes: Shape[] = [];
  readonly #shapeIds = new Map<string, number>();
  readonly #recent: { view: object; map: ReadonlyMap<string, unknown> }[] = [];

  /** The value as token text, or undefined when it holds something other than plain data. */
  encode(value: unknown): string | undefined {
    const tokens: (string | number)[] = [];
    try {
      this.#item(value, tokens);
    } catch (error) {
      if (error instanceof Unencodable) return undefined;
      throw error;
    }
    // Joined rather than JSON.stringify'd: join makes one flat string, JSON.stringify of a long
    // array a tree of pieces that takes more room. Inline strings are already JSON text.
    return tokens.join(',');
  }

  decode(text: string): unknown {
    const tokens = JSON.parse(`[${text}]`) as (string | number)[];
    const at = { i: 0 };
    return this.#readItem(tokens, at);
  }

  /** The decoded map of a view, from the recent cache when it was decoded lately. */
  decodedMap<V>(view: object, decode: () => ReadonlyMap<string, V>): ReadonlyMap<string, V> {
    const hit = this.#recent.find((r) => r.view === view);
    if (hit) return hit.map as ReadonlyMap<string, V>;
    const map = decode();
    this.#recent.unshift({ view, map });
    if (this.#recent.length > RECENT) this.#recent.pop();
    return map;
  }

  #item(value: unknown, out: (string | number)[]): void {
    switch (typeof value) {
      case 'number':
        if (isPlainNumber(value)) out.push(T_NUMBER, value);
        else out.push(T_SPECIAL_NUMBER, JSON.stringify(specialNumber(value)));
        return;
      case 'string': {
        const id = this.#intern(value);
        if (id === undefined) out.push(T_INLINE, JSON.stringify(value));
        else out.push(T_INTERNED, id);
        return;
      }
      case 'boolean':
        out.push(value ? T_TRUE : T_FALSE);
        return;
      case 'undefined':
        out.push(T_UNDEFINED);
        return;
      case 'object':
        if (value === null) out.push(T_NULL);
        else if (Array.isArray(value)) {
          out.push(T_ARRAY);
          this.#array(value, out);
        }
        else {
          const shape = this.#shape(value);
          out.push(T_OBJECT + shape);
          this.#values(value as Record<string, unknown>, this.#shapes[shape], out);
        }
        return;
      default:
        throw new Unencodable();
    }
  }

  /** Length, then each item with its tag. */
  #array(items: readonly unknown[], out: (string | number)[]): void {
    out.push(items.length);
    // A sparse array or one with extra properties would not come back the same.
    if (Object.keys(items).length !== items.length) throw new Unencodable();
    for (const item of items) this.#item(item, out);
  }

  #values(object: Record<string, unknown>, shape: Shape, out: (string | number)[]): void {
    for (let k = 0; k < shape.keys.length; k++) {
      const value = object[shape.keys[k]];
      switch (shape.types[k]) {
        case 'n':
          out.push(value as number);
          break;
        case 'x':
          out.push(JSON.stringify(specialNumber(value as number)));
          break;
        case 's':
          out.push(this.#intern(value as string)!);
          break;
        case 'S':
          out.push(JSON.stringify(value));
          break;
        case 'a':
          this.#array(value as unknown[], out);
          break;
        case 'o': {
          const shapeId = this.#shape(value as object);
          out.push(shapeId);
          this.#values(value as Record<string, unknown>, this.#shapes[shapeId], out);
          break;
        }
        default: // t, f, z, u: the type says it all
      }
    }
  }

  /** The id of the object's shape; throws Unencodable for anything but a plain object. */
  #shape(object: object): number {
    const proto = Object.getPrototypeOf(object) as unknown;
    if (proto !== Object.prototype) throw new Unencodable();
    if (Object.getOwnPropertySymbols(object).length > 0) throw new Unencodable();
    const keys = Object.keys(object);
    // Non-enumerable properties would not come back; an own `__proto__` could not be set back.
    if (Object.getOwnPropertyNames(object).length !== keys.length || keys.includes('__proto__')) throw new Unencodable();
    let types = '';
    for (const key of keys) types += this.#typeOf((object as Record<string, unknown>)[key]);
    const signature = types + JSON.stringify(keys);
    let id = this.#shapeIds.get(signature);
    if (id === undefined) {
      id = this.#shapes.length;
      this.#shapes.push({ keys: keys.map(flat), types });
      this.#shapeIds.set(flat(signature), id);
    }
    return id;
  }

  /** n number, x -0/NaN/infinity, s interned string, S inline string, t/f booleans, z null, u undefined, a array, o object. */
  #typeOf(value: unknown): string {
    switch (typeof value) {
      case 'number':
        return isPlainNumber(value) ? 'n' : 'x';
      case 'string':
        return this.#intern(value) === undefined ? 'S' : 's';
      case 'boolean':
        return value ? 't' : 'f';
      case 'undefined':
        return 'u';
      case 'object':
        return value === null ? 'z' : Array.isArray(value) ? 'a' : 'o';
      default:
        throw new Unencodable();
    }
  }

  #intern(value: string): number | undefined {
    let id = this.#stringIds.get(value);
    if (id !== undefined) return id;
    if (value.length > MAX_INTERNED_LENGTH || this.#strings.length >= MAX_INTERNED) return undefined;
    id = this.#strings.length;
    const stored = flat(value);
    this.#strings.push(stored);
    this.#stringIds.set(stored, id);
    return id;
  }

  #readItem(tokens: readonly (string | number)[], at: { i: number }): unknown {
    const tag = tokens[at.i++] as number;
    switch (tag) {
      case T_NUMBER:
        return tokens[at.i++];
      case T_SPECIAL_NUMBER:
        return Number(tokens[at.i++]);
      case T_INTERNED:
        return this.#strings[tokens[at.i++] as number];
      case T_INLINE:
        return tokens[at.i++];
      case T_TRUE:
        return true;
      case T_FALSE:
        return false;
      case T_NULL:
        return null;
      case T_UNDEFINED:
        return undefined;
      case T_ARRAY:
        return this.#readArray(tokens, at);
      default:
        return this.#readObject(this.#shapes[tag - T_OBJECT], tokens, at);
    }
  }

  #readArray(tokens: readonly (string | number)[], at: { i: number }): unknown[] {
    const length = tokens[at.i++] as number;
    const items: unknown[] = [];
    for (let n = 0; n < length; n++) items.push(this.#readItem(tokens, at));
    return items;
  }

  #readObject(shape: Shape, tokens: readonly (string | number)[], at: { i: number }): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    for (let k = 0; k < shape.keys.length; k++) {
      let value: unknown;
      switch (shape.types[k]) {
        case 'n':
        case 'S':
          value = tokens[at.i++];
          break;
        case 'x':
          value = Number(tokens[at.i++]);
          break;
        case 's':
          value = this.#strings[tokens[at.i++] as number];
          break;
        case 't':
          value = true;
          break;
        case 'f':
          value = false;
          break;
        case 'z':
          value = null;
          break;
        case 'u':
          value = undefined;
          break;
        case 'a':
          value = this.#readArray(tokens, at);
          break;
        default: // 'o'
          value = this.#readObject(this.#shapes[tokens[at.i++] as number], tokens, at);
      }
      object[shape.keys[k]] = value;
    }
    return object;
  }
}

/** Numbers that JSON carries exactly (not -0, NaN or an infinity). */
function isPlainNumber(n: number): boolean {
  return Number.isFinite(n) && !Object.is(n, -0);
}

function specialNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/**
 * A flat copy of a string. Strings built by concatenation are trees of their parts; a string kept
 * for the whole scan should not hold on to those.
 */
function flat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** A read-only Map over encoded entries; decoded on use. */
class EncodedMap<V> implements ReadonlyMap<string, V> {
  readonly #codec: ResultCodec;
  readonly #text: string;
  readonly size: number;

  constructor(codec: ResultCodec, text: string, size: number) {
    this.#codec = codec;
    this.#text = text;
    this.size = size;
  }

  #map(): ReadonlyMap<string, V> {
    return this.#codec.decodedMap(this, () => new Map(this.#codec.decode(this.#text) as [string, V][]));
  }

  get(key: string): V | undefined {
    return this.#map().get(key);
  }

  has(key: string): boolean {
    return this.#map().has(key);
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    this.#map().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, V]> {
    return this.#map().entries();
  }

  keys(): MapIterator<string> {
    return this.#map().keys();
  }

  values(): MapIterator<V> {
    return this.#map().values();
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}

/** The map as an encoded view; the map itself when its entries are not plain data. */
function compactMap<V>(codec: ResultCodec, map: ReadonlyMap<string, V>): ReadonlyMap<string, V> {
  if (map instanceof EncodedMap) return map;
  const text = codec.encode([...map]);
  return text === undefined ? map : new EncodedMap<V>(codec, text, map.size);
}

/**
 * The same result with its per-field maps encoded (see the file comment). Its `columns` is the
 * table's own column list when the filter kept every column (no second array per table).
 */
export function compactTableResult(result: TableResult, codec: ResultCodec): TableResult {
  const { table, columns } = result;
  const sameColumns = columns.length === table.columns.length && columns.every((c, i) => c === table.columns[i]);
  return {
    ...result,
    columns: sameColumns ? table.columns : columns,
    fields: compactMap(codec, result.fields),
    unsampledColumns: compactMap(codec, result.unsampledColumns),
    ...(result.nestedFields ? { nestedFields: compactMap(codec, result.nestedFields) } : {}),
  };
}
