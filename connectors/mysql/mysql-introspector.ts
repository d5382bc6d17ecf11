/**
 * Reads the whole server's catalog in a constant number of information_schema queries (schemas,
 * tables, columns, keys, views' security types, and on MariaDB JSON check constraints), for every
 * database the user may see, not just the session's default database. information_schema only lists
 * objects the user holds some privilege on, so this is "every database the user may read" (and only
 * the columns it may read: with column grants the others are hidden).
 */
import type { ColumnMetadata, ForeignKey, TableAccessIssue, TableMetadata } from '../../src/core/metadata.js';
import type { IntrospectOptions } from '../../src/core/connector.js';
import { normalizeMysqlType } from './mysql-types.js';
import type { MysqlAccessReview } from './mysql-grants.js';

/** Runs one catalog query with `?` placeholders and returns its rows as objects. */
export type MysqlCatalogQuery = (sql: string, params: readonly unknown[]) => Promise<readonly Record<string, unknown>[]>;

/** Server-internal databases, never scanned. */
export const MYSQL_SYSTEM_SCHEMAS: readonly string[] = ['mysql', 'information_schema', 'performance_schema', 'sys'];

export interface MysqlCatalog {
  readonly schemas: readonly string[];
  readonly tables: readonly TableMetadata[];
}

export interface MysqlIntrospectorOptions {
  readonly isMariaDb: boolean;
  /** The scanning user's grants, when known: marks partly readable tables and unsafe invoker views. */
  readonly access?: Pick<MysqlAccessReview, 'isPartlyReadable'>;
  /** True when SQL SECURITY INVOKER views must not be sampled (the login has administrative rights). */
  readonly invokerViewsUnsafe?: boolean;
}

export class MysqlIntrospector {
  readonly #query: MysqlCatalogQuery;
  readonly #options: MysqlIntrospectorOptions;

  constructor(query: MysqlCatalogQuery, options: MysqlIntrospectorOptions) {
    this.#query = query;
    this.#options = options;
  }

  async introspect(options: IntrospectOptions): Promise<MysqlCatalog> {
    const schemaRows = (await this.#query(
      `SELECT SCHEMA_NAME AS schema_name FROM information_schema.SCHEMATA
       WHERE SCHEMA_NAME NOT IN (?) ORDER BY SCHEMA_NAME`,
      [MYSQL_SYSTEM_SCHEMAS],
    )) as unknown as RawSchemaRow[];
    const schemas = schemaRows.map((r) => text(r.schema_name)).filter((s) => options.schemaFilter?.(s) ?? true);
    if (schemas.length === 0) return Object.freeze({ schemas: Object.freeze([]), tables: Object.freeze([]) });

    // MariaDB reports system-versioned tables with their own TABLE_TYPE.
    const tableTypes = ['BASE TABLE', 'SYSTEM VERSIONED', ...(options.includeViews ? ['VIEW'] : [])];
    const [tables, columns, keys, jsonChecks, views] = await Promise.all([
      this.#query(
        `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, TABLE_TYPE AS table_type,
                TABLE_ROWS AS table_rows, TABLE_COMMENT AS table_comment
         FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (?) AND TABLE_TYPE IN (?)`,
        [schemas, tableTypes],
      ) as unknown as Promise<RawTableRow[]>,
      this.#query(
        `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, COLUMN_NAME AS column_name,
                ORDINAL_POSITION AS ordinal_position, DATA_TYPE AS data_type, COLUMN_TYPE AS column_type,
                IS_NULLABLE AS is_nullable,
                CHARACTER_MAXIMUM_LENGTH AS character_maximum_length, COLUMN_COMMENT AS column_comment
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (?)`,
        [schemas],
      ) as unknown as Promise<RawColumnRow[]>,
      // No join with TABLE_CONSTRAINTS: information_schema tables are materialised without indexes, so
      // the join grew with the square of the tables (0.7 s at 1,000 tables, most of the introspection
      // at 10,000). A primary key is always named PRIMARY (no other index may be), and only foreign
      // key columns reference a table.
      this.#query(
        `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, CONSTRAINT_NAME AS constraint_name,
                CASE WHEN CONSTRAINT_NAME = 'PRIMARY' THEN 'PRIMARY KEY' ELSE 'FOREIGN KEY' END AS constraint_type,
                COLUMN_NAME AS column_name, ORDINAL_POSITION AS ordinal_position,
                REFERENCED_TABLE_SCHEMA AS referenced_table_schema, REFERENCED_TABLE_NAME AS referenced_table_name,
                REFERENCED_COLUMN_NAME AS referenced_column_name
         FROM information_schema.KEY_COLUMN_USAGE
         WHERE TABLE_SCHEMA IN (?) AND (CONSTRAINT_NAME = 'PRIMARY' OR REFERENCED_TABLE_NAME IS NOT NULL)`,
        [schemas],
      ) as unknown as Promise<RawKeyColumnRow[]>,
      // MySQL has a real JSON type (and its CHECK_CONSTRAINTS has no TABLE_NAME); only MariaDB needs this.
      this.#options.isMariaDb
        ? (this.#query(
            `SELECT CONSTRAINT_SCHEMA AS table_schema, TABLE_NAME AS table_name, CHECK_CLAUSE AS check_clause
             FROM information_schema.CHECK_CONSTRAINTS
             WHERE CONSTRAINT_SCHEMA IN (?) AND CHECK_CLAUSE LIKE 'json_valid(%'`,
            [schemas],
          ) as unknown as Promise<RawCheckRow[]>)
        : Promise.resolve([] as RawCheckRow[]),
      options.includeViews
        ? (this.#query(
            `SELECT TABLE_SCHEMA AS table_schema, TABLE_NAME AS table_name, SECURITY_TYPE AS security_type
             FROM information_schema.VIEWS WHERE TABLE_SCHEMA IN (?)`,
            [schemas],
          ) as unknown as Promise<RawViewRow[]>)
        : Promise.resolve([] as RawViewRow[]),
    ]);
    const invokerViews = new Set(views.filter((v) => text(v.security_type).toUpperCase() === 'INVOKER').map((v) => tableKey(v.table_schema, v.table_name)));
    const parsed = parseTables(tables, columns, keys, jsonChecks).map((table) => this.#withAccess(table, invokerViews));
    return Object.freeze({
      schemas: Object.freeze([...schemas]),
      tables: Object.freeze(parsed),
    });
  }

  /** Adds what the catalog and the grants say about reading the table: unreadable, unsafe, partly readable. */
  #withAccess(table: TableMetadata, invokerViews: ReadonlySet<string>): TableMetadata {
    const unreadable = this.#unreadableReason(table, invokerViews);
    if (unreadable) return Object.freeze({ ...table, unreadable });
    if (table.kind === 'table' && this.#options.access?.isPartlyReadable(table.schema, table.name)) {
      return Object.freeze({
        ...table,
        partlyReadable:
          `only the ${table.columns.length} column(s) granted to the user (column-level GRANT) are visible and were scanned; ` +
          'the server hides any other column, so they are neither read nor listed',
      });
    }
    return table;
  }

  #unreadableReason(table: TableMetadata, invokerViews: ReadonlySet<string>): TableAccessIssue | undefined {
    if (table.kind !== 'view') return undefined;
    // Neither MySQL nor MariaDB allows a view without columns: the catalog could not open it.
    if (table.columns.length === 0) {
      return {
        kind: 'unreadable',
        message:
          'the view cannot be described: it references a missing table, column or function, its definer may not use them, ' +
          'or a function in it writes data (refused in the read-only session)',
        hint: 'Fix or drop the view, or exclude it',
      };
    }
    if (this.#options.invokerViewsUnsafe && invokerViews.has(tableKey(table.schema, table.name))) {
      return {
        kind: 'unsafe',
        message: "SQL SECURITY INVOKER view not sampled: its functions would run with the scanning user's administrative privileges",
        hint: 'Scan as a user with SELECT and SHOW VIEW only to read it',
      };
    }
    return undefined;
  }
}

function parseTables(
  tableRows: readonly RawTableRow[],
  columnRows: readonly RawColumnRow[],
  keyRows: readonly RawKeyColumnRow[],
  checkRows: readonly RawCheckRow[],
): TableMetadata[] {
  const jsonColumns = new Set(checkRows.flatMap((r) => jsonCheckColumn(r)));
  const columnsByTable = groupBy(columnRows, (r) => tableKey(r.table_schema, r.table_name));
  const keysByTable = groupBy(keyRows, (r) => tableKey(r.table_schema, r.table_name));

  const tables = tableRows.map((row): TableMetadata => {
    const schema = text(row.table_schema);
    const name = text(row.table_name);
    const key = tableKey(schema, name);
    const keyColumns = [...(keysByTable.get(key) ?? [])].sort(
      (a, b) => text(a.constraint_name).localeCompare(text(b.constraint_name)) || num(a.ordinal_position) - num(b.ordinal_position),
    );
    const primaryKey = keyColumns.filter((k) => k.constraint_type === 'PRIMARY KEY').map((k) => text(k.column_name));
    const primarySet = new Set(primaryKey);
    const columns = (columnsByTable.get(key) ?? [])
      .map((c) => parseColumn(c, primarySet, jsonColumns.has(columnKey(schema, name, text(c.column_name)))))
      .sort((a, b) => a.ordinal - b.ordinal);
    const isView = row.table_type === 'VIEW';
    // MySQL 5.x InnoDB appended '; InnoDB free: 4096 kB' (or only that) to table comments.
    const comment = text(row.table_comment).replace(/(?:^|; )InnoDB free: .*$/, '');
    return Object.freeze({
      schema,
      name,
      kind: isView ? 'view' : 'table',
      // Views cannot carry comments in MySQL; their TABLE_COMMENT is 'VIEW' or an error text.
      comment: !isView && comment !== '' ? comment : undefined,
      rowEstimate: row.table_rows === null || isView ? undefined : num(row.table_rows),
      columns: Object.freeze(columns),
      primaryKey: Object.freeze(primaryKey),
      foreignKeys: Object.freeze(parseForeignKeys(keyColumns)),
    });
  });
  return tables.sort((a, b) => a.schema.localeCompare(b.schema) || a.name.localeCompare(b.name));
}

function parseColumn(row: RawColumnRow, primaryKey: ReadonlySet<string>, isJsonText: boolean): ColumnMetadata {
  const name = text(row.column_name);
  const normalizedType = normalizeMysqlType(text(row.data_type), text(row.column_type), isJsonText);
  const comment = text(row.column_comment);
  return Object.freeze({
    name,
    ordinal: num(row.ordinal_position),
    rawType: text(row.column_type),
    normalizedType,
    isArray: false,
    isNullable: row.is_nullable === 'YES',
    isPrimaryKey: primaryKey.has(name),
    comment: comment !== '' ? comment : undefined,
    maxLength: normalizedType === 'string' && row.character_maximum_length !== null ? num(row.character_maximum_length) : undefined,
  });
}

/** Groups foreign-key rows (already sorted by constraint, then position) into one ForeignKey each. */
function parseForeignKeys(keyColumns: readonly RawKeyColumnRow[]): ForeignKey[] {
  const byName = groupBy(
    keyColumns.filter((k) => k.constraint_type === 'FOREIGN KEY'),
    (k) => text(k.constraint_name),
  );
  return [...byName].map(([name, parts]) =>
    Object.freeze({
      name,
      columns: Object.freeze(parts.map((p) => text(p.column_name))),
      referencedSchema: text(parts[0].referenced_table_schema),
      referencedTable: text(parts[0].referenced_table_name),
      referencedColumns: Object.freeze(parts.map((p) => text(p.referenced_column_name))),
    }),
  );
}

/** The column a MariaDB `json_valid(`col`)` check guards, as a lookup key; none for other checks. */
function jsonCheckColumn(row: RawCheckRow): string[] {
  const match = /^json_valid\(`((?:[^`]|``)+)`\)$/i.exec(text(row.check_clause).trim());
  return match ? [columnKey(text(row.table_schema), text(row.table_name), match[1].replaceAll('``', '`'))] : [];
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

// NUL cannot appear in MySQL identifiers, so it is a safe separator.
function tableKey(schema: unknown, table: unknown): string {
  return `${text(schema)}\0${text(table)}`;
}

function columnKey(schema: string, table: string, column: string): string {
  return `${schema}\0${table}\0${column}`;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}

/** Catalog numbers arrive as strings (bigNumberStrings) or numbers. */
function num(value: unknown): number {
  return Number(text(value));
}

// Raw information_schema rows, as the queries above alias them.

interface RawSchemaRow {
  schema_name: unknown;
}

interface RawTableRow {
  table_schema: unknown;
  table_name: unknown;
  table_type: string;
  table_rows: string | number | null;
  table_comment: unknown;
}

interface RawColumnRow {
  table_schema: unknown;
  table_name: unknown;
  column_name: unknown;
  ordinal_position: string | number;
  data_type: unknown;
  column_type: unknown;
  is_nullable: string;
  character_maximum_length: string | number | null;
  column_comment: unknown;
}

interface RawKeyColumnRow {
  table_schema: unknown;
  table_name: unknown;
  constraint_name: unknown;
  constraint_type: string;
  column_name: unknown;
  ordinal_position: string | number;
  referenced_table_schema: unknown;
  referenced_table_name: unknown;
  referenced_column_name: unknown;
}

interface RawViewRow {
  table_schema: unknown;
  table_name: unknown;
  security_type: unknown;
}

interface RawCheckRow {
  table_schema: unknown;
  table_name: unknown;
  check_clause: unknown;
}
