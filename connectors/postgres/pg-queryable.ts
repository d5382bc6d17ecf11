/**
 * The one capability the Postgres introspector and sampler need: run a statement and get rows back.
 * Implemented over a `pg` pool and over a PGlite instance, so the embedded engine reuses the server
 * engine's SQL. The driver shapes below are structural subsets (Kysely style), so this file depends
 * on neither driver package.
 */

export interface PgQueryable {
  /** Runs one statement; rows come back as objects keyed by column name. */
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs one statement; rows come back as arrays in select-list order, every value as raw text. */
  queryRawArrays(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
}

/** The subset of `pg.Pool` we use. */
export interface PgPoolLike {
  query(config: {
    text: string;
    values?: unknown[];
    rowMode?: 'array';
    types?: { getTypeParser: (oid: number, format?: string) => (value: string) => unknown };
  }): Promise<{ rows: any[] }>;
}

/** The subset of a PGlite instance we use. */
export interface PgliteLike {
  query(
    sql: string,
    params?: unknown[],
    options?: { rowMode?: 'array' | 'object'; parsers?: Record<number, (value: string) => unknown> },
  ): Promise<{ rows: any[] }>;
}

/** Keeps every value as the server sent it (no Date, number or JSON parsing). */
const keepRawText = (value: string): string => value;
const rawTextTypes = { getTypeParser: () => keepRawText };

export function poolQueryable(pool: PgPoolLike): PgQueryable {
  return {
    async query(sql, params = []) {
      return (await pool.query({ text: sql, values: [...params] })).rows;
    },
    async queryRawArrays(sql, params = []) {
      return (await pool.query({ text: sql, values: [...params], rowMode: 'array', types: rawTextTypes })).rows;
    },
  };
}

/**
 * PGlite has no "parse nothing" switch; our sampling SQL selects every value as `text`, and text
 * needs no parser, so array mode is enough to get raw strings.
 */
export function pgliteQueryable(db: PgliteLike): PgQueryable {
  return {
    async query(sql, params = []) {
      return (await db.query(sql, [...params])).rows;
    },
    async queryRawArrays(sql, params = []) {
      return (await db.query(sql, [...params], { rowMode: 'array' })).rows;
    },
  };
}
