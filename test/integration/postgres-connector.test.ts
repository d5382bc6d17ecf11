/**
 * The Postgres introspector and sampler against real engines: the PostgreSQL 15 test server and
 * embedded PGlite, loaded with the same fixture (several schemas, composite keys, comments, views,
 * awkward identifiers, many column types, a 20,000-row table), plus the failure modes.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import type { Connector, ConnectOptions } from '../../src/core/connector.js';
import type { DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import { ConnectorError } from '../../src/core/errors.js';
import { createConnector, parseConnectionString } from '../../connectors/index.js';
import { createTestConnector } from '../helpers/connector-hooks.js';
import YAML from 'yaml';
import { BINARY_SKIPPED, UNREADABLE_SKIPPED } from '../../connectors/postgres/postgres-sampler.js';
import { describeEngines, type TestEngine } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { createPostgresDatabase, createPostgresLoginRole, workerScopedName } from '../helpers/servers.js';

const FIXTURE_SQL = `
CREATE SCHEMA sales;
CREATE SCHEMA "Weird Schema";
CREATE TYPE sales.mood AS ENUM ('happy', 'sad');
CREATE DOMAIN sales.email_address AS varchar(320);

CREATE TABLE sales.customers (
  id serial PRIMARY KEY,
  email sales.email_address NOT NULL,
  full_name varchar(100),
  mood sales.mood,
  tags text[],
  profile jsonb,
  settings json,
  ip inet,
  external_id uuid,
  balance numeric(12,2),
  created_at timestamptz,
  photo bytea,
  bio text,
  nothing text
);
COMMENT ON TABLE sales.customers IS 'People who bought something';
COMMENT ON COLUMN sales.customers.email IS 'Primary contact email';
INSERT INTO sales.customers (email, full_name, mood, tags, profile, settings, ip, external_id, balance, created_at, photo, bio)
SELECT 'user' || g || '@example.com', 'User ' || g, CASE WHEN g % 2 = 0 THEN 'happy' ELSE 'sad' END::sales.mood,
       ARRAY['a' || g, 'b'], jsonb_build_object('k', g), json_build_object('n', g), ('10.0.0.' || g)::inet,
       md5(g::text)::uuid, g * 1.5, timestamptz '2024-01-02 03:04:05+00' + g * interval '1 day', '\\xdeadbeef'::bytea,
       repeat('x', 1000)
FROM generate_series(1, 10) g;

CREATE TABLE sales.orders (
  order_id int NOT NULL,
  line_no int NOT NULL,
  customer_id int REFERENCES sales.customers (id),
  note text,
  PRIMARY KEY (order_id, line_no)
);
CREATE TABLE sales.shipments (
  id int PRIMARY KEY,
  order_id int,
  line_no int,
  CONSTRAINT shipments_order_fk FOREIGN KEY (order_id, line_no) REFERENCES sales.orders (order_id, line_no)
);
INSERT INTO sales.orders VALUES (1, 1, 1, 'first'), (1, 2, 1, 'second');

CREATE VIEW sales.customer_emails AS SELECT id, email FROM sales.customers;
CREATE MATERIALIZED VIEW sales.order_counts AS SELECT customer_id, count(*) AS orders FROM sales.orders GROUP BY customer_id;
COMMENT ON VIEW sales.customer_emails IS 'Just the emails';

CREATE TABLE "Weird Schema"."Order Details" ("x""y" text, "select" int, "a.b" text, "naïve café" text);
INSERT INTO "Weird Schema"."Order Details" VALUES ('q"uote', 1, 'dot', 'crème brûlée');
CREATE TABLE public."select" (id int PRIMARY KEY, "from" text);
CREATE TABLE "Weird Schema"."it's a\\back" (v text);
INSERT INTO "Weird Schema"."it's a\\back" VALUES ('found');

CREATE TABLE public.empty_table (id int);
CREATE TABLE public.big (id int PRIMARY KEY, payload text);
INSERT INTO public.big SELECT g, 'row ' || g FROM generate_series(1, 20000) g;

CREATE TABLE public.events (id int NOT NULL, happened date NOT NULL) PARTITION BY RANGE (happened);
CREATE TABLE public.events_2024 PARTITION OF public.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.events_2025 PARTITION OF public.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO public.events SELECT g, date '2024-01-01' + g FROM generate_series(1, 600) g;

CREATE VIEW public.slow_view AS SELECT pg_sleep(3)::text AS slept, 1 AS id;

-- More pages than a sample reads whole (fillfactor 10: about a dozen rows per page).
CREATE TABLE public.sparse (id int PRIMARY KEY, payload text) WITH (fillfactor = 10, autovacuum_enabled = off);
INSERT INTO public.sparse SELECT g, 'row ' || g FROM generate_series(1, 20000) g;
-- Just as many pages, but nearly all rows deleted (and no VACUUM): a page sample finds too few.
CREATE TABLE public.shrunk (id int, payload text) WITH (fillfactor = 10, autovacuum_enabled = off);
INSERT INTO public.shrunk SELECT g, 'row ' || g FROM generate_series(1, 20000) g;

ANALYZE;
DELETE FROM public.shrunk WHERE id > 30;
CREATE TABLE public.never_analyzed (id int, label text) WITH (autovacuum_enabled = off);
INSERT INTO public.never_analyzed SELECT g, 'label ' || g FROM generate_series(1, 5000) g;
`;

const CONNECT: ConnectOptions = { statementTimeoutSeconds: 30, concurrency: 2 };

interface EngineFixture {
  /** A connection string for the superuser, or for PGlite its data dir. */
  readonly url: string;
  readonly cleanup: () => Promise<void>;
}

async function loadFixture(engine: TestEngine): Promise<EngineFixture> {
  if (engine === 'postgres') {
    const url = await createPostgresDatabase(workerScopedName('pgconn_fixture'), { sql: FIXTURE_SQL });
    return { url, cleanup: async () => {} };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'piiscout-pglite-'));
  const dataDir = path.join(dir, 'db');
  const db = await PGlite.create({ dataDir });
  await db.exec(FIXTURE_SQL);
  await db.close(); // the connector opens the directory itself
  return { url: `pglite:${dataDir}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function connect(url: string, options: Partial<ConnectOptions> = {}): Promise<Connector> {
  const connector = createTestConnector(parseConnectionString(url, { env: {} }));
  await connector.connect({ ...CONNECT, ...options });
  return connector;
}

/** Runs `action` and returns the ConnectorError it throws. */
async function connectorError(action: () => Promise<unknown>): Promise<ConnectorError> {
  const error = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

function find(meta: DatabaseMetadata, schema: string, name: string): TableMetadata {
  const table = meta.tables.find((t) => t.schema === schema && t.name === name);
  if (!table) throw new Error(`table ${schema}.${name} not introspected`);
  return table;
}

/** The test connectors' hook (test/helpers/connector-hooks.ts; not part of the Connector interface). */
function queryForTest(connector: Connector, sql: string): Promise<unknown> {
  return (connector as unknown as { queryForTest(sql: string): Promise<unknown> }).queryForTest(sql);
}

describeEngines(
  'postgres connector',
  (engine) => {
    let fixture: EngineFixture;
    let connector: Connector;
    let meta: DatabaseMetadata;

    beforeAll(async () => {
      fixture = await loadFixture(engine);
      connector = await connect(fixture.url);
      meta = await connector.introspect({ includeViews: true });
    });

    afterAll(async () => {
      await connector?.close();
      await fixture?.cleanup();
    });

    it('describes the database', () => {
      expect(meta.engine).toBe(engine);
      expect(meta.serverVersion).toMatch(engine === 'postgres' ? /^15\./ : /^\d+\./);
      if (engine === 'postgres') {
        expect(meta.host).toBe('127.0.0.1');
        expect(meta.database).toBe(workerScopedName('pgconn_fixture'));
        expect(connector.displayName).not.toMatch(/:[^/@]*@/); // no password
      }
    });

    it('lists user schemas, tables and views, but not partitions or system schemas', () => {
      expect(meta.schemas).toEqual(['Weird Schema', 'public', 'sales']);
      const ids = meta.tables.map((t) => `${t.schema}.${t.name}:${t.kind}`);
      expect(ids).toEqual([
        'Weird Schema.Order Details:table',
        "Weird Schema.it's a\\back:table",
        'public.big:table',
        'public.empty_table:table',
        'public.events:table',
        'public.never_analyzed:table',
        'public.select:table',
        'public.shrunk:table',
        'public.slow_view:view',
        'public.sparse:table',
        'sales.customer_emails:view',
        'sales.customers:table',
        'sales.order_counts:materialized_view',
        'sales.orders:table',
        'sales.shipments:table',
      ]);
    });

    it('leaves views out unless asked, and applies the schema filter', async () => {
      const tablesOnly = await connector.introspect({ includeViews: false, schemaFilter: (s) => s === 'sales' });
      expect(tablesOnly.schemas).toEqual(['sales']);
      expect(tablesOnly.tables.map((t) => t.name)).toEqual(['customers', 'orders', 'shipments']);
    });

    it('reads columns with raw and normalized types, nullability, lengths and comments', () => {
      const customers = find(meta, 'sales', 'customers');
      expect(customers.comment).toBe('People who bought something');
      expect(customers.primaryKey).toEqual(['id']);
      const summary = Object.fromEntries(customers.columns.map((c) => [c.name, [c.rawType, c.normalizedType, c.isArray]]));
      expect(summary).toEqual({
        id: ['integer', 'integer', false],
        email: ['sales.email_address', 'string', false],
        full_name: ['character varying(100)', 'string', false],
        mood: ['sales.mood', 'enum', false],
        tags: ['text[]', 'string', true],
        profile: ['jsonb', 'json', false],
        settings: ['json', 'json', false],
        ip: ['inet', 'inet', false],
        external_id: ['uuid', 'uuid', false],
        balance: ['numeric(12,2)', 'decimal', false],
        created_at: ['timestamp with time zone', 'timestamp', false],
        photo: ['bytea', 'binary', false],
        bio: ['text', 'string', false],
        nothing: ['text', 'string', false],
      });
      const email = customers.columns.find((c) => c.name === 'email')!;
      expect(email).toMatchObject({ ordinal: 2, isNullable: false, isPrimaryKey: false, maxLength: 320, comment: 'Primary contact email' });
      expect(customers.columns.find((c) => c.name === 'full_name')).toMatchObject({ maxLength: 100, isNullable: true });
      expect(customers.columns.find((c) => c.name === 'id')).toMatchObject({ ordinal: 1, isPrimaryKey: true, isNullable: false });
      expect(Object.isFrozen(customers)).toBe(true);
      expect(find(meta, 'sales', 'customer_emails').comment).toBe('Just the emails');
    });

    it('reads composite primary keys and foreign keys in key order', () => {
      const orders = find(meta, 'sales', 'orders');
      expect(orders.primaryKey).toEqual(['order_id', 'line_no']);
      expect(orders.foreignKeys).toEqual([
        { name: 'orders_customer_id_fkey', columns: ['customer_id'], referencedSchema: 'sales', referencedTable: 'customers', referencedColumns: ['id'] },
      ]);
      expect(find(meta, 'sales', 'shipments').foreignKeys).toEqual([
        { name: 'shipments_order_fk', columns: ['order_id', 'line_no'], referencedSchema: 'sales', referencedTable: 'orders', referencedColumns: ['order_id', 'line_no'] },
      ]);
      // NOT NULL constraints (contype 'n' on PG18/PGlite) are not keys.
      expect(find(meta, 'public', 'events').primaryKey).toEqual([]);
      expect(find(meta, 'public', 'events').foreignKeys).toEqual([]);
    });

    it('keeps awkward identifiers exactly', () => {
      const details = find(meta, 'Weird Schema', 'Order Details');
      expect(details.columns.map((c) => c.name)).toEqual(['x"y', 'select', 'a.b', 'naïve café']);
      expect(find(meta, 'public', 'select').primaryKey).toEqual(['id']);
    });

    it('estimates rows from statistics only (never from the size on disk, which waits on locks), and sums partitions', () => {
      expect(find(meta, 'public', 'big').rowEstimate).toBe(20000);
      expect(find(meta, 'public', 'empty_table').rowEstimate).toBe(0);
      expect(find(meta, 'public', 'events').rowEstimate).toBe(600);
      expect(find(meta, 'sales', 'order_counts').rowEstimate).toBe(1);
      // Never analyzed nor vacuumed: reltuples -1 and relpages 0, so nothing is known.
      expect(find(meta, 'public', 'never_analyzed').rowEstimate).toBeUndefined();
      expect(find(meta, 'sales', 'customer_emails').rowEstimate).toBeUndefined();
    });

    it('samples values as text, truncates long ones, counts NULLs and skips binary columns', async () => {
      const customers = find(meta, 'sales', 'customers');
      const sample = await connector.sample(customers, { rows: 100, columns: customers.columns, maxValueLength: 50, seed: 7 });
      expect(sample).toMatchObject({ method: 'all-rows', rowsRead: 10, queries: 1 });
      const col = (name: string) => sample.columns.get(name)!;
      expect(col('email').values).toHaveLength(10);
      expect(col('email').values).toContain('user3@example.com');
      expect(new Set(col('mood').values)).toEqual(new Set(['happy', 'sad']));
      expect(col('tags').values).toContain('{a1,b}');
      expect(col('profile').values).toContain('{"k": 1}');
      expect(col('ip').values).toContain('10.0.0.1');
      expect(col('balance').values).toContain('1.50');
      expect(col('created_at').values.every((v) => /^2024-01-\d\d \d\d:04:05/.test(v))).toBe(true);
      expect(col('bio')).toMatchObject({ truncatedCount: 10, nullCount: 0 });
      expect(col('bio').values.every((v) => v === 'x'.repeat(50))).toBe(true);
      expect(col('nothing')).toEqual({ values: [], nullCount: 10, truncatedCount: 0 });
      expect(col('photo')).toEqual({ values: [], nullCount: 0, truncatedCount: 0, skippedReason: BINARY_SKIPPED });
    });

    it('samples tables and columns with awkward names', async () => {
      const details = find(meta, 'Weird Schema', 'Order Details');
      const sample = await connector.sample(details, { rows: 10, columns: details.columns, maxValueLength: 512, seed: 1 });
      expect(Object.fromEntries([...sample.columns].map(([name, c]) => [name, c.values]))).toEqual({
        'x"y': ['q"uote'],
        select: ['1'],
        'a.b': ['dot'],
        'naïve café': ['crème brûlée'],
      });
      const quoted = find(meta, 'Weird Schema', "it's a\\back");
      expect((await connector.sample(quoted, { rows: 10, columns: quoted.columns, maxValueLength: 512, seed: 1 })).columns.get('v')!.values).toEqual(['found']);
      const selectTable = find(meta, 'public', 'select');
      expect((await connector.sample(selectTable, { rows: 5, columns: selectTable.columns, maxValueLength: 10, seed: 1 })).rowsRead).toBe(0);
    });

    it('samples a 20,000-row table with one query, spread over the table and repeatable', async () => {
      const big = find(meta, 'public', 'big');
      const options = { rows: 500, columns: big.columns, maxValueLength: 100, seed: 42 };
      const sample = await connector.sample(big, options);
      // Read whole (about 110 pages), the 500 rows with the smallest seeded hash of their position kept.
      expect(sample).toMatchObject({ method: 'seeded-hash', rowsRead: 500, queries: 1 });
      const ids = sample.columns.get('id')!.values.map(Number);
      expect(new Set(ids).size).toBe(500);
      expect(ids.filter((id) => id > 10000).length).toBeGreaterThan(150);
      expect(ids.filter((id) => id <= 5000).length).toBeGreaterThan(50);
      const again = await connector.sample(big, options);
      expect(again.columns.get('id')!.values).toEqual(sample.columns.get('id')!.values);
    });

    it('samples the same rows whatever the row estimate says', async () => {
      const big = find(meta, 'public', 'big');
      const options = { rows: 20, columns: big.columns, maxValueLength: 100, seed: 3 };
      const sample = await connector.sample(big, options);
      for (const rowEstimate of [50_000_000, 0, undefined]) {
        const other = await connector.sample({ ...big, rowEstimate }, options);
        expect(other).toEqual(sample);
      }
    });

    it('samples pages of a table larger than it reads whole, with one counted fallback when they are nearly empty', async () => {
      const sparse = find(meta, 'public', 'sparse');
      const options = { rows: 100, columns: sparse.columns, maxValueLength: 100, seed: 5 };
      const sample = await connector.sample(sparse, options);
      expect(sample).toMatchObject({ method: 'tablesample-system', rowsRead: 100, queries: 1 });
      const ids = sample.columns.get('id')!.values.map(Number);
      expect(ids.filter((id) => id > 10000).length).toBeGreaterThan(20);
      expect(ids.filter((id) => id <= 10000).length).toBeGreaterThan(20);
      expect((await connector.sample(sparse, options)).columns).toEqual(sample.columns);
      const shrunk = find(meta, 'public', 'shrunk');
      const fallback = await connector.sample(shrunk, { ...options, columns: shrunk.columns });
      expect(fallback).toMatchObject({ method: 'limit', rowsRead: 30, queries: 2 });
    });

    it('samples views, partitioned tables and empty tables', async () => {
      const view = find(meta, 'sales', 'customer_emails');
      expect(await connector.sample(view, { rows: 3, columns: view.columns, maxValueLength: 100, seed: 1 })).toMatchObject({
        method: 'limit',
        rowsRead: 3,
      });
      const events = find(meta, 'public', 'events');
      const eventSample = await connector.sample(events, { rows: 100, columns: events.columns, maxValueLength: 100, seed: 1 });
      expect(eventSample).toMatchObject({ method: 'seeded-hash', rowsRead: 100, queries: 1 });
      expect(eventSample.columns.get('happened')!.values.some((d) => d.startsWith('2025'))).toBe(true);
      const empty = find(meta, 'public', 'empty_table');
      expect(await connector.sample(empty, { rows: 10, columns: empty.columns, maxValueLength: 100, seed: 1 })).toMatchObject({
        method: 'all-rows',
        rowsRead: 0,
      });
    });

    it('cannot write: the session is read-only', async () => {
      for (const sql of ['INSERT INTO public.empty_table VALUES (1)', 'CREATE TABLE public.intruder (id int)', 'DELETE FROM public.big']) {
        const error = await connectorError(() => queryForTest(connector, sql));
        expect(error.code).toBe('25006');
        expect(error.message).toBe('PostgreSQL error 25006 (read-only sql transaction)');
      }
      const count = (await queryForTest(connector, 'SELECT count(*)::int AS n FROM public.big')) as { n: number }[];
      expect(count[0].n).toBe(20000);
      if (engine === 'postgres') {
        const settings = (await queryForTest(
          connector,
          "SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout",
        )) as { app: string; timeout: string }[];
        expect(settings[0]).toEqual({ app: 'piiscout', timeout: '30s' });
      }
    });

    if (engine === 'pglite') {
      it('refuses a data dir that does not exist or is not a database, instead of creating one', async () => {
        const missing = path.join(os.tmpdir(), `piiscout-no-such-dir-${process.pid}`);
        const error = await connectorError(() => connect(`pglite:${missing}`));
        expect(error.kind).toBe('unreachable');
        expect(error.hint).toBeTruthy();
        const plainDir = mkdtempSync(path.join(os.tmpdir(), 'piiscout-not-pglite-'));
        mkdirSync(path.join(plainDir, 'sub'));
        try {
          expect((await connectorError(() => connect(`pglite:${plainDir}`))).kind).toBe('unreachable');
        } finally {
          rmSync(plainDir, { recursive: true, force: true });
        }
      });
    }

    if (engine === 'postgres') {
      it('reports a table the user may not read as a permission error', async () => {
        const database = workerScopedName('pgconn_fixture');
        const roleUrl = await createPostgresLoginRole(database, 'pgconn_limited', [
          'GRANT USAGE ON SCHEMA sales TO pgconn_limited',
          'GRANT SELECT ON sales.orders TO pgconn_limited',
        ]);
        const limited = await connect(roleUrl);
        try {
          const limitedMeta = await limited.introspect({ includeViews: true });
          const orders = find(limitedMeta, 'sales', 'orders');
          expect((await limited.sample(orders, { rows: 10, columns: orders.columns, maxValueLength: 50, seed: 1 })).rowsRead).toBe(2);
          const customers = find(limitedMeta, 'sales', 'customers');
          const error = await connectorError(() => limited.sample(customers, { rows: 10, columns: customers.columns, maxValueLength: 50, seed: 1 }));
          expect(error.kind).toBe('permission');
          expect(error.hint).toContain('GRANT SELECT ON "sales"."customers" TO "pgconn_limited"');
        } finally {
          await limited.close();
        }
      });

      it('samples the columns a role may read and lists the others as unreadable (column grants)', async () => {
        const database = workerScopedName('pgconn_fixture');
        const roleUrl = await createPostgresLoginRole(database, 'pgconn_columns', [
          'GRANT USAGE ON SCHEMA sales TO pgconn_columns',
          'GRANT SELECT (id, full_name, mood, tags) ON sales.customers TO pgconn_columns',
        ]);
        const limited = await connect(roleUrl);
        try {
          const customers = find(await limited.introspect({ includeViews: false }), 'sales', 'customers');
          const options = { rows: 5, columns: customers.columns, maxValueLength: 50, seed: 1 };
          const sample = await limited.sample(customers, options);
          expect(sample).toMatchObject({ method: 'seeded-hash', rowsRead: 5, queries: 1 });
          expect(sample.columns.get('full_name')!.values.every((v) => /^User \d+$/.test(v))).toBe(true);
          expect(new Set(sample.columns.get('mood')!.values).size).toBeGreaterThan(0);
          expect(sample.columns.get('email')).toEqual({ values: [], nullCount: 0, truncatedCount: 0, skippedReason: UNREADABLE_SKIPPED });
          expect(sample.columns.get('photo')!.skippedReason).toBe(BINARY_SKIPPED);
          expect((await limited.sample(customers, options)).columns).toEqual(sample.columns);
        } finally {
          await limited.close();
        }
        const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'piiscout-columns-')), 'columns.yml');
        const run = await runCli(['scan', roleUrl, '--include', 'sales.customers', '-o', out, '--json']);
        expect(run.code).toBe(0);
        expect(JSON.parse(run.stdout)).toMatchObject({ tablesScanned: 1, tablesSkipped: 0 });
        const email = (YAML.parse(readFileSync(out, 'utf8')).dataset[0].collections[0].fields as { name: string; piiscout: { note?: string } }[]).find(
          (f) => f.name === 'email',
        );
        expect(email?.piiscout.note).toBe(UNREADABLE_SKIPPED);
        rmSync(path.dirname(out), { recursive: true, force: true });
      });

      it('stops a slow statement at the statement timeout', async () => {
        const quick = await connect(fixture.url, { statementTimeoutSeconds: 1 });
        try {
          const slow = find(meta, 'public', 'slow_view');
          const started = Date.now();
          const error = await connectorError(() => quick.sample(slow, { rows: 1, columns: slow.columns, maxValueLength: 50, seed: 1 }));
          expect(error.kind).toBe('timeout');
          expect(error.message).toContain('public.slow_view');
          expect(Date.now() - started).toBeLessThan(2500);
        } finally {
          await quick.close();
        }
      });

      it('maps a bad password to auth, without printing the password', async () => {
        const url = new URL(fixture.url);
        url.password = 'Wrong-Secret-4711';
        const error = await connectorError(() => connect(url.toString()));
        expect(error.kind).toBe('auth');
        expect(`${error.message} ${error.hint} ${error.stack}`).not.toContain('Wrong-Secret-4711');
        const connector = await createConnector(parseConnectionString(url.toString(), { env: {} }));
        expect(connector.displayName).not.toContain('Wrong-Secret-4711');
      });

      it('maps an unknown database and an unreachable port', async () => {
        const unknown = new URL(fixture.url);
        unknown.pathname = '/no_such_database_here';
        expect((await connectorError(() => connect(unknown.toString()))).kind).toBe('unknown-database');

        const closedPort = await unusedPort();
        const error = await connectorError(() => connect(`postgres://nobody@127.0.0.1:${closedPort}/db`));
        expect(error.kind).toBe('unreachable');
        expect(error.message).toContain(`127.0.0.1:${closedPort}`);
      });
    }
  },
  ['postgres', 'pglite'],
);

/** A loopback port nothing listens on (the kernel just handed it out and it was closed again). */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
