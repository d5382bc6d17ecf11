/**
 * MySQL 8 / MariaDB 10.11 connector over a mysql2 pool. Every pooled session is made read-only and
 * given a statement timeout before its first use; introspection and sampling live in their own modules.
 *
 * Reading a view runs the functions it calls. So every sampling statement runs in an explicit
 * `START TRANSACTION READ ONLY` ... `ROLLBACK` (a function that writes fails, whatever it did to the
 * session's default), and a session that read a view is closed rather than pooled: a function can
 * change session state (`SET SESSION TRANSACTION READ WRITE`, the statement timeout, user variables,
 * temporary tables) and none of it may reach the next table.
 */
import mysql from 'mysql2/promise';
import type { Pool, PoolConnection, TypeCast } from 'mysql2/promise';
import type { ConnectOptions, IntrospectOptions, SampleOptions } from '../../src/core/connector.js';
import type { ConnectorError } from '../../src/core/errors.js';
import { tableId, type DatabaseMetadata, type TableMetadata } from '../../src/core/metadata.js';
import type { TableSample } from '../../src/core/sample.js';
import { SqlConnector, type ConnectorStep } from '../sql-connector.js';
import { describeMysql, type MysqlConfig } from './mysql-config.js';
import { mapMysqlError } from './mysql-errors.js';
import { MysqlIntrospector } from './mysql-introspector.js';
import { accessWarnings, invokerViewsUnsafe, parseShowGrants, reviewMysqlAccess, type MysqlAccessReview } from './mysql-grants.js';
import { sampleMysqlTable } from './mysql-sampler.js';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Sample cells come back as text whatever the column type (the sampler casts to CHAR anyway); this
 * also keeps mysql2 from parsing JSON or building Dates/numbers from anything it is sent.
 */
const textTypeCast: TypeCast = (field) => (field.type === 'GEOMETRY' ? null : field.string('utf8'));

export class MysqlConnector extends SqlConnector {
  readonly engine = 'mysql' as const;
  readonly #config: MysqlConfig;
  #pool?: Pool;
  #isMariaDb = false;
  #serverVersion?: string;
  #statementTimeoutSeconds = 0;
  /** Underlying driver connections already made read-only; the pool hands out wrappers around them. */
  #preparedSessions = new WeakSet<object>();

  constructor(config: MysqlConfig) {
    super(describeMysql(config));
    this.#config = config;
  }

  async connect(options: ConnectOptions): Promise<void> {
    this.#statementTimeoutSeconds = options.statementTimeoutSeconds;
    const config = this.#config;
    this.#pool = mysql.createPool({
      host: config.host,
      port: config.port,
      user: config.user,
      password: config.password,
      database: config.database,
      ssl: config.ssl ? {} : undefined,
      connectionLimit: Math.max(1, Math.floor(options.concurrency)),
      maxIdle: Math.max(1, Math.floor(options.concurrency)),
      waitForConnections: true,
      connectTimeout: CONNECT_TIMEOUT_MS,
      charset: 'utf8mb4',
      // Catalog values as strings, exactly: no Date objects, no lossy numbers.
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      connectAttributes: options.applicationName ? { program_name: options.applicationName } : undefined,
    });
    try {
      // The first session detects the server flavour (the timeout variable differs), then is prepared.
      await this.withSession('connect', async () => undefined, async (session) => {
        const [rows] = await session.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
        this.#serverVersion = String(rows[0]?.version ?? '');
        this.#isMariaDb = /mariadb/i.test(this.#serverVersion);
      });
    } catch (error) {
      await this.close().catch(() => undefined);
      throw error;
    }
  }

  async introspect(options: IntrospectOptions): Promise<DatabaseMetadata> {
    const query = (sql: string, params: readonly unknown[]) =>
      this.withSession('introspect', async (session) => {
        const [rows] = await session.query<mysql.RowDataPacket[]>(sql, params as unknown[]);
        return rows;
      });
    const access = await this.#reviewAccess();
    const introspector = new MysqlIntrospector(query, {
      isMariaDb: this.#isMariaDb,
      access,
      invokerViewsUnsafe: access ? invokerViewsUnsafe(access) : true,
    });
    const catalog = await introspector.introspect(options);
    const warnings = access
      ? accessWarnings(access, catalog.schemas)
      : ['could not read the scanning user\'s grants (SHOW GRANTS): whether it may write is unknown; SQL SECURITY INVOKER views are not sampled'];
    return Object.freeze({
      engine: 'mysql' as const,
      host: this.#config.host,
      database: this.#config.database ?? '',
      serverVersion: this.#serverVersion,
      schemas: catalog.schemas,
      tables: catalog.tables,
      ...(warnings.length > 0 ? { privilegeWarnings: Object.freeze(warnings) } : {}),
    });
  }

  /** The user's grants, reviewed; undefined when SHOW GRANTS fails (the caller assumes the worst). */
  async #reviewAccess(): Promise<MysqlAccessReview | undefined> {
    try {
      const lines = await this.withSession('introspect', async (session) => {
        const [rows] = await session.query<mysql.RowDataPacket[]>({ sql: 'SHOW GRANTS', rowsAsArray: true });
        return (rows as unknown as unknown[][]).map((row) => String(row[0] ?? ''));
      });
      return reviewMysqlAccess(parseShowGrants(lines));
    } catch {
      return undefined;
    }
  }

  async sample(table: TableMetadata, options: SampleOptions): Promise<TableSample> {
    return sampleMysqlTable(
      (sql) =>
        this.withSession(
          'sample',
          async (session) => {
            await session.query('START TRANSACTION READ ONLY');
            const [rows] = await session.query<mysql.RowDataPacket[]>({ sql, rowsAsArray: true, typeCast: textTypeCast });
            await session.query('ROLLBACK');
            return rows as unknown as unknown[][];
          },
          undefined,
          table,
          // Only a view runs code of the database; a failed read may have left the transaction open.
          (failed) => failed || table.kind !== 'table',
        ),
      table,
      options,
    );
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    this.#preparedSessions = new WeakSet();
    await pool?.end();
  }

  /**
   * Borrows a pooled session, prepares it on first use, runs `work`, and maps driver errors. When
   * `discardAfter(failed)` says so, the session is closed instead of going back to the pool.
   * Protected for the tests' subclass (test/helpers/connector-hooks.ts), which runs statements through it.
   */
  protected async withSession<T>(
    step: ConnectorStep,
    work: (session: PoolConnection) => Promise<T>,
    beforePrepare?: (session: PoolConnection) => Promise<void>,
    table?: TableMetadata,
    discardAfter?: (failed: boolean) => boolean,
  ): Promise<T> {
    const pool = this.#pool;
    if (!pool) throw new Error('MysqlConnector used before connect() or after close()');
    let session: PoolConnection | undefined;
    let failed = false;
    try {
      session = await pool.getConnection();
      if (!this.#preparedSessions.has(session.connection)) {
        if (beforePrepare) await beforePrepare(session);
        await this.#prepareSession(session);
        this.#preparedSessions.add(session.connection);
      }
      return await work(session);
    } catch (error) {
      failed = true;
      throw this.mapError(error, step, table);
    } finally {
      if (session && discardAfter?.(failed)) session.destroy();
      else session?.release();
    }
  }

  protected mapError(error: unknown, step: ConnectorStep, table?: TableMetadata): ConnectorError {
    return mapMysqlError(error, {
      server: `${this.#config.host}:${this.#config.port}`,
      user: this.#config.user,
      database: this.#config.database,
      table: table ? tableId(table) : undefined,
      phase: step === 'connect' ? 'connect' : 'query',
    });
  }

  async #prepareSession(session: PoolConnection): Promise<void> {
    // The session-wide form of START TRANSACTION READ ONLY: every later transaction on this session,
    // autocommit SELECTs included, is read-only, set once per connection instead of per table.
    await session.query('SET SESSION TRANSACTION READ ONLY');
    const seconds = this.#statementTimeoutSeconds;
    if (seconds > 0) {
      await session.query(
        this.#isMariaDb
          ? `SET SESSION max_statement_time = ${Number(seconds.toFixed(3))}`
          : `SET SESSION max_execution_time = ${Math.max(1, Math.round(seconds * 1000))}`,
      );
    }
  }
}
