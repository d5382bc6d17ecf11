/**
 * Every SQL statement the Snowflake connector sends, in one place. Identifiers are always
 * double-quoted with their case kept (Fides lost case in Snowflake names: fides#1838, #2091), so
 * `"Customers"` and `CUSTOMERS` stay two tables. No statement writes anything.
 */
import type { ColumnMetadata, TableMetadata } from '../../src/core/metadata.js';
import { MAX_JSON_DOCUMENT_LENGTH } from '../../src/core/sample.js';

/** Quotes a Snowflake identifier: wrapped in `"`, embedded `"` doubled, case kept. */
export function quoteSnowflakeIdentifier(name: string): string {
  if (name.includes('\u0000')) throw new Error('identifier contains a NUL character');
  return `"${name.replaceAll('"', '""')}"`;
}

/** A single-quoted string literal; Snowflake treats backslash as an escape inside literals. */
export function snowflakeStringLiteral(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** Who and where we are; the names come back resolved (upper-cased unless they were quoted). */
export const CONTEXT_SQL =
  'SELECT CURRENT_DATABASE() AS "DATABASE", CURRENT_SCHEMA() AS "SCHEMA", CURRENT_WAREHOUSE() AS "WAREHOUSE", CURRENT_ROLE() AS "ROLE", CURRENT_VERSION() AS "VERSION"';

/** Warehouse state, read without needing a running warehouse (SHOW runs in the cloud services layer). */
export function showWarehouseSql(warehouse: string): string {
  return `SHOW WAREHOUSES LIKE ${snowflakeStringLiteral(warehouse)}`;
}

export function sessionSettingsSql(queryTag: string, statementTimeoutSeconds: number): string {
  const seconds = Math.max(1, Math.round(statementTimeoutSeconds));
  return `ALTER SESSION SET QUERY_TAG = ${snowflakeStringLiteral(queryTag)}, STATEMENT_TIMEOUT_IN_SECONDS = ${seconds}`;
}

/** The INFORMATION_SCHEMA of one database; it lists only what the current role may see. */
const infoSchema = (database: string, view: string): string => `${quoteSnowflakeIdentifier(database)}.INFORMATION_SCHEMA.${view}`;

export function schemataSql(database: string): string {
  return `SELECT SCHEMA_NAME FROM ${infoSchema(database, 'SCHEMATA')} WHERE SCHEMA_NAME <> 'INFORMATION_SCHEMA' ORDER BY SCHEMA_NAME`;
}

export function tablesSql(database: string): string {
  return (
    `SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, ROW_COUNT, COMMENT FROM ${infoSchema(database, 'TABLES')}` +
    ` WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY TABLE_SCHEMA, TABLE_NAME`
  );
}

export function columnsSql(database: string): string {
  return (
    'SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, IS_NULLABLE, CHARACTER_MAXIMUM_LENGTH,' +
    ` NUMERIC_PRECISION, NUMERIC_SCALE, COMMENT FROM ${infoSchema(database, 'COLUMNS')}` +
    ` WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`
  );
}

/** Key columns per constraint; INFORMATION_SCHEMA has no key-column view in Snowflake. */
export function primaryKeysSql(database: string): string {
  return `SHOW PRIMARY KEYS IN DATABASE ${quoteSnowflakeIdentifier(database)}`;
}

export function importedKeysSql(database: string): string {
  return `SHOW IMPORTED KEYS IN DATABASE ${quoteSnowflakeIdentifier(database)}`;
}

export function qualifiedTableName(database: string, table: Pick<TableMetadata, 'schema' | 'name'>): string {
  return [database, table.schema, table.name].map(quoteSnowflakeIdentifier).join('.');
}

/**
 * One select-list item, always text: scalars through TO_VARCHAR (Snowflake's own formatting of dates,
 * numbers and booleans), semi-structured values through TO_JSON, cut in SQL so no huge value travels
 * (JSON longer, to MAX_JSON_DOCUMENT_LENGTH + 1, so its keys can be read: core/json-documents.ts).
 */
export function sampleSelectItem(column: Pick<ColumnMetadata, 'name' | 'normalizedType'>, cut: number): string {
  const quoted = quoteSnowflakeIdentifier(column.name);
  if (column.normalizedType === 'json') return `LEFT(TO_JSON(${quoted}), ${MAX_JSON_DOCUMENT_LENGTH + 1})`;
  return `LEFT(TO_VARCHAR(${quoted}), ${cut})`;
}

/**
 * The sampling statement: `SAMPLE (n ROWS)` (row-level Bernoulli sampling of exactly n rows, or all
 * rows of a smaller table) for tables; views are read with `LIMIT n`, as sampling a view samples
 * after evaluating it anyway.
 */
export function sampleSql(
  database: string,
  table: Pick<TableMetadata, 'schema' | 'name' | 'kind'>,
  columns: readonly Pick<ColumnMetadata, 'name' | 'normalizedType'>[],
  rows: number,
  maxValueLength: number,
): string {
  const n = Math.max(0, Math.floor(rows));
  const cut = Math.max(1, Math.floor(maxValueLength) + 1);
  const list = columns.map((c) => sampleSelectItem(c, cut)).join(', ');
  const from = qualifiedTableName(database, table);
  return table.kind === 'table' ? `SELECT ${list} FROM ${from} SAMPLE (${n} ROWS)` : `SELECT ${list} FROM ${from} LIMIT ${n}`;
}

/** Snowflake's own classifier on one table; auto_tag off, so no tags are written. */
export function classifySql(database: string, table: Pick<TableMetadata, 'schema' | 'name'>, sampleCount: number): string {
  const n = Math.min(10_000, Math.max(1, Math.floor(sampleCount)));
  return `SELECT SYSTEM$CLASSIFY(${snowflakeStringLiteral(qualifiedTableName(database, table))}, {'sample_count': ${n}, 'auto_tag': false}) AS "RESULT"`;
}
