/**
 * SQLite connector (better-sqlite3). The file is opened read-only, must already exist, and the
 * session additionally sets `PRAGMA query_only`, so no statement can change the database. The file's
 * schema is not trusted (`PRAGMA trusted_schema = OFF`): its views, triggers and generated columns
 * may not call functions or virtual tables with side effects; better-sqlite3 keeps SQLite's
 * defensive mode on (no writable_schema, no shadow-table writes), and no extension can be loaded.
 *
 * ```ts
 * const connector = new SqliteConnector({ engine: 'sqlite', file: '/data/app.db' });
 * await connector.connect({ statementTimeoutSeconds: 30, concurrency: 1 });
 * const metadata = await connector.introspect({ includeViews: true });
 * ```
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { ConnectOptions, IntrospectOptions, SampleOptions } from '../../src/core/connector.js';
import type { DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import { tableId } from '../../src/core/metadata.js';
import { ConnectorError } from '../../src/core/errors.js';
import type { TableSample } from '../../src/core/sample.js';
import { describeSqlite, type SqliteConfig } from './sqlite-config.js';
import { missingFileError, toSqliteConnectorError } from './sqlite-errors.js';
import { SqliteIntrospector, type RowidTable } from './sqlite-introspector.js';
import { SqliteSampler } from './sqlite-sampler.js';
import { SqlConnector, type ConnectorStep } from '../sql-connector.js';

export class SqliteConnector extends SqlConnector {
  readonly engine = 'sqlite' as const;
  readonly #file: string;
  #db: BetterSqlite3.Database | undefined;
  /** Filled by introspect(): which tables can be sampled by rowid, with which spelling, over which range. */
  #rowidTables: ReadonlyMap<string, RowidTable> = new Map();

  constructor(config: SqliteConfig) {
    super(describeSqlite(config));
    this.#file = config.file;
  }

  async connect(options: ConnectOptions): Promise<void> {
    await assertDatabaseFile(this.#file);
    // Imported here so other engines never pay for loading the native addon.
    const { default: Database } = await import('better-sqlite3');
    let db: BetterSqlite3.Database | undefined;
    try {
      // `timeout` is SQLite's busy timeout: how long to wait for another connection's write lock.
      // It is the closest thing SQLite has to a statement timeout (see sqlite-sampler.ts).
      db = new Database(this.#file, { readonly: true, fileMustExist: true, timeout: Math.max(0, options.statementTimeoutSeconds * 1000) });
      db.pragma('trusted_schema = OFF');
      db.pragma('query_only = ON');
      // Opening is lazy: the first read is what detects a non-database file or a held lock.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      db?.close();
      throw this.mapError(error, 'connect');
    }
    this.#db = db;
  }

  async introspect(options: IntrospectOptions): Promise<DatabaseMetadata> {
    const db = this.requireDb();
    return this.mapErrors('introspect', () => {
      const result = new SqliteIntrospector(db, path.basename(this.#file)).introspect(options);
      this.#rowidTables = result.rowidTables;
      return result.metadata;
    });
  }

  async sample(table: TableMetadata, options: SampleOptions): Promise<TableSample> {
    const db = this.requireDb();
    return this.mapErrors('sample', () => new SqliteSampler(db).sample(table, options, this.#rowidTables.get(table.name)), table);
  }

  async close(): Promise<void> {
    this.#db?.close();
    this.#db = undefined;
  }

  /** The open database, for subclasses (tests run statements on it: test/helpers/connector-hooks.ts). */
  protected requireDb(): BetterSqlite3.Database {
    if (!this.#db) throw new Error('SqliteConnector: call connect() first');
    return this.#db;
  }

  protected mapError(error: unknown, step: ConnectorStep, table?: TableMetadata): ConnectorError {
    return toSqliteConnectorError(error, this.#file, STEP_SUBJECTS[step](table));
  }
}

/** What was being done, for the message. */
const STEP_SUBJECTS: Record<ConnectorStep, (table?: TableMetadata) => string> = {
  connect: () => 'opening the database',
  introspect: () => 'reading the schema',
  sample: (table) => (table ? `sampling ${tableId(table)}` : 'sampling'),
  statement: () => 'running a test statement',
};

/** Checks the path before SQLite sees it, so a typo never turns into a new empty database. */
async function assertDatabaseFile(file: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(file)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw missingFileError(file, 'missing');
    throw new ConnectorError('unreachable', `Cannot read SQLite database file ${file} (${code ?? 'error'})`, { code, cause: error });
  }
  if (isDirectory) throw missingFileError(file, 'directory');
}
