/**
 * The engine-neutral connector interface. One folder per engine under connectors/ implements it.
 * Connectors are read-only by construction: every session is opened read-only with a statement timeout.
 */
import type { ColumnMetadata, DatabaseMetadata, EngineKind, TableMetadata } from './metadata.js';
import type { TableSample } from './sample.js';

export interface ConnectOptions {
  /** Per-statement timeout in seconds. */
  readonly statementTimeoutSeconds: number;
  /** Upper bound on parallel sampling queries; pools are sized from it. */
  readonly concurrency: number;
  /** Application name shown in the server's session list, where the engine has one. */
  readonly applicationName?: string;
}

export interface IntrospectOptions {
  readonly includeViews: boolean;
  /** Called with `schema` names; return false to skip a schema before its tables are read (cheap pruning). */
  readonly schemaFilter?: (schema: string) => boolean;
}

export interface SampleOptions {
  /** Upper bound on rows returned. */
  readonly rows: number;
  /** The columns to return, in this order (a subset of the table's). */
  readonly columns: readonly ColumnMetadata[];
  readonly maxValueLength: number;
  /** Seed for repeatable sampling where the engine supports it. */
  readonly seed: number;
}

export interface Connector {
  readonly engine: EngineKind;
  /** Where we are connected, with credentials redacted (safe to print). */
  readonly displayName: string;
  /** Opens the session(s). Throws ConnectorError (unreachable, auth, unknown-database). */
  connect(options: ConnectOptions): Promise<void>;
  /** Reads schemas, tables, columns, keys and comments in a constant number of catalog queries. */
  introspect(options: IntrospectOptions): Promise<DatabaseMetadata>;
  /** One query returning up to `rows` rows spread over the table. Throws ConnectorError on failure. */
  sample(table: TableMetadata, options: SampleOptions): Promise<TableSample>;
  close(): Promise<void>;
  /** Engines that bill a warehouse per second of use (Snowflake): the one this session uses. */
  billedWarehouse?(): BilledWarehouse | undefined;
}

export interface BilledWarehouse {
  readonly name: string;
  /** As the engine reports it, e.g. `X-Small`; undefined when it cannot be read. */
  readonly size?: string;
}
