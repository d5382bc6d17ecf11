/**
 * The demo database behind `npm start` and `scan --demo`: an on-disk PGlite database in the user's cache,
 * generated once from the seeded demo data and reused afterwards. It is built in a temporary sibling
 * directory and renamed into place, so a crash or a concurrent run never leaves a half-built database
 * where a later run would pick it up.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../core/errors.js';

/** Bump whenever the schema or the generated data change: a new version builds a new cache folder. */
export const DEMO_VERSION = 1;
/** Written into the data directory after everything else; its presence (with the version) means complete. */
export const DEMO_MARKER_FILE = 'piiscout-demo.complete';
const STALE_TEMP_DIR_MS = 60 * 60 * 1000;
const LOCK_WAIT_MS = 30_000;
const STALE_LOCK_MS = 60_000;
const FILESYSTEM_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'ENOTDIR', 'EMFILE']);

export interface EnsureDemoOptions {
  /** Cache root; the database goes into `<cacheDir>/demo-v<DEMO_VERSION>`. */
  readonly cacheDir?: string;
  readonly onProgress?: (message: string) => void;
}

export interface DemoDatabase {
  /** PGlite data directory (absolute). */
  readonly dataDir: string;
  /** True when this call generated the database; false when it reused a complete one. */
  readonly created: boolean;
}

/** `$PIISCOUT_CACHE_DIR`, else `$XDG_CACHE_HOME/piiscout`, else `~/.cache/piiscout`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PIISCOUT_CACHE_DIR) return path.resolve(env.PIISCOUT_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return path.resolve(env.XDG_CACHE_HOME, 'piiscout');
  return path.join(os.homedir(), '.cache', 'piiscout');
}

export async function ensureDemoDatabase(options: EnsureDemoOptions = {}): Promise<DemoDatabase> {
  const cacheDir = path.resolve(options.cacheDir ?? defaultCacheDir());
  const dataDir = path.join(cacheDir, `demo-v${DEMO_VERSION}`);
  if (await isCompleteDemo(dataDir)) return { dataDir, created: false };

  const progress = options.onProgress ?? (() => {});
  await removeStaleTempDirs(cacheDir);
  const tempDir = path.join(cacheDir, `demo-v${DEMO_VERSION}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await fs.mkdir(tempDir, { recursive: true });
  } catch (error) {
    throw new UserError(`Cannot create the demo database folder in ${cacheDir}`, {
      hint: 'Set PIISCOUT_CACHE_DIR to a writable directory',
      cause: error,
    });
  }
  try {
    progress(`Creating the demo database in ${dataDir} (first run only, about 10 s)`);
    const started = Date.now();
    const { loadDemoDatabase } = await import('./demo-load.js');
    await loadDemoDatabase(tempDir, progress);
    await fs.writeFile(path.join(tempDir, DEMO_MARKER_FILE), `${DEMO_VERSION}\n`);
    const created = await moveIntoPlace(tempDir, dataDir);
    progress(`Demo database ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { dataDir, created };
  } catch (error) {
    await fs.rm(tempDir, { recursive: true, force: true });
    // Disk trouble is the user's to fix; anything else is a bug and keeps its stack.
    if (!FILESYSTEM_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    throw new UserError(`Could not create the demo database in ${cacheDir}`, {
      hint: 'Check free disk space and permissions, or set PIISCOUT_CACHE_DIR to another directory',
      cause: error,
    });
  }
}

export async function isCompleteDemo(dataDir: string): Promise<boolean> {
  const marker = await fs.readFile(path.join(dataDir, DEMO_MARKER_FILE), 'utf8').catch(() => undefined);
  return marker?.trim() === String(DEMO_VERSION);
}

/** Temp dirs left by runs that crashed or were killed; an hour is far beyond any real build time. */
async function removeStaleTempDirs(cacheDir: string): Promise<void> {
  const entries = await fs.readdir(cacheDir).catch(() => [] as string[]);
  const cutoff = Date.now() - STALE_TEMP_DIR_MS;
  for (const entry of entries) {
    if (!/^demo-v\d+\.tmp-/.test(entry)) continue;
    const dir = path.join(cacheDir, entry);
    const stat = await fs.stat(dir).catch(() => undefined);
    if (stat && stat.mtimeMs < cutoff) await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Renames the finished temp dir to `dataDir`, under a lock so that concurrent creators cannot interleave.
 * Returns false when another process got there first with a complete database (ours is then discarded).
 * Anything else found at `dataDir` is an incomplete leftover: complete databases only ever arrive whole.
 */
export async function moveIntoPlace(tempDir: string, dataDir: string): Promise<boolean> {
  const release = await acquireLock(`${dataDir}.lock`);
  try {
    if (await isCompleteDemo(dataDir)) {
      await fs.rm(tempDir, { recursive: true, force: true });
      return false;
    }
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rename(tempDir, dataDir);
    return true;
  } finally {
    await release();
  }
}

/** A directory as a lock (mkdir is atomic). A lock older than a minute was left by a crash: the section it guards takes a second at most. */
async function acquireLock(lockDir: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      return () => fs.rm(lockDir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const stat = await fs.stat(lockDir).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > STALE_LOCK_MS) {
      await fs.rm(lockDir, { recursive: true, force: true });
    } else if (Date.now() > deadline) {
      throw new UserError(`Timed out waiting for another piiscout to finish the demo database (${lockDir})`, {
        hint: 'If no other piiscout is running, delete that folder and try again',
      });
    } else {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}
