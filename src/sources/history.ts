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

/** When `source` last started a run (any outcome), from its history; undefined when never. */
export function lastRunStarted(file: string, source: string): number | undefined {
  const runs = readHistory(file).filter((e) => e.source === source);
  const last = runs.length ? Date.parse(runs[runs.length - 1].started_at) : NaN;
  return Number.isNaN(last) ? undefined : last;
}
