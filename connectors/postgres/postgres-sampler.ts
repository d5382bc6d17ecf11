/**
 * Samples one table with one SELECT that returns up to `rows` rows spread over the table, every
 * value cut to `maxValueLength + 1` characters in SQL (so truncation is still detectable) and
 * returned as text. Shared by the Postgres server connector and embedded PGlite.
 */
import type { ColumnMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { SampleOptions } from '../../src/core/connector.js';
import { buildColumnSamples, type SampleMethod, type TableSample, splitSampledColumns } from '../../src/core/sample.js';
import type { PgQueryable } from './pg-queryable.js';

/**
 * Plan thresholds, from the table's row estimate E and the wanted row count N:
 * - E unknown, E <= 2N, or a view/foreign table: plain `LIMIT N` (cheap; it reads the whole table
 *   when the table is that small, and TABLESAMPLE does not apply to views).
 * - 2N < E <= 1,000,000: `TABLESAMPLE BERNOULLI` with p chosen to return about 3N rows. Bernoulli
 *   reads every page but picks rows independently, so the sample is spread evenly.
 * - E > 1,000,000: `TABLESAMPLE SYSTEM` with p chosen for about 3N rows; it reads only the chosen
 *   pages, so large tables are never fully scanned.
 * The sampled rows are then ordered by a hash of their ctid (seeded, so repeatable) before `LIMIT N`,
 * which keeps the N rows spread over the whole sample instead of the first pages of it.
 */
export const SMALL_TABLE_FACTOR = 2;
export const LARGE_TABLE_ROWS = 1_000_000;
export const OVERSAMPLE_FACTOR = 3;
/** Below this share of the wanted rows, a TABLESAMPLE result counts as "clearly too few". */
export const TOO_FEW_SHARE = 0.5;

export type SamplingPlan =
  | { readonly method: 'limit' }
  | { readonly method: 'tablesample-bernoulli' | 'tablesample-system'; readonly percent: number };

export const BINARY_SKIPPED = 'binary column: values not sampled';
export const GEOMETRY_SKIPPED = 'geometry column: values not sampled';

/** Chooses how to sample a table (see the thresholds above). */
export function chooseSamplingPlan(table: Pick<TableMetadata, 'kind' | 'rowEstimate'>, rows: number): SamplingPlan {
  const estimate = table.rowEstimate;
  const samplable = table.kind === 'table' || table.kind === 'materialized_view';
  if (!samplable || estimate === undefined || estimate <= rows * SMALL_TABLE_FACTOR) return { method: 'limit' };
  const percent = Math.min(100, (100 * OVERSAMPLE_FACTOR * rows) / estimate);
  return { method: estimate > LARGE_TABLE_ROWS ? 'tablesample-system' : 'tablesample-bernoulli', percent };
}

/** Quotes an identifier for Postgres: wrapped in `"`, embedded `"` doubled. */
export function quoteIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL character');
  return `"${name.replaceAll('"', '""')}"`;
}

/** A finite number as a SQL numeric literal (no exponent, so no surprises in any SQL context). */
function numericLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return value.toFixed(10).replace(/\.?0+$/, '') || '0';
}

/** Why a column is not selected, or undefined when it is sampled. */
export function skipReason(column: ColumnMetadata): string | undefined {
  if (column.normalizedType === 'binary') return BINARY_SKIPPED;
  if (column.normalizedType === 'geometry') return GEOMETRY_SKIPPED;
  return undefined;
}

/**
 * One select-list item: the column as text, cut to `cut` characters. `inet::text` always appends
 * the netmask (`10.0.0.1/32`); `abbrev(inet)` is the type's normal output (`10.0.0.1`).
 */
export function selectExpression(column: Pick<ColumnMetadata, 'name' | 'rawType' | 'isArray'>, cut: number): string {
  const quoted = quoteIdentifier(column.name);
  const text = column.rawType === 'inet' && !column.isArray ? `abbrev(${quoted})` : `${quoted}::text`;
  return `left(${text}, ${cut})`;
}

/** Builds the sampling SELECT; `columns` are the selected (non-skipped) columns, in order. */
export function buildSampleSql(
  table: Pick<TableMetadata, 'schema' | 'name'>,
  columns: readonly Pick<ColumnMetadata, 'name' | 'rawType' | 'isArray'>[],
  plan: SamplingPlan,
  options: Pick<SampleOptions, 'rows' | 'maxValueLength' | 'seed'>,
): string {
  const rows = Math.max(0, Math.floor(options.rows));
  const cut = Math.max(1, Math.floor(options.maxValueLength) + 1);
  const selectList = columns.map((c) => selectExpression(c, cut)).join(', ');
  const from = `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
  if (plan.method === 'limit') return `SELECT ${selectList} FROM ${from} LIMIT ${rows}`;
  const sampler = plan.method === 'tablesample-system' ? 'SYSTEM' : 'BERNOULLI';
  // REPEATABLE takes any float8; a 31-bit integer keeps the literal plain.
  const seed = numericLiteral(Math.trunc(Math.abs(options.seed)) % 2147483647);
  return (
    `SELECT ${selectList} FROM ${from} TABLESAMPLE ${sampler} (${numericLiteral(plan.percent)}) REPEATABLE (${seed})` +
    ` ORDER BY md5(ctid::text || '/${seed}') LIMIT ${rows}`
  );
}

export class PostgresSampler {
  readonly #db: PgQueryable;

  constructor(db: PgQueryable) {
    this.#db = db;
  }

  async sample(table: TableMetadata, options: SampleOptions): Promise<TableSample> {
    const names = options.columns.map((c) => c.name);
    const { selected, skipped } = splitSampledColumns(options.columns, skipReason);
    if (selected.length === 0 || options.rows <= 0) {
      // Nothing to read: no query at all.
      return { method: 'limit', rowsRead: 0, columns: buildColumnSamples(names, [], options.maxValueLength, skipped), queries: 0 };
    }

    const plan = chooseSamplingPlan(table, options.rows);
    let rows = await this.#db.queryRawArrays(buildSampleSql(table, selected, plan, options));
    let method: SampleMethod = plan.method;
    let queries = 1;
    if (plan.method !== 'limit' && rows.length < options.rows * TOO_FEW_SHARE) {
      // Statistics were stale (the table shrank): one plain LIMIT read instead.
      rows = await this.#db.queryRawArrays(buildSampleSql(table, selected, { method: 'limit' }, options));
      method = 'limit';
      queries = 2;
    }
    if (method === 'limit' && rows.length < options.rows) method = 'all-rows';

    // Rows hold only the selected columns; spread them back to the requested column order.
    const position = new Map(selected.map((c, i) => [c.name, i]));
    const fullRows = rows.map((row) => names.map((name) => (position.has(name) ? row[position.get(name)!] : null)));
    return {
      method,
      rowsRead: rows.length,
      columns: buildColumnSamples(names, fullRows, options.maxValueLength, skipped),
      queries,
    };
  }
}
