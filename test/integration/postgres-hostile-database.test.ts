/**
 * A hostile database cannot act through the scanner (issue 13.1). An unprivileged role that owns the
 * database plants, as the attack did: casts from its types to text that switch the session to
 * read-write and then try to insert rows and make their owner superuser; functions and an operator
 * that shadow the built-ins piiscout calls (through a database-level search_path, and through
 * better-matching overloads in `public`); and a row-level-security policy whose function does the
 * same. The scan runs as the superuser with default options (PostgreSQL server and PGlite) and, on
 * the server, as a plain reader role. Afterwards: no row was written, no role changed, the
 * scanner's session settings are as they were, and no planted function ever ran (every one of them
 * would also have changed what the scan read, e.g. a value 'CAST-RAN' or a type 'SHADOWED').
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import type { Connector } from '../../src/core/connector.js';
import type { DatabaseMetadata } from '../../src/core/metadata.js';
import { parseConnectionString } from '../../connectors/index.js';
import { createTestConnector } from '../helpers/connector-hooks.js';
import { describeEngines, type TestEngine } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { createPostgresDatabase, createPostgresLoginRole, workerScopedName } from '../helpers/servers.js';

const OWNER = workerScopedName('mallory');
const DATABASE = workerScopedName('hostile_db');
/** What a planted function returns or sets, so that a call would show in what the scan read. */
const TRACES = ['CAST-RAN', 'SHADOWED', 'POLICY-RAN'];

/** Run as the superuser in the database to plant; `owner` is the unprivileged role that plants. */
function plantSql(owner: string): string {
  return `
CREATE ROLE ${owner} NOLOGIN;
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I OWNER TO ${owner}', current_database()); END $$;
CREATE SCHEMA evil AUTHORIZATION ${owner};
GRANT USAGE ON SCHEMA evil TO PUBLIC;
SET ROLE ${owner};

CREATE TABLE evil.marker (what text);
GRANT SELECT, INSERT ON evil.marker TO PUBLIC;

-- Switches the session's default to read-write, so the scanner's next statement could write.
CREATE FUNCTION evil.unlock(what text) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  PERFORM pg_catalog.set_config('default_transaction_read_only', 'off', false);
  PERFORM pg_catalog.set_config('piiscout_test.tampered', what, false);
END $f$;
-- Writes and escalates (each attempt caught, so the scan goes on as if nothing happened; no ||,
-- which is shadowed below).
CREATE FUNCTION evil.escalate(what text) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  BEGIN INSERT INTO evil.marker VALUES (pg_catalog.concat(what, ' ran as ', current_user)); EXCEPTION WHEN OTHERS THEN NULL; END;
  BEGIN EXECUTE 'ALTER ROLE ${owner} SUPERUSER'; EXCEPTION WHEN OTHERS THEN NULL; END;
END $f$;

-- Casts from the owner's types to text.
CREATE TYPE evil.mood AS ENUM ('calm', 'angry');
CREATE FUNCTION evil.mood_text(evil.mood) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.unlock('mood cast'); PERFORM evil.escalate('mood cast'); RETURN 'CAST-RAN'; END $f$;
CREATE CAST (evil.mood AS text) WITH FUNCTION evil.mood_text(evil.mood);
CREATE FUNCTION evil.moods_text(evil.mood[]) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.unlock('mood[] cast'); RETURN 'CAST-RAN'; END $f$;
CREATE CAST (evil.mood[] AS text) WITH FUNCTION evil.moods_text(evil.mood[]);
CREATE TYPE evil.pair AS (a text, b text);
CREATE FUNCTION evil.pair_text(evil.pair) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.escalate('pair cast'); RETURN 'CAST-RAN'; END $f$;
CREATE CAST (evil.pair AS text) WITH FUNCTION evil.pair_text(evil.pair);
CREATE DOMAIN evil.mood_domain AS evil.mood;

CREATE TABLE evil.people (id int PRIMARY KEY, email text, mood evil.mood, moods evil.mood[], pair evil.pair, settled evil.mood_domain);
INSERT INTO evil.people
SELECT g, 'person' || g || '@example.com', 'calm', '{calm,angry}', ROW('left' || g, 'right')::evil.pair, 'angry'
FROM generate_series(1, 30) g;
CREATE TABLE evil.visits (id int, mood evil.mood, place text);
INSERT INTO evil.visits SELECT g, 'angry', 'room ' || g FROM generate_series(1, 30) g;
COMMENT ON TABLE evil.visits IS 'Visits';
COMMENT ON COLUMN evil.visits.place IS 'Where';

-- Shadows of the built-ins, reached through the database's search_path (PostgreSQL server).
CREATE FUNCTION evil.current_database() RETURNS name LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.unlock('shadow current_database'); RETURN 'SHADOWED'; END $f$;
CREATE FUNCTION evil.current_setting(text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.unlock('shadow current_setting'); RETURN 'SHADOWED'; END $f$;
CREATE FUNCTION evil.format_type(oid, integer) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.escalate('shadow format_type'); RETURN 'SHADOWED'; END $f$;
CREATE FUNCTION evil.left(text, integer) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.escalate('shadow left'); RETURN 'SHADOWED'; END $f$;
CREATE FUNCTION evil.md5(text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.escalate('shadow md5'); RETURN 'SHADOWED'; END $f$;
CREATE FUNCTION evil.obj_description(oid, name) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.escalate('shadow obj_description'); RETURN 'SHADOWED'; END $f$;
CREATE FUNCTION evil.concat_shadow(text, text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.escalate('shadow ||'); RETURN 'SHADOWED'; END $f$;
CREATE OPERATOR evil.|| (LEFTARG = text, RIGHTARG = text, FUNCTION = evil.concat_shadow);
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = evil, pg_catalog, public', current_database()); END $$;
-- Backslashes in ordinary string literals become escapes: a name with a quote and a backslash
-- must still not end one.
DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET standard_conforming_strings = off', current_database()); END $$;
CREATE TABLE evil."it's a\\trap" (v text);
INSERT INTO evil."it's a\\trap" VALUES ('trapped');

-- Better-matching overloads in public win even with pg_catalog first in the path (and on PGlite).
CREATE FUNCTION public.col_description(oid, smallint) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.unlock('shadow col_description'); PERFORM evil.escalate('shadow col_description'); RETURN 'SHADOWED'; END $f$;
CREATE FUNCTION public.obj_description(oid, text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.unlock('shadow obj_description'); PERFORM evil.escalate('shadow obj_description'); RETURN 'SHADOWED'; END $f$;

-- A row-level-security policy whose function runs as whoever reads the table.
CREATE FUNCTION evil.policy_check(int) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN PERFORM evil.unlock('policy'); PERFORM evil.escalate('policy'); RETURN true; END $f$;
CREATE TABLE evil.guarded (id int, secret text);
INSERT INTO evil.guarded SELECT g, 'POLICY-RAN-if-read-' || g FROM generate_series(1, 5) g;
ALTER TABLE evil.guarded ENABLE ROW LEVEL SECURITY;
CREATE POLICY guarded_policy ON evil.guarded USING (evil.policy_check(id));
GRANT SELECT ON evil.people, evil.visits, evil.guarded, evil."it's a\\trap" TO PUBLIC;
RESET ROLE;
`;
}

interface Hostile {
  /** Superuser connection string (PostgreSQL) or `pglite:<dir>`. */
  readonly url: string;
  /** Runs one read-only query as the superuser in a session of its own. */
  readonly adminQuery: (sql: string) => Promise<Record<string, unknown>[]>;
  readonly cleanup: () => Promise<void>;
}

async function plant(engine: TestEngine): Promise<Hostile> {
  if (engine === 'postgres') {
    const url = await createPostgresDatabase(DATABASE, {
      sql: `DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${OWNER}') THEN EXECUTE 'DROP OWNED BY ${OWNER} CASCADE'; EXECUTE 'DROP ROLE ${OWNER}'; END IF; END $$;`,
    });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(plantSql(OWNER));
    await admin.end();
    const adminQuery = async (sql: string): Promise<Record<string, unknown>[]> => {
      const client = new pg.Client({ connectionString: url, options: '-c search_path=pg_catalog' });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    };
    return { url, adminQuery, cleanup: async () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-hostile-'));
  const dataDir = path.join(dir, 'db');
  const db = await PGlite.create({ dataDir });
  await db.exec(plantSql(OWNER));
  await db.close();
  const adminQuery = async (sql: string): Promise<Record<string, unknown>[]> => {
    const reader = await PGlite.create({ dataDir });
    try {
      await reader.exec('SET search_path = pg_catalog');
      return (await reader.query<Record<string, unknown>>(sql)).rows;
    } finally {
      await reader.close();
    }
  };
  return { url: `pglite:${dataDir}`, adminQuery, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The damage an attack would leave behind, read as the superuser. */
async function damage(hostile: Hostile): Promise<{ markers: unknown[]; ownerIsSuperuser: unknown }> {
  const markers = (await hostile.adminQuery('SELECT what FROM evil.marker ORDER BY what')).map((r) => r.what);
  const [role] = await hostile.adminQuery(`SELECT rolsuper FROM pg_roles WHERE rolname = '${OWNER}'`);
  return { markers, ownerIsSuperuser: role.rolsuper };
}

const NO_DAMAGE = { markers: [], ownerIsSuperuser: false };

function expectNoTrace(text: string): void {
  for (const trace of TRACES) expect(text).not.toContain(trace);
}

describeEngines(
  'a hostile database cannot act through the scanner',
  (engine) => {
    let hostile: Hostile;
    let dir: string;

    beforeAll(async () => {
      hostile = await plant(engine);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-hostile-out-'));
    });

    afterAll(async () => {
      await hostile?.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('a default scan as superuser writes nothing, changes no role and reads the true values', async () => {
      const out = path.join(dir, 'scan.yml');
      const run = await runCli(['scan', hostile.url, '-o', out, '--json']);
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(0);
      expect(await damage(hostile)).toEqual(NO_DAMAGE);
      const yaml = fs.readFileSync(out, 'utf8');
      expectNoTrace(yaml + run.stdout + run.stderr);
      expect(yaml).toContain('description: Visits');
      expect(yaml).toContain('description: Where');
      const summary = JSON.parse(run.stdout) as { warnings?: string[]; tablesSkipped: number };
      if (engine === 'postgres') {
        // Loud: the scan ran as a superuser, which should not be needed.
        expect(run.stderr).toMatch(/warning: .*superuser/);
        expect(summary.warnings?.join('\n')).toMatch(/superuser/);
      } else {
        // PGlite is always its own superuser in-process: no warning to drown the demo in.
        expect(run.stderr).not.toMatch(/superuser/);
        expect(summary.warnings ?? []).toEqual([]);
      }
    });

    it('reads values in their own text form, and leaves the session as it found it', async () => {
      const connector = createTestConnector(parseConnectionString(hostile.url, { env: {} }));
      await connector.connect({ statementTimeoutSeconds: 30, concurrency: 1 });
      try {
        const meta: DatabaseMetadata = await connector.introspect({ includeViews: false });
        expectNoTrace(JSON.stringify(meta));
        const people = meta.tables.find((t) => t.name === 'people')!;
        expect(people.columns.map((c) => c.rawType)).toEqual(['integer', 'text', 'evil.mood', 'evil.mood[]', 'evil.pair', 'evil.mood_domain']);
        const values: Record<string, readonly string[]> = {};
        for (const table of meta.tables.filter((t) => t.schema === 'evil')) {
          const sample = await connector.sample(table, { rows: 50, columns: table.columns, maxValueLength: 6, seed: 1 });
          for (const [name, column] of sample.columns) values[`${table.name}.${name}`] = column.values;
        }
        expectNoTrace(JSON.stringify(values));
        expect(new Set(values['people.mood'])).toEqual(new Set(['calm']));
        expect(new Set(values['people.moods'])).toEqual(new Set(['{calm,'])); // cut to 6 characters, in JS
        expect(values['people.pair']).toContain('(left1');
        expect(new Set(values['people.settled'])).toEqual(new Set(['angry']));
        expect(values['people.email']).toContain('person');
        expect(values["it's a\\trap.v"]).toEqual(['trappe']);
        const [session] = (await queryForTest(
          connector,
          `SELECT pg_catalog.current_setting('default_transaction_read_only') AS read_only,
                  pg_catalog.current_setting('search_path') AS search_path,
                  pg_catalog.current_setting('piiscout_test.tampered', true) AS tampered,
                  pg_catalog.current_setting('row_security') AS row_security`,
        )) as Record<string, unknown>[];
        expect({ ...session, search_path: String(session.search_path).replace(/\s/g, '') }).toEqual({ read_only: 'on', search_path: 'pg_catalog,pg_temp', tampered: null, row_security: 'off' });
      } finally {
        await connector.close();
      }
      expect(await damage(hostile)).toEqual(NO_DAMAGE);
    });

    if (engine === 'postgres') {
      it('as a plain reader, skips the table whose row-level-security policy would run, and lists why', async () => {
        const readerUrl = await createPostgresLoginRole(DATABASE, workerScopedName('hostile_reader'));
        const out = path.join(dir, 'reader.yml');
        const run = await runCli(['scan', readerUrl, '-o', out, '--json']);
        expect(run.stderr).not.toMatch(/internal error/);
        expect(run.code).toBe(3);
        const summary = JSON.parse(run.stdout) as { skipped: { table: string; message: string }[]; warnings?: string[] };
        expect(summary.skipped.map((s) => s.table)).toEqual(['guarded']);
        expect(summary.skipped[0].message).toMatch(/row-level security/i);
        // The reader may write to evil.marker (granted to PUBLIC): that is worth a warning too.
        expect(summary.warnings?.join('\n')).toMatch(/evil\.marker/);
        expectNoTrace(fs.readFileSync(out, 'utf8') + run.stdout + run.stderr);
        expect(await damage(hostile)).toEqual(NO_DAMAGE);
      });
    }
  },
  ['postgres', 'pglite'],
);

/** The test connectors' hook (test/helpers/connector-hooks.ts; not part of the Connector interface). */
function queryForTest(connector: Connector, sql: string): Promise<unknown> {
  return (connector as unknown as { queryForTest(sql: string): Promise<unknown> }).queryForTest(sql);
}
