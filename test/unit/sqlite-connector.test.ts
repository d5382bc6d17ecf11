import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectOptions } from '../../src/core/connector.js';
import { ConnectorError } from '../../src/core/errors.js';
import type { DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import { createConnector } from '../../connectors/index.js';
import { SqliteConnector } from '../../connectors/sqlite/sqlite-connector.js';
import { SqliteTestConnector } from '../helpers/connector-hooks.js';
import { normalizeSqliteType } from '../../connectors/sqlite/sqlite-introspector.js';
import { chinookSqliteFile } from '../helpers/fixture-paths.js';

const connectOptions: ConnectOptions = { statementTimeoutSeconds: 5, concurrency: 1 };
const BIG = 9007199254740993n; // 2^53 + 1: not representable as a JS number

let tempDir: string;
let fixtureFile: string;

/** Builds the fixture database with better-sqlite3 itself. */
function buildFixture(file: string): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE customers (
      id INTEGER PRIMARY KEY,
      email VARCHAR(255) NOT NULL,
      full_name TEXT,
      balance NUMERIC(10,2),
      score REAL,
      is_active BOOLEAN,
      born DATE,
      created_at DATETIME,
      profile JSON,
      external_id UUID,
      photo BLOB,
      notes,
      always_null TEXT
    );
    CREATE TABLE orders (
      order_id INTEGER PRIMARY KEY,
      customer_id INTEGER NOT NULL REFERENCES customers,
      total DECIMAL(12,2),
      big_number BIGINT
    );
    CREATE TABLE order_lines (
      order_id INTEGER,
      line_no INTEGER,
      sku TEXT,
      PRIMARY KEY (order_id, line_no),
      FOREIGN KEY (order_id) REFERENCES orders (order_id)
    );
    CREATE TABLE line_notes (
      order_id INTEGER, line_no INTEGER, note TEXT,
      FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no)
    );
    CREATE TABLE settings (k TEXT, v TEXT, PRIMARY KEY (k)) WITHOUT ROWID;
    CREATE TABLE empty_table (id INTEGER PRIMARY KEY, name TEXT);
    CREATE TABLE "Order Details" ("select" TEXT, "a.b" TEXT, "naïve café" TEXT, "x""y" TEXT);
    CREATE TABLE big (id INTEGER PRIMARY KEY, label TEXT);
    CREATE TABLE sparse (id INTEGER PRIMARY KEY, label TEXT);
    CREATE TABLE shadowed ("rowid" TEXT, label TEXT);
    CREATE VIEW active_customers AS SELECT id, email FROM customers WHERE is_active = 1;
    CREATE VIRTUAL TABLE messages USING fts5(body);
  `);
  const insertCustomer = db.prepare(
    `INSERT INTO customers (id, email, full_name, balance, score, is_active, born, created_at, profile, external_id, photo, notes)
     VALUES (?, ?, ?, 12.5, 0.5, 1, '1980-01-01', '2024-01-01 10:00:00', '{"a":1}', 'f47ac10b-58cc-4372-a567-0e02b2c3d479', ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 1; i <= 5; i++) insertCustomer.run(i, `user${i}@example.com`, i === 1 ? 'x'.repeat(2000) : `User ${i}`, Buffer.from([1, 2, 3]), `note ${i}`);
    db.prepare('INSERT INTO orders (order_id, customer_id, total, big_number) VALUES (?, ?, ?, ?)').safeIntegers(true).run(1n, 1n, 10, BIG);
    db.prepare('INSERT INTO orders (order_id, customer_id, total, big_number) VALUES (?, ?, ?, ?)').safeIntegers(true).run(2n, 2n, 20, 9223372036854775807n);
    db.prepare(`INSERT INTO settings VALUES ('theme', 'dark'), ('lang', 'en')`).run();
    db.prepare(`INSERT INTO "Order Details" VALUES ('kw', 'dotted', 'accent', 'quoted')`).run();
    const insertBig = db.prepare('INSERT INTO big (id, label) VALUES (?, ?)');
    for (let i = 1; i <= 20_000; i++) insertBig.run(i, `row ${i}`);
    // Rowids spread over a huge range: random points must still land on rows.
    const insertSparse = db.prepare('INSERT INTO sparse (id, label) VALUES (?, ?)');
    for (let i = 1; i <= 3_000; i++) insertSparse.run(i * 1_000_000_007, `sparse ${i}`);
    const insertShadowed = db.prepare('INSERT INTO shadowed ("rowid", label) VALUES (?, ?)');
    for (let i = 1; i <= 3_000; i++) insertShadowed.run(`r${i}`, `shadowed ${i}`);
    db.prepare(`INSERT INTO messages (body) VALUES ('hello there')`).run();
  })();
  // A view over a table that is then dropped: SQLite cannot describe it, introspection must survive.
  db.exec('CREATE TABLE doomed (a TEXT); CREATE VIEW broken_view AS SELECT a FROM doomed; DROP TABLE doomed;');
  db.close();
}

async function connectTo(file: string, options: ConnectOptions = connectOptions): Promise<SqliteTestConnector> {
  const connector = new SqliteTestConnector({ engine: 'sqlite', file });
  await connector.connect(options);
  return connector;
}

function findTable(metadata: DatabaseMetadata, name: string): TableMetadata {
  const table = metadata.tables.find((t) => t.name === name);
  if (!table) throw new Error(`table ${name} not found`);
  return table;
}

async function connectError(file: string, options: ConnectOptions = connectOptions): Promise<ConnectorError> {
  const error = await connectTo(file, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

beforeAll(() => {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'piiscout-sqlite-'));
  fixtureFile = path.join(tempDir, 'fixture.db');
  buildFixture(fixtureFile);
});

afterAll(() => {
  rmSync(tempDir, { recursive: true, force: true });
});

describe('SqliteConnector introspection', () => {
  let connector: SqliteConnector;
  let metadata: DatabaseMetadata;

  beforeAll(async () => {
    connector = await connectTo(fixtureFile);
    metadata = await connector.introspect({ includeViews: true });
  });
  afterAll(() => connector.close());

  it('lists tables and views of schema main, without internal or shadow tables', () => {
    expect(metadata.engine).toBe('sqlite');
    expect(metadata.database).toBe('fixture.db');
    expect(metadata.schemas).toEqual(['main']);
    expect(metadata.serverVersion).toMatch(/^3\.\d+/);
    expect(metadata.tables.map((t) => t.name).sort()).toEqual(
      ['Order Details', 'active_customers', 'big', 'broken_view', 'customers', 'empty_table', 'line_notes', 'messages', 'order_lines', 'orders', 'settings', 'shadowed', 'sparse'].sort(),
    );
    expect(metadata.tables.every((t) => t.schema === 'main')).toBe(true);
    expect(findTable(metadata, 'active_customers').kind).toBe('view');
    expect(findTable(metadata, 'customers').kind).toBe('table');
    expect(Object.isFrozen(metadata.tables[0])).toBe(true);
    expect(Object.isFrozen(metadata.tables[0].columns)).toBe(true);
  });

  it('lists a view SQLite cannot describe (its table was dropped) as unreadable, with no columns', () => {
    const broken = findTable(metadata, 'broken_view');
    expect(broken).toMatchObject({ kind: 'view', columns: [], unreadable: { kind: 'unreadable' } });
    expect(broken.unreadable?.message).toMatch(/cannot be described/);
    expect(metadata.tables.filter((t) => t.unreadable).map((t) => t.name)).toEqual(['broken_view']);
  });

  it('leaves views out when includeViews is false, and everything out when the schema filter rejects main', async () => {
    const noViews = await connector.introspect({ includeViews: false });
    expect(noViews.tables.some((t) => t.kind === 'view')).toBe(false);
    expect(noViews.tables).toHaveLength(11);
    const filtered = await connector.introspect({ includeViews: true, schemaFilter: (s) => s !== 'main' });
    expect(filtered.schemas).toEqual([]);
    expect(filtered.tables).toEqual([]);
  });

  it('reads columns with raw and normalized types, nullability and lengths', () => {
    const customers = findTable(metadata, 'customers');
    const byName = new Map(customers.columns.map((c) => [c.name, c]));
    expect(customers.columns.map((c) => c.ordinal)).toEqual(customers.columns.map((_, i) => i + 1));
    expect(customers.columns.map((c) => [c.name, c.rawType, c.normalizedType])).toEqual([
      ['id', 'INTEGER', 'integer'],
      ['email', 'VARCHAR(255)', 'string'],
      ['full_name', 'TEXT', 'string'],
      ['balance', 'NUMERIC(10,2)', 'decimal'],
      ['score', 'REAL', 'float'],
      ['is_active', 'BOOLEAN', 'boolean'],
      ['born', 'DATE', 'date'],
      ['created_at', 'DATETIME', 'timestamp'],
      ['profile', 'JSON', 'json'],
      ['external_id', 'UUID', 'uuid'],
      ['photo', 'BLOB', 'binary'],
      ['notes', '', 'other'],
      ['always_null', 'TEXT', 'string'],
    ]);
    expect(byName.get('email')).toMatchObject({ isNullable: false, maxLength: 255, isPrimaryKey: false });
    expect(byName.get('full_name')).toMatchObject({ isNullable: true });
    expect(byName.get('id')).toMatchObject({ isPrimaryKey: true, isNullable: false });
  });

  it('reads single and composite primary keys, and the WITHOUT ROWID table', () => {
    expect(findTable(metadata, 'customers').primaryKey).toEqual(['id']);
    expect(findTable(metadata, 'order_lines').primaryKey).toEqual(['order_id', 'line_no']);
    expect(findTable(metadata, 'settings').primaryKey).toEqual(['k']);
    expect(findTable(metadata, 'settings').columns.find((c) => c.name === 'k')?.isNullable).toBe(false);
    expect(findTable(metadata, 'Order Details').primaryKey).toEqual([]);
  });

  it('reads foreign keys, including implicit parent keys and composite ones', () => {
    expect(findTable(metadata, 'orders').foreignKeys).toEqual([
      { name: 'fk_orders_0', columns: ['customer_id'], referencedSchema: 'main', referencedTable: 'customers', referencedColumns: ['id'] },
    ]);
    expect(findTable(metadata, 'line_notes').foreignKeys).toEqual([
      { name: 'fk_line_notes_0', columns: ['order_id', 'line_no'], referencedSchema: 'main', referencedTable: 'order_lines', referencedColumns: ['order_id', 'line_no'] },
    ]);
    expect(findTable(metadata, 'customers').foreignKeys).toEqual([]);
  });

  it('estimates rows from max(rowid), and leaves views and WITHOUT ROWID tables without an estimate', () => {
    expect(findTable(metadata, 'big').rowEstimate).toBe(20_000);
    expect(findTable(metadata, 'empty_table').rowEstimate).toBe(0);
    expect(findTable(metadata, 'shadowed').rowEstimate).toBe(3_000);
    expect(findTable(metadata, 'settings').rowEstimate).toBeUndefined();
    expect(findTable(metadata, 'active_customers').rowEstimate).toBeUndefined();
  });

  it('hides FTS hidden columns of a virtual table', () => {
    expect(findTable(metadata, 'messages').columns.map((c) => c.name)).toEqual(['body']);
  });

  it('keeps weird identifiers exactly', () => {
    expect(findTable(metadata, 'Order Details').columns.map((c) => c.name)).toEqual(['select', 'a.b', 'naïve café', 'x"y']);
  });
});

describe('SqliteConnector sampling', () => {
  let connector: SqliteConnector;
  let metadata: DatabaseMetadata;
  const sampleOf = (name: string, rows = 100, seed = 42, maxValueLength = 512) => {
    const table = findTable(metadata, name);
    return connector.sample(table, { rows, columns: table.columns, maxValueLength, seed });
  };

  beforeAll(async () => {
    connector = await connectTo(fixtureFile);
    metadata = await connector.introspect({ includeViews: true });
  });
  afterAll(() => connector.close());

  it('reads a small table whole, skips BLOB columns and counts NULLs', async () => {
    const sample = await sampleOf('customers');
    expect(sample).toMatchObject({ method: 'all-rows', rowsRead: 5, queries: 1 });
    expect(sample.columns.get('email')?.values).toEqual(['user1@example.com', 'user2@example.com', 'user3@example.com', 'user4@example.com', 'user5@example.com']);
    expect(sample.columns.get('photo')).toMatchObject({ values: [], skippedReason: expect.stringContaining('binary') });
    expect(sample.columns.get('always_null')).toEqual({ values: [], nullCount: 5, truncatedCount: 0 });
    expect(sample.columns.get('notes')?.values).toHaveLength(5);
    expect([...sample.columns.keys()].sort()).toEqual(findTable(metadata, 'customers').columns.map((c) => c.name).sort());
  });

  it('truncates long values to maxValueLength', async () => {
    const sample = await sampleOf('customers', 100, 42, 64);
    const names = sample.columns.get('full_name')!;
    expect(names.truncatedCount).toBe(1);
    expect(names.values.every((v) => v.length <= 64)).toBe(true);
    expect(names.values).toContain('x'.repeat(64));
  });

  it('returns an empty sample for an empty table', async () => {
    const sample = await sampleOf('empty_table');
    expect(sample.rowsRead).toBe(0);
    expect(sample.columns.get('name')).toEqual({ values: [], nullCount: 0, truncatedCount: 0 });
  });

  it('keeps integers beyond 2^53 exact', async () => {
    const sample = await sampleOf('orders');
    expect(sample.columns.get('big_number')?.values).toEqual([BIG.toString(), '9223372036854775807']);
  });

  it('samples a 20,000-row table in one query, spread over the whole table', async () => {
    const sample = await sampleOf('big', 200);
    expect(sample.method).toBe('random-rowid');
    expect(sample.queries).toBe(1);
    expect(sample.rowsRead).toBeLessThanOrEqual(200);
    expect(sample.rowsRead).toBeGreaterThanOrEqual(180);
    const ids = sample.columns.get('id')!.values.map(Number);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id <= 200).length).toBeLessThan(20); // not just the first rows
    expect(ids.filter((id) => id > 10_000).length).toBeGreaterThan(60); // both halves are covered
    expect(Math.max(...ids)).toBeGreaterThan(18_000);
    // Seeded: the same seed gives the same rows, another seed other rows.
    const again = await sampleOf('big', 200);
    expect(again.columns.get('id')!.values).toEqual(sample.columns.get('id')!.values);
    const other = await sampleOf('big', 200, 7);
    expect(other.columns.get('id')!.values).not.toEqual(sample.columns.get('id')!.values);
  });

  it('still finds rows when rowids are sparse, and when a column shadows the name rowid', async () => {
    const sparse = await sampleOf('sparse', 100);
    expect(sparse.method).toBe('random-rowid');
    expect(sparse.rowsRead).toBeGreaterThanOrEqual(90);
    const shadowed = await sampleOf('shadowed', 100);
    expect(shadowed.method).toBe('random-rowid');
    expect(shadowed.rowsRead).toBeGreaterThanOrEqual(90);
    expect(shadowed.columns.get('rowid')!.values.every((v) => v.startsWith('r'))).toBe(true);
  });

  it('uses LIMIT for WITHOUT ROWID tables, views and virtual tables', async () => {
    expect(await sampleOf('settings')).toMatchObject({ method: 'limit', rowsRead: 2 });
    const view = await sampleOf('active_customers', 3);
    expect(view).toMatchObject({ method: 'limit', rowsRead: 3 });
    expect(await sampleOf('messages')).toMatchObject({ method: 'limit', rowsRead: 1 });
  });

  it('samples tables and columns with weird identifiers', async () => {
    const sample = await sampleOf('Order Details');
    expect(sample.rowsRead).toBe(1);
    expect(sample.columns.get('select')?.values).toEqual(['kw']);
    expect(sample.columns.get('a.b')?.values).toEqual(['dotted']);
    expect(sample.columns.get('naïve café')?.values).toEqual(['accent']);
    expect(sample.columns.get('x"y')?.values).toEqual(['quoted']);
  });

  it('maps a failing sample query to a table-level ConnectorError', async () => {
    const ghost: TableMetadata = { ...findTable(metadata, 'customers'), name: 'no_such_table' };
    const error = await connector.sample(ghost, { rows: 10, columns: ghost.columns, maxValueLength: 64, seed: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: 'query' });
    expect((error as Error).message).toContain('main.no_such_table');
  });
});

describe('SqliteConnector safety and errors', () => {
  it('cannot write through its own session', async () => {
    const before = readFileSync(fixtureFile);
    const connector = await connectTo(fixtureFile);
    try {
      expect(connector.runStatementForReadOnlyTest('PRAGMA query_only')).toEqual([{ query_only: 1 }]);
      let error: unknown;
      try {
        connector.runStatementForReadOnlyTest(`INSERT INTO empty_table (name) VALUES ('nope')`);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ kind: 'permission', code: 'SQLITE_READONLY' });
      expect(() => connector.runStatementForReadOnlyTest('CREATE TABLE evil (a)')).toThrow(ConnectorError);
    } finally {
      await connector.close();
    }
    expect(readFileSync(fixtureFile).equals(before)).toBe(true);
  });

  it('reports a missing file as unreachable and never creates it', async () => {
    const missing = path.join(tempDir, 'does-not-exist.db');
    const error = await connectError(missing);
    expect(error.kind).toBe('unreachable');
    expect(error.hint).toBeTruthy();
    expect(existsSync(missing)).toBe(false);
    const inMissingDir = path.join(tempDir, 'no-dir', 'x.db');
    expect((await connectError(inMissingDir)).kind).toBe('unreachable');
    expect(existsSync(path.dirname(inMissingDir))).toBe(false);
  });

  it('reports a directory as unreachable', async () => {
    const dir = path.join(tempDir, 'a-directory');
    mkdirSync(dir);
    expect((await connectError(dir)).kind).toBe('unreachable');
  });

  it('reports a file that is not a SQLite database clearly', async () => {
    const junk = path.join(tempDir, 'notes.txt');
    writeFileSync(junk, 'these are not the bytes you are looking for\n'.repeat(200));
    const error = await connectError(junk);
    expect(error.kind).toBe('unknown-database');
    expect(error.code).toBe('SQLITE_NOTADB');
    expect(error.message).toContain('is not a SQLite database');
    expect(error.message).not.toContain('these are not the bytes');
  });

  it('waits for the busy timeout on a locked database, then fails with a timeout error', async () => {
    const lockedFile = path.join(tempDir, 'locked.db');
    const writer = new Database(lockedFile);
    writer.exec(`CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('secret-value')`);
    writer.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      const error = await connectError(lockedFile, { statementTimeoutSeconds: 0.3, concurrency: 1 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(error).toMatchObject({ kind: 'timeout', code: 'SQLITE_BUSY' });
      expect(error.message).toContain('locked');
      expect(error.message).not.toContain('secret-value');
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });

  it('uses sqlite_stat1 row counts when ANALYZE has run', async () => {
    const analyzedFile = path.join(tempDir, 'analyzed.db');
    const db = new Database(analyzedFile);
    db.exec('CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX people_name ON people (name);');
    const insert = db.prepare('INSERT INTO people (id, name) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 1; i <= 50; i++) insert.run(i * 10, `p${i}`); // max(rowid) = 500, real count 50
    })();
    db.exec('ANALYZE');
    db.close();
    const connector = await connectTo(analyzedFile);
    try {
      const metadata = await connector.introspect({ includeViews: false });
      expect(metadata.tables.map((t) => t.name)).toEqual(['people']);
      expect(findTable(metadata, 'people').rowEstimate).toBe(50);
    } finally {
      await connector.close();
    }
  });

  it('is what createConnector returns for sqlite configs', async () => {
    const connector = await createConnector({ engine: 'sqlite', file: fixtureFile });
    expect(connector).toBeInstanceOf(SqliteConnector);
    expect(connector.engine).toBe('sqlite');
    expect(connector.displayName).toBe(`sqlite:${fixtureFile}`);
  });

  it('throws a plain Error when used before connect()', async () => {
    const connector = new SqliteConnector({ engine: 'sqlite', file: fixtureFile });
    await expect(connector.introspect({ includeViews: true })).rejects.toThrow('connect() first');
  });
});

describe('normalizeSqliteType', () => {
  it.each([
    ['INT', 'integer'],
    ['bigint unsigned', 'integer'],
    ['VARCHAR(40)', 'string'],
    ['NVARCHAR', 'string'],
    ['CLOB', 'string'],
    ['BLOB', 'binary'],
    ['', 'other'],
    ['DOUBLE PRECISION', 'float'],
    ['FLOAT', 'float'],
    ['DECIMAL(10,5)', 'decimal'],
    ['NUMERIC', 'decimal'],
    ['boolean', 'boolean'],
    ['DATE', 'date'],
    ['TIMESTAMP', 'timestamp'],
    ['datetime', 'timestamp'],
    ['TIME', 'time'],
    ['jsonb', 'json'],
    ['UUID', 'uuid'],
    ['ANY', 'other'],
  ] as const)('%s → %s', (raw, expected) => {
    expect(normalizeSqliteType(raw)).toBe(expected);
  });
});

describe('SqliteConnector on the Chinook corpus', () => {
  let connector: SqliteConnector;
  let metadata: DatabaseMetadata;

  beforeAll(async () => {
    connector = await connectTo(await chinookSqliteFile());
    metadata = await connector.introspect({ includeViews: true });
  });
  afterAll(() => connector.close());

  it('finds the 11 tables with their primary keys', () => {
    const primaryKeys = Object.fromEntries(metadata.tables.map((t) => [t.name, t.primaryKey]));
    expect(primaryKeys).toEqual({
      Album: ['AlbumId'],
      Artist: ['ArtistId'],
      Customer: ['CustomerId'],
      Employee: ['EmployeeId'],
      Genre: ['GenreId'],
      Invoice: ['InvoiceId'],
      InvoiceLine: ['InvoiceLineId'],
      MediaType: ['MediaTypeId'],
      Playlist: ['PlaylistId'],
      PlaylistTrack: ['PlaylistId', 'TrackId'],
      Track: ['TrackId'],
    });
    expect(findTable(metadata, 'Customer').columns.find((c) => c.name === 'Email')).toMatchObject({ rawType: 'NVARCHAR(60)', normalizedType: 'string', maxLength: 60, isNullable: false });
  });

  it('finds the 11 foreign keys', () => {
    const edges = metadata.tables
      .flatMap((t) => t.foreignKeys.map((fk) => `${t.name}(${fk.columns.join(',')}) -> ${fk.referencedTable}(${fk.referencedColumns.join(',')})`))
      .sort();
    expect(edges).toEqual(
      [
        'Album(ArtistId) -> Artist(ArtistId)',
        'Customer(SupportRepId) -> Employee(EmployeeId)',
        'Employee(ReportsTo) -> Employee(EmployeeId)',
        'Invoice(CustomerId) -> Customer(CustomerId)',
        'InvoiceLine(InvoiceId) -> Invoice(InvoiceId)',
        'InvoiceLine(TrackId) -> Track(TrackId)',
        'PlaylistTrack(PlaylistId) -> Playlist(PlaylistId)',
        'PlaylistTrack(TrackId) -> Track(TrackId)',
        'Track(AlbumId) -> Album(AlbumId)',
        'Track(GenreId) -> Genre(GenreId)',
        'Track(MediaTypeId) -> MediaType(MediaTypeId)',
      ].sort(),
    );
  });

  it('samples Customer and the large Track table', async () => {
    const customer = findTable(metadata, 'Customer');
    const sample = await connector.sample(customer, { rows: 1000, columns: customer.columns, maxValueLength: 512, seed: 1 });
    expect(sample).toMatchObject({ method: 'all-rows', rowsRead: 59 });
    expect(sample.columns.get('Email')!.values.every((v) => v.includes('@'))).toBe(true);
    const track = findTable(metadata, 'Track');
    const trackSample = await connector.sample(track, { rows: 100, columns: track.columns, maxValueLength: 512, seed: 1 });
    expect(trackSample.method).toBe('random-rowid');
    expect(trackSample.rowsRead).toBeGreaterThan(90);
    expect(trackSample.rowsRead).toBeLessThanOrEqual(100);
  });
});
