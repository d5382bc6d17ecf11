/**
 * Snowflake connector over one snowflake-sdk session (Snowflake runs a session's statements in
 * parallel, so one session serves every worker). Snowflake has no read-only session flag: the
 * connector only ever sends the SELECT/SHOW/ALTER SESSION statements in snowflake-sql.ts, and the
 * README tells admins to grant the scanning role USAGE and SELECT only.
 *
 * On connect: login (QUERY_TAG travels in the login request), resolve names, check the warehouse
 * is running (a suspended one is not resumed unless allowed), set QUERY_TAG and the statement timeout.
 */
import type { ConnectionOptions } from 'snowflake-sdk';
import type { BilledWarehouse, ConnectOptions, IntrospectOptions, SampleOptions } from '../../src/core/connector.js';
import { ConnectorError } from '../../src/core/errors.js';
import type { DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { TableSample } from '../../src/core/sample.js';
import { describeSnowflake, type SnowflakeConfig } from './snowflake-config.js';
import { suspendedWarehouseError, toSnowflakeConnectorError } from './snowflake-errors.js';
import { SnowflakeIntrospector } from './snowflake-introspector.js';
import { SnowflakeSampler } from './snowflake-sampler.js';
import { SnowflakeSession } from './snowflake-session.js';
import { CONTEXT_SQL, sessionSettingsSql, showWarehouseSql } from './snowflake-sql.js';
import { SqlConnector, type ConnectorStep } from '../sql-connector.js';

export const QUERY_TAG = 'piiscout';
/** How long the driver waits for the login and for each HTTP response (ms). */
const NETWORK_TIMEOUT_MS = 60_000;

interface ResolvedContext {
  readonly database: string;
  readonly schema?: string;
  readonly warehouse: string;
  readonly role?: string;
  readonly version?: string;
}

export class SnowflakeConnector extends SqlConnector {
  readonly engine = 'snowflake' as const;
  readonly #config: SnowflakeConfig;
  #session?: SnowflakeSession;
  #context?: ResolvedContext;
  #statementTimeoutSeconds?: number;
  /** The warehouse's size as SHOW WAREHOUSES reports it (`X-Small`), when it lists the warehouse. */
  #warehouseSize?: string;

  constructor(config: SnowflakeConfig) {
    super(describeSnowflake(config));
    this.#config = config;
  }

  async connect(options: ConnectOptions): Promise<void> {
    if (this.#session) throw new Error('SnowflakeConnector.connect() called twice');
    this.#statementTimeoutSeconds = options.statementTimeoutSeconds;
    await this.opening(async () => {
      const session = (this.#session = await SnowflakeSession.open(this.#connectionOptions()));
      this.#context = await this.#resolveContext(session);
      await this.#checkWarehouse(session, this.#context.warehouse);
      await session.query(sessionSettingsSql(QUERY_TAG, options.statementTimeoutSeconds));
    });
  }

  async introspect(options: IntrospectOptions): Promise<DatabaseMetadata> {
    const { session, context } = this.#require();
    return this.mapErrors('introspect', async () => {
      const catalog = await new SnowflakeIntrospector(session, context.database, context.schema).introspect(options);
      return Object.freeze({
        engine: this.engine,
        host: `${this.#config.account}.snowflakecomputing.com`,
        database: context.database,
        ...(context.version ? { serverVersion: context.version } : {}),
        schemas: catalog.schemas,
        tables: catalog.tables,
      });
    });
  }

  async sample(table: TableMetadata, options: SampleOptions): Promise<TableSample> {
    const { session, context } = this.#require();
    const settings = { database: context.database, useSnowflakeClassify: this.#config.useSnowflakeClassify };
    return this.mapErrors('sample', () => new SnowflakeSampler(session, settings).sample(table, options), table);
  }

  /** The warehouse the scan's statements run on (connected only), for the --dry-run cost estimate. */
  billedWarehouse(): BilledWarehouse | undefined {
    return this.#context ? { name: this.#context.warehouse, ...(this.#warehouseSize ? { size: this.#warehouseSize } : {}) } : undefined;
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    this.#context = undefined;
    await session?.close();
  }

  #connectionOptions(): ConnectionOptions {
    const c = this.#config;
    const auth: Partial<ConnectionOptions> =
      c.auth.method === 'password'
        ? { authenticator: 'SNOWFLAKE', password: c.auth.password }
        : c.auth.method === 'key-pair'
          ? { authenticator: 'SNOWFLAKE_JWT', privateKeyPath: c.auth.privateKeyFile, ...(c.auth.passphrase ? { privateKeyPass: c.auth.passphrase } : {}) }
          : { authenticator: 'OAUTH', token: c.auth.token };
    return {
      account: c.account,
      username: c.user,
      database: c.database,
      ...(c.warehouse ? { warehouse: c.warehouse } : {}),
      ...(c.role ? { role: c.role } : {}),
      ...(c.schema ? { schema: c.schema } : {}),
      ...(c.accessUrl ? { accessUrl: c.accessUrl } : {}),
      ...auth,
      application: 'piiscout',
      queryTag: QUERY_TAG,
      timeout: NETWORK_TIMEOUT_MS,
      clientSessionKeepAlive: false,
    } as ConnectionOptions;
  }

  async #resolveContext(session: SnowflakeSession): Promise<ResolvedContext> {
    const [row] = await session.query(CONTEXT_SQL);
    const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
    const database = text(row?.DATABASE);
    if (!database) {
      throw new ConnectorError('unknown-database', `Database ${this.#config.database} is not available to this Snowflake session`, {
        hint: 'Check the name (unquoted names are upper-cased) and GRANT USAGE ON DATABASE to the scanning role.',
      });
    }
    const schema = text(row?.SCHEMA);
    if (this.#config.schema && !schema) {
      throw new ConnectorError('unknown-database', `Schema ${this.#config.schema} does not exist in ${database} or is not authorized`, {
        hint: 'Check ?schema= (unquoted names are upper-cased) and GRANT USAGE ON SCHEMA to the scanning role.',
      });
    }
    const warehouse = text(row?.WAREHOUSE);
    if (!warehouse) {
      throw new ConnectorError('unreachable', 'No Snowflake warehouse for this session', {
        hint: 'Add ?warehouse=NAME to the URL (or set SNOWFLAKE_WAREHOUSE), and GRANT USAGE ON WAREHOUSE to the scanning role.',
      });
    }
    return {
      database,
      warehouse,
      ...(this.#config.schema ? { schema } : {}),
      ...(text(row?.ROLE) ? { role: text(row?.ROLE) } : {}),
      ...(text(row?.VERSION) ? { version: text(row?.VERSION) } : {}),
    };
  }

  /** Fails on a suspended warehouse unless resuming was allowed: resuming bills credits. */
  async #checkWarehouse(session: SnowflakeSession, warehouse: string): Promise<void> {
    const rows = await session.query(showWarehouseSql(warehouse));
    const row = rows.find((r) => r.name === warehouse) ?? rows.find((r) => String(r.name).toUpperCase() === warehouse.toUpperCase());
    if (!row) return; // not visible to SHOW (e.g. only USAGE through a database role): let queries decide
    if (typeof row.size === 'string' && row.size !== '') this.#warehouseSize = row.size;
    const state = String(row.state ?? '').toUpperCase();
    if (state !== 'SUSPENDED' && state !== 'SUSPENDING') return;
    const autoResume = String(row.auto_resume ?? 'true').toLowerCase() === 'true';
    if (!this.#config.allowWarehouseResume || !autoResume) throw suspendedWarehouseError(warehouse, { autoResume });
  }

  #require(): { session: SnowflakeSession; context: ResolvedContext } {
    if (!this.#session || !this.#context) throw new Error('SnowflakeConnector used before connect()');
    return { session: this.#session, context: this.#context };
  }

  protected mapError(error: unknown, _step: ConnectorStep, table?: TableMetadata): ConnectorError {
    return toSnowflakeConnectorError(error, {
      account: this.#config.account,
      user: this.#config.user,
      database: this.#context?.database ?? this.#config.database,
      warehouse: this.#context?.warehouse ?? this.#config.warehouse,
      role: this.#context?.role ?? this.#config.role,
      table: table ? { schema: table.schema, name: table.name } : undefined,
      statementTimeoutSeconds: this.#statementTimeoutSeconds,
    });
  }
}
