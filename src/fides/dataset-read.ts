/**
 * Reads a dataset file as plain data for the commands that only look at it (check, review --list,
 * diff, export, drift): line by line with `fast-yaml.ts`, so a file of a million fields takes
 * seconds and never has to fit in one string; a file using YAML that reader does not cover goes to
 * the `yaml` library, with the same result. Unless `details` is asked for, each field's evidence,
 * alternatives and factors are dropped as they are read: nothing that only looks at the file needs
 * them, and they are most of its size.
 */
import { createHash } from 'node:crypto';
import { digestOf, hashText } from '../util/content-hash.js';
import fs from 'node:fs';
import YAML from 'yaml';
import { UserError } from '../core/errors.js';
import { documentToJs } from '../util/yaml-input.js';
import { inValue, parseYamlLines, toYamlLine, UnsupportedYaml, type LineSource, type ParseHooks, type YamlLine } from './fast-yaml.js';

export interface ReadDatasetOptions {
  /** Keep every field's evidence, alternatives and factors (default: dropped). */
  readonly details?: boolean;
  /** Also hash the content (`version`). */
  readonly version?: boolean;
  /**
   * Sees each collection and dataset as it is read (see `ParseHooks`), in file order, instead of
   * the default (dropping details). `reset` is called when the reading starts over with the library.
   */
  readonly hooks?: Pick<ParseHooks, 'collection' | 'dataset'> & { reset?(): void };
}

export interface DatasetFileContent {
  /** The parsed file (`YAML.parse` output, leaner without `details`). */
  readonly value: unknown;
  /** Content hash of the text, as `ReviewFile.version` gives it (when asked for). */
  readonly version?: string;
}

const CHUNK_BYTES = 4 << 20;
/** Larger texts cannot be one string in V8; only the fast reader can read them. */
const MAX_STRING_BYTES = 500 << 20;
/** What a field's record holds beyond what looking at the file needs. */
const DETAIL_KEYS = ['evidence', 'alternatives', 'factors', 'weights'];
const DETAIL_KEY_SET: ReadonlySet<string> = new Set(DETAIL_KEYS);

export function readDatasetFile(file: string, options: ReadDatasetOptions = {}): DatasetFileContent {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw unreadable(file, error);
  }
  try {
    const hash = options.version ? createHash('sha256') : undefined;
    const hooks: ParseHooks = options.hooks ?? (options.details ? {} : { collection: leanCollection });
    try {
      const value = parseYamlLines(fileLines(fd, hash, file), options.details ? hooks : { ...hooks, skipInCollections: DETAIL_KEY_SET });
      return hash ? { value, version: digestOf(hash) } : { value };
    } catch (error) {
      if (!(error instanceof UnsupportedYaml)) throw error;
    }
    options.hooks?.reset?.();
    const size = fs.fstatSync(fd).size;
    if (size > MAX_STRING_BYTES) {
      throw new UserError(`Cannot read ${file}: it is over ${MAX_STRING_BYTES >> 20} MB and written in a YAML style piiscout reads only in smaller files`, {
        hint: 'write it as piiscout does (block style, one-line values), e.g. by scanning again into a new file',
      });
    }
    const text = fs.readFileSync(file, 'utf8');
    const value = parseWithLibrary(text, file, hooks);
    return options.version ? { value, version: hashText(text) } : { value };
  } finally {
    fs.closeSync(fd);
  }
}

/** The `yaml` library's reading, with its first error as one line naming the position. */
export function parseYamlDocument(
  text: string,
  file: string,
  options: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions = {},
): YAML.Document.Parsed {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { ...options, prettyErrors: false, lineCounter });
  const error = doc.errors[0];
  if (error) {
    const pos = error.pos ? lineCounter.linePos(error.pos[0]) : undefined;
    throw new UserError(
      `${file}: invalid YAML${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}: ${error.message.split('\n')[0]}`,
      {
        hint: 'fix the YAML by hand (git diff shows recent edits); nothing was changed',
      },
    );
  }
  return doc;
}

/** The library's reading, with the hooks applied afterwards in the order the fast reader calls them. */
function parseWithLibrary(text: string, file: string, hooks: ParseHooks): unknown {
  // Aliases may expand exponentially (a YAML bomb): bounded, and refused in one line.
  const value: unknown = documentToJs(parseYamlDocument(text, file), file, 'pass a dataset YAML file written by piiscout');
  if (!isRecord(value) || !Array.isArray(value.dataset)) return value;
  value.dataset = value.dataset.map((dataset: unknown, i) => {
    if (hooks.collection && isRecord(dataset) && Array.isArray(dataset.collections)) {
      dataset.collections = dataset.collections.map((c: unknown, j) => hooks.collection!(c, i, j));
    }
    return hooks.dataset ? hooks.dataset(dataset, i) : dataset;
  });
  return value;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A collection without its fields' evidence, alternatives and factors (nested fields too). */
function leanCollection(collection: unknown): unknown {
  if (isRecord(collection) && Array.isArray(collection.fields)) leanFields(collection.fields);
  return collection;
}

function leanFields(fields: unknown[]): void {
  for (const field of fields) {
    if (!isRecord(field)) continue;
    if (isRecord(field.piiscout)) for (const key of DETAIL_KEYS) delete field.piiscout[key];
    if (Array.isArray(field.fields)) leanFields(field.fields);
  }
}

/** One line for a file that cannot be opened. */
export function unreadable(file: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
  return new UserError(`Cannot read ${file}: ${why}`, { hint: 'check the path; piiscout scan ... -o FILE writes a dataset file' });
}

/** Node's own UTF-8 decoder without `toString`'s argument checks (a line at a time adds up). */
const utf8Slice = (Buffer.prototype as unknown as { utf8Slice?: (this: Buffer, start: number, end: number) => string }).utf8Slice;
const decode = (buffer: Buffer, start: number, end: number): string => (utf8Slice ? utf8Slice.call(buffer, start, end) : buffer.toString('utf8', start, end));

/**
 * The file's lines, read in chunks as the parser asks for them; every byte also goes into `hash`.
 * Each line is decoded on its own (a line break byte never falls inside a UTF-8 character): the
 * strings kept from a line then hold on to that line only, not to a whole chunk of the file.
 */
function fileLines(fd: number, hash: ReturnType<typeof createHash> | undefined, file: string): LineSource {
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let view = buffer.subarray(0, 0);
  let start = 0;
  let eof = false;
  let lineNo = 0;
  let current: YamlLine | undefined;

  const fill = (): boolean => {
    const kept = view.length - start;
    if (start > 0) buffer.copy(buffer, 0, start, view.length);
    start = 0;
    if (kept === buffer.length) {
      // A line longer than the buffer: make room.
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, kept);
      buffer = bigger;
    }
    let read: number;
    try {
      read = fs.readSync(fd, buffer, kept, buffer.length - kept, null);
    } catch (error) {
      throw unreadable(file, error);
    }
    if (read === 0) eof = true;
    else hash?.update(buffer.subarray(kept, kept + read));
    view = buffer.subarray(0, kept + read);
    return read > 0;
  };
  const rawLine = (): string | undefined => {
    for (;;) {
      const newline = view.indexOf(10, start);
      if (newline >= 0) {
        const line = decode(view, start, newline);
        start = newline + 1;
        return line;
      }
      if (eof || !fill()) {
        if (start >= view.length) return undefined;
        const line = decode(view, start, view.length);
        start = view.length;
        return line;
      }
    }
  };
  const advance = (): void => {
    current = undefined;
    for (let raw = rawLine(); raw !== undefined; raw = rawLine()) {
      const line = toYamlLine(raw, ++lineNo);
      if (line) {
        current = line;
        return;
      }
    }
  };
  /** Whether the next raw line is blank, a comment or part of the value (looked at as bytes, not decoded). */
  const nextLineInValue = (indent: number): boolean | undefined => {
    for (;;) {
      const newline = view.indexOf(10, start);
      if (newline < 0 && !eof && fill()) continue;
      const end = newline < 0 ? view.length : newline;
      if (start >= end && newline < 0) return undefined;
      let i = start;
      while (i < end && view[i] === 32) i++;
      const first = i < end ? view[i] : -1;
      if (first === -1 || first === 35 /* # */ || (first === 13 && i + 1 === end)) return true;
      const column = i - start;
      return column > indent || (column === indent && first === 45 /* - */ && (i + 1 === end || view[i + 1] === 32 || (view[i + 1] === 13 && i + 2 === end)));
    }
  };
  const skipValue = (indent: number): void => {
    if (!current || !inValue(current, indent)) return;
    for (let more = nextLineInValue(indent); more; more = nextLineInValue(indent)) {
      const newline = view.indexOf(10, start);
      start = newline < 0 ? view.length : newline + 1;
      lineNo++;
    }
    advance();
  };
  advance();
  return { peek: () => current, next: advance, replace: (line) => (current = line), skipValue };
}
