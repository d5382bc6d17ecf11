/**
 * Which sources `piiscout schedule --once` runs: a source is due when it has never run, or when
 * its last run (any outcome, from its history) started before the latest time its cron expression
 * matched. So an external trigger (cron, a Kubernetes CronJob) may fire as often as it likes: each
 * source runs once per tick of its own schedule, and a failed run is retried at its next tick.
 */
import type { Cron } from 'croner';

/** The latest tick at or before `now` (undefined when the expression never matched before). */
export function latestTick(cron: Cron, now: number): number | undefined {
  // previousRuns is strictly before its reference; +1 ms makes a tick at exactly `now` count.
  return cron.previousRuns(1, new Date(now + 1))[0]?.getTime();
}

export function isDue(cron: Cron, lastRunStarted: number | undefined, now: number): boolean {
  const tick = latestTick(cron, now);
  if (lastRunStarted === undefined) return true;
  return tick !== undefined && lastRunStarted < tick;
}
