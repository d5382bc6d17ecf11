/**
 * PostgreSQL connector over a `pg` pool. Every session is read-only, time-limited and on a
 * pg_catalog search_path from its first statement: the settings (postgres-session.ts) travel in the
 * startup packet, so no query can run before them and the database's own defaults cannot override
 * them. Every statement then runs in a read-only transaction that is rolled back (pg-queryable.ts).
 */
import pg from 'pg';
import type { ConnectOptions, IntrospectOptions, SampleOptions } from '../../src/core/connector.js';
import type { DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { TableSample } from '../../src/core/sample.js';
import type { ConnectorError } from '../../src/core/errors.js';
import { SqlConnector, type ConnectorStep } from '../sql-connector.js';
import { describePostgres, pgSslOption, type PostgresConfig } from './postgres-config.js';
import { poolQueryable } from './pg-queryable.js';
import { PostgresScanSession, sessionSettings } from './postgres-session.js';
import { toPostgresConnectorError, type PostgresErrorContext } from './postgres-errors.js';

const CONNECT_TIMEOUT_MS = 10_000;

export class PostgresConnector extends SqlConnector {
  readonly engine = 'postgres' as const;
  readonly #config: PostgresConfig;
  #pool?: pg.Pool;
  #session?: PostgresScanSession;
  #statementTimeoutSeconds?: number;

  constructor(config: PostgresConfig) {
    super(describePostgres(config));
    this.#config = config;
  }

  async connect(options: ConnectOptions): Promise<void> {
    if (this.#pool) throw new Error('PostgresConnector.connect() called twice');
    this.#statementTimeoutSeconds = options.statementTimeoutSeconds;
    const pool = new pg.Pool({
      host: this.#config.host,
      port: this.#config.port,
      user: this.#config.user,
      password: this.#config.password,
      database: this.#config.database,
      ssl: pgSslOption(this.#config.ssl),
      max: Math.max(1, options.concurrency),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      application_name: options.applicationName ?? 'piiscout',
      options: sessionSettings(options.statementTimeoutSeconds)
        .map(([name, value]) => `-c ${name}=${value}`)
        .join(' '),
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => {});
    this.#pool = pool;
    this.#session = new PostgresScanSession(poolQueryable(pool));
    await this.opening(async () => {
      await pool.query('SELECT 1');
    });
  }

  async introspect(options: IntrospectOptions): Promise<DatabaseMetadata> {
    return this.mapErrors('introspect', async () => {
      const catalog = await this.#requireSession().introspect({ ...options, checkPrivileges: true });
      return Object.freeze({
        engine: this.engine,
        host: this.#config.host,
        database: catalog.database,
        serverVersion: catalog.serverVersion,
        schemas: catalog.schemas,
        tables: catalog.tables,
        privilegeWarnings: catalog.privilegeWarnings,
      });
    });
  }

  async sample(table: TableMetadata, options: SampleOptions): Promise<TableSample> {
    return this.mapErrors('sample', () => this.#requireSession().sample(table, options), table);
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    this.#session = undefined;
    await pool?.end();
  }

  /** The pool of read-only sessions, for subclasses (tests run statements on it: test/helpers/connector-hooks.ts). */
  protected requirePool(): pg.Pool {
    if (!this.#pool) throw new Error('PostgresConnector used before connect()');
    return this.#pool;
  }

  #requireSession(): PostgresScanSession {
    if (!this.#session) throw new Error('PostgresConnector used before connect()');
    return this.#session;
  }

  protected mapError(error: unknown, _step: ConnectorStep, table?: TableMetadata): ConnectorError {
    const context: PostgresErrorContext = {
      target: `${this.#config.host}:${this.#config.port}`,
      user: this.#config.user,
      database: this.#config.database,
      table: table ? { schema: table.schema, name: table.name } : undefined,
      statementTimeoutSeconds: this.#statementTimeoutSeconds,
    };
    return toPostgresConnectorError(error, context);
  }
}
