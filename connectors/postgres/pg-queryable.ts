/**
 * The one capability the Postgres introspector and sampler need: run statements in a read-only
 * transaction and get rows back. Implemented over a `pg` pool and over a PGlite instance, so the
 * embedded engine reuses the server engine's SQL. The driver shapes below are structural subsets
 * (Kysely style), so this file depends on neither driver package.
 *
 * Every statement runs inside `readOnly`: an explicit read-only transaction that is always rolled
 * back. A function of the scanned database cannot switch it to read-write (Postgres refuses
 * `SET TRANSACTION READ WRITE` after the first query), and anything it changed in the session
 * (`set_config(..., false)`, `SET ROLE`) is undone by the rollback, so the next statement on that
 * pooled session starts from the connection's own settings.
 */

export interface PgStatements {
  /** Runs one statement; rows come back as objects keyed by column name. */
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs one statement; rows come back as arrays in select-list order, every value as the server's text. */
  queryRawArrays(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
}

export interface ReadOnlyOptions {
  /** One snapshot for every statement (introspection reads several catalogs that must agree). */
  readonly snapshot?: boolean;
}

export interface PgQueryable {
  /** Runs `work` in one read-only transaction on one session, then rolls it back (also on error). */
  readOnly<T>(work: (db: PgStatements) => Promise<T>, options?: ReadOnlyOptions): Promise<T>;
}

/** The subset of a `pg` client we use. */
export interface PgClientLike {
  query(config: {
    text: string;
    values?: unknown[];
    rowMode?: 'array';
    types?: { getTypeParser: (oid: number, format?: string) => (value: string) => unknown };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the driver's row type; parse steps type each row
  }): Promise<{ rows: any[] }>;
  /** `true` destroys the session instead of returning it to the pool. */
  release(destroy?: boolean | Error): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

/** The subset of `pg.Pool` we use. */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
}

/** The subset of a PGlite instance we use. */
export interface PgliteLike {
  query(
    sql: string,
    params?: unknown[],
    options?: { rowMode?: 'array' | 'object'; parsers?: Record<number, (value: string) => unknown> },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the driver's row type; parse steps type each row
  ): Promise<{ rows: any[] }>;
  transaction<T>(work: (tx: PgliteTransactionLike) => Promise<T>): Promise<T>;
}

export interface PgliteTransactionLike {
  query: PgliteLike['query'];
  rollback(): Promise<void>;
}

function beginSql(options: ReadOnlyOptions | undefined): string {
  return options?.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN READ ONLY';
}

/** Keeps every value as the server sent it (no Date, number or JSON parsing). */
const keepRawText = (value: string): string => value;
const rawTextTypes = { getTypeParser: () => keepRawText };

export function poolQueryable(pool: PgPoolLike): PgQueryable {
  return {
    async readOnly(work, options) {
      const client = await pool.connect();
      // A checked-out client has no 'error' listener of the pool's. When the server ends the session
      // between two statements (idle_in_transaction_session_timeout while this process was busy,
      // pg_terminate_backend), the driver emits 'error', which unheard ends the process. Heard here,
      // it fails the next statement instead, with the server's reason (a retryable lost connection).
      let lost: Error | undefined;
      const onLost = (error: Error): void => {
        lost ??= error;
      };
      client.on('error', onLost);
      let broken = false;
      try {
        await client.query({ text: beginSql(options) });
        return await work({
          async query(sql, params = []) {
            return (await client.query({ text: sql, values: [...params] })).rows;
          },
          async queryRawArrays(sql, params = []) {
            return (await client.query({ text: sql, values: [...params], rowMode: 'array', types: rawTextTypes })).rows;
          },
        });
      } catch (error) {
        // After a lost session the driver only says "not queryable"; the server's own error says why.
        throw lost ?? error;
      } finally {
        // A session that cannot roll back is not given to the next statement.
        await client.query({ text: 'ROLLBACK' }).catch(() => (broken = true));
        client.release(broken || lost !== undefined);
        // The pool listens again from release() on.
        client.removeListener('error', onLost);
      }
    },
  };
}

/**
 * PGlite parses values of the types it knows (numbers, dates, JSON, arrays of every type that
 * existed when it opened); in raw mode every one of those parsers is replaced by the identity, so
 * values arrive as the server's text, as with `pg`.
 */
export function pgliteQueryable(db: PgliteLike, knownParsers: Iterable<string | number>): PgQueryable {
  const rawParsers: Record<number, (value: string) => unknown> = {};
  for (const key of knownParsers) {
    // PGlite's parser table is also keyed by names ('string', 'json', ...): only oids matter here.
    const oid = Number(key);
    if (Number.isInteger(oid)) rawParsers[oid] = keepRawText;
  }
  return {
    async readOnly(work, options) {
      // transaction() holds PGlite's lock throughout, so other callers' statements wait and cannot
      // land inside this transaction; it rolls back itself when `work` throws.
      return db.transaction(async (tx) => {
        await tx.query(options?.snapshot ? 'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'SET TRANSACTION READ ONLY');
        const result = await work({
          async query(sql, params = []) {
            return (await tx.query(sql, [...params])).rows;
          },
          async queryRawArrays(sql, params = []) {
            return (await tx.query(sql, [...params], { rowMode: 'array', parsers: rawParsers })).rows;
          },
        });
        await tx.rollback();
        return result;
      });
    },
  };
}
