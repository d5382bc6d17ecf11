/**
 * Which sources `piiscout schedule --once` runs. A source is due when it has never run, when its last
 * run started before the latest time its cron expression matched, or, when that run failed, once its
 * retry time has come (see retry.ts). So an external trigger (cron, a Kubernetes CronJob) may fire
 * as often as it likes: each source runs once per tick of its own schedule, and a failed run is
 * retried with a backoff rather than only at the next tick or in a loop.
 */
import type { Cron } from 'croner';
import { retryAt } from './retry.js';

/** The last run of a source, from its history. */
export interface LastRun {
  readonly started: number;
  readonly finished: number;
  readonly failed: boolean;
  /** Failed runs in a row up to and including the last (0 when it succeeded). */
  readonly failuresInARow: number;
}

export type DueCheck =
  | { readonly due: true; readonly retry: boolean }
  /** `retryAt`: when a failed last run is tried again (the next tick may come first). */
  | { readonly due: false; readonly retryAt?: number };

/** The latest tick at or before `now` (undefined when the expression never matched before). */
export function latestTick(cron: Cron, now: number): number | undefined {
  // previousRuns is strictly before its reference; +1 ms makes a tick at exactly `now` count.
  return cron.previousRuns(1, new Date(now + 1))[0]?.getTime();
}

export function checkDue(cron: Cron, last: LastRun | undefined, now: number): DueCheck {
  if (last === undefined) return { due: true, retry: false };
  const tick = latestTick(cron, now);
  if (tick !== undefined && last.started < tick) return { due: true, retry: false };
  if (!last.failed) return { due: false };
  const at = retryAt(cron, last.finished, last.failuresInARow);
  return now >= at ? { due: true, retry: true } : { due: false, retryAt: at };
}
