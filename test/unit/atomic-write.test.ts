/** writeFileAtomic keeps the mode of the file it replaces, writes through symlinks, and clears temp files of killed writes. */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomic-write.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-atomic-'));
});

const mode = (file: string): number => fs.statSync(file).mode & 0o777;
/** The writer's temp file naming: `.<name>.<pid>.<ms>.tmp` beside the file. */
const tempName = (base: string, pid: number, ms: number): string => `.${base}.${pid}.${ms}.tmp`;

/** A pid no process has now: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('writeFileAtomic', () => {
  it('keeps the mode of a file it rewrites (0600 stays 0600), whatever the umask', () => {
    const file = path.join(dir, 'scan.yml');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o600);
    writeFileAtomic(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
    expect(mode(file)).toBe(0o600);
    fs.chmodSync(file, 0o640);
    writeFileAtomic(file, ['chunk 1, ', 'chunk 2']);
    expect(mode(file)).toBe(0o640);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner and group of a file it rewrites (as root, who may give files away)', () => {
    const file = path.join(dir, 'owned.yml');
    fs.writeFileSync(file, 'old');
    fs.chownSync(file, 65534, 65534);
    writeFileAtomic(file, 'new');
    const stat = fs.statSync(file);
    expect([stat.uid, stat.gid]).toEqual([65534, 65534]);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });

  it('gives a new file the usual mode', () => {
    const file = path.join(dir, 'fresh.yml');
    writeFileAtomic(file, 'x');
    expect(mode(file)).toBe(0o644 & ~process.umask());
  });

  it('writes through a symlink to its target, keeping the link and the target mode', () => {
    const targetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-atomic-target-'));
    const target = path.join(targetDir, 'real.yml');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o600);
    const link = path.join(dir, 'link.yml');
    fs.symlinkSync(path.relative(dir, target), link);
    const chained = path.join(dir, 'chained.yml');
    fs.symlinkSync('link.yml', chained);

    writeFileAtomic(chained, 'new');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(chained).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(mode(target)).toBe(0o600);
    // No temp file was left, in either folder.
    expect(fs.readdirSync(dir).sort()).toEqual(['chained.yml', 'link.yml']);
    expect(fs.readdirSync(targetDir)).toEqual(['real.yml']);
  });

  it('creates the target of a dangling symlink', () => {
    const link = path.join(dir, 'link.yml');
    fs.symlinkSync('out/real.yml', link);
    fs.mkdirSync(path.join(dir, 'out'));
    writeFileAtomic(link, 'x');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'out', 'real.yml'), 'utf8')).toBe('x');
  });

  it('removes temp files a killed write left for the same file, and only those', () => {
    const file = path.join(dir, 'scan.yml');
    const dead = deadPid();
    const killed = path.join(dir, tempName('scan.yml', dead, 1700000000000));
    const live = path.join(dir, tempName('scan.yml', process.ppid, Date.now())); // a writer still running
    const otherFile = path.join(dir, tempName('other.yml', dead, 1700000000000));
    const notOurs = path.join(dir, '.scan.yml.backup.tmp');
    for (const f of [killed, live, otherFile, notOurs]) fs.writeFileSync(f, 'partial');

    writeFileAtomic(file, 'done');
    expect(fs.existsSync(killed)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    expect(fs.existsSync(otherFile)).toBe(true);
    expect(fs.existsSync(notOurs)).toBe(true);

    // A temp file older than a day goes even when its pid is in use again.
    const old = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(live, old, old);
    writeFileAtomic(file, 'again');
    expect(fs.existsSync(live)).toBe(false);
  });

  it('leaves the target untouched and no temp file when writing fails', () => {
    const file = path.join(dir, 'scan.yml');
    fs.writeFileSync(file, 'old');
    const failing = (function* () {
      yield 'partial';
      throw new Error('generator failed');
    })();
    expect(() => writeFileAtomic(file, failing)).toThrow('generator failed');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['scan.yml']);
  });
});

describe('writeFileAtomic after a killed write', () => {
  it('a write killed midway leaves its temp file, which the next write of that file removes', async () => {
    const file = path.join(dir, 'scan.yml');
    fs.writeFileSync(file, 'old');
    const module = path.resolve('src/util/atomic-write.ts');
    // The child writes one chunk, says so, and waits forever inside the write.
    const code = `
      import { writeFileAtomic } from ${JSON.stringify(module)};
      function* chunks() { yield 'x'.repeat(1 << 17); process.stdout.write('writing\\n'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); }
      writeFileAtomic(${JSON.stringify(file)}, chunks());`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve());
      child.on('exit', () => reject(new Error('the writer exited early')));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const left = fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(new RegExp(`^\\.scan\\.yml\\.${child.pid}\\.\\d+\\.tmp$`));
    expect(fs.readFileSync(file, 'utf8')).toBe('old');

    writeFileAtomic(file, 'new');
    expect(fs.readdirSync(dir)).toEqual(['scan.yml']);
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });
});
