/**
 * A table locked by another session (issue 13.4). Another connection holds ACCESS EXCLUSIVE on a
 * never-analyzed table during the scan. Introspection must not wait for it (it used to call
 * pg_relation_size, which waits: exit 1 and no file, even with the table excluded or under
 * --dry-run); sampling waits at most the lock timeout, then the table is skipped and listed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { isEngineSelected } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { createPostgresDatabase, workerScopedName } from '../helpers/servers.js';

const FIXTURE_SQL = `
CREATE TABLE public.people (id int PRIMARY KEY, email text);
INSERT INTO public.people SELECT g, 'person' || g || '@example.com' FROM generate_series(1, 50) g;
ANALYZE public.people;
CREATE TABLE public.locked (id int, email text) WITH (autovacuum_enabled = off);
INSERT INTO public.locked SELECT g, 'held' || g || '@example.com' FROM generate_series(1, 5000) g;
`;

describe.skipIf(!isEngineSelected('postgres'))('a table locked by another session', () => {
  let url: string;
  let holder: pg.Client;
  let dir: string;

  beforeAll(async () => {
    url = await createPostgresDatabase(workerScopedName('pg_locks'), { sql: FIXTURE_SQL });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-locks-'));
    holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE public.locked IN ACCESS EXCLUSIVE MODE');
  });

  afterAll(async () => {
    await holder?.query('ROLLBACK').catch(() => undefined);
    await holder?.end();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // The statement timeout stays above the lock timeout (3 s), so only the lock can skip the table.
  const scan = (...args: string[]) => runCli(['scan', url, '--statement-timeout', '10', ...args]);

  it('skips and lists the locked table (exit 3) and writes the file with the others', async () => {
    const out = path.join(dir, 'scan.yml');
    const run = await scan('-o', out, '--json');
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(3);
    const summary = JSON.parse(run.stdout) as { tablesScanned: number; skipped: { table: string; kind: string; message: string }[] };
    expect(summary.tablesScanned).toBe(1);
    expect(summary.skipped).toEqual([
      expect.objectContaining({ table: 'locked', kind: 'timeout', message: 'Lock timeout reading public.locked: another session holds a lock on it' }),
    ]);
    const yaml = fs.readFileSync(out, 'utf8');
    expect(yaml).toContain('name: locked');
    expect(yaml).toMatch(/reason: "?Lock timeout reading public\.locked/);
  });

  it('does not wait for it at all when it is excluded', async () => {
    const out = path.join(dir, 'excluded.yml');
    const run = await scan('-o', out, '--exclude', 'public.locked');
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).not.toContain('name: locked');
  });

  it('lists it under --dry-run, without an estimate (never analyzed) and without waiting', async () => {
    const run = await scan('--dry-run');
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/public\.locked +table +2 column\(s\) +rows unknown +sample 200 rows \(1 query\)/);
  });
});
