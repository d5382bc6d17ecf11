/**
 * The scheduler on a fake clock: runs at the cron times, never overlaps a slow run, isolates and
 * retries failures at the next time, and stops by waiting (bounded) for runs in flight. Also `--once`'s
 * notion of "due".
 */
import { describe, expect, it } from 'vitest';
import { parseCron } from '../../src/config/source-checks.js';
import type { Clock } from '../../src/schedule/clock.js';
import { checkDue, latestTick, type LastRun } from '../../src/schedule/due.js';
import { cronIntervalMs, retryDelayMs } from '../../src/schedule/retry.js';
import { Scheduler, type SchedulerEvent } from '../../src/schedule/scheduler.js';

/** Timers fire in time order as the clock is advanced; promises settle between timers. */
class FakeClock implements Clock {
  #now: number;
  #timers = new Map<number, { at: number; fn: () => void }>();
  #nextId = 1;
  constructor(start: string) {
    this.#now = Date.parse(start);
  }
  now(): number {
    return this.#now;
  }
  setTimer(fn: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + ms, fn });
    return id;
  }
  clearTimer(handle: unknown): void {
    this.#timers.delete(handle as number);
  }
  /** Time passes without timers firing (a suspended machine); they fire late on the next advance. */
  sleepTo(iso: string): void {
    this.#now = Date.parse(iso);
  }
  get pending(): number {
    return this.#timers.size;
  }
  /** Moves time forward to `iso`, firing every timer due on the way. */
  async advanceTo(iso: string): Promise<void> {
    const target = Date.parse(iso);
    for (;;) {
      await settle();
      const due = [...this.#timers].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      due[1].fn();
    }
    this.#now = target;
    await settle();
  }
}

const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** A run that finishes when told to. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const iso = (ms: number): string => new Date(ms).toISOString();

describe('Scheduler', () => {
  it('runs each job at its cron times', async () => {
    const clock = new FakeClock('2025-03-01T09:58:30Z');
    const runs: string[] = [];
    const scheduler = new Scheduler(
      [
        { name: 'every5', cron: parseCron('*/5 * * * *', 'UTC') },
        { name: 'hourly', cron: parseCron('0 * * * *', 'UTC') },
      ],
      { clock, run: async (job) => void runs.push(`${job}@${iso(clock.now())}`) },
    );
    scheduler.start();
    expect(iso(scheduler.nextRun('every5')!)).toBe('2025-03-01T10:00:00.000Z');
    await clock.advanceTo('2025-03-01T10:11:00Z');
    expect(runs).toEqual(['every5@2025-03-01T10:00:00.000Z', 'hourly@2025-03-01T10:00:00.000Z', 'every5@2025-03-01T10:05:00.000Z', 'every5@2025-03-01T10:10:00.000Z']);
    expect(iso(scheduler.nextRun('hourly')!)).toBe('2025-03-01T11:00:00.000Z');
    expect(await scheduler.stop(1000)).toEqual([]);
    expect(clock.pending).toBe(0);
  });

  it('honours the time zone of the expression', async () => {
    const clock = new FakeClock('2025-07-01T00:00:00Z');
    const scheduler = new Scheduler([{ name: 'night', cron: parseCron('0 3 * * *', 'Europe/Berlin') }], { clock, run: async () => undefined });
    scheduler.start();
    expect(iso(scheduler.nextRun('night')!)).toBe('2025-07-01T01:00:00.000Z'); // 03:00 CEST
    await scheduler.stop(0);
  });

  it('never overlaps a slow run: the tick is skipped and the job runs at the one after', async () => {
    const clock = new FakeClock('2025-03-01T10:00:30Z');
    const slow = deferred();
    const starts: string[] = [];
    const events: SchedulerEvent[] = [];
    let calls = 0;
    const scheduler = new Scheduler([{ name: 'db', cron: parseCron('* * * * *', 'UTC') }], {
      clock,
      run: async () => {
        starts.push(iso(clock.now()));
        if (calls++ === 0) await slow.promise; // the first run takes 2.5 minutes
      },
      onEvent: (e) => events.push(e),
    });
    scheduler.start();
    await clock.advanceTo('2025-03-01T10:01:00Z');
    expect(scheduler.running).toEqual(['db']);
    await clock.advanceTo('2025-03-01T10:03:30Z');
    expect(starts).toEqual(['2025-03-01T10:01:00.000Z']);
    expect(events.filter((e) => e.type === 'overlap-skipped').map((e) => iso(e.at))).toEqual(['2025-03-01T10:02:00.000Z', '2025-03-01T10:03:00.000Z']);
    slow.resolve();
    await clock.advanceTo('2025-03-01T10:04:00Z');
    expect(starts).toEqual(['2025-03-01T10:01:00.000Z', '2025-03-01T10:04:00.000Z']);
    await scheduler.stop(0);
  });

  it('a failing job is reported and retried at its next time; the others keep running', async () => {
    const clock = new FakeClock('2025-03-01T10:00:30Z');
    const runs: string[] = [];
    const failures: string[] = [];
    let brokenCalls = 0;
    const scheduler = new Scheduler(
      [
        { name: 'broken', cron: parseCron('* * * * *', 'UTC') },
        { name: 'fine', cron: parseCron('* * * * *', 'UTC') },
      ],
      {
        clock,
        run: async (job) => {
          runs.push(`${job}@${iso(clock.now()).slice(11, 16)}`);
          if (job === 'broken' && brokenCalls++ < 2) throw new Error('cannot connect');
        },
        onEvent: (e) => {
          if (e.type === 'failed') failures.push(`${e.job}@${iso(e.at).slice(11, 16)}: ${(e.error as Error).message}`);
        },
      },
    );
    scheduler.start();
    await clock.advanceTo('2025-03-01T10:03:10Z');
    expect(runs).toEqual(['broken@10:01', 'fine@10:01', 'broken@10:02', 'fine@10:02', 'broken@10:03', 'fine@10:03']);
    expect(failures).toEqual(['broken@10:01: cannot connect', 'broken@10:02: cannot connect']);
    expect(scheduler.running).toEqual([]);
    await scheduler.stop(0);
  });

  it('stop() starts nothing new and waits for the runs in flight', async () => {
    const clock = new FakeClock('2025-03-01T10:00:30Z');
    const run = deferred();
    let runs = 0;
    const scheduler = new Scheduler([{ name: 'db', cron: parseCron('* * * * *', 'UTC') }], {
      clock,
      run: async () => {
        runs++;
        await run.promise;
      },
    });
    scheduler.start();
    await clock.advanceTo('2025-03-01T10:01:00Z');
    let stopped: string[] | undefined;
    void scheduler.stop(60_000).then((still) => (stopped = still));
    await clock.advanceTo('2025-03-01T10:01:30Z');
    expect(stopped).toBeUndefined(); // still waiting for the scan
    run.resolve();
    await settle();
    expect(stopped).toEqual([]);
    await clock.advanceTo('2025-03-01T10:10:00Z');
    expect(runs).toBe(1);
    expect(scheduler.nextRun('db')).toBeUndefined();
  });

  it('stop() gives up after its timeout and names the runs still going', async () => {
    const clock = new FakeClock('2025-03-01T10:00:30Z');
    const scheduler = new Scheduler([{ name: 'stuck', cron: parseCron('* * * * *', 'UTC') }], { clock, run: () => new Promise<void>(() => undefined) });
    scheduler.start();
    await clock.advanceTo('2025-03-01T10:01:00Z');
    let stopped: string[] | undefined;
    void scheduler.stop(30_000).then((still) => (stopped = still));
    await clock.advanceTo('2025-03-01T10:01:29Z');
    expect(stopped).toBeUndefined();
    await clock.advanceTo('2025-03-01T10:01:30Z');
    expect(stopped).toEqual(['stuck']);
  });

  it('does not run a burst of missed ticks after the process was asleep', async () => {
    const clock = new FakeClock('2025-03-01T10:00:30Z');
    const runs: string[] = [];
    const scheduler = new Scheduler([{ name: 'db', cron: parseCron('* * * * *', 'UTC') }], { clock, run: async () => void runs.push(iso(clock.now())) });
    scheduler.start();
    // The 10:01 timer fires late, at 10:05:20 (suspended laptop, stopped container).
    clock.sleepTo('2025-03-01T10:05:20Z');
    await clock.advanceTo('2025-03-01T10:05:30Z');
    expect(runs).toEqual(['2025-03-01T10:05:20.000Z']); // one run, not five
    expect(iso(scheduler.nextRun('db')!)).toBe('2025-03-01T10:06:00.000Z');
    await clock.advanceTo('2025-03-01T10:06:00Z');
    await scheduler.stop(0);
    expect(runs).toEqual(['2025-03-01T10:05:20.000Z', '2025-03-01T10:06:00.000Z']);
  });
});

describe('checkDue (schedule --once)', () => {
  const cron = parseCron('0 3 * * *', 'UTC');
  const t = (s: string): number => Date.parse(s);
  const ok = (started: string): LastRun => ({ started: t(started), finished: t(started) + 30_000, failed: false, failuresInARow: 0 });
  const failed = (started: string, failuresInARow = 1): LastRun => ({ started: t(started), finished: t(started) + 30_000, failed: true, failuresInARow });

  it('is due when never run, or when the last run started before the latest tick', () => {
    expect(checkDue(cron, undefined, t('2025-03-01T12:00:00Z'))).toEqual({ due: true, retry: false });
    expect(checkDue(cron, ok('2025-02-28T03:00:05Z'), t('2025-03-01T02:59:59Z'))).toEqual({ due: false });
    expect(checkDue(cron, ok('2025-02-28T03:00:05Z'), t('2025-03-01T03:00:00Z'))).toEqual({ due: true, retry: false }); // a tick exactly now counts
    expect(checkDue(cron, ok('2025-03-01T03:00:01Z'), t('2025-03-01T23:00:00Z'))).toEqual({ due: false }); // ran after this tick: wait for the next
    expect(iso(latestTick(cron, t('2025-03-01T10:00:00Z'))!)).toBe('2025-03-01T03:00:00.000Z');
  });

  it('a failed run is due again 1 minute after it ended, then 2, 4, ... minutes, before the next tick', () => {
    // Failed at 03:00:05, ended 03:00:35: retried from 03:01:35.
    expect(checkDue(cron, failed('2025-03-01T03:00:05Z'), t('2025-03-01T03:01:34Z'))).toEqual({ due: false, retryAt: t('2025-03-01T03:01:35Z') });
    expect(checkDue(cron, failed('2025-03-01T03:00:05Z'), t('2025-03-01T03:01:35Z'))).toEqual({ due: true, retry: true });
    expect(checkDue(cron, failed('2025-03-01T03:10:05Z', 3), t('2025-03-01T03:12:00Z'))).toEqual({ due: false, retryAt: t('2025-03-01T03:14:35Z') });
    expect(checkDue(cron, failed('2025-03-01T03:10:05Z', 3), t('2025-03-01T03:14:35Z'))).toEqual({ due: true, retry: true });
    // After many failures the wait is one cron interval (a day) at most; the next tick is due anyway.
    expect(checkDue(cron, failed('2025-03-01T05:00:00Z', 30), t('2025-03-02T02:00:00Z'))).toEqual({ due: false, retryAt: t('2025-03-02T05:00:30Z') });
    expect(checkDue(cron, failed('2025-03-01T05:00:00Z', 30), t('2025-03-02T03:00:00Z'))).toEqual({ due: true, retry: false });
  });

  it('backoff: 1 min doubling, capped at the cron interval', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, undefined) / 60_000)).toEqual([1, 2, 4, 8, 16]);
    const every5 = parseCron('*/5 * * * *', 'UTC');
    expect(cronIntervalMs(every5, t('2025-03-01T10:02:00Z'))).toBe(5 * 60_000);
    expect(retryDelayMs(10, cronIntervalMs(every5, t('2025-03-01T10:02:00Z')))).toBe(5 * 60_000);
    expect(retryDelayMs(1_000, cronIntervalMs(cron, t('2025-03-01T10:02:00Z')))).toBe(24 * 3_600_000);
  });
});

describe('Scheduler retries', () => {
  it('retries a failed run after 1, then 2 minutes, before its next (daily) tick, then keeps its schedule', async () => {
    const clock = new FakeClock('2025-03-01T02:59:30Z');
    const runs: string[] = [];
    const failures: { at: string; retryAt?: string; n: number }[] = [];
    let calls = 0;
    const scheduler = new Scheduler([{ name: 'db', cron: parseCron('0 3 * * *', 'UTC') }], {
      clock,
      run: async () => {
        runs.push(iso(clock.now()).slice(0, 16));
        if (calls++ < 2) throw new Error('cannot connect');
      },
      onEvent: (e) => {
        if (e.type === 'failed') failures.push({ at: iso(e.at).slice(11, 16), retryAt: e.retryAt && iso(e.retryAt).slice(11, 16), n: e.failuresInARow });
      },
    });
    scheduler.start();
    await clock.advanceTo('2025-03-01T03:30:00Z');
    expect(runs).toEqual(['2025-03-01T03:00', '2025-03-01T03:01', '2025-03-01T03:03']);
    expect(failures).toEqual([
      { at: '03:00', retryAt: '03:01', n: 1 },
      { at: '03:01', retryAt: '03:03', n: 2 },
    ]);
    expect(iso(scheduler.nextRun('db')!)).toBe('2025-03-02T03:00:00.000Z');
    await clock.advanceTo('2025-03-02T03:00:00Z');
    expect(runs).toHaveLength(4);
    await scheduler.stop(0);
  });

  it('leaves the retry to the next tick when that comes first, and retries nothing after stop()', async () => {
    const clock = new FakeClock('2025-03-01T10:00:30Z');
    const events: SchedulerEvent[] = [];
    const scheduler = new Scheduler([{ name: 'db', cron: parseCron('* * * * *', 'UTC') }], {
      clock,
      run: async () => {
        throw new Error('down');
      },
      onEvent: (e) => events.push(e),
    });
    scheduler.start();
    await clock.advanceTo('2025-03-01T10:02:10Z');
    const failed = events.filter((e) => e.type === 'failed');
    expect(failed.map((e) => iso(e.at).slice(11, 16))).toEqual(['10:01', '10:02']);
    expect(failed.every((e) => e.type === 'failed' && e.retryAt === undefined)).toBe(true);
    await scheduler.stop(0);
    expect(clock.pending).toBe(0);
  });
});
