/**
 * Samples one SQLite table in ONE statement. The method follows the data (the rowid range), never
 * the ANALYZE statistics, so the same data gives the same sample.
 *
 * No statement timeout: better-sqlite3 is synchronous and exposes neither a per-statement timeout
 * nor sqlite3_interrupt. Sampling is bounded by design instead: rowid tables are read through at
 * most 2 × rows rowid seeks, everything else through `LIMIT rows`. Only a view whose own definition
 * is expensive (aggregates, sorts) can run long.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SampleOptions } from '../../src/core/connector.js';
import type { TableMetadata } from '../../src/core/metadata.js';
import { buildColumnSamples, type SampleMethod, type TableSample, valueLengths } from '../../src/core/sample.js';
import { quoteIdentifier } from './sqlite-sql.js';
import type { RowidTable } from './sqlite-introspector.js';
import { mulberry32 } from '../../src/util/seeded-random.js';

/** Random points drawn per wanted row; extra points make up for two points landing on the same row. */
const CANDIDATES_PER_ROW = 2;

export class SqliteSampler {
  readonly #db: BetterSqlite3.Database;

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
  }

  /**
   * @param rowid the rowid spelling and range for rowid tables (from introspection); undefined for
   *   views, WITHOUT ROWID and virtual tables, which are read with `LIMIT rows`.
   */
  sample(table: TableMetadata, options: SampleOptions, rowid: RowidTable | undefined): TableSample {
    const skipped = new Map<string, string>();
    for (const column of options.columns) {
      if (column.normalizedType === 'binary') skipped.set(column.name, 'binary column (declared BLOB)');
    }
    const selected = options.columns.filter((column) => !skipped.has(column.name)).map((column) => column.name);
    const rows = Math.max(0, Math.floor(options.rows));
    if (selected.length === 0 || rows === 0) {
      return { method: 'limit', rowsRead: 0, columns: buildColumnSamples(selected, [], valueLengths(options.columns, options.maxValueLength), skipped), queries: 0 };
    }

    const method = chooseMethod(rows, rowid);
    const source = quoteIdentifier(table.name);
    const statement =
      method === 'random-rowid'
        ? this.#db.prepare(randomRowidSql(source, selected, rowid!.alias))
        : this.#db.prepare(`SELECT ${selected.map((name) => `src.${quoteIdentifier(name)}`).join(', ')} FROM ${source} AS src LIMIT ?`);
    // Integers come back as BigInt so values beyond 2^53 keep every digit; rows come back as arrays
    // so duplicate or odd column names cannot collide.
    statement.safeIntegers(true).raw(true);
    const params = method === 'random-rowid' ? [JSON.stringify(randomPoints(rows * CANDIDATES_PER_ROW, options.seed, table.name)), rows] : [rows];
    const resultRows = statement.all(...params) as unknown[][];
    return {
      method,
      rowsRead: resultRows.length,
      columns: buildColumnSamples(selected, resultRows, valueLengths(options.columns, options.maxValueLength), skipped),
      queries: 1,
    };
  }
}

/** A rowid range no longer than `rows` holds at most `rows` rows: read them all. */
function chooseMethod(rows: number, rowid: RowidTable | undefined): SampleMethod {
  if (rowid === undefined) return 'limit';
  return rowid.span <= BigInt(rows) ? 'all-rows' : 'random-rowid';
}

/**
 * Each random point p in [0, 1) maps to a position between the table's min and max rowid and picks
 * the first row at or after it (an index seek), so sparse or offset rowids still yield rows. Points
 * are kept in their random order, so `LIMIT rows` keeps a random subset rather than the lowest rowids.
 * Every name is aliased: CTE-free, so a user table called `chosen` or a column called `lo` cannot capture a reference.
 */
function randomRowidSql(source: string, columnNames: readonly string[], rowid: string): string {
  const columns = columnNames.map((name) => `src.${quoteIdentifier(name)}`).join(', ');
  return `SELECT ${columns}
FROM (
  SELECT picked.rid AS rid, min(picked.ord) AS ord
  FROM (
    SELECT (
      SELECT probe.${rowid} FROM ${source} AS probe
      WHERE probe.${rowid} >= bounds.lo + CAST(points.value * (bounds.hi - bounds.lo + 1) AS INTEGER)
      ORDER BY probe.${rowid} LIMIT 1
    ) AS rid, points.key AS ord
    FROM (SELECT (SELECT min(${rowid}) FROM ${source}) AS lo, (SELECT max(${rowid}) FROM ${source}) AS hi) AS bounds,
      json_each(?) AS points
  ) AS picked
  GROUP BY picked.rid
  ORDER BY ord
  LIMIT ?
) AS chosen
JOIN ${source} AS src ON src.${rowid} = chosen.rid
ORDER BY chosen.ord`;
}

/** Seeded points in [0, 1); the table name is mixed in so tables sharing a seed get different points. */
function randomPoints(count: number, seed: number, tableName: string): number[] {
  const next = mulberry32((seed ^ hashString(tableName)) >>> 0);
  return Array.from({ length: count }, () => next());
}

/** FNV-1a, 32-bit, over UTF-16 code units (kept as is: it decides which rowids are sampled). */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
