/**
 * One run of a configured source, in process on SQLite: history lines with counts and drift, a
 * failure recorded (not thrown), and the output lock that keeps two runs of one source apart.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { readHistory } from '../../src/sources/history.js';
import { lockPathFor, tryLockOutput } from '../../src/sources/output-lock.js';
import { runSource } from '../../src/sources/run-source.js';

const SECRET = 'hunter2-secret';
let dir: string;
let configFile: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-run-source-'));
  const db = new Database(path.join(dir, 'app.db'));
  db.exec('CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, notes TEXT, fax TEXT)');
  const insert = db.prepare('INSERT INTO users (email, notes, fax) VALUES (?, ?, ?)');
  for (let i = 0; i < 40; i++) insert.run(`person${i}@example.com`, `parcel ${i} shipped`, `+44 20 7946 ${String(1000 + i)}`);
  db.close();
  configFile = path.join(dir, 'piiscout.config.yml');
});

/** Writes the config file (each scan reads its classification section) and returns its first source. */
const source = (yaml: string) => {
  fs.writeFileSync(configFile, yaml);
  return parseConfig(yaml, configFile).sources[0];
};
const app = () => source('sources:\n  - {name: app, url: "sqlite:./app.db", ml: false, output: app.yml}\n');
const flags = { quiet: true, verbose: false, ml: false };

describe('runSource', () => {
  it('writes the dataset, then records drift against the previous run in the history', async () => {
    const first = await runSource(app(), { configFile, ...flags });
    expect(first).toMatchObject({ status: 'ran', drift: null, entry: { source: 'app', exit_code: 0, output: 'app.yml', tables: 1, columns: 4, skipped_tables: 0, errors: [] } });
    const db = new Database(path.join(dir, 'app.db'));
    db.exec("ALTER TABLE users DROP COLUMN fax; UPDATE users SET notes = 'buyer' || id || '@example.org'; CREATE TABLE t2 (id INTEGER PRIMARY KEY, label TEXT)");
    db.close();
    const second = await runSource(app(), { configFile, ...flags });
    if (second.status !== 'ran') throw new Error('expected a run');
    expect(second.entry.drift).toMatchObject({
      new_tables: ['main.t2'],
      removed_columns: ['main.users.fax'],
      became_personal: [{ column: 'main.users.notes', new: ['user.contact.email'], decided: false }],
    });
    const history = readHistory(path.join(dir, 'app.yml.history.jsonl'));
    expect(history.map((h) => h.exit_code)).toEqual([0, 0]);
    expect(history[1].drift?.counts.became_personal).toBe(1);
    expect(Date.parse(history[1].finished_at)).toBeGreaterThanOrEqual(Date.parse(history[1].started_at));
    const text = fs.readFileSync(path.join(dir, 'app.yml.history.jsonl'), 'utf8');
    expect(text).not.toMatch(/example\.(com|org)|parcel|7946/); // names and counts only, never values
    expect(fs.existsSync(lockPathFor(path.join(dir, 'app.yml')))).toBe(false);
  });

  it('records a failure (missing secret) without throwing and without the other variables', async () => {
    const shop = source('sources:\n  - {name: shop, url: "postgres://scanner:${PGPASS_TEST}@${DBHOST}:1/shop"}\n');
    const result = await runSource(shop, { configFile, ...flags, env: { DBHOST: SECRET } });
    expect(result).toMatchObject({
      status: 'ran',
      entry: { exit_code: 2, tables: null, drift: null, errors: ["Source 'shop': environment variable PGPASS_TEST is not set (referenced in its url)"] },
    });
    expect(fs.readFileSync(path.join(dir, 'piiscout-shop.yml.history.jsonl'), 'utf8')).not.toContain(SECRET);
  });

  it('does not run while another run holds the output lock, and takes over a stale one', async () => {
    const output = path.join(dir, 'app.yml');
    const held = tryLockOutput(output);
    if (!('lock' in held)) throw new Error('expected the lock');
    expect(tryLockOutput(output)).toMatchObject({ heldBy: { pid: process.pid, host: os.hostname() } });
    const blocked = await runSource(app(), { configFile, ...flags });
    expect(blocked).toMatchObject({ status: 'locked', source: 'app' });
    expect(blocked.status === 'locked' && blocked.heldBy).toContain(`process ${process.pid}`);
    expect(fs.existsSync(`${output}.history.jsonl`)).toBe(false);
    held.lock.release();
    expect(fs.existsSync(lockPathFor(output))).toBe(false);

    // A lock left by a process that is gone (same host) is stale.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(lockPathFor(output), JSON.stringify({ pid: Number(dead.stdout), host: os.hostname(), started_at: new Date().toISOString() }));
    const taken = tryLockOutput(output);
    expect('lock' in taken).toBe(true);
    if ('lock' in taken) taken.lock.release();

    // Another host's lock is judged by its heartbeat: fresh = held, untouched for minutes = stale.
    fs.writeFileSync(lockPathFor(output), JSON.stringify({ pid: 1, host: 'other-host', started_at: new Date().toISOString() }));
    expect('heldBy' in tryLockOutput(output)).toBe(true);
    const old = new Date(Date.now() - 5 * 60_000);
    fs.utimesSync(lockPathFor(output), old, old);
    const takenOver = tryLockOutput(output);
    expect('lock' in takenOver).toBe(true);
    if ('lock' in takenOver) takenOver.lock.release();
  });
});
