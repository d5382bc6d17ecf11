/**
 * What a scan job takes and what it tells its caller while it runs. Plain data: the CLI builds the
 * settings from its arguments, a scheduled source from its config entry. The job prints nothing;
 * every message reaches the caller through the event sink, which decides where (and whether) it shows.
 */
import type { ScanProgressEvent, TableResult } from '../scan/scan.js';

export interface ScanJobSettings {
  /** A connection string; undefined with `demo`. Holds secrets: never printed. */
  readonly connection?: string;
  /** Scan the bundled demo database (created on first use). */
  readonly demo?: boolean;
  /** The dataset YAML path; `-` for stdout; undefined: a name derived from the connection. */
  readonly output?: string;
  readonly sampleSize: number;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly includeViews: boolean;
  readonly concurrency: number;
  /** Seconds. */
  readonly statementTimeout: number;
  readonly passwordEnv?: string;
  /** Snowflake: key-pair login, warehouse resume, SYSTEM$CLASSIFY evidence. */
  readonly privateKeyFile?: string;
  readonly allowWarehouseResume?: boolean;
  readonly useSnowflakeClassify?: boolean;
  /** Refuse to sample when the role may do more than read (superuser, write grants). */
  readonly requireReadOnlyRole?: boolean;
  /** The config file; undefined: `./piiscout.config.yml` when present, else the defaults. Parsed once per job. */
  readonly config?: string;
  readonly maxValueLength: number;
  readonly seed: number;
  /** Merge into an existing output file (review decisions kept) rather than replace it. */
  readonly merge: boolean;
  /** `i/n`: scan only shard i of n (see src/scan/shard.ts). */
  readonly shard?: string;
  /** Continue from `<output>.checkpoint.jsonl`. */
  readonly resume?: boolean;
  /** false: rules only. */
  readonly ml: boolean;
  /** The column model alone (evaluation). */
  readonly mlOnly?: boolean;
  /** Report the drift the merge made (ScanJobResult.drift): costs a copy of each changed table while merging. */
  readonly reportDrift?: boolean;
  /** The caller writes its own report to stdout (`--json`): the YAML cannot go there too. */
  readonly reportOnStdout?: boolean;
  /** Aborting it interrupts the scan: tables in flight finish, the checkpoint keeps them, the job fails with exit 130. */
  readonly signal?: AbortSignal;
}

export type MessageLevel = 'info' | 'debug' | 'warn' | 'progress';

/** What the job reports while it runs; every member is optional. Names and counts only, never a sampled value. */
export interface ScanJobEvents {
  /** A line for a person: `info` normal, `debug` details, `warn` always shown, `progress` a status line. */
  message?(level: MessageLevel, line: string): void;
  /** The scan's own progress (introspected, each table done or skipped). */
  scanProgress?(event: ScanProgressEvent): void;
  /** A table classified by this run (after its checkpoint line is written). */
  tableResult?(table: TableResult): void;
}
