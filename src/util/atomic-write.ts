/** Writes a file atomically: a temp file in the same folder, fsync, then rename over the target. */
import fs from 'node:fs';
import path from 'node:path';

/** Chunks are gathered into writes of about this many characters (one syscall per chunk is slow). */
const WRITE_BUFFER = 1 << 16;

/**
 * `content` may be the whole text or bytes, or text in chunks (a streamed YAML file), so a large file
 * need not be held in memory at once. On any failure the temp file is removed and the target is untouched.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array | Iterable<string>): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(tmp, 'w', 0o644);
  try {
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
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}
