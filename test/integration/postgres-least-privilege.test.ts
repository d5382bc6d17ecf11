/**
 * The scanning role's rights (issue 13.1): a superuser or a role that may write is warned about on
 * stderr and in --json, and refused with --require-read-only-role before any row is read; the
 * least-privilege role of docs/database-access.md scans without a warning.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEngineSelected } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { createPostgresDatabase, createPostgresLoginRole, workerScopedName } from '../helpers/servers.js';

const DATABASE = workerScopedName('pg_least_privilege');
const FIXTURE_SQL = `
CREATE SCHEMA crm;
CREATE TABLE crm.customers (id int PRIMARY KEY, email text);
INSERT INTO crm.customers SELECT g, 'c' || g || '@example.com' FROM generate_series(1, 20) g;
CREATE TABLE public.notes (id int PRIMARY KEY, body text);
INSERT INTO public.notes SELECT g, 'note ' || g FROM generate_series(1, 20) g;
`;

/** The role of "A least-privilege role for PostgreSQL" in docs/database-access.md, for this database. */
function readmeGrants(role: string): string[] {
  return [
    `ALTER ROLE ${role} SET default_transaction_read_only = on`,
    `GRANT CONNECT ON DATABASE ${DATABASE} TO ${role}`,
    `GRANT USAGE ON SCHEMA public, crm TO ${role}`,
    `GRANT SELECT ON ALL TABLES IN SCHEMA public, crm TO ${role}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public, crm GRANT SELECT ON TABLES TO ${role}`,
  ];
}

describe.skipIf(!isEngineSelected('postgres'))('the scanning role', () => {
  let adminUrl: string;
  let dir: string;

  beforeAll(async () => {
    adminUrl = await createPostgresDatabase(DATABASE, { sql: FIXTURE_SQL });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-roles-'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a superuser is warned about, and refused with --require-read-only-role before anything is read or written', async () => {
    const warned = await runCli(['scan', adminUrl, '-o', path.join(dir, 'admin.yml'), '--json']);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/^warning: connected as role "postgres", a superuser: it can write and change anything; scan with a read-only role/m);
    expect(JSON.parse(warned.stdout).warnings).toEqual([expect.stringMatching(/a superuser/)]);

    const out = path.join(dir, 'refused.yml');
    const refused = await runCli(['scan', adminUrl, '-o', out, '--require-read-only-role']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/warning: connected as role "postgres", a superuser/);
    expect(refused.stderr).toMatch(/piiscout: error: The scanning role may do more than read \(1 finding\(s\) above\); refused by --require-read-only-role/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(`${out}.checkpoint.jsonl`)).toBe(false);

    const dryRun = await runCli(['scan', adminUrl, '--dry-run', '--require-read-only-role']);
    expect(dryRun.code).toBe(1);
    expect(dryRun.stdout).toBe('');
  });

  it('a role that may write to a scanned table is named with the table', async () => {
    const url = await createPostgresLoginRole(DATABASE, workerScopedName('lp_writer'), [
      ...readmeGrants(workerScopedName('lp_writer')),
      `GRANT INSERT ON crm.customers TO ${workerScopedName('lp_writer')}`,
    ]);
    const run = await runCli(['scan', url, '-o', path.join(dir, 'writer.yml'), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).warnings).toEqual([expect.stringMatching(/may write to 1 scanned table\(s\) \(INSERT, UPDATE, DELETE or TRUNCATE\): crm\.customers;/)]);
    // Outside the scanned schemas it does not count.
    const onlyPublic = await runCli(['scan', url, '--include', 'public.*', '-o', path.join(dir, 'public.yml'), '--require-read-only-role']);
    expect(onlyPublic.code).toBe(0);
    expect(onlyPublic.stderr).not.toMatch(/warning:/);
  });

  it('the least-privilege role of docs/database-access.md scans everything without a warning, also with --require-read-only-role', async () => {
    const role = workerScopedName('lp_reader');
    const url = await createPostgresLoginRole(DATABASE, role, readmeGrants(role));
    const out = path.join(dir, 'reader.yml');
    const run = await runCli(['scan', url, '-o', out, '--json', '--require-read-only-role']);
    expect(run.stderr).not.toMatch(/warning:|error/);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ tablesScanned: 2, tablesSkipped: 0, warnings: [] });
  });
});
