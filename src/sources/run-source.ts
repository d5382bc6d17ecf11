/**
 * One run of a configured source: take the output lock, scan and merge into the source's dataset
 * file (review decisions kept, as `piiscout scan` does), compare the file before and after for
 * drift, and append a line to the history. Used by `scan --source/--all` and `schedule`.
 */
import { readDatasetFile } from '../fides/dataset-read.js';
import { ExitCode, UserError } from '../core/errors.js';
import type { SourceConfig } from '../config/schema.js';
import { compareDatasetFiles, type DriftReport } from '../drift/drift.js';
import { driftJson } from '../drift/format-drift.js';
import { inventoryOf, isPersonal } from '../drift/inventory.js';
import { defaultSourceOutput } from '../config/source-checks.js';
import { appendHistory, type HistoryEntry } from './history.js';
import { describeHolder, tryLockOutput } from './output-lock.js';
import { sourceConnection, sourcePaths, sourceScanOptions, type SourceScanFlags } from './source-settings.js';

/** Drift lists kept in a history line; counts are always complete. */
const HISTORY_LIST_LIMIT = 200;

export interface SourceRunOptions extends SourceScanFlags {
  readonly configFile: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => number;
}

export type SourceRunResult =
  | { readonly status: 'ran'; readonly entry: HistoryEntry; readonly drift: DriftReport | null; readonly historyFile: string }
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
  let before: unknown;
  let after: unknown;
  try {
    before = readDataset(paths.output);
    try {
      const connection = sourceConnection(source, options.configFile, options.env);
      const { scanCommand } = await import('../cli/commands/scan.js');
      exitCode = await scanCommand(connection, sourceScanOptions(source, options.configFile, options));
    } catch (error) {
      exitCode = error instanceof UserError ? error.exitCode : ExitCode.internal;
      errors.push(error instanceof UserError ? error.message : `internal error: ${(error as Error).message}`);
    }
    if (exitCode === ExitCode.ok || exitCode === ExitCode.partial) after = readDataset(paths.output);
  } finally {
    attempt.lock.release();
  }
  const finished = now();
  const inventory = after === undefined ? undefined : inventoryOf(after);
  const present = <T extends { removed: boolean }>(m: ReadonlyMap<string, T>): T[] => [...m.values()].filter((x) => !x.removed);
  if (inventory) for (const [table, t] of inventory.tables) if (t.skipped !== undefined && !t.removed) errors.push(`${table}: skipped: ${t.skipped}`);
  const drift = after !== undefined && before !== undefined ? compareDatasetFiles(before, after) : null;
  const entry: HistoryEntry = {
    source: source.name,
    started_at: new Date(started).toISOString(),
    finished_at: new Date(finished).toISOString(),
    duration_ms: Math.round(finished - started),
    exit_code: exitCode,
    output: source.output ?? defaultSourceOutput(source.name),
    tables: inventory ? present(inventory.tables).length : null,
    columns: inventory ? present(inventory.columns).length : null,
    personal_columns: inventory ? present(inventory.columns).filter((c) => isPersonal(c.categories)).length : null,
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
  return { status: 'ran', entry, drift, historyFile: paths.history };
}

/** The dataset file as plain data, or undefined when there is none yet (or it cannot be parsed: the scan reports that). */
function readDataset(file: string): unknown {
  try {
    return readDatasetFile(file).value ?? undefined;
  } catch {
    return undefined;
  }
}
