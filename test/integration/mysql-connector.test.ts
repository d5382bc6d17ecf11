/**
 * MysqlConnector against the real MariaDB that the global setup starts: catalog introspection over
 * two databases, sampling plans on small and 20,000-row tables, read-only sessions, and error kinds.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector, parseConnectionString } from '../../connectors/index.js';
import { createTestConnector, type MysqlTestConnector } from '../helpers/connector-hooks.js';
import type { Connector, ConnectOptions } from '../../src/core/connector.js';
import { ConnectorError } from '../../src/core/errors.js';
import type { DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import { describeEngines } from '../helpers/engines.js';
import { createMysqlDatabase, createMysqlLoginUser, mysqlAdminUrl, runMysqlSql } from '../helpers/servers.js';

const SHOP = 'myconn_shop';
const CRM = 'myconn_crm';
const CONNECT: ConnectOptions = { statementTimeoutSeconds: 30, concurrency: 3, applicationName: 'piiscout-test' };

const SHOP_SQL = `
CREATE TABLE customers (
  id INT PRIMARY KEY AUTO_INCREMENT,
  email VARCHAR(255) NOT NULL COMMENT 'Login e-mail',
  notes TEXT,
  always_null VARCHAR(20),
  is_active TINYINT(1) NOT NULL DEFAULT 1,
  balance DECIMAL(10,2),
  score DOUBLE,
  born DATE,
  created_at DATETIME,
  prefs JSON,
  avatar BLOB,
  tier ENUM('free','pro'),
  tags SET('a','b','c'),
  flags BIT(3),
  ext_id UUID,
  last_ip INET6,
  yr YEAR
) COMMENT='People who buy things';
INSERT INTO customers (email, notes, is_active, balance, score, born, created_at, prefs, avatar, tier, tags, flags, ext_id, last_ip, yr) VALUES
  ('ann@example.com', REPEAT('n', 600), 1, 12.50, 0.25, '1990-02-03', '2024-01-02 03:04:05', '{"lang":"en"}', X'00FF', 'pro', 'a,c', b'101', '123e4567-e89b-12d3-a456-426614174000', '2001:db8::1', 2024),
  ('bob@example.com', 'short', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  ('cy@example.com', NULL, 1, 0.00, 1e10, '2000-12-31', '1999-12-31 23:59:59', '[1,2]', X'01', 'free', '', b'0', NULL, '::ffff:10.0.0.1', 1999);
CREATE TABLE orders (
  id INT PRIMARY KEY,
  customer_id INT NOT NULL,
  order_no VARCHAR(20) NOT NULL,
  CONSTRAINT uq_orders_no UNIQUE (order_no),
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
CREATE TABLE order_lines (
  line_no INT NOT NULL,
  order_id INT NOT NULL,
  sku VARCHAR(20),
  PRIMARY KEY (order_id, line_no),
  CONSTRAINT fk_lines_order FOREIGN KEY (order_id) REFERENCES orders (id)
);
CREATE TABLE shipments (
  id INT PRIMARY KEY,
  ship_line INT,
  ship_order INT,
  CONSTRAINT fk_ship_line FOREIGN KEY (ship_order, ship_line) REFERENCES order_lines (order_id, line_no)
);
CREATE TABLE \`Order Details\` (id INT PRIMARY KEY, \`we\`\`ird\` VARCHAR(50), \`it's\` VARCHAR(50), \`select\` VARCHAR(10));
INSERT INTO \`Order Details\` VALUES (1, 'tick', 'quote', 'kw');
CREATE TABLE \`select\` (\`from\` INT);
INSERT INTO \`select\` VALUES (7);
CREATE TABLE \`a.b\` (x VARCHAR(10));
INSERT INTO \`a.b\` VALUES ('dot');
CREATE TABLE \`naïve café\` (\`crème\` VARCHAR(10));
INSERT INTO \`naïve café\` VALUES ('brûlée');
CREATE TABLE empty_table (id INT PRIMARY KEY, name VARCHAR(10));
CREATE VIEW active_customers AS SELECT id, email FROM customers WHERE is_active = 1;
CREATE VIEW slow_view AS SELECT SLEEP(5) AS slept, id FROM customers;
CREATE TABLE big_keyed (id INT PRIMARY KEY, val VARCHAR(20));
INSERT INTO big_keyed SELECT seq, CONCAT('v', seq) FROM seq_1_to_20000;
CREATE TABLE big_heap (n INT NOT NULL, val VARCHAR(20));
INSERT INTO big_heap SELECT seq, CONCAT('h', seq) FROM seq_1_to_20000;
ANALYZE TABLE big_keyed, big_heap;
CREATE TABLE clash (id INT PRIMARY KEY, lo VARCHAR(10), span VARCHAR(10), more VARCHAR(10), piiscout_t INT, piiscout_range INT);
INSERT INTO clash SELECT seq, CONCAT('l', seq), 's', 'm', seq, seq FROM seq_1_to_500;
`;

const CRM_SQL = `
CREATE TABLE contacts (
  id INT PRIMARY KEY,
  phone VARCHAR(30),
  shop_customer_id INT,
  CONSTRAINT fk_contact_customer FOREIGN KEY (shop_customer_id) REFERENCES ${SHOP}.customers (id)
);
INSERT INTO contacts VALUES (1, '+44 20 7946 0000', 1);
CREATE TABLE secret_notes (id INT PRIMARY KEY, note TEXT);
CREATE TABLE partly_secret (id INT PRIMARY KEY, note TEXT);
`;

async function connect(url: string, options: ConnectOptions = CONNECT): Promise<Connector> {
  const connector = createTestConnector(parseConnectionString(url, { env: {} }));
  await connector.connect(options);
  return connector;
}

function find(meta: DatabaseMetadata, schema: string, name: string): TableMetadata {
  const table = meta.tables.find((t) => t.schema === schema && t.name === name);
  if (!table) throw new Error(`table ${schema}.${name} not introspected`);
  return table;
}

async function connectorError(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describeEngines(
  'MysqlConnector',
  () => {
    let admin: Connector;
    let meta: DatabaseMetadata;

    beforeAll(async () => {
      await createMysqlDatabase(SHOP, { sql: SHOP_SQL });
      await createMysqlDatabase(CRM, { sql: CRM_SQL });
      admin = await connect(mysqlAdminUrl(SHOP));
      meta = await admin.introspect({ includeViews: true });
    });

    afterAll(async () => {
      await admin?.close();
      await runMysqlSql(`DROP DATABASE IF EXISTS ${CRM}; DROP DATABASE IF EXISTS ${SHOP};`);
    });

    describe('introspect', () => {
      it('walks every database, not just the default one, and skips system databases', () => {
        expect(meta.engine).toBe('mysql');
        expect(meta.serverVersion).toMatch(/MariaDB/);
        expect(meta.schemas).toEqual(expect.arrayContaining([SHOP, CRM]));
        for (const system of ['mysql', 'information_schema', 'performance_schema', 'sys']) expect(meta.schemas).not.toContain(system);
        expect(meta.tables.filter((t) => t.schema === CRM).map((t) => t.name)).toEqual(['contacts', 'partly_secret', 'secret_notes']);
      });

      it('reads tables, views, weird names and comments', () => {
        const names = meta.tables.filter((t) => t.schema === SHOP).map((t) => t.name);
        for (const name of ['Order Details', 'select', 'a.b', 'naïve café', 'empty_table', 'active_customers']) expect(names).toContain(name);
        const customers = find(meta, SHOP, 'customers');
        expect(customers.kind).toBe('table');
        expect(customers.comment).toBe('People who buy things');
        expect(customers.columns.find((c) => c.name === 'email')).toMatchObject({ comment: 'Login e-mail', isNullable: false, maxLength: 255, rawType: 'varchar(255)' });
        const view = find(meta, SHOP, 'active_customers');
        expect(view.kind).toBe('view');
        expect(view.comment).toBeUndefined(); // InnoDB reports 'VIEW' there
        expect(view.rowEstimate).toBeUndefined();
        expect(find(meta, SHOP, 'Order Details').columns.map((c) => c.name)).toEqual(['id', 'we`ird', "it's", 'select']);
        expect(find(meta, SHOP, 'naïve café').columns.map((c) => c.name)).toEqual(['crème']);
      });

      it('normalizes column types, MariaDB JSON included', () => {
        const types = Object.fromEntries(find(meta, SHOP, 'customers').columns.map((c) => [c.name, c.normalizedType]));
        expect(types).toEqual({
          id: 'integer',
          email: 'string',
          notes: 'string',
          always_null: 'string',
          is_active: 'boolean',
          balance: 'decimal',
          score: 'float',
          born: 'date',
          created_at: 'timestamp',
          prefs: 'json',
          avatar: 'binary',
          tier: 'enum',
          tags: 'enum',
          flags: 'other',
          ext_id: 'uuid',
          last_ip: 'inet',
          yr: 'integer',
        });
        expect(find(meta, SHOP, 'customers').columns.map((c) => c.ordinal)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
      });

      it('reads primary keys (composite in key order) and foreign keys (composite and cross-database)', () => {
        expect(find(meta, SHOP, 'customers').primaryKey).toEqual(['id']);
        expect(find(meta, SHOP, 'customers').columns.find((c) => c.name === 'id')?.isPrimaryKey).toBe(true);
        expect(find(meta, SHOP, 'order_lines').primaryKey).toEqual(['order_id', 'line_no']);
        // A unique key is neither (orders.order_no).
        expect(find(meta, SHOP, 'orders').primaryKey).toEqual(['id']);
        expect(find(meta, SHOP, 'big_heap').primaryKey).toEqual([]);
        expect(find(meta, SHOP, 'orders').foreignKeys).toEqual([
          { name: 'fk_orders_customer', columns: ['customer_id'], referencedSchema: SHOP, referencedTable: 'customers', referencedColumns: ['id'] },
        ]);
        expect(find(meta, SHOP, 'shipments').foreignKeys).toEqual([
          { name: 'fk_ship_line', columns: ['ship_order', 'ship_line'], referencedSchema: SHOP, referencedTable: 'order_lines', referencedColumns: ['order_id', 'line_no'] },
        ]);
        expect(find(meta, CRM, 'contacts').foreignKeys[0]).toMatchObject({ referencedSchema: SHOP, referencedTable: 'customers' });
      });

      it('returns frozen metadata, row estimates, and honours includeViews and schemaFilter', async () => {
        expect(Object.isFrozen(meta.tables)).toBe(true);
        expect(Object.isFrozen(find(meta, SHOP, 'customers').columns[0])).toBe(true);
        expect(find(meta, SHOP, 'big_keyed').rowEstimate).toBeGreaterThan(10_000);
        const filtered = await admin.introspect({ includeViews: false, schemaFilter: (s) => s === CRM });
        expect(filtered.schemas).toEqual([CRM]);
        expect(filtered.tables.every((t) => t.schema === CRM && t.kind === 'table')).toBe(true);
        const noViews = await admin.introspect({ includeViews: false, schemaFilter: (s) => s === SHOP });
        expect(noViews.tables.some((t) => t.kind === 'view')).toBe(false);
      });
    });

    describe('sample', () => {
      const options = (table: TableMetadata, rows = 100) => ({ rows, columns: table.columns, maxValueLength: 512, seed: 42 });

      it('reads a small table whole, as text, with truncation, nulls and skipped binary columns', async () => {
        const customers = find(meta, SHOP, 'customers');
        const sample = await admin.sample(customers, options(customers));
        expect(sample).toMatchObject({ method: 'all-rows', rowsRead: 3, queries: 1 });
        const col = (name: string) => sample.columns.get(name)!;
        expect(col('email').values).toEqual(['ann@example.com', 'bob@example.com', 'cy@example.com']);
        expect(col('notes')).toMatchObject({ nullCount: 1, truncatedCount: 1 });
        expect(col('notes').values[0]).toHaveLength(512);
        expect(col('always_null')).toMatchObject({ values: [], nullCount: 3 });
        expect(col('avatar').skippedReason).toMatch(/binary/);
        expect(col('avatar').values).toEqual([]);
        expect(col('is_active').values).toEqual(['1', '0', '1']);
        expect(col('balance').values).toEqual(['12.50', '0.00']);
        expect(col('born').values).toEqual(['1990-02-03', '2000-12-31']);
        expect(col('created_at').values).toEqual(['2024-01-02 03:04:05', '1999-12-31 23:59:59']);
        expect(col('prefs').values).toEqual(['{"lang":"en"}', '[1,2]']);
        expect(col('tier').values).toEqual(['pro', 'free']);
        expect(col('tags').values).toEqual(['a,c', '']);
        expect(col('flags').values).toEqual(['101', '0']);
        expect(col('ext_id').values).toEqual(['123e4567-e89b-12d3-a456-426614174000']);
        expect(col('last_ip').values).toEqual(['2001:db8::1', '::ffff:10.0.0.1']);
        expect(col('yr').values).toEqual(['2024', '1999']);
        for (const c of sample.columns.values()) for (const v of c.values) expect(typeof v).toBe('string');
      });

      it('samples weird identifiers, empty tables and views', async () => {
        const details = find(meta, SHOP, 'Order Details');
        const sample = await admin.sample(details, options(details));
        expect(sample.columns.get('we`ird')?.values).toEqual(['tick']);
        expect(sample.columns.get("it's")?.values).toEqual(['quote']);
        expect(sample.columns.get('select')?.values).toEqual(['kw']);
        for (const [name, value] of [['select', '7'], ['a.b', 'dot'], ['naïve café', 'brûlée']]) {
          const table = find(meta, SHOP, name);
          expect([...(await admin.sample(table, options(table))).columns.values()][0].values).toEqual([value]);
        }
        const empty = find(meta, SHOP, 'empty_table');
        expect(await admin.sample(empty, options(empty))).toMatchObject({ rowsRead: 0, queries: 1 });
        const view = find(meta, SHOP, 'active_customers');
        expect(await admin.sample(view, options(view))).toMatchObject({ method: 'limit', rowsRead: 2 });
      });

      it('samples a 20,000-row keyed table through key windows spread over the table', async () => {
        const table = find(meta, SHOP, 'big_keyed');
        const sample = await admin.sample(table, options(table, 500));
        expect(sample.method).toBe('random-key-windows');
        expect(sample.rowsRead).toBeLessThanOrEqual(500);
        expect(sample.rowsRead).toBeGreaterThan(400);
        const ids = sample.columns.get('id')!.values.map(Number);
        expect(new Set(ids).size).toBe(ids.length); // windows are disjoint
        expect(Math.min(...ids)).toBeLessThan(2_000);
        expect(Math.max(...ids)).toBeGreaterThan(18_000);
        expect(ids.filter((id) => id > 10_000).length).toBeGreaterThan(100);
        const again = await admin.sample(table, options(table, 500));
        expect(again.columns.get('id')!.values).toEqual(sample.columns.get('id')!.values); // same seed, same rows
      });

      it('samples key windows of a table whose column names match the names the statement uses', async () => {
        const table = find(meta, SHOP, 'clash');
        const sample = await admin.sample(table, options(table, 100));
        expect(sample.method).toBe('random-key-windows');
        expect(sample.rowsRead).toBeGreaterThan(60);
        expect(sample.columns.get('lo')!.values.every((v) => /^l\d+$/.test(v))).toBe(true);
        expect(sample.columns.get('more')!.values.every((v) => v === 'm')).toBe(true);
      });

      it('samples a 20,000-row table without a key through a seeded RAND() filter', async () => {
        const table = find(meta, SHOP, 'big_heap');
        const sample = await admin.sample(table, options(table, 500));
        expect(sample.method).toBe('tablesample-bernoulli');
        expect(sample.rowsRead).toBeLessThanOrEqual(500);
        expect(sample.rowsRead).toBeGreaterThan(300);
        const ns = sample.columns.get('n')!.values.map(Number);
        expect(Math.max(...ns)).toBeGreaterThan(5_000); // not just the first rows
      });

      it('runs the session read-only: writes fail on every pooled session', async () => {
        const connector = admin as MysqlTestConnector;
        const attempts = await Promise.allSettled(
          Array.from({ length: 3 }, (_, i) => connector.runStatementForReadOnlyTest(`INSERT INTO ${SHOP}.empty_table VALUES (${i + 1}, 'x')`)),
        );
        for (const attempt of attempts) {
          expect(attempt.status).toBe('rejected');
          const reason = (attempt as PromiseRejectedResult).reason as ConnectorError;
          expect(reason).toBeInstanceOf(ConnectorError);
          expect(reason.code).toBe('ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION');
          expect(reason.message).toMatch(/read-only session/i);
        }
        const empty = find(meta, SHOP, 'empty_table');
        expect((await admin.sample(empty, options(empty))).rowsRead).toBe(0);
      });

      it('maps a statement timeout to timeout', async () => {
        const quick = await connect(mysqlAdminUrl(), { ...CONNECT, statementTimeoutSeconds: 1 });
        try {
          const view = find(meta, SHOP, 'slow_view');
          const started = Date.now();
          const error = await connectorError(quick.sample(view, options(view)));
          expect(error.kind).toBe('timeout');
          expect(Date.now() - started).toBeLessThan(4_000);
        } finally {
          await quick.close();
        }
      });
    });

    describe('a limited user', () => {
      let reader: Connector;
      beforeAll(async () => {
        const host = new URL(mysqlAdminUrl()).hostname;
        reader = await connect(
          await createMysqlLoginUser('myconn_reader', [
            `GRANT SELECT ON ${SHOP}.* TO 'myconn_reader'@'${host}'`,
            `GRANT SELECT ON ${CRM}.contacts TO 'myconn_reader'@'${host}'`,
            `GRANT SELECT (id) ON ${CRM}.partly_secret TO 'myconn_reader'@'${host}'`,
          ]),
        );
      });
      afterAll(async () => {
        await reader?.close();
        await runMysqlSql(`DROP USER IF EXISTS 'myconn_reader'@'${new URL(mysqlAdminUrl()).hostname}';`);
      });

      it('sees every database it may read, and only those', async () => {
        const seen = await reader.introspect({ includeViews: true });
        expect(seen.schemas).toEqual([CRM, SHOP]);
        expect(seen.tables.filter((t) => t.schema === CRM).map((t) => t.name)).toEqual(['contacts', 'partly_secret']);
        expect(find(seen, CRM, 'partly_secret').columns.map((c) => c.name)).toEqual(['id']);
      });

      it('gets permission errors for tables and columns it may not read', async () => {
        const secret = find(meta, CRM, 'secret_notes');
        const tableError = await connectorError(reader.sample(secret, { rows: 10, columns: secret.columns, maxValueLength: 100, seed: 1 }));
        expect(tableError.kind).toBe('permission');
        expect(tableError.hint).toMatch(/GRANT SELECT/);
        const partly = find(meta, CRM, 'partly_secret');
        const columnError = await connectorError(reader.sample(partly, { rows: 10, columns: partly.columns, maxValueLength: 100, seed: 1 }));
        expect(columnError.kind).toBe('permission');
      });
    });

    describe('connection errors', () => {
      it('bad password → auth, without the password in the message', async () => {
        const url = new URL(mysqlAdminUrl());
        url.password = 'Wr0ngSecret-xyz';
        const error = await connectorError(connect(url.toString()));
        expect(error.kind).toBe('auth');
        expect(error.hint).toMatch(/MYSQL_PWD|--password-env/);
        expect(`${error.message} ${error.hint}`).not.toContain('Wr0ngSecret-xyz');
      });

      it('closed port → unreachable', async () => {
        const port = await new Promise<number>((resolve) => {
          const server = net.createServer().listen(0, '127.0.0.1', () => {
            const { port } = server.address() as net.AddressInfo;
            server.close(() => resolve(port));
          });
        });
        const error = await connectorError(connect(`mysql://nobody:pw@127.0.0.1:${port}/`));
        expect(error.kind).toBe('unreachable');
      });

      it('a default database the user may not use → auth at connect', async () => {
        const url = await createMysqlLoginUser('myconn_nobody', [], SHOP);
        try {
          const error = await connectorError(connect(url));
          expect(error.kind).toBe('auth');
          expect(error.code).toBe('ER_DBACCESS_DENIED_ERROR');
        } finally {
          await runMysqlSql(`DROP USER IF EXISTS 'myconn_nobody'@'${new URL(url).hostname}';`);
        }
      });

      it('unknown database → unknown-database', async () => {
        const error = await connectorError(connect(mysqlAdminUrl('myconn_no_such_db')));
        expect(error.kind).toBe('unknown-database');
        expect(error.message).toContain('myconn_no_such_db');
      });

      it('prints no password in displayName', async () => {
        const url = mysqlAdminUrl();
        const password = decodeURIComponent(new URL(url).password);
        const connector = await createConnector(parseConnectionString(url, { env: {} }));
        expect(connector.displayName).not.toContain(password);
      });
    });
  },
  ['mysql'],
);
