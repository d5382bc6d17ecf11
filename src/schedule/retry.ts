/**
 * When a failed scheduled run is tried again: 1 minute after it ended, then 2, 4, 8, ... minutes
 * (doubling with each failure in a row), but never later than one cron interval after the failure, and the
 * regular cron times go on as well. A database that is down for a while is not hammered, and one
 * that is back is scanned soon, not only at the next (maybe daily) tick.
 */
import type { Cron } from 'croner';

export const FIRST_RETRY_MS = 60_000;

/** The cron interval around `at`: from the latest tick at or before it to the next one. */
export function cronIntervalMs(cron: Cron, at: number): number | undefined {
  const next = cron.nextRun(new Date(at))?.getTime();
  if (next === undefined) return undefined;
  const previous = cron.previousRuns(1, new Date(at + 1))[0]?.getTime();
  return next - (previous ?? at);
}

/** The wait after `failuresInARow` (≥ 1) failures: 1 min doubling, at most `capMs` (the cron interval). */
export function retryDelayMs(failuresInARow: number, capMs: number | undefined): number {
  const delay = FIRST_RETRY_MS * 2 ** Math.min(Math.max(0, failuresInARow - 1), 30);
  return capMs === undefined ? delay : Math.min(delay, Math.max(FIRST_RETRY_MS, capMs));
}

/** When to retry a run of `cron` that failed (ended) at `failedAt`, the `failuresInARow`-th failure. */
export function retryAt(cron: Cron, failedAt: number, failuresInARow: number): number {
  return failedAt + retryDelayMs(failuresInARow, cronIntervalMs(cron, failedAt));
}

/** `4 min`, `2 h 8 min` */
export function describeDelay(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
