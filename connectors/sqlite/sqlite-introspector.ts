/**
 * Reads SQLite's catalog in a constant number of queries: the object list (`sqlite_master` joined
 * with `pragma_table_list`), all columns (`pragma_table_xinfo`), all foreign keys
 * (`pragma_foreign_key_list`) and row estimates (`sqlite_stat1`, else `max(rowid)`).
 * Raw rows are parsed into frozen, engine-neutral TableMetadata.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { IntrospectOptions } from '../../src/core/connector.js';
import type { ColumnMetadata, DatabaseMetadata, ForeignKey, NormalizedType, TableMetadata } from '../../src/core/metadata.js';
import { pickRowidAlias, quoteIdentifier } from './sqlite-sql.js';

/** SQLite has one schema per attached database; we only read the main one. */
export const SQLITE_SCHEMA = 'main';

/** SQLite rejects compound SELECTs of more than 500 terms by default (SQLITE_MAX_COMPOUND_SELECT). */
const MAX_COMPOUND_TERMS = 400;

export interface SqliteIntrospection {
  readonly metadata: DatabaseMetadata;
  /** Per table name: how the sampler may read it by rowid; absent for views, WITHOUT ROWID and virtual tables. */
  readonly rowidTables: ReadonlyMap<string, RowidTable>;
}

export interface RowidTable {
  /** The rowid spelling no column shadows. */
  readonly alias: string;
  /** max(rowid) - min(rowid) + 1 (0 when empty): from the data, never from ANALYZE statistics. */
  readonly span: bigint;
}

export class SqliteIntrospector {
  readonly #db: BetterSqlite3.Database;
  readonly #databaseName: string;

  constructor(db: BetterSqlite3.Database, databaseName: string) {
    this.#db = db;
    this.#databaseName = databaseName;
  }

  introspect(options: IntrospectOptions): SqliteIntrospection {
    const serverVersion = (this.#db.prepare('SELECT sqlite_version() AS version').get() as { version: string }).version;
    if (options.schemaFilter && !options.schemaFilter(SQLITE_SCHEMA)) {
      return { metadata: freezeDatabase(this.#databaseName, serverVersion, [], []), rowidTables: new Map() };
    }
    const objects = this.#readObjects(options.includeViews);
    const ordinaryTables = objects.filter((o) => o.kind === 'table').map((o) => o.name);
    // Views and virtual tables can fail to describe (a view over a dropped table, a virtual table
    // whose module this build lacks); they get their own query so one bad object cannot sink the rest.
    const fragileObjects = objects.filter((o) => o.kind !== 'table').map((o) => o.name);
    const undescribed = new Set<string>();
    const columnRows = [...this.#readColumns(ordinaryTables, false, undescribed), ...this.#readColumns(fragileObjects, true, undescribed)];
    const foreignKeyRows = this.#readForeignKeys(ordinaryTables);

    const columnsByTable = groupBy(columnRows, (row) => row.table_name);
    const rowidAliases = new Map<string, string>();
    for (const object of objects) {
      const columns = columnsByTable.get(object.name);
      if (object.kind !== 'table' || object.without_rowid || !columns) continue;
      const alias = pickRowidAlias(columns.map((c) => c.name));
      if (alias) rowidAliases.set(object.name, alias);
    }
    const rowidRanges = this.#readRowidRanges(rowidAliases);
    const rowEstimates = this.#readRowEstimates(rowidRanges);

    const foreignKeysByTable = groupBy(foreignKeyRows, (row) => row.table_name);
    const described = objects.filter((o) => columnsByTable.has(o.name));
    const primaryKeys = new Map(described.map((o) => [o.name, primaryKeyOf(columnsByTable.get(o.name)!)]));
    const tables = objects.flatMap((object) => {
      if (undescribed.has(object.name)) return [undescribedObject(object)];
      const columns = columnsByTable.get(object.name);
      if (!columns) return [];
      return [parseTable(object, columns, foreignKeysByTable.get(object.name) ?? [], primaryKeys, rowEstimates.get(object.name))];
    });
    const rowidTables = new Map([...rowidRanges].map(([name, range]) => [name, { alias: rowidAliases.get(name)!, span: range.span }]));
    return { metadata: freezeDatabase(this.#databaseName, serverVersion, [SQLITE_SCHEMA], tables), rowidTables };
  }

  #readObjects(includeViews: boolean): RawObjectRow[] {
    // pragma_table_list marks FTS/R-Tree shadow tables; their content is read through the virtual table.
    const rows = this.#db
      .prepare(
        `SELECT m.name AS name, l.type AS kind, l.wr AS without_rowid
         FROM sqlite_master AS m
         JOIN pragma_table_list AS l ON l.schema = 'main' AND l.name = m.name
         WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY m.name`,
      )
      .all() as RawObjectRow[];
    return rows.filter((row) => row.kind === 'table' || row.kind === 'virtual' || (includeViews && row.kind === 'view'));
  }

  #readColumns(names: readonly string[], fragile: boolean, undescribed: Set<string>): RawColumnRow[] {
    if (names.length === 0) return [];
    // hidden = 1 marks a virtual table's hidden columns (fts5 `rank`); 2 and 3 are generated columns, kept.
    const statement = this.#db.prepare(
      `SELECT o.value AS table_name, c.cid AS cid, c.name AS name, c.type AS type, c."notnull" AS not_null, c.pk AS pk
       FROM json_each(?) AS o
       JOIN pragma_table_xinfo(o.value, 'main') AS c
       WHERE c.hidden <> 1
       ORDER BY o.key, c.cid`,
    );
    try {
      return statement.all(JSON.stringify(names)) as RawColumnRow[];
    } catch (error) {
      if (!fragile) throw error;
      // Error path only: describe each object alone; the ones SQLite cannot describe are listed as such.
      return names.flatMap((name) => {
        try {
          return statement.all(JSON.stringify([name])) as RawColumnRow[];
        } catch {
          undescribed.add(name);
          return [];
        }
      });
    }
  }

  #readForeignKeys(tableNames: readonly string[]): RawForeignKeyRow[] {
    if (tableNames.length === 0) return [];
    return this.#db
      .prepare(
        `SELECT o.value AS table_name, f.id AS id, f.seq AS seq, f."table" AS parent_table, f."from" AS from_column, f."to" AS to_column
         FROM json_each(?) AS o
         JOIN pragma_foreign_key_list(o.value, 'main') AS f
         ORDER BY o.key, f.id, f.seq`,
      )
      .all(JSON.stringify(tableNames)) as RawForeignKeyRow[];
  }

  /**
   * min and max rowid of every rowid table (two index seeks each): the sampler decides from them, the
   * data itself, whether a table is small enough to read whole.
   */
  #readRowidRanges(rowidAliases: ReadonlyMap<string, string>): Map<string, RowidRange> {
    const ranges = new Map<string, RowidRange>();
    const tables = [...rowidAliases];
    for (let start = 0; start < tables.length; start += MAX_COMPOUND_TERMS) {
      const chunk = tables.slice(start, start + MAX_COMPOUND_TERMS);
      const sql = chunk
        .map(([name, alias]) => `SELECT ? AS table_name, (SELECT min(${alias}) FROM ${quoteIdentifier(name)}) AS lo, (SELECT max(${alias}) FROM ${quoteIdentifier(name)}) AS hi`)
        .join(' UNION ALL ');
      const statement = this.#db.prepare(sql).safeIntegers(true);
      for (const row of statement.all(...chunk.map(([name]) => name)) as RawRowidRangeRow[]) {
        const empty = row.lo === null || row.hi === null;
        ranges.set(row.table_name, {
          max: empty ? 0n : BigInt(row.hi!),
          span: empty ? 0n : BigInt(row.hi!) - BigInt(row.lo!) + 1n,
        });
      }
    }
    return ranges;
  }

  /** `sqlite_stat1` counts where ANALYZE has run; else `max(rowid)` for rowid tables. Reported, not sampled by. */
  #readRowEstimates(rowidRanges: ReadonlyMap<string, RowidRange>): Map<string, number> {
    const estimates = new Map<string, number>();
    const hasStat1 = this.#db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'`).get() !== undefined;
    if (hasStat1) {
      // The first number of `stat` is the row count of the table (or of the index, which is the same).
      const statRows = this.#db
        .prepare('SELECT tbl AS table_name, max(CAST(stat AS INTEGER)) AS row_count FROM sqlite_stat1 GROUP BY tbl')
        .all() as RawRowCountRow[];
      for (const row of statRows) if (row.row_count !== null) estimates.set(row.table_name, Number(row.row_count));
    }
    for (const [name, range] of rowidRanges) {
      if (!estimates.has(name)) estimates.set(name, Math.max(0, Number(range.max)));
    }
    return estimates;
  }
}

/** An object SQLite could not describe (a view over a dropped table, a virtual table without its module). */
function undescribedObject(object: RawObjectRow): TableMetadata {
  const isView = object.kind === 'view';
  return Object.freeze({
    schema: SQLITE_SCHEMA,
    name: object.name,
    kind: isView ? 'view' : 'table',
    columns: Object.freeze([]),
    primaryKey: Object.freeze([]),
    foreignKeys: Object.freeze([]),
    unreadable: Object.freeze({
      kind: 'unreadable',
      message: isView
        ? 'the view cannot be described: it references a missing table, column or function, or something an untrusted schema may not use'
        : 'the virtual table cannot be described: this SQLite build lacks its module, or the module failed to open it',
      hint: 'Fix or drop it, or exclude it',
    }),
  });
}

/**
 * Normalizes a declared column type. Specific names (BOOLEAN, DATETIME, JSON, UUID) come first;
 * the rest follow SQLite's affinity rules (https://sqlite.org/datatype3.html §3.1).
 */
export function normalizeSqliteType(rawType: string): NormalizedType {
  const type = rawType.trim().toUpperCase();
  if (type === '') return 'other'; // no declared type: BLOB affinity, but usually holds text
  if (type.startsWith('BOOL')) return 'boolean';
  if (type.includes('JSON')) return 'json';
  if (type.includes('UUID') || type.includes('GUID')) return 'uuid';
  if (type.includes('DATETIME') || type.includes('TIMESTAMP')) return 'timestamp';
  if (type.startsWith('DATE')) return 'date';
  if (type.startsWith('TIME')) return 'time';
  if (type.startsWith('INTERVAL')) return 'interval';
  if (type.includes('INT')) return 'integer';
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT') || type === 'STRING') return 'string';
  if (type.includes('BLOB') || type.includes('BINARY')) return 'binary';
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return 'float';
  if (type.includes('NUMERIC') || type.includes('DECIMAL') || type.startsWith('NUMBER') || type.includes('MONEY')) return 'decimal';
  return 'other';
}

function parseTable(
  object: RawObjectRow,
  columnRows: readonly RawColumnRow[],
  foreignKeyRows: readonly RawForeignKeyRow[],
  primaryKeys: ReadonlyMap<string, readonly string[]>,
  rowEstimate: number | undefined,
): TableMetadata {
  const primaryKey = primaryKeyOf(columnRows);
  const columns = columnRows.map((row, index) => parseColumn(row, index + 1, object, primaryKey));
  return Object.freeze({
    schema: SQLITE_SCHEMA,
    name: object.name,
    kind: object.kind === 'view' ? 'view' : 'table',
    rowEstimate,
    columns: Object.freeze(columns),
    primaryKey,
    foreignKeys: parseForeignKeys(object.name, foreignKeyRows, primaryKeys),
  });
}

function parseColumn(row: RawColumnRow, ordinal: number, object: RawObjectRow, primaryKey: readonly string[]): ColumnMetadata {
  const isPrimaryKey = row.pk > 0;
  const upperType = row.type.trim().toUpperCase();
  // SQLite lets non-integer PK columns of rowid tables hold NULL (a legacy quirk); only the rowid
  // alias (INTEGER PRIMARY KEY) and WITHOUT ROWID keys are really NOT NULL.
  const pkForbidsNull = isPrimaryKey && (object.without_rowid === 1 || (upperType === 'INTEGER' && primaryKey.length === 1));
  const normalizedType = normalizeSqliteType(row.type);
  const lengthMatch = normalizedType === 'string' ? /\(\s*(\d+)/.exec(row.type) : null;
  const column: ColumnMetadata = {
    name: row.name,
    ordinal,
    rawType: row.type,
    normalizedType,
    isArray: false,
    isNullable: row.not_null === 0 && !pkForbidsNull,
    isPrimaryKey,
    ...(lengthMatch ? { maxLength: Number(lengthMatch[1]) } : {}),
  };
  return Object.freeze(column);
}

function primaryKeyOf(columnRows: readonly RawColumnRow[]): readonly string[] {
  return Object.freeze(
    columnRows
      .filter((row) => row.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((row) => row.name),
  );
}

/** Groups pragma rows by FK id; an omitted `to` column means the parent's primary key. */
function parseForeignKeys(
  tableName: string,
  rows: readonly RawForeignKeyRow[],
  primaryKeys: ReadonlyMap<string, readonly string[]>,
): readonly ForeignKey[] {
  const foreignKeys = [...groupBy(rows, (row) => row.id)].map(([id, parts]) => {
    // SQLite matches parent names case-insensitively; report the table's real spelling when we know it.
    const parentName = [...primaryKeys.keys()].find((name) => name.toLowerCase() === parts[0].parent_table.toLowerCase()) ?? parts[0].parent_table;
    const parentKey = primaryKeys.get(parentName) ?? [];
    const referencedColumns = parts.map((part, i) => part.to_column ?? parentKey[i] ?? '');
    return Object.freeze({
      name: `fk_${tableName}_${id}`,
      columns: Object.freeze(parts.map((part) => part.from_column)),
      referencedSchema: SQLITE_SCHEMA,
      referencedTable: parentName,
      referencedColumns: Object.freeze(referencedColumns),
    });
  });
  return Object.freeze(foreignKeys);
}

function freezeDatabase(database: string, serverVersion: string, schemas: readonly string[], tables: readonly TableMetadata[]): DatabaseMetadata {
  return Object.freeze({
    engine: 'sqlite',
    database,
    serverVersion,
    schemas: Object.freeze([...schemas]),
    tables: Object.freeze([...tables]),
  });
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

interface RawObjectRow {
  readonly name: string;
  /** pragma_table_list type: 'table' | 'view' | 'virtual' | 'shadow'. */
  readonly kind: string;
  readonly without_rowid: 0 | 1;
}

interface RawColumnRow {
  readonly table_name: string;
  readonly cid: number;
  readonly name: string;
  readonly type: string;
  readonly not_null: 0 | 1;
  /** 1-based position in the primary key, 0 when not part of it. */
  readonly pk: number;
}

interface RawForeignKeyRow {
  readonly table_name: string;
  readonly id: number;
  readonly seq: number;
  readonly parent_table: string;
  readonly from_column: string;
  /** NULL when the FK references the parent's primary key implicitly. */
  readonly to_column: string | null;
}

interface RowidRange {
  readonly max: bigint;
  readonly span: bigint;
}

interface RawRowidRangeRow {
  readonly table_name: string;
  readonly lo: bigint | number | null;
  readonly hi: bigint | number | null;
}

interface RawRowCountRow {
  readonly table_name: string;
  readonly row_count: number | bigint | null;
}
