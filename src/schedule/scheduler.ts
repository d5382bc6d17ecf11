/**
 * Runs named jobs at the times of their cron expressions, in one long-running process:
 * - a job never overlaps itself: a tick that comes while its last run is still going is skipped
 *   (reported), and the job runs again at its next tick;
 * - jobs are isolated: a run that fails (rejects) is reported and the job stays scheduled, the
 *   others are not affected; it is retried with a backoff (retry.ts: 1 min doubling, at most a cron
 *   interval) when that comes before its next tick;
 * - `stop()` arms no more timers and waits, up to a bound, for the runs in flight.
 * Next times come from croner; waiting goes through an injectable Clock (a fake one in tests).
 */
import type { Cron } from 'croner';
import { MAX_TIMER_MS, type Clock } from './clock.js';
import { retryAt } from './retry.js';

export interface ScheduledJob {
  readonly name: string;
  /** A paused croner instance: only used to compute run times. */
  readonly cron: Cron;
}

export type SchedulerEvent =
  | { readonly type: 'scheduled'; readonly job: string; readonly at: number }
  | { readonly type: 'started'; readonly job: string; readonly at: number }
  | { readonly type: 'finished'; readonly job: string; readonly at: number }
  | {
      readonly type: 'failed';
      readonly job: string;
      readonly at: number;
      readonly error: unknown;
      /** When the failed run started (`at`: when it failed). */
      readonly started: number;
      readonly failuresInARow: number;
      /** When it is retried; undefined when its next tick comes first (or the scheduler stopped). */
      readonly retryAt?: number;
    }
  | { readonly type: 'overlap-skipped'; readonly job: string; readonly at: number };

export interface SchedulerOptions {
  readonly clock: Clock;
  /** One run of a job; a rejection counts as a failure of that run only. */
  readonly run: (job: string) => Promise<void>;
  readonly onEvent?: (event: SchedulerEvent) => void;
}

interface JobState {
  readonly job: ScheduledJob;
  next: number | undefined;
  timer: unknown;
  /** Failed runs in a row. */
  failures: number;
}

export class Scheduler {
  readonly #jobs: JobState[];
  readonly #options: SchedulerOptions;
  readonly #running = new Map<string, Promise<void>>();
  #stopped = false;

  constructor(jobs: readonly ScheduledJob[], options: SchedulerOptions) {
    this.#jobs = jobs.map((job) => ({ job, next: undefined, timer: undefined, failures: 0 }));
    this.#options = options;
  }

  start(): void {
    for (const state of this.#jobs) this.#arm(state, this.#nextAfter(state, this.#options.clock.now()));
  }

  /** Names of the jobs running now. */
  get running(): string[] {
    return [...this.#running.keys()];
  }

  /** When a job runs next (ms since the epoch), undefined when never or stopped. */
  nextRun(name: string): number | undefined {
    return this.#jobs.find((s) => s.job.name === name)?.next;
  }

  /**
   * Stops starting runs and waits up to `timeoutMs` for those in flight. Returns the jobs still
   * running when the wait ended (empty: a clean stop).
   */
  async stop(timeoutMs: number): Promise<string[]> {
    this.#stopped = true;
    for (const state of this.#jobs) {
      if (state.timer !== undefined) this.#options.clock.clearTimer(state.timer);
      state.timer = undefined;
      state.next = undefined;
    }
    if (this.#running.size === 0) return [];
    let timer: unknown;
    const timedOut = new Promise<void>((resolve) => (timer = this.#options.clock.setTimer(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.#running.values()]), timedOut]);
    this.#options.clock.clearTimer(timer);
    return this.running;
  }

  #nextAfter(state: JobState, after: number): number | undefined {
    return state.job.cron.nextRun(new Date(after))?.getTime();
  }

  #arm(state: JobState, at: number | undefined): void {
    state.next = at;
    if (at === undefined || this.#stopped) return;
    const clock = this.#options.clock;
    this.#emit({ type: 'scheduled', job: state.job.name, at });
    state.timer = clock.setTimer(() => this.#fire(state), Math.min(MAX_TIMER_MS, Math.max(0, at - clock.now())));
  }

  #fire(state: JobState): void {
    state.timer = undefined;
    if (this.#stopped || state.next === undefined) return;
    const now = this.#options.clock.now();
    if (now < state.next) {
      // Woken early (a long wait split into several timers, or timer rounding): wait the rest.
      this.#arm(state, state.next);
      return;
    }
    // The next tick after both the due time and now: ticks missed while asleep are not run in a burst.
    this.#arm(state, this.#nextAfter(state, Math.max(now, state.next)));
    const name = state.job.name;
    if (this.#running.has(name)) {
      this.#emit({ type: 'overlap-skipped', job: name, at: now });
      return;
    }
    this.#emit({ type: 'started', job: name, at: now });
    const run = Promise.resolve()
      .then(() => this.#options.run(name))
      .then(
        () => {
          state.failures = 0;
          this.#emit({ type: 'finished', job: name, at: this.#options.clock.now() });
        },
        (error: unknown) => {
          state.failures++;
          const at = this.#options.clock.now();
          const retry = this.#armRetry(state, at);
          this.#emit({ type: 'failed', job: name, at, error, started: now, failuresInARow: state.failures, ...(retry === undefined ? {} : { retryAt: retry }) });
        },
      )
      .finally(() => this.#running.delete(name));
    this.#running.set(name, run);
  }

  /** Arms the retry of a run that failed at `failedAt` when it comes before the next tick; returns its time. */
  #armRetry(state: JobState, failedAt: number): number | undefined {
    if (this.#stopped) return undefined;
    const at = retryAt(state.job.cron, failedAt, state.failures);
    if (state.next !== undefined && at >= state.next) return undefined;
    if (state.timer !== undefined) this.#options.clock.clearTimer(state.timer);
    this.#arm(state, at);
    return at;
  }

  #emit(event: SchedulerEvent): void {
    try {
      this.#options.onEvent?.(event);
    } catch {
      // a broken logger must not stop the schedule
    }
  }
}
