/**
 * What the Postgres server connector and PGlite share: the settings every session runs with, and
 * the introspect/sample pair that hands the sampler what introspection learned about each table.
 */
import type { SampleOptions } from '../../src/core/connector.js';
import type { TableMetadata } from '../../src/core/metadata.js';
import { tableId } from '../../src/core/metadata.js';
import type { TableSample } from '../../src/core/sample.js';
import type { PgQueryable } from './pg-queryable.js';
import { PostgresIntrospector, type PostgresCatalog, type PostgresIntrospectOptions, type TableReadHints } from './postgres-introspector.js';
import { PostgresSampler } from './postgres-sampler.js';

/** A table lock held by someone else is waited for this long at most (then the table is skipped). */
export const LOCK_TIMEOUT_MS = 3000;

/**
 * Session settings, applied before any statement (the server: in the startup packet, which
 * outranks `ALTER DATABASE/ROLE ... SET`; PGlite: right after opening):
 * - read-only by default, and every statement also runs in an explicit read-only transaction;
 * - time limits: statement_timeout, lock_timeout (a locked table fails fast instead of stalling the
 *   scan), idle_in_transaction_session_timeout;
 * - search_path = pg_catalog, pg_temp: a database owner cannot shadow a built-in function or
 *   operator through its own search_path setting (every built-in call is also qualified);
 * - row_security = off: a table whose row-level-security policy would apply (and run its functions)
 *   fails instead of being read;
 * - synchronize_seqscans = off: a plain LIMIT read starts at the first page, so it is repeatable.
 */
export function sessionSettings(statementTimeoutSeconds: number): ReadonlyArray<readonly [string, string]> {
  const timeoutMs = Math.max(1, Math.round(statementTimeoutSeconds * 1000));
  return [
    ['default_transaction_read_only', 'on'],
    ['statement_timeout', String(timeoutMs)],
    ['lock_timeout', String(Math.min(timeoutMs, LOCK_TIMEOUT_MS))],
    ['idle_in_transaction_session_timeout', String(timeoutMs)],
    ['search_path', 'pg_catalog,pg_temp'],
    ['row_security', 'off'],
    ['synchronize_seqscans', 'off'],
  ];
}

/** Introspection and sampling over one queryable, with the per-table read hints kept in between. */
export class PostgresScanSession {
  readonly #db: PgQueryable;
  #hints: ReadonlyMap<string, TableReadHints> = new Map();

  constructor(db: PgQueryable) {
    this.#db = db;
  }

  async introspect(options: PostgresIntrospectOptions): Promise<PostgresCatalog> {
    const catalog = await new PostgresIntrospector(this.#db).introspect(options);
    this.#hints = catalog.hints;
    return catalog;
  }

  /** A table this session did not introspect is read without hints (every value uncast). */
  sample(table: TableMetadata, options: SampleOptions): Promise<TableSample> {
    return new PostgresSampler(this.#db).sample(table, options, this.#hints.get(tableId(table)));
  }
}
