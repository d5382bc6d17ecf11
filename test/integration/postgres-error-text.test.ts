/**
 * Values must not reach error text (issue 13.5). Views (scanned with --include-views) call a
 * function that raises, with a sampled value in the message, detail and hint, under SQLSTATEs that
 * used to be echoed as "safe" (42P01, 42501, 54000, 0A000) and the plain P0001. The canary value
 * must appear in none of: the YAML, stdout, stderr, the --json summary, the checkpoint.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEngineSelected } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { createPostgresDatabase, workerScopedName } from '../helpers/servers.js';

const CANARY = `canary${randomBytes(5).toString('hex')}`;
const CODES = ['42P01', '42501', '54000', '0A000', 'P0001'];

const FIXTURE_SQL = `
CREATE TABLE public.accounts (id int PRIMARY KEY, email text);
INSERT INTO public.accounts SELECT g, '${CANARY}.' || g || '@example.com' FROM generate_series(1, 20) g;
CREATE FUNCTION public.leak(code text, value text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = code, MESSAGE = format('relation "%s" does not exist', value), DETAIL = value, HINT = value;
END $$;
${CODES.map((code) => `CREATE VIEW public.leak_${code.toLowerCase()} AS SELECT public.leak('${code}', email) AS email FROM public.accounts;`).join('\n')}
`;

describe.skipIf(!isEngineSelected('postgres'))('error text never carries a sampled value', () => {
  let url: string;
  let dir: string;

  beforeAll(async () => {
    url = await createPostgresDatabase(workerScopedName('pg_error_text'), { sql: FIXTURE_SQL });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-error-text-'));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists each failing view with its SQLSTATE only: not in the YAML, --json or stderr', async () => {
    const out = path.join(dir, 'scan.yml');
    const run = await runCli(['scan', url, '--include-views', '-o', out, '--json']);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(3);
    const yaml = fs.readFileSync(out, 'utf8');
    for (const text of [yaml, run.stdout, run.stderr]) expect(text).not.toContain(CANARY);
    const summary = JSON.parse(run.stdout) as { skipped: { table: string; message: string; hint: string }[] };
    expect(summary.skipped.map((s) => s.table).sort()).toEqual(CODES.map((c) => `leak_${c.toLowerCase()}`).sort());
    for (const skipped of summary.skipped) expect(skipped.message).toMatch(/^(PostgreSQL error [0-9A-Z]{5}( \(.*\))?|Permission denied) reading public\.leak_/);
    expect(yaml).toContain('PostgreSQL error 42P01 (undefined table) reading public.leak_42p01');
  });

  it('keeps it out of the checkpoint of an interrupted scan', async () => {
    const out = path.join(dir, 'interrupted.yml');
    const tables = 1 + CODES.length;
    const run = await runCli(['scan', url, '--include-views', '-o', out, '--concurrency', '1'], {
      env: { PIISCOUT_TEST_ABORT_AFTER_TABLES: String(tables) },
    });
    expect(run.code).toBe(130);
    const checkpoint = fs.readFileSync(`${out}.checkpoint.jsonl`, 'utf8');
    expect(checkpoint).toContain('leak_42p01');
    expect(checkpoint + run.stdout + run.stderr).not.toContain(CANARY);
  });
});
