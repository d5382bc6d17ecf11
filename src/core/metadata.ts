/**
 * Engine-neutral database metadata, produced by a connector's introspector.
 * Everything is readonly: introspection results are facts about the database, not working state.
 */

/** The engines piiscout can scan. `pglite` is the embedded Postgres (in-process, zero set-up). */
export type EngineKind = 'postgres' | 'mysql' | 'sqlite' | 'pglite' | 'snowflake';

/**
 * A small, engine-neutral type vocabulary. The engine's own type name is kept in `rawType`;
 * this is what classifiers and the YAML writer reason about.
 */
export type NormalizedType =
  | 'string'
  | 'integer'
  | 'decimal'
  | 'float'
  | 'boolean'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'interval'
  | 'uuid'
  | 'json'
  | 'binary'
  | 'enum'
  | 'inet'
  | 'geometry'
  | 'other';

export interface ColumnMetadata {
  readonly name: string;
  /** 1-based position in the table. */
  readonly ordinal: number;
  /** The type exactly as the engine reports it (`int4`, `varchar(255)`, `INTEGER`, `enum('a','b')`). */
  readonly rawType: string;
  /** The element type when `isArray`, else the column's type. */
  readonly normalizedType: NormalizedType;
  readonly isArray: boolean;
  readonly isNullable: boolean;
  readonly isPrimaryKey: boolean;
  readonly comment?: string;
  /** Declared maximum character length, when the engine has one. */
  readonly maxLength?: number;
}

export interface ForeignKey {
  /** Constraint name (may be synthetic for SQLite). */
  readonly name: string;
  readonly columns: readonly string[];
  readonly referencedSchema: string;
  readonly referencedTable: string;
  readonly referencedColumns: readonly string[];
}

export type TableKind = 'table' | 'view' | 'materialized_view' | 'foreign_table';

export interface TableMetadata {
  /** Postgres schema; MySQL/MariaDB database; SQLite `main` (or an attached database name). */
  readonly schema: string;
  readonly name: string;
  readonly kind: TableKind;
  readonly comment?: string;
  /** The engine's row estimate from its statistics; undefined when it has none. */
  readonly rowEstimate?: number;
  readonly columns: readonly ColumnMetadata[];
  readonly primaryKey: readonly string[];
  readonly foreignKeys: readonly ForeignKey[];
  /**
   * Set when introspection already knows the object cannot or must not be sampled (a view over a
   * dropped table, a view that would run with administrative privileges): the scan skips and lists it
   * with this reason and samples nothing.
   */
  readonly unreadable?: TableAccessIssue;
  /**
   * Set when the user may read only some columns (column-level grants): `columns` holds the readable
   * ones, which are sampled; the note says what was left out, for the summary and the YAML.
   */
  readonly partlyReadable?: string;
}

/** Why an object is not (fully) read; `kind` is short and stable (JSON summaries), `message` one line. */
export interface TableAccessIssue {
  readonly kind: string;
  readonly message: string;
  readonly hint?: string;
}

export interface DatabaseMetadata {
  readonly engine: EngineKind;
  /** Host name for the YAML `meta` (never includes credentials). */
  readonly host?: string;
  /** The database (Postgres) or file name (SQLite) that was connected to. */
  readonly database: string;
  readonly serverVersion?: string;
  /** Every schema that was walked (after filters), including ones without tables. */
  readonly schemas: readonly string[];
  readonly tables: readonly TableMetadata[];
  /**
   * What the connected role may do beyond reading (superuser, write privileges on scanned tables):
   * one line each, shown as warnings. Absent where the engine does not check.
   */
  readonly privilegeWarnings?: readonly string[];
}

/** `schema.table`, used in filters, progress and error reports. */
export function tableId(table: Pick<TableMetadata, 'schema' | 'name'>): string {
  return `${table.schema}.${table.name}`;
}
