/**
 * A fast reader for the block YAML that piiscout's writer produces, giving exactly what the `yaml`
 * library's `parse` gives (core schema) for that subset, about 20x faster and line by line, so a
 * dataset file of a million fields is read in seconds without the whole text in one string.
 *
 * The subset: block mappings and sequences (compact `- key: value` items and sequences at their
 * key's indentation included), one-line flow collections (`[a, b]`, `{k: v}`), plain, single- and
 * double-quoted one-line scalars, and comments. Anything else (block scalars `|` `>`, multi-line
 * scalars, anchors, aliases, tags, explicit keys, directives, tabs as indentation, duplicate keys,
 * keys that are not strings) throws `UnsupportedYaml`, and the caller reads the file with the
 * `yaml` library instead. The module never guesses: what it returns is what the library returns.
 */

export class UnsupportedYaml extends Error {
  constructor(
    readonly line: number,
    what: string,
  ) {
    super(`line ${line}: ${what}`);
    this.name = 'UnsupportedYaml';
  }
}

/** One line without its indentation; blank and comment-only lines never reach the parser. */
export interface YamlLine {
  readonly indent: number;
  readonly text: string;
  /** 1-based. */
  readonly no: number;
}

/** Lines in order, looked at before they are taken. */
export interface LineSource {
  peek(): YamlLine | undefined;
  next(): void;
  /** Puts a line (the rest of a `- ` item line) in place of the current one. */
  replace(line: YamlLine): void;
  /**
   * Passes over the lines of a value whose key sits at `indent`: lines indented deeper, and `- `
   * items at `indent` (a sequence at its key's indentation). Stops at the first other line.
   */
  skipValue(indent: number): void;
}

/** Whether a line belongs to the value of a key at `indent` (see `LineSource.skipValue`). */
export function inValue(line: YamlLine, indent: number): boolean {
  return line.indent > indent || (line.indent === indent && isSeqItem(line.text));
}

/** Where a node sits in a dataset file: the hook sees each collection as soon as it is read. */
type Place = 'root' | 'datasets' | 'dataset' | 'collections' | 'collection' | 'inCollection' | 'other';

export interface ParseHooks {
  /**
   * Called with each `dataset[i].collections[j]` item as soon as it is read; its result is kept
   * instead (a leaner copy, or nothing when the caller took what it needs).
   */
  readonly collection?: (value: unknown, dataset: number, index: number) => unknown;
  /** Called with each `dataset[i]` item once it is read (after its collections); its result is kept instead. */
  readonly dataset?: (value: unknown, index: number) => unknown;
  /**
   * Keys whose values inside collections are skipped unread (not checked either): a reader that
   * needs no evidence saves most of the work on a large file.
   */
  readonly skipInCollections?: ReadonlySet<string>;
}

/** Lines of a string (the whole file at once). */
export function stringLines(text: string): LineSource {
  const lines = text.split('\n');
  let i = 0;
  let current: YamlLine | undefined;
  const advance = (): void => {
    current = undefined;
    while (i < lines.length) {
      const line = toYamlLine(lines[i], i + 1);
      i++;
      if (line) {
        current = line;
        return;
      }
    }
  };
  advance();
  return {
    peek: () => current,
    next: advance,
    replace: (line) => (current = line),
    skipValue: (indent) => {
      while (current && inValue(current, indent)) advance();
    },
  };
}

/**
 * A raw line as the parser sees it, or undefined for a blank or comment-only line. A BOM on the
 * first line is dropped; `\r` of a CRLF ending too.
 */
export function toYamlLine(raw: string, no: number): YamlLine | undefined {
  let end = raw.length;
  if (end > 0 && raw.charCodeAt(end - 1) === 13) end--;
  let start = no === 1 && raw.charCodeAt(0) === 0xfeff ? 1 : 0;
  let indent = 0;
  while (start + indent < end && raw.charCodeAt(start + indent) === 32) indent++;
  if (start + indent === end) return undefined;
  const first = raw.charCodeAt(start + indent);
  if (first === 35 /* # */) return undefined;
  if (first === 9 /* tab */) throw new UnsupportedYaml(no, 'a tab in the indentation');
  start += indent;
  const text = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  if (indent === 0 && (text.startsWith('---') || text.startsWith('...') || first === 37 /* % */)) {
    throw new UnsupportedYaml(no, 'a document marker or directive');
  }
  return { indent, text, no };
}

/** Parses a whole document; see the module comment for what is supported. */
export function parseYamlLines(source: LineSource, hooks: ParseHooks = {}): unknown {
  const parser = new Parser(source, hooks);
  const first = source.peek();
  if (!first) return null;
  if (first.indent !== 0) throw new UnsupportedYaml(first.no, 'an indented document');
  const value = parser.block(0, 'root');
  const rest = source.peek();
  if (rest) throw new UnsupportedYaml(rest.no, 'content after the document');
  return value;
}

/** The place of what a node at `place` holds, below the dataset structure. */
const inner = (place: Place): Place => (place === 'collection' || place === 'inCollection' ? 'inCollection' : 'other');

function isSeqItem(text: string): boolean {
  return text.charCodeAt(0) === 45 /* - */ && (text.length === 1 || text.charCodeAt(1) === 32);
}

/** Characters a plain scalar may not start with here (indicators; `-`, `?` and `:` are checked apart). */
const PLAIN_START_INDICATORS = new Set(['[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

class Parser {
  constructor(
    private readonly src: LineSource,
    private readonly hooks: ParseHooks,
  ) {}

  /** Index of the dataset being read (for the collection hook). */
  private datasetIndex = -1;

  /** The block node whose first line is the current one, at `indent`. */
  block(indent: number, place: Place): unknown {
    const line = this.src.peek()!;
    return isSeqItem(line.text) ? this.seq(indent, place) : this.map(indent, place);
  }

  private seq(indent: number, place: Place): unknown[] {
    const items: unknown[] = [];
    const itemPlace: Place = place === 'datasets' ? 'dataset' : place === 'collections' ? 'collection' : inner(place);
    for (;;) {
      const line = this.src.peek();
      if (!line || line.indent < indent) break;
      if (line.indent > indent) throw new UnsupportedYaml(line.no, 'unexpected indentation');
      if (!isSeqItem(line.text)) break;
      if (itemPlace === 'dataset') this.datasetIndex = items.length;
      let spaces = 1;
      while (line.text.charCodeAt(spaces) === 32) spaces++;
      const content = line.text.slice(spaces);
      let value: unknown;
      if (content === '' || content.charCodeAt(0) === 35 /* # */) {
        this.src.next();
        value = this.nested(indent, itemPlace, false);
      } else if (isSeqItem(content)) {
        const column = indent + spaces;
        this.src.replace({ indent: column, text: content, no: line.no });
        value = this.seq(column, itemPlace);
      } else if (this.mapEntry(content, line.no) !== undefined) {
        const column = indent + spaces;
        this.src.replace({ indent: column, text: content, no: line.no });
        value = this.map(column, itemPlace);
      } else {
        this.src.next();
        value = this.inlineValue(content, line.no, itemPlace === 'collection' ? 'other' : itemPlace);
        this.noContinuation(indent);
      }
      items.push(this.hooked(itemPlace, value, items.length));
    }
    return items;
  }

  /** A sequence item after the hook for its place, if any. */
  private hooked(place: Place, value: unknown, index: number): unknown {
    if (place === 'collection' && this.hooks.collection) return this.hooks.collection(value, this.datasetIndex, index);
    if (place === 'dataset' && this.hooks.dataset) return this.hooks.dataset(value, index);
    return value;
  }

  private map(indent: number, place: Place): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      const line = this.src.peek();
      if (!line || line.indent < indent) break;
      if (line.indent > indent) throw new UnsupportedYaml(line.no, 'unexpected indentation');
      if (isSeqItem(line.text)) break;
      const entry = this.mapEntry(line.text, line.no);
      if (entry === undefined) throw new UnsupportedYaml(line.no, 'a line that is no `key: value`');
      const [key, rest] = entry;
      if (Object.hasOwn(map, key)) throw new UnsupportedYaml(line.no, 'a duplicate key');
      this.src.next();
      if (place === 'inCollection' && this.hooks.skipInCollections?.has(key)) {
        if (rest === '') this.src.skipValue(indent);
        continue;
      }
      const childPlace: Place = place === 'root' && key === 'dataset' ? 'datasets' : place === 'dataset' && key === 'collections' ? 'collections' : inner(place);
      let value: unknown;
      if (rest === '') value = this.nested(indent, childPlace, true);
      else {
        value = this.inlineValue(rest, line.no, childPlace);
        this.noContinuation(indent);
      }
      if (key === '__proto__') Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
      else map[key] = value;
    }
    return map;
  }

  /** The value on the lines after `key:` or a bare `-` (null when there is none). */
  private nested(parentIndent: number, place: Place, compactSeq: boolean): unknown {
    const line = this.src.peek();
    if (!line) return null;
    if (line.indent > parentIndent) return this.block(line.indent, place);
    if (compactSeq && line.indent === parentIndent && isSeqItem(line.text)) return this.seq(parentIndent, place);
    return null;
  }

  /** A scalar on its line cannot go on: a more indented next line would be a multi-line scalar. */
  private noContinuation(indent: number): void {
    const next = this.src.peek();
    if (next && next.indent > indent) throw new UnsupportedYaml(next.no, 'a value over several lines');
  }

  /** `[key, rest after ': ']` when the text is a block mapping entry, else undefined. */
  private mapEntry(text: string, no: number): [string, string] | undefined {
    const first = text[0];
    if (first === '[' || first === '{') return undefined; // a flow collection (as a key, unsupported later)
    let key: string;
    let after: number;
    if (first === '"' || first === "'") {
      const [value, end] = first === '"' ? doubleQuoted(text, 0, no) : singleQuoted(text, 0, no);
      let i = end;
      while (text.charCodeAt(i) === 32) i++;
      if (text[i] !== ':' || (i + 1 < text.length && text.charCodeAt(i + 1) !== 32)) return undefined;
      key = value;
      after = i + 1;
    } else {
      const colon = findBlockColon(text);
      if (colon < 0) return undefined;
      const resolved = plainScalar(trimSpaces(text.slice(0, colon)), no, false);
      if (typeof resolved !== 'string') throw new UnsupportedYaml(no, 'a key that is not a string');
      key = resolved;
      after = colon + 1;
    }
    while (text.charCodeAt(after) === 32) after++;
    const rest = text.charCodeAt(after) === 35 /* # */ ? '' : text.slice(after);
    return [key, rest];
  }

  /** A value on the same line as its key or `- `: a flow collection or a scalar, then at most a comment. */
  private inlineValue(text: string, no: number, place: Place): unknown {
    const first = text[0];
    if (first === '[' || first === '{') {
      if ((place === 'datasets' || place === 'dataset') && text !== '[]' && (this.hooks.collection || this.hooks.dataset)) {
        throw new UnsupportedYaml(no, 'datasets in flow style'); // the hooks see block datasets only
      }
      const flow = new FlowReader(text, no);
      let value = flow.value();
      flow.end();
      if (place === 'collections' && Array.isArray(value)) value = value.map((item, i) => this.hooked('collection', item, i));
      return value;
    }
    if (first === '"' || first === "'") {
      const [value, end] = first === '"' ? doubleQuoted(text, 0, no) : singleQuoted(text, 0, no);
      expectLineEnd(text, end, no);
      return value;
    }
    const comment = text.indexOf(' #');
    return plainScalar(trimSpaces(comment < 0 ? text : text.slice(0, comment)), no, false);
  }
}

/** Trailing spaces off (YAML white space; JS `trimEnd` would also take U+00A0 and others, which are text here). */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Index of the `:` that ends a plain block key (followed by a space or the end), or -1. */
function findBlockColon(text: string): number {
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    if (i + 1 === text.length || text.charCodeAt(i + 1) === 32) return i;
  }
  return -1;
}

/** Values of short plain scalars (keys, statuses, categories repeat a lot; one string each is kept, too). */
const CACHE_MAX_LENGTH = 64;
const CACHE_MAX_ENTRIES = 50_000;
const blockCache = new Map<string, unknown>();
const flowCache = new Map<string, unknown>();

/** A plain scalar's value, checked (see `checkPlain`) and resolved. */
function plainScalar(raw: string, no: number, inFlow: boolean): unknown {
  if (raw.length > CACHE_MAX_LENGTH) {
    checkPlain(raw, no, inFlow);
    return resolvePlain(raw);
  }
  const cache = inFlow ? flowCache : blockCache;
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  checkPlain(raw, no, inFlow);
  const value = resolvePlain(raw);
  if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
  cache.set(raw, value);
  return value;
}

/** Rejects plain scalars whose reading this module does not reproduce. */
function checkPlain(raw: string, no: number, inFlow: boolean): void {
  if (raw === '') return;
  const first = raw[0];
  if (PLAIN_START_INDICATORS.has(first)) throw new UnsupportedYaml(no, `a plain scalar starting with ${first}`);
  if ((first === '-' || first === '?' || first === ':') && (raw.length === 1 || raw.charCodeAt(1) === 32)) {
    throw new UnsupportedYaml(no, `an indicator ${first}`);
  }
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 32 || c === 127 || (c >= 0x80 && c <= 0x9f) || c === 0xfeff) throw new UnsupportedYaml(no, 'a control character in a plain scalar');
    if (c === 58 /* : */ && (i + 1 === raw.length || raw.charCodeAt(i + 1) === 32)) throw new UnsupportedYaml(no, 'a plain scalar with `: `');
    if (c === 35 /* # */ && raw.charCodeAt(i - 1) === 32) throw new UnsupportedYaml(no, 'a comment inside a scalar');
    if (inFlow && (c === 44 || c === 91 || c === 93 || c === 123 || c === 125)) throw new UnsupportedYaml(no, 'a flow indicator in a plain scalar');
  }
}

function expectLineEnd(text: string, at: number, no: number): void {
  let i = at;
  while (text.charCodeAt(i) === 32) i++;
  if (i < text.length && !(text.charCodeAt(i) === 35 && i > at)) throw new UnsupportedYaml(no, 'text after a value');
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028',
  P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};
const HEX_LENGTH: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** A double-quoted scalar starting at `start`, on this line; returns the value and the index after it. */
export function doubleQuoted(text: string, start: number, no: number): [string, number] {
  let out = '';
  let run = start + 1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) return [out + text.slice(run, i), i + 1];
    if (c === 92 /* \ */) {
      out += text.slice(run, i);
      const next = text[i + 1];
      const simple = next === undefined ? undefined : ESCAPES[next];
      if (simple !== undefined) {
        out += simple;
        i++;
      } else if (next !== undefined && HEX_LENGTH[next]) {
        const length = HEX_LENGTH[next];
        const hex = text.slice(i + 2, i + 2 + length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) throw new UnsupportedYaml(no, 'a bad escape');
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) throw new UnsupportedYaml(no, 'a bad escape');
        out += String.fromCodePoint(code);
        i += 1 + length;
      } else throw new UnsupportedYaml(no, 'a bad or line-ending escape');
      run = i + 1;
    } else if (c < 32 && c !== 9) throw new UnsupportedYaml(no, 'a control character in a quoted scalar');
  }
  throw new UnsupportedYaml(no, 'a quoted scalar over several lines');
}

export function singleQuoted(text: string, start: number, no: number): [string, number] {
  let out = '';
  let run = start + 1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 39 /* ' */) {
      if (text.charCodeAt(i + 1) === 39) {
        out += text.slice(run, i + 1);
        i++;
        run = i + 1;
        continue;
      }
      return [out + text.slice(run, i), i + 1];
    }
    if (c < 32 && c !== 9) throw new UnsupportedYaml(no, 'a control character in a quoted scalar');
  }
  throw new UnsupportedYaml(no, 'a quoted scalar over several lines');
}

/** A one-line flow collection (`[...]`, `{...}`, nested), as the `yaml` library reads it. */
class FlowReader {
  private i = 0;

  constructor(
    private readonly text: string,
    private readonly no: number,
  ) {}

  value(): unknown {
    this.spaces();
    const c = this.text[this.i];
    if (c === '[') return this.seq();
    if (c === '{') return this.map();
    if (c === '"' || c === "'") return this.quoted();
    return this.plain(false);
  }

  /** Only spaces and a comment may follow the collection. */
  end(): void {
    expectLineEnd(this.text, this.i, this.no);
  }

  private fail(what: string): never {
    throw new UnsupportedYaml(this.no, what);
  }

  private spaces(): void {
    while (this.text.charCodeAt(this.i) === 32) this.i++;
  }

  private quoted(): string {
    const [value, end] = this.text[this.i] === '"' ? doubleQuoted(this.text, this.i, this.no) : singleQuoted(this.text, this.i, this.no);
    this.i = end;
    return value;
  }

  /** A plain scalar's value, up to `,` `]` `}` or (as a key, or always) `: `. */
  private plain(asKey: boolean): unknown {
    const start = this.i;
    const text = this.text;
    for (; this.i < text.length; this.i++) {
      const c = text.charCodeAt(this.i);
      if (c === 44 || c === 93 || c === 125) break;
      if (c === 58 /* : */) {
        const next = text.charCodeAt(this.i + 1);
        if (this.i + 1 === text.length || next === 32 || next === 44 || next === 93 || next === 125) break;
        if (asKey && (next === 91 || next === 123)) break;
      }
    }
    return plainScalar(trimSpaces(text.slice(start, this.i)), this.no, true);
  }

  private seq(): unknown[] {
    this.i++;
    const items: unknown[] = [];
    for (;;) {
      this.spaces();
      const c = this.text[this.i];
      if (c === undefined) this.fail('a flow sequence over several lines');
      if (c === ']') {
        this.i++;
        return items;
      }
      if (c === ',') this.fail('an empty flow sequence item');
      items.push(this.value());
      this.spaces();
      const after = this.text[this.i];
      if (after === ',') this.i++;
      else if (after !== ']') this.fail(after === ':' ? 'a mapping inside a flow sequence' : 'a malformed flow sequence');
    }
  }

  private map(): Record<string, unknown> {
    this.i++;
    const map: Record<string, unknown> = {};
    for (;;) {
      this.spaces();
      const c = this.text[this.i];
      if (c === undefined) this.fail('a flow mapping over several lines');
      if (c === '}') {
        this.i++;
        return map;
      }
      if (c === ',' || c === '[' || c === '{' || c === '?') this.fail('an unusual flow mapping key');
      let key: unknown;
      if (c === '"' || c === "'") key = this.quoted();
      else key = this.plain(true);
      if (typeof key !== 'string') this.fail('a key that is not a string');
      if (Object.hasOwn(map, key)) this.fail('a duplicate key');
      this.spaces();
      if (this.text[this.i] !== ':') this.fail('a flow mapping key without a value');
      this.i++;
      this.spaces();
      const next = this.text[this.i];
      const value = next === ',' || next === '}' ? null : this.value();
      if (key === '__proto__') Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
      else map[key] = value;
      this.spaces();
      const after = this.text[this.i];
      if (after === ',') this.i++;
      else if (after !== '}') this.fail('a malformed flow mapping');
    }
  }
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Plain scalars that can be something else than a string start with one of these. */
const MAYBE_OTHER = /^[-+.0-9~nNtTfF]|^$/;

/** A plain scalar's value under the YAML 1.2 core schema, as the `yaml` library resolves it. */
export function resolvePlain(raw: string): unknown {
  if (!MAYBE_OTHER.test(raw)) return raw;
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return raw[0] === 't' || raw[0] === 'T';
  if (INT_OCT.test(raw)) return parseInt(raw.slice(2), 8);
  if (INT.test(raw)) return parseInt(raw, 10);
  if (INT_HEX.test(raw)) return parseInt(raw.slice(2), 16);
  if (FLOAT_NAN.test(raw)) return raw.slice(-3).toLowerCase() === 'nan' ? NaN : raw[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(raw) || FLOAT.test(raw)) return parseFloat(raw);
  return raw;
}
