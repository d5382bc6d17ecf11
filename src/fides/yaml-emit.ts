/**
 * Writes the dataset file's collections as text directly, byte-for-byte what the `yaml` library
 * writes for them in `datasetFileToYaml` (core schema with `yaml-safe.ts`'s string tag,
 * `YAML_TO_STRING_OPTIONS`, the flow rules of `applyFlowStyles`), over 20x faster than building a
 * YAML Document per collection.
 *
 * Only what provably reads the same is written here: plain objects and arrays, finite and
 * non-finite numbers, booleans, and strings. A string that another YAML version could read as
 * something else, or that holds a control character or line break, is written `doubleQuoted` (as
 * the safe string tag writes it); any other string's text depends only on whether it sits in a
 * flow collection, and the rules below mirror the library's `stringifyString` for exactly that case
 * (lineWidth 0 turns folding off). Any other pair (a multi-line comment, null, a Date, an over-long
 * key, ...) is written by the library itself, at the same indentation, in a small document that
 * nests it to the same depth: the library indents by depth only, so that text is the text of the
 * whole file.
 */
import YAML from 'yaml';
import { applyFlowStyles, FLOW_ITEM_KEYS, FLOW_STYLE_KEYS, YAML_TO_STRING_OPTIONS } from './dataset-writer.js';
import { doubleQuoted, needsSafeQuotes, SAFE_SCHEMA } from './yaml-safe.js';

/** Document markers, which the library treats differently at some depths. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/;
/** The library's plain-scalar exclusions (`plainString`), for a string without newlines. */
const NOT_PLAIN = /^[\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|:[ \t]|[\t ]#|[\t :]$/;
const FLOW_INDICATOR = /[[\]{},]/;
/** Over this, the library writes a block key as an explicit `? key`. */
const MAX_IMPLICIT_KEY = 1024;

/** Texts of short strings (names, categories, keys repeat a lot); cleared when full. */
const CACHE_MAX_LENGTH = 64;
const CACHE_MAX_ENTRIES = 10_000;
const blockCache = new Map<string, string | undefined>();
const flowCache = new Map<string, string | undefined>();

/**
 * A string as the library writes it, in a flow collection or not (as key or value alike); undefined
 * when only the library can say (`DOCUMENT_MARKER`).
 */
export function stringText(value: string, inFlow: boolean): string | undefined {
  if (value.length > CACHE_MAX_LENGTH) return uncachedStringText(value, inFlow);
  const cache = inFlow ? flowCache : blockCache;
  let text = cache.get(value);
  if (text === undefined && !cache.has(value)) {
    if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
    text = uncachedStringText(value, inFlow);
    cache.set(value, text);
  }
  return text;
}

function uncachedStringText(value: string, inFlow: boolean): string | undefined {
  if (needsSafeQuotes(value, inFlow)) return doubleQuoted(value);
  if (DOCUMENT_MARKER.test(value)) return undefined;
  if ((inFlow && FLOW_INDICATOR.test(value)) || NOT_PLAIN.test(value)) {
    // `quotedString` with the default `singleQuote: null`: single quotes only for text with " but no '.
    return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
  }
  return value;
}

/** `stringifyNumber` without format options. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  // JSON.stringify of a finite number is its String(), but for -0.
  return Object.is(value, -0) ? '-0' : String(value);
}

function scalarText(value: unknown, inFlow: boolean): string | undefined {
  switch (typeof value) {
    case 'string':
      return stringText(value, inFlow);
    case 'number':
      return numberText(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return undefined;
  }
}

type PlainObject = Record<string, unknown>;

/** Objects the library turns into a map by their own enumerable keys (no toJSON, no Map, no class). */
function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

function isPlainArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * The text goes into `parts`, joined once per call of `blockSeqMapItemText` (fewer intermediate
 * strings than concatenating). A writer that meets something only the library can write returns
 * false, and its caller drops the parts written since its mark.
 */
type Parts = string[];

/** A value inside a flow collection. */
function writeFlow(parts: Parts, value: unknown): boolean {
  if (isPlainArray(value)) {
    parts.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) parts.push(', ');
      if (!writeFlow(parts, value[i])) return false;
    }
    parts.push(']');
    return true;
  }
  if (isPlainObject(value)) {
    parts.push('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined) continue;
      const keyText = stringText(key, true);
      if (keyText === undefined) return false;
      parts.push(first ? keyText : `, ${keyText}`, ': ');
      if (!writeFlow(parts, item)) return false;
      first = false;
    }
    parts.push('}');
    return true;
  }
  const text = scalarText(value, true);
  if (text === undefined) return false;
  parts.push(text);
  return true;
}

/**
 * A block map's pairs, each key at `indent`; the first line goes without indentation (it follows
 * the caller's `- ` or the parent key's line break plus indent). Writes `{}\n` for no pairs.
 */
function writeBlockMap(parts: Parts, map: PlainObject, indent: string): void {
  let first = true;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    if (!first) parts.push(indent);
    first = false;
    const mark = parts.length;
    if (!writeBlockPair(parts, key, value, indent)) {
      parts.length = mark;
      parts.push(libraryPairText(key, value, indent.length));
    }
  }
  if (first) parts.push('{}\n');
}

/** `key: value` in a block map with the key at `indent`, with its final newline. */
function writeBlockPair(parts: Parts, key: string, value: unknown, indent: string): boolean {
  const keyText = stringText(key, false);
  if (keyText === undefined || keyText.length > MAX_IMPLICIT_KEY) return false;
  const array = isPlainArray(value);
  if (!array && !isPlainObject(value)) {
    const text = scalarText(value, false);
    if (text === undefined) return false;
    parts.push(keyText, ': ', text, '\n');
    return true;
  }
  if (FLOW_STYLE_KEYS.has(key)) {
    parts.push(keyText, ': ');
    if (!writeFlow(parts, value)) return false;
    parts.push('\n');
    return true;
  }
  const inner = `${indent}  `;
  if (!array) {
    if (!hasDefinedValue(value as PlainObject)) {
      parts.push(keyText, ': {}\n');
      return true;
    }
    parts.push(keyText, ':\n', inner);
    writeBlockMap(parts, value as PlainObject, inner);
    return true;
  }
  if (value.length === 0) {
    parts.push(keyText, ': []\n');
    return true;
  }
  const flowItems = FLOW_ITEM_KEYS.has(key);
  const itemIndent = `${inner}  `;
  parts.push(keyText, ':\n');
  for (const item of value) {
    parts.push(inner, '- ');
    if (isPlainObject(item)) {
      if (flowItems) {
        if (!writeFlow(parts, item)) return false;
        parts.push('\n');
      } else writeBlockMap(parts, item, itemIndent);
    } else {
      const text = isPlainArray(item) ? undefined : scalarText(item, false);
      if (text === undefined) return false;
      parts.push(text, '\n');
    }
  }
  return true;
}

function hasDefinedValue(map: PlainObject): boolean {
  for (const key in map) if (Object.hasOwn(map, key) && map[key] !== undefined) return true;
  return false;
}

/** Nesting key of the documents that put a pair at the right depth for the library. */
const WRAPPER_KEY = 'w';

/** `key: value` written by the library with the key at column `column` (even), without that indentation. */
function libraryPairText(key: string, value: unknown, column: number): string {
  const depth = column / 2;
  if (!Number.isInteger(depth)) throw new Error(`odd YAML indentation ${column}`);
  let wrapped: PlainObject = { [key]: value };
  for (let i = 0; i < depth; i++) wrapped = { [WRAPPER_KEY]: wrapped };
  const doc = new YAML.Document(wrapped, SAFE_SCHEMA);
  applyFlowStyles(doc);
  const text = doc.toString(YAML_TO_STRING_OPTIONS);
  let start = 0;
  for (let i = 0; i < depth; i++) start = text.indexOf('\n', start) + 1;
  if (start <= 0 && depth > 0) throw new Error('unexpected YAML layout');
  const pad = ' '.repeat(column);
  if (!text.startsWith(pad, start)) throw new Error('unexpected YAML layout');
  return text.slice(start + column);
}

/** A map as a block-sequence item whose `- ` is at `column` (the first line indented, too). */
export function blockSeqMapItemText(map: PlainObject, column: number): string {
  const parts: Parts = [' '.repeat(column), '- '];
  writeBlockMap(parts, map, ' '.repeat(column + 2));
  return parts.join('');
}
