/**
 * Reads one database's schemas, tables, views, columns, comments and keys in five statements
 * (three INFORMATION_SCHEMA selects, SHOW PRIMARY KEYS, SHOW IMPORTED KEYS), whatever the number
 * of tables. Names are kept exactly as Snowflake returns them.
 */
import type { IntrospectOptions } from '../../src/core/connector.js';
import type { ColumnMetadata, ForeignKey, NormalizedType, TableKind, TableMetadata } from '../../src/core/metadata.js';
import type { SnowflakeQueryable } from './snowflake-session.js';
import { columnsSql, importedKeysSql, primaryKeysSql, schemataSql, tablesSql } from './snowflake-sql.js';

export interface SnowflakeCatalog {
  readonly schemas: readonly string[];
  readonly tables: readonly TableMetadata[];
  /** Statements this introspection cost. */
  readonly queries: number;
}

const TABLE_KINDS: Readonly<Record<string, TableKind>> = {
  'BASE TABLE': 'table',
  'TEMPORARY TABLE': 'table',
  'EXTERNAL TABLE': 'foreign_table',
  VIEW: 'view',
  'MATERIALIZED VIEW': 'materialized_view',
};

/** Snowflake DATA_TYPE (as INFORMATION_SCHEMA.COLUMNS reports it) to our vocabulary. */
export function normalizeSnowflakeType(dataType: string, scale: number | null): { type: NormalizedType; isArray: boolean } {
  switch (dataType.toUpperCase()) {
    case 'NUMBER':
    case 'DECIMAL':
    case 'NUMERIC':
      return { type: scale === null || scale === 0 ? 'integer' : 'decimal', isArray: false };
    case 'INT':
    case 'INTEGER':
    case 'BIGINT':
    case 'SMALLINT':
      return { type: 'integer', isArray: false };
    case 'FLOAT':
    case 'DOUBLE':
    case 'REAL':
      return { type: 'float', isArray: false };
    case 'TEXT':
    case 'VARCHAR':
    case 'CHAR':
    case 'STRING':
      return { type: 'string', isArray: false };
    case 'BOOLEAN':
      return { type: 'boolean', isArray: false };
    case 'DATE':
      return { type: 'date', isArray: false };
    case 'TIME':
      return { type: 'time', isArray: false };
    case 'TIMESTAMP_NTZ':
    case 'TIMESTAMP_LTZ':
    case 'TIMESTAMP_TZ':
      return { type: 'timestamp', isArray: false };
    case 'VARIANT':
    case 'OBJECT':
      return { type: 'json', isArray: false };
    case 'ARRAY':
      return { type: 'json', isArray: true };
    case 'BINARY':
      return { type: 'binary', isArray: false };
    case 'GEOGRAPHY':
    case 'GEOMETRY':
      return { type: 'geometry', isArray: false };
    default:
      return { type: 'other', isArray: false };
  }
}

export class SnowflakeIntrospector {
  readonly #db: SnowflakeQueryable;
  readonly #database: string;
  readonly #onlySchema?: string;

  /** `database` and `onlySchema` are the resolved names (from CURRENT_DATABASE()/CURRENT_SCHEMA()). */
  constructor(db: SnowflakeQueryable, database: string, onlySchema?: string) {
    this.#db = db;
    this.#database = database;
    this.#onlySchema = onlySchema;
  }

  async introspect(options: IntrospectOptions): Promise<SnowflakeCatalog> {
    const schemaRows = (await this.#db.query(schemataSql(this.#database))) as unknown as RawSchemaRow[];
    const schemas = schemaRows
      .map((r) => r.SCHEMA_NAME)
      .filter((s) => this.#onlySchema === undefined || s === this.#onlySchema)
      .filter((s) => !options.schemaFilter || options.schemaFilter(s));
    const wanted = new Set(schemas);
    // Five statements for the whole database; filtering happens here, not in SQL, to keep them constant.
    const tableRows = ((await this.#db.query(tablesSql(this.#database))) as unknown as RawTableRow[]).filter(
      (t) => wanted.has(t.TABLE_SCHEMA) && (options.includeViews || !/VIEW/.test(t.TABLE_TYPE)),
    );
    const columnRows = (await this.#db.query(columnsSql(this.#database))) as unknown as RawColumnRow[];
    const pkRows = (await this.#db.query(primaryKeysSql(this.#database))) as unknown as RawPrimaryKeyRow[];
    const fkRows = (await this.#db.query(importedKeysSql(this.#database))) as unknown as RawImportedKeyRow[];
    return Object.freeze({
      schemas: Object.freeze(schemas),
      tables: Object.freeze(tableRows.map((t) => parseTable(t, columnRows, pkRows, fkRows))),
      queries: 5,
    });
  }
}

const key = (schema: string, table: string): string => JSON.stringify([schema, table]);

function parseTable(t: RawTableRow, columnRows: RawColumnRow[], pkRows: RawPrimaryKeyRow[], fkRows: RawImportedKeyRow[]): TableMetadata {
  const id = key(t.TABLE_SCHEMA, t.TABLE_NAME);
  const primaryKey = pkRows
    .filter((p) => key(p.schema_name, p.table_name) === id)
    .sort((a, b) => Number(a.key_sequence) - Number(b.key_sequence))
    .map((p) => p.column_name);
  const pkSet = new Set(primaryKey);
  const columns = columnRows
    .filter((c) => key(c.TABLE_SCHEMA, c.TABLE_NAME) === id)
    .sort((a, b) => Number(a.ORDINAL_POSITION) - Number(b.ORDINAL_POSITION))
    .map((c) => parseColumn(c, pkSet.has(c.COLUMN_NAME)));
  const rowCount = t.ROW_COUNT === null || t.ROW_COUNT === undefined ? undefined : Number(t.ROW_COUNT);
  return Object.freeze({
    schema: t.TABLE_SCHEMA,
    name: t.TABLE_NAME,
    kind: TABLE_KINDS[t.TABLE_TYPE] ?? 'table',
    ...(t.COMMENT ? { comment: t.COMMENT } : {}),
    ...(rowCount !== undefined && Number.isFinite(rowCount) ? { rowEstimate: rowCount } : {}),
    columns: Object.freeze(columns),
    primaryKey: Object.freeze(primaryKey),
    foreignKeys: Object.freeze(parseForeignKeys(fkRows.filter((f) => key(f.fk_schema_name, f.fk_table_name) === id))),
  });
}

function parseColumn(c: RawColumnRow, isPrimaryKey: boolean): ColumnMetadata {
  const scale = c.NUMERIC_SCALE === null ? null : Number(c.NUMERIC_SCALE);
  const { type, isArray } = normalizeSnowflakeType(c.DATA_TYPE, scale);
  const maxLength = c.CHARACTER_MAXIMUM_LENGTH === null ? undefined : Number(c.CHARACTER_MAXIMUM_LENGTH);
  return Object.freeze({
    name: c.COLUMN_NAME,
    ordinal: Number(c.ORDINAL_POSITION),
    rawType: rawTypeOf(c),
    normalizedType: type,
    isArray,
    isNullable: c.IS_NULLABLE === 'YES',
    isPrimaryKey,
    ...(c.COMMENT ? { comment: c.COMMENT } : {}),
    ...(maxLength !== undefined && type === 'string' ? { maxLength } : {}),
  });
}

/** `NUMBER(38,0)`, `TEXT(255)`, `VARIANT`: the type as a DDL would spell it. */
function rawTypeOf(c: RawColumnRow): string {
  if (c.DATA_TYPE === 'NUMBER' && c.NUMERIC_PRECISION !== null) return `NUMBER(${c.NUMERIC_PRECISION},${c.NUMERIC_SCALE ?? 0})`;
  if (c.DATA_TYPE === 'TEXT' && c.CHARACTER_MAXIMUM_LENGTH !== null) return `TEXT(${c.CHARACTER_MAXIMUM_LENGTH})`;
  return c.DATA_TYPE;
}

/** SHOW IMPORTED KEYS has one row per key column; group them by constraint, in key order. */
function parseForeignKeys(rows: RawImportedKeyRow[]): ForeignKey[] {
  const byName = new Map<string, RawImportedKeyRow[]>();
  for (const r of rows) {
    const list = byName.get(r.fk_name) ?? [];
    list.push(r);
    byName.set(r.fk_name, list);
  }
  return [...byName].map(([name, list]) => {
    const sorted = list.slice().sort((a, b) => Number(a.key_sequence) - Number(b.key_sequence));
    return Object.freeze({
      name,
      columns: Object.freeze(sorted.map((r) => r.fk_column_name)),
      referencedSchema: sorted[0].pk_schema_name,
      referencedTable: sorted[0].pk_table_name,
      referencedColumns: Object.freeze(sorted.map((r) => r.pk_column_name)),
    });
  });
}

interface RawSchemaRow {
  SCHEMA_NAME: string;
}

interface RawTableRow {
  TABLE_SCHEMA: string;
  TABLE_NAME: string;
  TABLE_TYPE: string;
  ROW_COUNT: number | string | null;
  COMMENT: string | null;
}

interface RawColumnRow {
  TABLE_SCHEMA: string;
  TABLE_NAME: string;
  COLUMN_NAME: string;
  ORDINAL_POSITION: number | string;
  DATA_TYPE: string;
  IS_NULLABLE: string;
  CHARACTER_MAXIMUM_LENGTH: number | string | null;
  NUMERIC_PRECISION: number | string | null;
  NUMERIC_SCALE: number | string | null;
  COMMENT: string | null;
}

/** SHOW command output columns are lower case. */
interface RawPrimaryKeyRow {
  schema_name: string;
  table_name: string;
  column_name: string;
  key_sequence: number | string;
  constraint_name: string;
}

interface RawImportedKeyRow {
  pk_schema_name: string;
  pk_table_name: string;
  pk_column_name: string;
  fk_schema_name: string;
  fk_table_name: string;
  fk_column_name: string;
  key_sequence: number | string;
  fk_name: string;
}
