/**
 * PostgreSQL connector over a `pg` pool. Every session is read-only and time-limited from its
 * first statement: the settings travel in the startup packet, so no query can run before them.
 */
import pg from 'pg';
import type { ConnectOptions, Connector, IntrospectOptions, SampleOptions } from '../../src/core/connector.js';
import { describeConnection } from '../index.js';
import type { DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { TableSample } from '../../src/core/sample.js';
import { ConnectorError } from '../../src/core/errors.js';
import type { PostgresConfig } from './postgres-config.js';
import { poolQueryable, type PgQueryable } from './pg-queryable.js';
import { PostgresIntrospector } from './postgres-introspector.js';
import { PostgresSampler } from './postgres-sampler.js';
import { toPostgresConnectorError, type PostgresErrorContext } from './postgres-errors.js';

const CONNECT_TIMEOUT_MS = 10_000;

export class PostgresConnector implements Connector {
  readonly engine = 'postgres' as const;
  readonly displayName: string;
  readonly #config: PostgresConfig;
  #pool?: pg.Pool;
  #db?: PgQueryable;
  #statementTimeoutSeconds?: number;

  constructor(config: PostgresConfig) {
    this.#config = config;
    this.displayName = describeConnection(config);
  }

  async connect(options: ConnectOptions): Promise<void> {
    if (this.#pool) throw new Error('PostgresConnector.connect() called twice');
    const timeoutMs = Math.max(1, Math.round(options.statementTimeoutSeconds * 1000));
    this.#statementTimeoutSeconds = options.statementTimeoutSeconds;
    const pool = new pg.Pool({
      host: this.#config.host,
      port: this.#config.port,
      user: this.#config.user,
      password: this.#config.password,
      database: this.#config.database,
      ssl: this.#config.ssl === 'require' ? true : this.#config.ssl === 'no-verify' ? { rejectUnauthorized: false } : false,
      max: Math.max(1, options.concurrency),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      application_name: options.applicationName ?? 'piiscout',
      options: [
        '-c default_transaction_read_only=on',
        `-c statement_timeout=${timeoutMs}`,
        `-c idle_in_transaction_session_timeout=${timeoutMs}`,
      ].join(' '),
    });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => {});
    this.#pool = pool;
    this.#db = poolQueryable(pool);
    try {
      await this.#db.query('SELECT 1');
    } catch (error) {
      await this.close();
      throw this.#mapError(error);
    }
  }

  async introspect(options: IntrospectOptions): Promise<DatabaseMetadata> {
    try {
      const catalog = await new PostgresIntrospector(this.#requireDb()).introspect(options);
      return Object.freeze({
        engine: this.engine,
        host: this.#config.host,
        database: catalog.database,
        serverVersion: catalog.serverVersion,
        schemas: catalog.schemas,
        tables: catalog.tables,
      });
    } catch (error) {
      throw this.#mapError(error);
    }
  }

  async sample(table: TableMetadata, options: SampleOptions): Promise<TableSample> {
    try {
      return await new PostgresSampler(this.#requireDb()).sample(table, options);
    } catch (error) {
      throw this.#mapError(error, table);
    }
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    this.#db = undefined;
    await pool?.end();
  }

  /** Test hook: runs one statement through the connector's own read-only sessions. */
  async queryForTest(sql: string): Promise<Record<string, unknown>[]> {
    try {
      return await this.#requireDb().query(sql);
    } catch (error) {
      throw this.#mapError(error);
    }
  }

  #requireDb(): PgQueryable {
    if (!this.#db) throw new Error('PostgresConnector used before connect()');
    return this.#db;
  }

  #mapError(error: unknown, table?: TableMetadata): ConnectorError {
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
