/**
 * One run of a configured source: take the output lock, scan and merge into the source's dataset
 * file through the scan service (review decisions kept, as `piiscout scan` does), take the drift
 * from what the merge changed, and append a line to the history. Used by `scan --source/--all` and
 * `schedule`, which show the service's messages as they like.
 */
import { readDatasetFile } from '../fides/dataset-read.js';
import { ExitCode, UserError } from '../core/errors.js';
import type { SourceConfig } from '../config/schema.js';
import type { DriftReport } from '../drift/drift.js';
import { driftJson } from '../drift/format-drift.js';
import { inventoryOf } from '../drift/inventory.js';
import { hasPersonalCategory } from '../fides/dataset-file/personal.js';
import { defaultSourceOutput } from '../config/source-checks.js';
import { appendHistory, type HistoryEntry } from './history.js';
import { describeHolder, tryLockOutput } from './output-lock.js';
import { runScanJob, type ScanJobEvents, type ScanJobResult } from '../scan-job/job.js';
import { sourceConnection, sourcePaths, sourceScanSettings, type SourceScanFlags } from './source-settings.js';

/** Drift lists kept in a history line; counts are always complete. */
const HISTORY_LIST_LIMIT = 200;

export interface SourceRunOptions extends SourceScanFlags {
  readonly configFile: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => number;
  /** Where the scan's messages and progress go; none: silent. */
  readonly events?: ScanJobEvents;
  /** Aborting it interrupts the scan (exit 130, recorded in the history). */
  readonly signal?: AbortSignal;
}

export type SourceRunResult =
  | {
      readonly status: 'ran';
      readonly entry: HistoryEntry;
      readonly drift: DriftReport | null;
      readonly historyFile: string;
      /** The scan service's result; undefined when the scan failed. */
      readonly job?: ScanJobResult;
    }
  /** Another run (this process or another) holds the output: nothing was done, nothing recorded. */
  | { readonly status: 'locked'; readonly source: string; readonly heldBy: string };

export async function runSource(source: SourceConfig, options: SourceRunOptions): Promise<SourceRunResult> {
  const now = options.now ?? Date.now;
  const paths = sourcePaths(source, options.configFile);
  const attempt = tryLockOutput(paths.output, now);
  if ('heldBy' in attempt) return { status: 'locked', source: source.name, heldBy: describeHolder(attempt.heldBy) };
  const started = now();
  const errors: string[] = [];
  let exitCode: number;
  let job: ScanJobResult | undefined;
  let after: unknown;
  try {
    try {
      const connection = sourceConnection(source, options.configFile, options.env);
      job = await runScanJob({ ...sourceScanSettings(source, options.configFile, connection, options), signal: options.signal }, options.events);
      exitCode = job.exitCode;
    } catch (error) {
      exitCode = error instanceof UserError ? error.exitCode : ExitCode.internal;
      errors.push(error instanceof UserError ? error.message : `internal error: ${(error as Error).message}`);
    }
    // The counts of the history line describe the whole file (decisions, tables out of this scan's scope).
    if (job) after = readDataset(paths.output);
  } finally {
    attempt.lock.release();
  }
  const finished = now();
  const inventory = after === undefined ? undefined : inventoryOf(after);
  const present = <T extends { removed: boolean }>(m: ReadonlyMap<string, T>): T[] => [...m.values()].filter((x) => !x.removed);
  if (inventory) for (const [table, t] of inventory.tables) if (t.skipped !== undefined && !t.removed) errors.push(`${table}: skipped: ${t.skipped}`);
  const drift = job?.drift ?? null;
  const entry: HistoryEntry = {
    source: source.name,
    started_at: new Date(started).toISOString(),
    finished_at: new Date(finished).toISOString(),
    duration_ms: Math.round(finished - started),
    exit_code: exitCode,
    output: source.output ?? defaultSourceOutput(source.name),
    tables: inventory ? present(inventory.tables).length : null,
    columns: inventory ? present(inventory.columns).length : null,
    personal_columns: inventory ? present(inventory.columns).filter((c) => hasPersonalCategory(c.categories)).length : null,
    skipped_tables: inventory ? present(inventory.tables).filter((t) => t.skipped !== undefined).length : null,
    errors,
    drift: drift ? driftJson(drift, HISTORY_LIST_LIMIT) : null,
  };
  try {
    appendHistory(paths.history, entry);
  } catch (error) {
    throw new UserError(`Cannot append to the history ${paths.history}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'the folder must be writable, or set history: in the source',
    });
  }
  return { status: 'ran', entry, drift, historyFile: paths.history, ...(job ? { job } : {}) };
}

/** The dataset file as plain data, or undefined when there is none yet (or it cannot be parsed: the scan reports that). */
function readDataset(file: string): unknown {
  try {
    return readDatasetFile(file).value ?? undefined;
  } catch {
    return undefined;
  }
}
