/**
 * Plans and runs the one sampling query per table for MySQL / MariaDB (neither has TABLESAMPLE).
 *
 * The plan never depends on planner statistics (TABLE_ROWS moves with ANALYZE TABLE and InnoDB's
 * random index dives), so the same data gives the same sample. Whether a table is small enough to
 * read whole is decided by the data, inside the statement: `(SELECT 1 FROM t LIMIT 1 OFFSET rows) IS
 * NULL`, at most rows + 1 index entries, which the server evaluates as a constant. The statement's
 * first column says which way it went (1: the whole table).
 * - Views: `LIMIT rows`. A view may be expensive; counting or random filtering would evaluate it whole.
 * - At most `rows` rows: the whole table.
 * - More, and a single-column integer primary key: `random-key-windows`. A UNION ALL of k disjoint
 *   primary-key windows starting at seeded random points of the key range; each window is an index
 *   range read of about rows/k rows, and its bounds come from MIN/MAX of the key (index dives), in a
 *   one-row derived table per window. Cost is independent of table size.
 * - More otherwise: `WHERE RAND(seed) < p LIMIT rows`, p targeting OVERSAMPLE × rows matches. p comes
 *   from the data for tables of up to SIZE_PROBE_ROWS_PER_WANTED_ROW × rows rows (counted in the
 *   statement); beyond that the catalog estimate sets it, rounded down to a power of two so that a
 *   new estimate changes it only when the table's size doubles or halves. The scan stops once `rows`
 *   rows matched, i.e. after about a half to a quarter of the table in storage order.
 */
import { buildColumnSamples, type SampleMethod, type TableSample, splitSampledColumns, valueLengthLimit, valueLengths } from '../../src/core/sample.js';
import type { ColumnMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { SampleOptions } from '../../src/core/connector.js';
import { isIntegerKeyColumn, mysqlSkipReason } from './mysql-types.js';
import { fnv1a32, mulberry32 } from '../../src/util/seeded-random.js';

/** Expected matches of the RAND() filter per wanted row; margin for the size being estimated. */
export const RANDOM_FILTER_OVERSAMPLE = 2;
/** Most primary-key windows in one statement; more windows spread the sample wider. */
export const MAX_KEY_WINDOWS = 16;
/**
 * Where in its 1/k share of the key range a window may start: the rest of the share leaves room for
 * its quota when keys are dense and the table holds at least 1 / (1 - this) times the wanted rows.
 */
export const KEY_WINDOW_START_SPREAD = 0.75;
/** Tables up to this many times the wanted rows are counted exactly (an index read) for the RAND() filter. */
export const SIZE_PROBE_ROWS_PER_WANTED_ROW = 50;
/** The sampled table's alias in key windows, which join a derived table (its columns could clash with the table's). */
const WINDOW_TABLE_ALIAS = 'piiscout_t';

export interface MysqlSamplePlan {
  readonly method: SampleMethod;
  readonly sql: string;
  /** The requested columns that the SQL selects, in select-list order. */
  readonly selectedColumns: readonly string[];
  /** Requested columns left out of the SQL, with the reason. */
  readonly skipped: ReadonlyMap<string, string>;
  /** True when the first result column is 1 for a table read whole (then the method is `all-rows`). */
  readonly leadingWholeFlag: boolean;
}

/** Quotes an identifier with backticks, doubling embedded backticks. */
export function quoteMysqlIdentifier(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

/**
 * Bounded text for one column: one character past the limit so truncation can be detected (JSON,
 * also MariaDB's JSON text, is read longer so its keys can be: see core/json-documents.ts).
 * `tableAlias` qualifies the column where the statement joins another (derived) table.
 */
export function mysqlSampleExpression(column: ColumnMetadata, maxValueLength: number, tableAlias?: string): string {
  const id = (tableAlias ? `${tableAlias}.` : '') + quoteMysqlIdentifier(column.name);
  // BIT values are bytes; BIN() gives their 0/1 digits instead.
  const text = /^bit\b/i.test(column.rawType) ? `BIN(${id})` : `CAST(${id} AS CHAR)`;
  return `LEFT(${text}, ${valueLengthLimit(column, maxValueLength) + 1})`;
}

export function planMysqlSample(table: TableMetadata, options: SampleOptions): MysqlSamplePlan {
  const rows = Math.max(1, Math.floor(options.rows));
  const { selected, skipped } = splitSampledColumns(options.columns, (column) => mysqlSkipReason(column.normalizedType));
  // A constant keeps the statement valid (and rowsRead honest) when every column is skipped.
  const selectListOf = (alias?: string) => (selected.length > 0 ? selected.map((c) => mysqlSampleExpression(c, options.maxValueLength, alias)).join(', ') : '1');
  const selectList = selectListOf();
  const from = `${quoteMysqlIdentifier(table.schema)}.${quoteMysqlIdentifier(table.name)}`;
  const base = { selectedColumns: selected.map((c) => c.name), skipped };

  if (table.kind !== 'table') {
    return { ...base, method: 'limit', leadingWholeFlag: false, sql: `SELECT ${selectList} FROM ${from} LIMIT ${rows}` };
  }
  const rowBeyondSample = `(SELECT 1 FROM ${from} LIMIT 1 OFFSET ${rows})`;
  const fitsWhole = `${rowBeyondSample} IS NULL`;
  const random = seededRandom(options.seed, `${table.schema}.${table.name}`);
  const key = singleIntegerKey(table);
  if (key) {
    const whole = `(SELECT 1, ${selectList} FROM ${from} WHERE ${fitsWhole} LIMIT ${rows})`;
    const windows = keyWindowsSql(`0, ${selectListOf(WINDOW_TABLE_ALIAS)}`, from, rowBeyondSample, key, rows, random);
    return { ...base, method: 'random-key-windows', leadingWholeFlag: true, sql: `${whole} UNION ALL ${windows}` };
  }
  const seed = Math.floor(random() * 2 ** 31);
  return {
    ...base,
    method: 'tablesample-bernoulli', // RAND(seed) < p is a Bernoulli row sample
    leadingWholeFlag: true,
    sql: `SELECT ${fitsWhole}, ${selectList} FROM ${from} WHERE RAND(${seed}) < ${randomFilterFraction(from, rows, table.rowEstimate)} LIMIT ${rows}`,
  };
}

/**
 * The RAND() filter's p as one scalar subquery (evaluated once): 2 (keep all) for a table read whole,
 * OVERSAMPLE × rows / count when the count stays under the probe limit, else the estimate's octave.
 */
function randomFilterFraction(from: string, rows: number, estimate: number | undefined): string {
  const probe = SIZE_PROBE_ROWS_PER_WANTED_ROW * rows;
  const wanted = RANDOM_FILTER_OVERSAMPLE * rows;
  const beyondProbe = Math.min(wanted / probe, octaveFraction(wanted, Math.max(estimate ?? 0, probe)));
  return (
    `(SELECT IF(piiscout_n.c <= ${rows}, 2, IF(piiscout_n.c < ${probe}, ${wanted} / piiscout_n.c, ${formatFraction(beyondProbe)})) ` +
    `FROM (SELECT COUNT(*) AS c FROM (SELECT 1 FROM ${from} LIMIT ${probe}) AS piiscout_head) AS piiscout_n)`
  );
}

/** wanted / size rounded up to a power of two (so at least `wanted` matches): the same within one doubling of size. */
function octaveFraction(wanted: number, size: number): number {
  return 2 ** -Math.floor(Math.log2(size / wanted));
}

/** Runs the plan's single statement and turns its rows into column samples. */
export async function sampleMysqlTable(
  runQuery: (sql: string) => Promise<readonly (readonly unknown[])[]>,
  table: TableMetadata,
  options: SampleOptions,
): Promise<TableSample> {
  const plan = planMysqlSample(table, options);
  const rows = await runQuery(plan.sql);
  const offset = plan.leadingWholeFlag ? 1 : 0;
  const position = new Map(plan.selectedColumns.map((name, i) => [name, i + offset]));
  const requested = options.columns.map((c) => c.name);
  // Re-key each row to the requested column order; skipped columns are filled in by buildColumnSamples.
  const ordered = rows.map((row) => requested.map((name) => (position.has(name) ? row[position.get(name)!] : null)));
  const readWhole = plan.leadingWholeFlag && (rows.length === 0 || String(rows[0][0]) === '1');
  return {
    method: readWhole ? 'all-rows' : plan.method,
    rowsRead: rows.length,
    columns: buildColumnSamples(requested, ordered, valueLengths(options.columns, options.maxValueLength), plan.skipped),
    queries: 1,
  };
}

function singleIntegerKey(table: TableMetadata): ColumnMetadata | undefined {
  if (table.kind !== 'table' || table.primaryKey.length !== 1) return undefined;
  const column = table.columns.find((c) => c.name === table.primaryKey[0]);
  return column && isIntegerKeyColumn(column) ? column : undefined;
}

/**
 * k disjoint windows [start_i, start_{i+1}) over the key range, start_i = i/k + u_i × spread/k, each
 * read in key order up to its quota. Each window joins a one-row derived table holding the key range
 * and `rowBeyondSample` (NULL for a table read whole, which leaves every window empty).
 * Gapped keys (or a table under 4 × rows) can leave a window short; the sample is then smaller, never larger.
 */
function keyWindowsSql(selectList: string, from: string, rowBeyondSample: string, key: ColumnMetadata, rows: number, random: () => number): string {
  const k = Math.min(MAX_KEY_WINDOWS, rows);
  const starts = Array.from({ length: k }, (_, i) => i / k + (random() * KEY_WINDOW_START_SPREAD) / k);
  const id = quoteMysqlIdentifier(key.name);
  const keyInWindow = `${WINDOW_TABLE_ALIAS}.${id}`;
  // DECIMAL arithmetic: MAX - MIN of a signed BIGINT can overflow BIGINT.
  const range =
    `(SELECT MIN(${id}) AS lo, CAST(MAX(${id}) AS DECIMAL(21)) - MIN(${id}) AS span, ${rowBeyondSample} AS more ` +
    `FROM ${from}) AS piiscout_range`;
  const boundAt = (f: number) => `piiscout_range.lo + FLOOR(piiscout_range.span * ${formatFraction(f)})`;
  return starts
    .map((start, i) => {
      const quota = Math.floor(rows / k) + (i < rows % k ? 1 : 0);
      const upper = i + 1 < k ? ` AND ${keyInWindow} < ${boundAt(starts[i + 1])}` : '';
      return (
        `(SELECT ${selectList} FROM ${from} AS ${WINDOW_TABLE_ALIAS}, ${range} ` +
        `WHERE piiscout_range.more IS NOT NULL AND ${keyInWindow} >= ${boundAt(start)}${upper} ORDER BY ${keyInWindow} LIMIT ${quota})`
      );
    })
    .join(' UNION ALL ');
}

function formatFraction(f: number): string {
  return Math.min(1, Math.max(0, f)).toFixed(12);
}

/** mulberry32 seeded with the scan seed and the table id, so each table gets its own repeatable stream. */
export function seededRandom(seed: number, salt: string): () => number {
  return mulberry32((Math.trunc(seed) ^ fnv1a32(salt)) >>> 0);
}
