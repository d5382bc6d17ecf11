/**
 * One scan per output file at a time, across processes: `<output>.lock`, created with O_EXCL and
 * holding who took it. The holder touches it every 30 s; a lock whose process is gone (same host)
 * or that has not been touched for 2 minutes (a crashed container on another host) is stale and
 * taken over. Released on normal exit and on process exit.
 */
import fs from 'node:fs';
import os from 'node:os';
import { processAlive } from '../util/process-alive.js';

const HEARTBEAT_MS = 30_000;
export const STALE_AFTER_MS = 120_000;

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly started_at: string;
}

export interface OutputLock {
  readonly file: string;
  release(): void;
}

export type LockAttempt = { readonly lock: OutputLock } | { readonly heldBy: LockHolder | undefined };

export function lockPathFor(outputPath: string): string {
  return `${outputPath}.lock`;
}

/** Takes the lock, or says who holds it. Never waits. */
export function tryLockOutput(outputPath: string, now: () => number = Date.now): LockAttempt {
  const file = lockPathFor(outputPath);
  for (let attempt = 0; attempt < 2; attempt++) {
    const holder: LockHolder = { pid: process.pid, host: os.hostname(), started_at: new Date(now()).toISOString() };
    try {
      const fd = fs.openSync(file, 'wx', 0o644);
      fs.writeSync(fd, JSON.stringify(holder) + '\n');
      fs.closeSync(fd);
      return { lock: heldLock(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const existing = readHolder(file);
    if (!isStale(file, existing, now())) return { heldBy: existing };
    fs.rmSync(file, { force: true }); // stale: take it over (once; a racing process that wins keeps it)
  }
  return { heldBy: readHolder(file) };
}

function heldLock(file: string): OutputLock {
  const heartbeat = setInterval(() => {
    const t = new Date();
    try {
      fs.utimesSync(file, t, t);
    } catch {
      // removed by hand: nothing to keep alive
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    clearInterval(heartbeat);
    process.off('exit', release);
    // Only remove our own lock (a stale-lock takeover may have replaced it).
    if (readHolder(file)?.pid === process.pid && readHolder(file)?.host === os.hostname()) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, release };
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string' ? (parsed as LockHolder) : undefined;
  } catch {
    return undefined; // being written, or garbage: judged by its age
  }
}

function isStale(file: string, holder: LockHolder | undefined, nowMs: number): boolean {
  if (holder && holder.host === os.hostname() && !processAlive(holder.pid)) return true;
  try {
    return nowMs - fs.statSync(file).mtimeMs > STALE_AFTER_MS;
  } catch {
    return true; // gone meanwhile
  }
}

export function describeHolder(holder: LockHolder | undefined): string {
  return holder ? `process ${holder.pid} on ${holder.host} since ${holder.started_at}` : 'another process';
}
