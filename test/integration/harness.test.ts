/**
 * Smoke test of the test harness itself: the servers that global setup started answer, the
 * database helpers work, and the Cookie House loaders produce the tables Fides' datasets describe.
 */
import { describe, expect, inject, it } from 'vitest';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { describeEngines, selectedEngines } from '../helpers/engines.js';
import {
  createMysqlDatabase,
  createMysqlLoginUser,
  createPostgresDatabase,
  createPostgresLoginRole,
  loadCookieHouseMariadb,
  loadCookieHousePostgres,
  mysqlAdminUrl,
  postgresAdminUrl,
  runMysqlSql,
  runPostgresSql,
} from '../helpers/servers.js';

const COOKIE_HOUSE_PUBLIC_TABLES = [
  'address', 'composite_pk_test', 'customer', 'dynamic_email_address_config', 'employee', 'login', 'loyalty',
  'order_item', 'orders', 'payment_card', 'product', 'report', 'service_request', 'type_link_test', 'visit',
];
const COOKIE_HOUSE_MARIADB_TABLES = [
  'address', 'customer', 'employee', 'login', 'order_item', 'orders', 'payment_card', 'product', 'report',
  'service_request', 'visit',
];

async function withPg<T>(url: string, query: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await query(client);
  } finally {
    await client.end();
  }
}

async function withMysql<T>(url: string, query: (connection: mysql.Connection) => Promise<T>): Promise<T> {
  const connection = await mysql.createConnection(url);
  try {
    return await query(connection);
  } finally {
    await connection.end();
  }
}

describeEngines(
  'test server',
  (engine) => {
    if (engine === 'postgres') {
      it('answers SELECT 1 as the superuser', async () => {
        const rows = await withPg(postgresAdminUrl(), async (c) => (await c.query('SELECT 1 AS one')).rows);
        expect(rows).toEqual([{ one: 1 }]);
      });

      it('runs PostgreSQL 15 on loopback', async () => {
        const version = await withPg(postgresAdminUrl(), async (c) => (await c.query('SHOW server_version_num')).rows[0]);
        expect(Number(version.server_version_num)).toBeGreaterThanOrEqual(150000);
        expect(new URL(postgresAdminUrl()).hostname).toBe('127.0.0.1');
      });

      it('creates databases, reports SQL errors, and limits a login role to its grants', async () => {
        const url = await createPostgresDatabase('harness_pg', { sql: 'CREATE TABLE secret (id int); CREATE TABLE open (id int);' });
        await expect(runPostgresSql('harness_pg', 'SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
        const roleUrl = await createPostgresLoginRole('harness_pg', 'harness_reader', ['GRANT SELECT ON open TO harness_reader']);
        await withPg(roleUrl, async (c) => {
          await expect(c.query('SELECT * FROM open')).resolves.toBeDefined();
          await expect(c.query('SELECT * FROM secret')).rejects.toThrow(/permission denied/);
        });
        expect(await withPg(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM open')).rows[0].n)).toBe(0);
      });

      it('loads the Cookie House sample database', async () => {
        const url = await loadCookieHousePostgres();
        const tables = await withPg(url, async (c) =>
          (await c.query(`SELECT table_schema, table_name FROM information_schema.tables
                          WHERE table_schema IN ('public', 'backup_schema') ORDER BY 1, 2`)).rows,
        );
        expect(tables.filter((t) => t.table_schema === 'public').map((t) => t.table_name)).toEqual(COOKIE_HOUSE_PUBLIC_TABLES);
        expect(tables.filter((t) => t.table_schema === 'backup_schema')).toHaveLength(13);
        const customers = await withPg(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM customer')).rows[0].n);
        expect(customers).toBeGreaterThan(0);
      });
    }

    if (engine === 'mysql') {
      it('answers SELECT 1 as the admin user', async () => {
        const rows = await withMysql(mysqlAdminUrl(), async (c) => (await c.query('SELECT 1 AS one'))[0]);
        expect(rows).toEqual([{ one: 1 }]);
      });

      it('runs MariaDB 10.11 with local_infile on', async () => {
        const [rows] = await withMysql(mysqlAdminUrl(), (c) => c.query('SELECT VERSION() AS v, @@local_infile AS li'));
        const row = (rows as { v: string; li: number }[])[0];
        expect(row.v).toMatch(/^10\.11\..*MariaDB/);
        expect(row.li).toBe(1);
      });

      it('creates databases, reports SQL errors, and limits a login user to its grants', async () => {
        await createMysqlDatabase('harness_my', { sql: 'CREATE TABLE secret (id int); CREATE TABLE open (id int);' });
        await expect(runMysqlSql('SELECT * FROM no_such_table', 'harness_my')).rejects.toThrow(/no_such_table/);
        const userUrl = await createMysqlLoginUser('harness_reader', ['GRANT SELECT ON harness_my.open TO harness_reader@127.0.0.1'], 'harness_my');
        await withMysql(userUrl, async (c) => {
          await expect(c.query('SELECT * FROM open')).resolves.toBeDefined();
          await expect(c.query('SELECT * FROM secret')).rejects.toThrow(/denied/);
        });
      });

      it('loads the MariaDB Cookie House sample database', async () => {
        const url = await loadCookieHouseMariadb();
        const database = new URL(url).pathname.slice(1);
        const [rows] = await withMysql(url, (c) =>
          c.query('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = ?', [database]),
        );
        expect((rows as { t: string }[]).map((r) => r.t).sort()).toEqual(COOKIE_HOUSE_MARIADB_TABLES);
        const [count] = await withMysql(url, (c) => c.query('SELECT count(*) AS n FROM customer'));
        expect(Number((count as { n: number }[])[0].n)).toBeGreaterThan(0);
      });
    }
  },
  ['postgres', 'mysql'],
);

describe('server selection', () => {
  it('provides connection details exactly for the selected server engines', () => {
    const servers = inject('piiscoutServers');
    expect(servers.postgres !== undefined).toBe(selectedEngines().includes('postgres'));
    expect(servers.mysql !== undefined).toBe(selectedEngines().includes('mysql'));
    // Child processes (CLI tests) get the same servers through the environment.
    expect(process.env.PIISCOUT_TEST_PG_URL !== undefined).toBe(selectedEngines().includes('postgres'));
    expect(process.env.PIISCOUT_TEST_MYSQL_URL !== undefined).toBe(selectedEngines().includes('mysql'));
  });
});
