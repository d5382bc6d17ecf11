/**
 * Plans and runs the one sampling query per table for MySQL / MariaDB (neither has TABLESAMPLE).
 *
 * Plan, from the catalog's TABLE_ROWS estimate (`est`) and the wanted row count `rows`:
 * - no estimate (views): `LIMIT rows`. A view may be expensive; random filtering would evaluate it whole.
 * - est ≤ rows: `LIMIT rows`, which reads the whole (small) table.
 * - est > rows and a single-column integer primary key: `random-key-windows`. A UNION ALL of k
 *   disjoint primary-key windows starting at seeded random points of the key range; each window is
 *   an index range read of about rows/k rows, and its bounds are MIN/MAX lookups on the key (index
 *   dives, "Select tables optimized away"). Cost is independent of table size.
 * - est > rows otherwise: `WHERE RAND(seed) < p LIMIT rows` with p targeting OVERSAMPLE × rows
 *   matches. The scan stops once `rows` rows matched, i.e. after about est / OVERSAMPLE rows: the
 *   sample spreads over the first half or so of the table in storage order, and the read may be
 *   larger than the result (up to the whole table when the estimate was too high). Without an
 *   index there is no cheaper way to reach rows spread over the table.
 */
import { buildColumnSamples, type SampleMethod, type TableSample, splitSampledColumns } from '../../src/core/sample.js';
import type { ColumnMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { SampleOptions } from '../../src/core/connector.js';
import { isIntegerKeyColumn, mysqlSkipReason } from './mysql-types.js';
import { fnv1a32, mulberry32 } from '../../src/util/seeded-random.js';

/** Expected matches of the RAND() filter per wanted row; margin for TABLE_ROWS being an estimate. */
export const RANDOM_FILTER_OVERSAMPLE = 2;
/** Most primary-key windows in one statement; more windows spread the sample wider. */
export const MAX_KEY_WINDOWS = 16;

export interface MysqlSamplePlan {
  readonly method: SampleMethod;
  readonly sql: string;
  /** The requested columns that the SQL selects, in select-list order. */
  readonly selectedColumns: readonly string[];
  /** Requested columns left out of the SQL, with the reason. */
  readonly skipped: ReadonlyMap<string, string>;
}

/** Quotes an identifier with backticks, doubling embedded backticks. */
export function quoteMysqlIdentifier(name: string): string {
  return '`' + name.replaceAll('`', '``') + '`';
}

/** Bounded text for one column: one character past the limit so truncation can be detected. */
export function mysqlSampleExpression(column: ColumnMetadata, maxValueLength: number): string {
  const id = quoteMysqlIdentifier(column.name);
  // BIT values are bytes; BIN() gives their 0/1 digits instead.
  const text = /^bit\b/i.test(column.rawType) ? `BIN(${id})` : `CAST(${id} AS CHAR)`;
  return `LEFT(${text}, ${maxValueLength + 1})`;
}

export function planMysqlSample(table: TableMetadata, options: SampleOptions): MysqlSamplePlan {
  const rows = Math.max(1, Math.floor(options.rows));
  const { selected, skipped } = splitSampledColumns(options.columns, (column) => mysqlSkipReason(column.normalizedType));
  // A constant keeps the statement valid (and rowsRead honest) when every column is skipped.
  const selectList = selected.length > 0 ? selected.map((c) => mysqlSampleExpression(c, options.maxValueLength)).join(', ') : '1';
  const from = `${quoteMysqlIdentifier(table.schema)}.${quoteMysqlIdentifier(table.name)}`;
  const base = { selectedColumns: selected.map((c) => c.name), skipped };
  const estimate = table.rowEstimate;

  if (estimate === undefined || estimate <= rows) {
    const method: SampleMethod = estimate === undefined ? 'limit' : 'all-rows';
    return { ...base, method, sql: `SELECT ${selectList} FROM ${from} LIMIT ${rows}` };
  }
  const random = seededRandom(options.seed, `${table.schema}.${table.name}`);
  const key = singleIntegerKey(table);
  if (key) {
    return { ...base, method: 'random-key-windows', sql: keyWindowsSql(selectList, from, key, rows, estimate, random) };
  }
  const p = Math.min(1, (RANDOM_FILTER_OVERSAMPLE * rows) / estimate);
  const seed = Math.floor(random() * 2 ** 31);
  return {
    ...base,
    method: 'tablesample-bernoulli', // RAND(seed) < p is a Bernoulli row sample
    sql: `SELECT ${selectList} FROM ${from} WHERE RAND(${seed}) < ${formatFraction(p)} LIMIT ${rows}`,
  };
}

/** Runs the plan's single statement and turns its rows into column samples. */
export async function sampleMysqlTable(
  runQuery: (sql: string) => Promise<readonly (readonly unknown[])[]>,
  table: TableMetadata,
  options: SampleOptions,
): Promise<TableSample> {
  const plan = planMysqlSample(table, options);
  const rows = await runQuery(plan.sql);
  const position = new Map(plan.selectedColumns.map((name, i) => [name, i]));
  const requested = options.columns.map((c) => c.name);
  // Re-key each row to the requested column order; skipped columns are filled in by buildColumnSamples.
  const ordered = rows.map((row) => requested.map((name) => (position.has(name) ? row[position.get(name)!] : null)));
  return {
    method: plan.method,
    rowsRead: rows.length,
    columns: buildColumnSamples(requested, ordered, options.maxValueLength, plan.skipped),
    queries: 1,
  };
}

function singleIntegerKey(table: TableMetadata): ColumnMetadata | undefined {
  if (table.kind !== 'table' || table.primaryKey.length !== 1) return undefined;
  const column = table.columns.find((c) => c.name === table.primaryKey[0]);
  return column && isIntegerKeyColumn(column) ? column : undefined;
}

/**
 * k disjoint windows [start_i, start_{i+1}) over the key range. start_i = i/k + u_i × slack, where
 * slack leaves each window at least rows/(k × est) of the range, i.e. room for its quota when keys
 * are dense. Gapped keys can leave a window short; the sample is then smaller, never larger.
 */
function keyWindowsSql(selectList: string, from: string, key: ColumnMetadata, rows: number, estimate: number, random: () => number): string {
  const k = Math.min(MAX_KEY_WINDOWS, rows);
  const slack = (1 - rows / estimate) / k;
  const starts = Array.from({ length: k }, (_, i) => i / k + random() * slack);
  const id = quoteMysqlIdentifier(key.name);
  // DECIMAL arithmetic: MAX - MIN of a signed BIGINT can overflow BIGINT.
  const boundAt = (f: number) =>
    `(SELECT MIN(${id}) + FLOOR((CAST(MAX(${id}) AS DECIMAL(21)) - MIN(${id})) * ${formatFraction(f)}) FROM ${from})`;
  return starts
    .map((start, i) => {
      const quota = Math.floor(rows / k) + (i < rows % k ? 1 : 0);
      const upper = i + 1 < k ? ` AND ${id} < ${boundAt(starts[i + 1])}` : '';
      return `(SELECT ${selectList} FROM ${from} WHERE ${id} >= ${boundAt(start)}${upper} ORDER BY ${id} LIMIT ${quota})`;
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
