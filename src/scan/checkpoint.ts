/**
 * Scan checkpoints, for `--resume`: a JSON-lines file beside the output (`<output>.checkpoint.jsonl`).
 * Line 1 is a header with a fingerprint of the scan settings; every further line is one finished
 * table's result: its metadata, classifications and evidence, never a sampled value (results hold
 * none: samples are dropped once a table is classified). The file is append-only and fsync'd every
 * few tables, so a crash loses at most those; a torn last line is ignored on reading. A resumed scan
 * with other settings would mix two scans in one file, so a changed fingerprint is refused.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { UserError } from '../core/errors.js';
import { tableId } from '../core/metadata.js';
import type { FieldClassification } from '../classify/types.js';
import type { NestedFieldResult, TableResult } from './scan.js';
import { ResultCodec, compactTableResult } from './compact-result.js';

const FORMAT = 1;

/** Scan settings that must be equal for a checkpoint to be resumed; only values safe to print (no password). */
export type CheckpointSettings = Readonly<Record<string, string | number | boolean | readonly string[] | null>>;

export function checkpointPathFor(outputPath: string): string {
  return `${outputPath}.checkpoint.jsonl`;
}

export function settingsFingerprint(settings: CheckpointSettings): string {
  const canonical = JSON.stringify(Object.keys(settings).sort().map((k) => [k, settings[k]]));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

interface Header {
  readonly piiscout_checkpoint: number;
  readonly fingerprint: string;
  readonly settings: CheckpointSettings;
}

/** One table as stored: Maps become entry lists. */
interface StoredTable {
  readonly table: TableResult['table'];
  readonly columns: TableResult['columns'];
  readonly status: TableResult['status'];
  readonly issue?: TableResult['issue'];
  readonly sampleMethod?: TableResult['sampleMethod'];
  readonly rowsSampled: number;
  readonly queries: number;
  readonly fields: [string, FieldClassification][];
  readonly unsampledColumns: [string, string][];
  readonly nestedFields?: [string, NestedFieldResult[]][];
}

export function encodeTableResult(result: TableResult): string {
  const stored: StoredTable = {
    table: result.table,
    columns: result.columns,
    status: result.status,
    ...(result.issue ? { issue: result.issue } : {}),
    ...(result.sampleMethod ? { sampleMethod: result.sampleMethod } : {}),
    rowsSampled: result.rowsSampled,
    queries: result.queries,
    fields: [...result.fields],
    unsampledColumns: [...result.unsampledColumns],
    ...(result.nestedFields ? { nestedFields: [...result.nestedFields].map(([k, v]) => [k, [...v]] as [string, NestedFieldResult[]]) } : {}),
  };
  return JSON.stringify(stored);
}

export function decodeTableResult(line: string): TableResult {
  const s = JSON.parse(line) as StoredTable;
  if (!s || typeof s !== 'object' || !s.table || !Array.isArray(s.fields) || !Array.isArray(s.columns)) throw new Error('not a table line');
  return {
    table: s.table,
    columns: s.columns,
    status: s.status,
    ...(s.issue ? { issue: s.issue } : {}),
    ...(s.sampleMethod ? { sampleMethod: s.sampleMethod } : {}),
    rowsSampled: s.rowsSampled,
    queries: s.queries,
    fields: new Map(s.fields),
    unsampledColumns: new Map(s.unsampledColumns),
    ...(s.nestedFields ? { nestedFields: new Map(s.nestedFields) } : {}),
  };
}

export interface LoadedCheckpoint {
  /** Finished tables by `tableId`; a later line for the same table wins. */
  readonly tables: Map<string, TableResult>;
  /** Lines that could not be read (a torn last line after a crash); those tables are scanned again. */
  readonly unreadableLines: number;
}

/** Reads a checkpoint; undefined when there is none. Throws a UserError when it belongs to other settings. */
export function loadCheckpoint(file: string, settings: CheckpointSettings): LoadedCheckpoint | undefined {
  if (!fs.existsSync(file)) return undefined;
  const lines = readLines(file);
  try {
    return readCheckpoint(file, lines, settings);
  } finally {
    lines.return(undefined); // closes the file when reading stopped early
  }
}

function readCheckpoint(file: string, lines: Iterator<string>, settings: CheckpointSettings): LoadedCheckpoint {
  let header: Header | undefined;
  try {
    header = JSON.parse(lines.next().value ?? '') as Header;
  } catch {
    header = undefined;
  }
  if (!header || header.piiscout_checkpoint !== FORMAT || typeof header.fingerprint !== 'string') {
    throw new UserError(`${file} is not a piiscout checkpoint (or was written by another version)`, {
      hint: 'delete it, or scan without --resume to start over',
    });
  }
  const fingerprint = settingsFingerprint(settings);
  if (header.fingerprint !== fingerprint) {
    const changed = changedSettings(header.settings ?? {}, settings);
    throw new UserError(`Cannot resume: the checkpoint ${file} is from a scan with other settings${changed.length > 0 ? ` (${changed.join(', ')})` : ''}`, {
      hint: 'rerun with the same connection, filters, --shard, --sample-size and --seed, or scan without --resume to start over',
    });
  }
  const tables = new Map<string, TableResult>();
  // Kept encoded, as the scan keeps its own results: a resumed scan holds them all until the end.
  const codec = new ResultCodec();
  let unreadableLines = 0;
  for (let next = lines.next(); !next.done; next = lines.next()) {
    const line = next.value;
    if (line.trim() === '') continue;
    try {
      const result = decodeTableResult(line);
      tables.set(tableId(result.table), compactTableResult(result, codec));
    } catch {
      unreadableLines++;
    }
  }
  return { tables, unreadableLines };
}

/** The file's lines, read a chunk at a time (a checkpoint of 10,000 tables is tens of MB). */
function* readLines(file: string): Generator<string, undefined> {
  const fd = fs.openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const chunk = Buffer.alloc(1 << 20);
    let rest = '';
    for (;;) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      const lines = (rest + decoder.write(chunk.subarray(0, read))).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    yield rest + decoder.end();
  } finally {
    fs.closeSync(fd);
  }
  return undefined;
}

function changedSettings(before: CheckpointSettings, now: CheckpointSettings): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(now)])].sort();
  return keys
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(now[k] ?? null))
    .map((k) => (k === 'configContent' ? `the config file ${String(now.config ?? before.config)} changed` : `${k} changed`));
}

/**
 * Appends finished tables to a checkpoint. `start` begins a fresh file (header first), created
 * with the first table so a scan that fails to connect leaves none behind; `continue` appends to
 * the one a resumed scan loaded. Lines are written at once, fsync'd every `syncEvery` tables and on close.
 */
export class CheckpointWriter {
  readonly file: string;
  readonly #syncEvery: number;
  #fd: number | undefined;
  #header: string | undefined;
  #unsynced = 0;

  private constructor(file: string, fd: number | undefined, header: string | undefined, syncEvery: number) {
    this.file = file;
    this.#fd = fd;
    this.#header = header;
    this.#syncEvery = Math.max(1, syncEvery);
  }

  static start(file: string, settings: CheckpointSettings, syncEvery = 25): CheckpointWriter {
    const header: Header = { piiscout_checkpoint: FORMAT, fingerprint: settingsFingerprint(settings), settings };
    // Fail early when the folder is not writable, without creating the file yet.
    fs.accessSync(path.dirname(path.resolve(file)), fs.constants.W_OK);
    return new CheckpointWriter(file, undefined, JSON.stringify(header) + '\n', syncEvery);
  }

  static continue(file: string, syncEvery = 25): CheckpointWriter {
    const fd = fs.openSync(file, 'a', 0o600);
    // A torn last line (crash mid-write) must not swallow the next record: start on a fresh line.
    const size = fs.fstatSync(fd).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const readFd = fs.openSync(file, 'r');
      try {
        fs.readSync(readFd, last, 0, 1, size - 1);
      } finally {
        fs.closeSync(readFd);
      }
      if (last[0] !== 0x0a) fs.writeSync(fd, '\n');
    }
    return new CheckpointWriter(file, fd, undefined, syncEvery);
  }

  append(result: TableResult): void {
    if (this.#header !== undefined) {
      this.#fd = fs.openSync(this.file, 'w', 0o600);
      fs.writeSync(this.#fd, this.#header);
      this.#header = undefined;
    }
    if (this.#fd === undefined) return;
    fs.writeSync(this.#fd, encodeTableResult(result) + '\n');
    if (++this.#unsynced >= this.#syncEvery) this.sync();
  }

  sync(): void {
    if (this.#fd === undefined || this.#unsynced === 0) return;
    fs.fsyncSync(this.#fd);
    this.#unsynced = 0;
  }

  close(): void {
    this.#header = undefined;
    if (this.#fd === undefined) return;
    this.sync();
    fs.closeSync(this.#fd);
    this.#fd = undefined;
  }

  /** After a successful scan the checkpoint has served its purpose. */
  remove(): void {
    this.close();
    fs.rmSync(this.file, { force: true });
  }
}
