/**
 * Samples one table with one SELECT in a read-only transaction. Shared by the Postgres server
 * connector and embedded PGlite.
 *
 * Nothing of the scanned database runs. Values of built-in types are cut to `maxValueLength + 1`
 * characters in SQL (`pg_catalog.left(col::pg_catalog.text, n)`: no user-defined cast can exist
 * between two built-in types); json and jsonb longer, to MAX_JSON_DOCUMENT_LENGTH + 1, so their
 * keys can be read (core/json-documents.ts), and arrays of them as one JSON array (`array_to_json`).
 * Values of the database's own types (enums, composites, ranges, their arrays) are read in their output
 * form, exactly as the server sends them, and cut in JS: a cast of
 * those to text could be the database owner's function. Every function and operator is
 * schema-qualified, and the session's search_path is pg_catalog as well.
 *
 * How rows are chosen, so that the same data gives the same sample whatever the statistics say
 * (autovacuum or ANALYZE must not change proposals, issue 14.3):
 * - Tables and materialized views: `TABLESAMPLE SYSTEM (p) REPEATABLE (seed)` where p is computed
 *   in the same statement from the relation's size on disk (pg_relation_size, summed over
 *   partitions and inheritance children), never from reltuples/relpages: p = 100% up to
 *   `samplePages(rows)` pages, so small and medium tables are read whole; above that, p picks about
 *   that many pages, so a large table is never fully scanned. Among the rows read, the `rows` with
 *   the smallest seeded hash of their position (ctid) are kept. Pages are chosen by a hash of their
 *   number and the seed, and rows by a hash of their position, so ANALYZE changes nothing; the size
 *   only changes when the data does (and a slightly larger table keeps most of the same pages).
 *   The table's oid is mixed into the hash: partitions share positions, and a tie at the LIMIT
 *   could otherwise be broken by the order in which parallel workers return them.
 * - A role that may read only some columns cannot name ctid: rows are then ordered by a hash of
 *   the values read (equal rows are equal samples).
 * - Views and foreign tables: `LIMIT rows` (TABLESAMPLE does not apply); the session disables
 *   synchronized scans, so a plain scan starts at the first page every time.
 * - If a sampled large table yields clearly too few rows (mostly empty pages), one plain LIMIT read
 *   follows (two statements, counted).
 */
import type { ColumnMetadata, TableMetadata } from '../../src/core/metadata.js';
import { tableId } from '../../src/core/metadata.js';
import type { SampleOptions } from '../../src/core/connector.js';
import { ConnectorError } from '../../src/core/errors.js';
import { buildColumnSamples, type SampleMethod, type TableSample, splitSampledColumns, valueLengthLimit, valueLengths } from '../../src/core/sample.js';
import type { PgQueryable } from './pg-queryable.js';
import type { TableReadHints } from './postgres-introspector.js';

/** Pages read whole before sampling pages instead: ~8 MB, and at least 4 pages per wanted row. */
export const MIN_SAMPLE_PAGES = 1000;
export const PAGES_PER_ROW = 4;
/** Below this share of the wanted rows, a page sample counts as "clearly too few". */
export const TOO_FEW_SHARE = 0.5;

export const BINARY_SKIPPED = 'binary column: values not sampled';
export const GEOMETRY_SKIPPED = 'geometry column: values not sampled';
export const UNREADABLE_SKIPPED = 'not readable: the scanning role has no SELECT privilege on this column';

export type SamplingPlan = { readonly method: 'pages'; readonly pages: number } | { readonly method: 'limit' };

/** How many pages a table may have and still be read whole (see the header). */
export function samplePages(rows: number): number {
  return Math.max(MIN_SAMPLE_PAGES, PAGES_PER_ROW * Math.ceil(rows));
}

/** Chooses how to sample a table: from its kind only, never from statistics. */
export function chooseSamplingPlan(table: Pick<TableMetadata, 'kind'>, rows: number): SamplingPlan {
  const hasPages = table.kind === 'table' || table.kind === 'materialized_view';
  return hasPages ? { method: 'pages', pages: samplePages(rows) } : { method: 'limit' };
}

/** Quotes an identifier for Postgres: wrapped in `"`, embedded `"` doubled. */
export function quoteIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL character');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Why a column is not selected, or undefined when it is sampled. */
export function skipReason(column: ColumnMetadata, hints?: TableReadHints): string | undefined {
  if (column.normalizedType === 'binary') return BINARY_SKIPPED;
  if (column.normalizedType === 'geometry') return GEOMETRY_SKIPPED;
  if (hints?.unreadableColumns.has(column.name)) return UNREADABLE_SKIPPED;
  return undefined;
}

/**
 * One select-list item. Built-in types: text cut to `cut` characters in SQL; `abbrev(inet)` is the
 * type's normal output (`10.0.0.1`; a text cast appends `/32`); an array of json/jsonb as one JSON
 * array (its text form, `{"{\"a\": 1}"}`, is no JSON). Other types (`castable` false): the column
 * itself, in its output form.
 */
export function selectExpression(column: Pick<ColumnMetadata, 'name' | 'rawType' | 'isArray' | 'normalizedType'>, cut: string, castable: boolean): string {
  const quoted = quoteIdentifier(column.name);
  if (!castable) return quoted;
  const text =
    column.rawType === 'inet' && !column.isArray
      ? `pg_catalog.abbrev(${quoted})`
      : column.normalizedType === 'json' && column.isArray
        ? `pg_catalog.array_to_json(${quoted})::pg_catalog.text`
        : `${quoted}::pg_catalog.text`;
  return `pg_catalog.left(${text}, ${cut})`;
}

/**
 * A string as an escape-string literal: E'...' reads the same whatever standard_conforming_strings
 * says (a database may set it off), so a backslash or quote in a name cannot end the literal.
 */
export function stringLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('string contains a NUL character');
  return `E'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** A non-negative integer as a SQL literal (no exponent, so no surprises in any SQL context). */
function integerLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return BigInt(Math.max(0, Math.trunc(value))).toString();
}

/**
 * The sampling SELECT; `columns` are the selected (non-skipped) columns, in order. A page sample
 * returns one more column, the percentage of pages read (100: the whole table).
 */
export function buildSampleSql(
  table: Pick<TableMetadata, 'schema' | 'name'>,
  columns: readonly Pick<ColumnMetadata, 'name' | 'rawType' | 'isArray' | 'normalizedType'>[],
  plan: SamplingPlan,
  options: Pick<SampleOptions, 'rows' | 'maxValueLength' | 'seed'> & { readonly hints?: TableReadHints },
): string {
  const rows = integerLiteral(options.rows);
  const cut = (c: Pick<ColumnMetadata, 'normalizedType'>) => integerLiteral(Math.max(1, valueLengthLimit(c, options.maxValueLength) + 1));
  const hints = options.hints;
  // Without hints nothing is known about the types: read them all in their output form.
  const items = columns.map((c) => selectExpression(c, cut(c), hints !== undefined && !hints.userTypeColumns.has(c.name)));
  const from = `${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)}`;
  if (plan.method === 'limit') return `SELECT ${items.join(', ')} FROM ${from} LIMIT ${rows}`;
  // REPEATABLE and the hash take any integer; a 31-bit one keeps the literal plain.
  const seed = integerLiteral(Math.abs(Math.trunc(options.seed)) % 2147483647);
  const position =
    hints === undefined || hints.selectOnTable
      ? `pg_catalog.hashtidextended(ctid, ${seed} OPERATOR(pg_catalog.+) tableoid::pg_catalog.int8)`
      : `pg_catalog.hashtextextended(ROW(${items.join(', ')})::pg_catalog.text, ${seed})`;
  return (
    'WITH RECURSIVE tree(relid) AS (' +
    `SELECT ${stringLiteral(from)}::pg_catalog.regclass::pg_catalog.oid UNION ALL ` +
    'SELECT i.inhrelid FROM pg_catalog.pg_inherits i JOIN tree ON i.inhparent OPERATOR(pg_catalog.=) tree.relid), ' +
    `size AS (SELECT LEAST(100, 100 * ${integerLiteral(plan.pages)} / GREATEST(1, pg_catalog.sum(pg_catalog.pg_relation_size(relid))` +
    ` / pg_catalog.current_setting('block_size')::pg_catalog.int8))::pg_catalog.float8 AS percent FROM tree) ` +
    `SELECT ${items.join(', ')}, (SELECT percent FROM size) FROM ${from}` +
    ` TABLESAMPLE SYSTEM ((SELECT percent FROM size)) REPEATABLE (${seed}) ORDER BY ${position} LIMIT ${rows}`
  );
}

export class PostgresSampler {
  readonly #db: PgQueryable;

  constructor(db: PgQueryable) {
    this.#db = db;
  }

  /** `hints` come from the introspection of this table; without them every value is read uncast. */
  async sample(table: TableMetadata, options: SampleOptions, hints?: TableReadHints): Promise<TableSample> {
    if (hints?.rowSecurity) {
      throw new ConnectorError('permission', `Row-level security applies to ${tableId(table)}: not read, as its policies would run their functions as the scanning role`, {
        hint: 'Exclude the table, or grant the scanning role BYPASSRLS if you trust it to read every row (no policy runs then).',
      });
    }
    const names = options.columns.map((c) => c.name);
    const { selected, skipped } = splitSampledColumns(options.columns, (c) => skipReason(c, hints));
    if (selected.length === 0 || options.rows <= 0) {
      if (options.rows > 0 && options.columns.length > 0 && options.columns.every((c) => hints?.unreadableColumns.has(c.name))) {
        // What the server would answer, without asking it: mapped like its own permission error.
        throw Object.assign(new Error('no column may be read'), { code: '42501' });
      }
      // Nothing to read: no query at all.
      return { method: 'limit', rowsRead: 0, columns: buildColumnSamples(names, [], valueLengths(options.columns, options.maxValueLength), skipped), queries: 0 };
    }

    const plan = chooseSamplingPlan(table, options.rows);
    const sqlOptions = { ...options, hints };
    const { rows, method, queries } = await this.#db.readOnly(async (db) => {
      if (plan.method === 'limit') {
        const limited = await db.queryRawArrays(buildSampleSql(table, selected, plan, sqlOptions));
        return { rows: limited, method: (limited.length < options.rows ? 'all-rows' : 'limit') as SampleMethod, queries: 1 };
      }
      const sampled = await db.queryRawArrays(buildSampleSql(table, selected, plan, sqlOptions));
      // No row at all: an empty table (or, rarely, a large one whose sampled pages are all empty).
      const percent = sampled.length > 0 ? Number(sampled[0][selected.length]) : 100;
      const wholeTable = percent >= 100;
      if (!wholeTable && sampled.length < options.rows * TOO_FEW_SHARE) {
        // Mostly empty pages (a table that shrank without VACUUM FULL): one plain LIMIT read instead.
        const limited = await db.queryRawArrays(buildSampleSql(table, selected, { method: 'limit' }, sqlOptions));
        return { rows: limited, method: 'limit' as SampleMethod, queries: 2 };
      }
      const method: SampleMethod = !wholeTable ? 'tablesample-system' : sampled.length < options.rows ? 'all-rows' : 'seeded-hash';
      return { rows: sampled.map((row) => row.slice(0, selected.length)), method, queries: 1 };
    });

    // Rows hold only the selected columns; spread them back to the requested column order.
    const position = new Map(selected.map((c, i) => [c.name, i]));
    const fullRows = rows.map((row) => names.map((name) => (position.has(name) ? row[position.get(name)!] : null)));
    return {
      method,
      rowsRead: rows.length,
      columns: buildColumnSamples(names, fullRows, valueLengths(options.columns, options.maxValueLength), skipped),
      queries,
    };
  }
}
