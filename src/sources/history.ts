/**
 * The scan history of a source: JSON lines, one per run, appended (`<output>.history.jsonl` unless
 * the source names a file). Counts, timings, errors and drift; table and column names, never a
 * sampled value or a connection string.
 */
import fs from 'node:fs';
import type { DriftJson } from '../drift/format-drift.js';

export interface HistoryEntry {
  source: string;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  /** The scan's exit code: 0 ok, 3 some tables skipped, 1 failed, 2 bad settings. */
  exit_code: number;
  /** The dataset file, as configured. */
  output: string;
  /** Counts in the file after the run (null when the run failed before writing it). */
  tables: number | null;
  columns: number | null;
  /** Columns whose data_categories hold personal data (user.*). */
  personal_columns: number | null;
  skipped_tables: number | null;
  /** Why the run failed, and `schema.table: skipped: reason` for tables it could not sample. */
  errors: string[];
  /** Against the file before the run; null on the first run (nothing to compare) or when the run failed. */
  drift: DriftJson | null;
}

export function appendHistory(file: string, entry: HistoryEntry): void {
  // One write of one line with O_APPEND: concurrent writers never interleave inside a line.
  fs.appendFileSync(file, JSON.stringify(entry) + '\n', { mode: 0o644 });
}

/** Every readable entry, oldest first; a torn or foreign line is skipped. */
export function readHistory(file: string): HistoryEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries: HistoryEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as HistoryEntry;
      if (typeof e.source === 'string' && typeof e.started_at === 'string') entries.push(e);
    } catch {
      // torn last line of a killed process
    }
  }
  return entries;
}

/** A run that did not finish its scan: any exit code but 0 (ok) and 3 (some tables skipped). */
export function runFailed(entry: Pick<HistoryEntry, 'exit_code'>): boolean {
  return entry.exit_code !== 0 && entry.exit_code !== 3;
}

export interface LastRunSummary {
  readonly started: number;
  readonly finished: number;
  readonly failed: boolean;
  /** Failed runs in a row, ending with the last (0 when it succeeded). */
  readonly failuresInARow: number;
  readonly exitCode: number;
  /** Why the last run failed: its first error line (our own message: names, never values). */
  readonly error?: string;
}

/** The last run of `source` (any outcome), from its history; undefined when never. */
export function lastRun(file: string, source: string): LastRunSummary | undefined {
  const runs = readHistory(file).filter((e) => e.source === source && !Number.isNaN(Date.parse(e.started_at)));
  const last = runs.at(-1);
  if (!last) return undefined;
  let failuresInARow = 0;
  for (let i = runs.length - 1; i >= 0 && runFailed(runs[i]); i--) failuresInARow++;
  const failed = runFailed(last);
  const started = Date.parse(last.started_at);
  const finished = Date.parse(last.finished_at);
  return {
    started,
    finished: Number.isNaN(finished) ? started : finished,
    failed,
    failuresInARow,
    exitCode: last.exit_code,
    ...(failed && typeof last.errors?.[0] === 'string' ? { error: last.errors[0] } : {}),
  };
}
