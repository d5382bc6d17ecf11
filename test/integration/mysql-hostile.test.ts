/**
 * A hostile database on the real MariaDB: an unprivileged owner plants views whose stored functions
 * write (SQL SECURITY DEFINER and INVOKER), switch the session back to READ WRITE, change global
 * settings through the scanner's privileges, raise errors carrying a value (SIGNAL), fake a fatal
 * error number, and shadow the sampler's function names. A superuser scans it with --include-views:
 * nothing is written, no setting changes, no value reaches any output, and every view that could
 * not be read safely is skipped and listed (exit 3).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseConnectionString } from '../../connectors/index.js';
import { createTestConnector, type MysqlTestConnector } from '../helpers/connector-hooks.js';
import { describeEngines } from '../helpers/engines.js';
import { runCli } from '../helpers/fixtures.js';
import { createMysqlDatabase, createMysqlLoginUser, mysqlAdminUrl, runMysqlSql, workerScopedName } from '../helpers/servers.js';

const DB = workerScopedName('hostile');
const OWNER = workerScopedName('mallory');
// A value only the database holds: it must appear in no output.
const CANARY = 'cnry' + randomBytes(5).toString('hex');

/** What the owner plants, one statement per query (no DELIMITER needed without a client). */
const OWNER_STATEMENTS = [
  `CREATE FUNCTION f_write_definer() RETURNS INT MODIFIES SQL DATA SQL SECURITY DEFINER
   BEGIN SET @pwned = 'definer'; INSERT INTO marker VALUES ('definer'); RETURN 1; END`,
  `CREATE FUNCTION f_write_invoker() RETURNS INT MODIFIES SQL DATA SQL SECURITY INVOKER
   BEGIN INSERT INTO marker VALUES (CONCAT('invoker ', CURRENT_USER())); RETURN 1; END`,
  // Declared NO SQL, so the catalog can describe its view in a read-only session.
  `CREATE FUNCTION f_flip() RETURNS INT NO SQL SQL SECURITY DEFINER
   BEGIN SET SESSION TRANSACTION READ WRITE; SET @pwned = 'flip'; SET SESSION max_statement_time = 0; RETURN 1; END`,
  `CREATE FUNCTION f_global() RETURNS INT NO SQL SQL SECURITY INVOKER
   BEGIN SET GLOBAL max_connect_errors = 4242; RETURN 1; END`,
  `CREATE FUNCTION f_leak() RETURNS INT READS SQL DATA SQL SECURITY DEFINER
   BEGIN DECLARE v VARCHAR(200); SELECT note INTO v FROM people LIMIT 1; SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v; RETURN 1; END`,
  `CREATE FUNCTION f_fatal() RETURNS INT READS SQL DATA SQL SECURITY DEFINER
   BEGIN DECLARE v VARCHAR(200); SELECT note INTO v FROM people LIMIT 1; SIGNAL SQLSTATE '28000' SET MYSQL_ERRNO = 1045, MESSAGE_TEXT = v; RETURN 1; END`,
  // Stored functions named like the built-ins the sampler calls; unqualified calls must stay built-in.
  ...['left', 'rand', 'bin', 'floor'].map(
    (name) => `CREATE FUNCTION \`${name}\`(a DOUBLE) RETURNS DOUBLE MODIFIES SQL DATA BEGIN INSERT INTO marker VALUES ('${name}'); RETURN 0; END`,
  ),
  'CREATE VIEW v_write_definer AS SELECT id, email, f_write_definer() AS x FROM people',
  'CREATE SQL SECURITY INVOKER VIEW v_write_invoker AS SELECT id, email, f_write_invoker() AS x FROM people',
  'CREATE VIEW v_flip AS SELECT id, email, f_flip() AS x FROM people',
  'CREATE SQL SECURITY INVOKER VIEW v_global AS SELECT id, email, f_global() AS x FROM people',
  'CREATE VIEW v_leak AS SELECT id, f_leak() AS x FROM people',
  'CREATE VIEW v_fatal AS SELECT id, f_fatal() AS x FROM people',
  'CREATE TABLE doomed (a VARCHAR(10))',
  'CREATE VIEW v_broken AS SELECT a FROM doomed',
  'DROP TABLE doomed',
];

const VIEWS_SKIPPED = ['v_broken', 'v_fatal', 'v_global', 'v_leak', 'v_write_definer', 'v_write_invoker'];

async function withConnection<T>(url: string, work: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection(url);
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

const adminQuery = (sql: string) => withConnection(mysqlAdminUrl(DB), async (c) => (await c.query<mysql.RowDataPacket[]>(sql))[0]);

describeEngines(
  'A hostile MariaDB database',
  () => {
    let tempDir: string;
    let connectionsErrorsBefore: unknown;

    beforeAll(async () => {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-hostile-'));
      const host = new URL(mysqlAdminUrl()).hostname;
      await createMysqlDatabase(DB, {
        sql: `CREATE TABLE marker (what VARCHAR(200));
              CREATE TABLE people (id INT PRIMARY KEY, email VARCHAR(100), note VARCHAR(200));
              INSERT INTO people VALUES (1, 'ann@example.com', '${CANARY}'), (2, 'bob@example.com', '${CANARY}-2');`,
      });
      const ownerUrl = await createMysqlLoginUser(
        OWNER,
        [`GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, EXECUTE ON \`${DB}\`.* TO '${OWNER}'@'${host}'`],
        DB,
      );
      await withConnection(ownerUrl, async (owner) => {
        for (const statement of OWNER_STATEMENTS) await owner.query(statement);
      });
      connectionsErrorsBefore = (await adminQuery('SELECT @@global.max_connect_errors AS v'))[0].v;
    });

    afterAll(async () => {
      const host = new URL(mysqlAdminUrl()).hostname;
      await runMysqlSql(`SET GLOBAL max_connect_errors = ${Number(connectionsErrorsBefore ?? 100)}; DROP DATABASE IF EXISTS \`${DB}\`; DROP USER IF EXISTS '${OWNER}'@'${host}';`);
      fs.rmSync(tempDir, { recursive: true, force: true });
    });

    it('scanned by a superuser with --include-views: writes nothing, changes no setting, leaks nothing, lists every unsafe view (exit 3)', async () => {
      const out = path.join(tempDir, 'hostile.yml');
      const run = await runCli(['scan', mysqlAdminUrl(DB), '--include-views', '--no-ml', '--concurrency', '2', '-o', out, '--json']);
      expect(run.code, run.stderr).toBe(3);

      expect(await adminQuery('SELECT * FROM marker')).toEqual([]);
      expect((await adminQuery('SELECT @@global.max_connect_errors AS v'))[0].v).toBe(connectionsErrorsBefore);

      const summary = JSON.parse(run.stdout) as {
        warnings: string[];
        skipped: { table: string; kind: string; message: string }[];
        tablesScanned: number;
      };
      expect(summary.warnings.join('\n')).toMatch(/holds ALL PRIVILEGES on \*\.\* \(a superuser\)/);
      expect(run.stderr).toMatch(/warning: the scanning user holds ALL PRIVILEGES/);
      expect(summary.skipped.map((s) => s.table).sort()).toEqual(VIEWS_SKIPPED);
      const reasons = Object.fromEntries(summary.skipped.map((s) => [s.table, s]));
      expect(reasons.v_global).toMatchObject({ kind: 'unsafe' });
      expect(reasons.v_write_definer).toMatchObject({ kind: 'unreadable' });
      expect(reasons.v_broken).toMatchObject({ kind: 'unreadable' });
      expect(reasons.v_leak.message).toMatch(/SIGNAL/);
      // Tables, and the view whose function only changes session state, are read.
      expect(summary.tablesScanned).toBe(3);

      const yaml = fs.readFileSync(out, 'utf8');
      const collections = (YAML.parse(yaml) as { dataset: { collections: { name: string; piiscout: { status: string } }[] }[] }).dataset[0].collections;
      expect(collections.filter((c) => c.piiscout.status === 'skipped').map((c) => c.name).sort()).toEqual(VIEWS_SKIPPED);
      for (const text of [yaml, run.stdout, run.stderr]) expect(text).not.toContain(CANARY);
    });

    it('keeps the canary out of the checkpoint of an interrupted scan', async () => {
      const out = path.join(tempDir, 'interrupted.yml');
      const run = await runCli(['scan', mysqlAdminUrl(DB), '--include-views', '--no-ml', '--concurrency', '1', '-o', out], {
        // Once every table is done (2 tables, 7 views; the order they finish in is the subject graph's), before the file is written.
        env: { PIISCOUT_TEST_ABORT_AFTER_TABLES: '9' },
      });
      expect(run.code, run.stderr).toBe(130);
      const checkpoint = fs.readFileSync(`${out}.checkpoint.jsonl`, 'utf8');
      expect(checkpoint).toContain('v_leak');
      expect(checkpoint).toContain('v_fatal');
      expect(checkpoint).not.toContain(CANARY);
      expect(run.stderr).not.toContain(CANARY);
    });

    it('does not let a view function leave state on a pooled session (READ WRITE, user variables, timeout)', async () => {
      const connector = createTestConnector(parseConnectionString(mysqlAdminUrl(DB), { env: {} })) as MysqlTestConnector;
      await connector.connect({ statementTimeoutSeconds: 30, concurrency: 1 });
      try {
        const meta = await connector.introspect({ includeViews: true });
        const flip = meta.tables.find((t) => t.name === 'v_flip')!;
        const sample = await connector.sample(flip, { rows: 10, columns: flip.columns, maxValueLength: 100, seed: 1 });
        expect(sample.rowsRead).toBe(2);
        // One pooled session only: the next statement would run on the session the function changed.
        const [state] = (await connector.runStatementForReadOnlyTest(
          'SELECT @pwned AS pwned, @@session.tx_read_only AS ro, @@session.max_statement_time AS timeout',
        )) as { pwned: unknown; ro: unknown; timeout: unknown }[];
        expect({ pwned: state.pwned, readOnly: Number(state.ro), timeout: Number(state.timeout) }).toEqual({ pwned: null, readOnly: 1, timeout: 30 });
        await expect(connector.runStatementForReadOnlyTest("INSERT INTO marker VALUES ('after flip')")).rejects.toMatchObject({
          code: 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION',
        });
      } finally {
        await connector.close();
      }
      expect(await adminQuery('SELECT * FROM marker')).toEqual([]);
    });
  },
  ['mysql'],
);
