/**
 * Writes a file atomically: a temp file in the same folder, fsync, then rename over the target.
 *
 * The rewritten file keeps what the old one had: its mode (a 0600 file stays 0600) and, where the
 * process may set them, its owner and group. An output path that is a symlink is written through:
 * the link stays, and its target is replaced (the temp file sits in the target's folder, so the
 * rename stays atomic). Temp files of earlier writes to the same file that were killed midway are
 * removed before writing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { processAlive } from './process-alive.js';

/** Chunks are gathered into writes of about this many characters (one syscall per chunk is slow). */
const WRITE_BUFFER = 1 << 16;
/** Mode of a new file (before the umask), as before. */
const NEW_FILE_MODE = 0o644;
/** Symlink hops followed before giving up (the kernel's own limit is 40). */
const MAX_LINK_HOPS = 40;
/** A temp file whose writer may still be alive is left alone unless it is older than this. */
const STALE_TEMP_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * `content` may be the whole text or bytes, or text in chunks (a streamed YAML file), so a large file
 * need not be held in memory at once. On any failure the temp file is removed and the target is untouched.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array | Iterable<string>): void {
  const target = resolveSymlinks(path.resolve(file));
  const dir = path.dirname(target);
  removeStaleTempFiles(target);
  const existing = statOrUndefined(target);
  const tmp = path.join(dir, tempName(path.basename(target), process.pid, Date.now()));
  const fd = fs.openSync(tmp, 'wx', existing ? existing.mode & 0o7777 : NEW_FILE_MODE);
  try {
    if (existing) keepOwnerAndMode(fd, existing);
    if (typeof content === 'string' || content instanceof Uint8Array) fs.writeFileSync(fd, content);
    else {
      let buffered = '';
      for (const chunk of content) {
        buffered += chunk;
        if (buffered.length >= WRITE_BUFFER) {
          fs.writeSync(fd, buffered);
          buffered = '';
        }
      }
      fs.writeSync(fd, buffered);
    }
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** `.<name>.<pid>.<ms>.tmp`: hidden, and names the process that wrote it. */
function tempName(base: string, pid: number, ms: number): string {
  return `.${base}.${pid}.${ms}.tmp`;
}

/** The file a path finally points to (the path itself when it is no symlink); the target need not exist. */
function resolveSymlinks(file: string): string {
  let current = file;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    let link: string;
    try {
      if (!fs.lstatSync(current).isSymbolicLink()) return current;
      link = fs.readlinkSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    current = path.resolve(path.dirname(current), link);
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${file}`), { code: 'ELOOP' });
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

/** The umask narrowed the mode `open` was given: set it exactly, then the owner where allowed. */
function keepOwnerAndMode(fd: number, existing: fs.Stats): void {
  fs.fchmodSync(fd, existing.mode & 0o7777);
  const uid = process.getuid?.();
  if (uid === undefined || (existing.uid === uid && existing.gid === process.getgid?.())) return;
  try {
    fs.fchownSync(fd, existing.uid, existing.gid);
  } catch {
    // Only root may give a file away (and only a member may set its group): the new file is ours.
  }
}

/**
 * Removes `.<name>.<pid>.<ms>.tmp` files beside `target` that a killed write left: those whose
 * process is gone, and any older than a day (the pid may have been reused since).
 */
function removeStaleTempFiles(target: string): void {
  const dir = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length));
    if (!match) continue;
    const pid = Number(match[1]);
    const file = path.join(dir, name);
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile()) continue;
      if (pid !== process.pid && processAlive(pid) && Date.now() - stat.mtimeMs < STALE_TEMP_AGE_MS) continue;
      fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove: neither stops this write.
    }
  }
}
