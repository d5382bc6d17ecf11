/**
 * Reads schemas, tables, columns, keys and comments from pg_catalog in five queries for the whole
 * database (never one per table). Shared by the Postgres server connector and embedded PGlite.
 */
import type { ColumnMetadata, ForeignKey, TableKind, TableMetadata } from '../../src/core/metadata.js';
import type { IntrospectOptions } from '../../src/core/connector.js';
import type { PgQueryable } from './pg-queryable.js';
import { normalizePgType, pgCharMaxLength } from './postgres-types.js';

export interface PostgresCatalog {
  readonly database: string;
  readonly serverVersion: string;
  readonly schemas: readonly string[];
  readonly tables: readonly TableMetadata[];
}

const SERVER_SQL = `SELECT current_database() AS database, current_setting('server_version') AS server_version`;

const SCHEMAS_SQL = `
SELECT n.nspname AS schema_name
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%'
  AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
ORDER BY n.nspname`;

/**
 * Row estimate per table. Partitioned parents sum their leaf partitions (which we do not list
 * separately). Per leaf: reltuples from the last ANALYZE/VACUUM; when the table was never analyzed
 * (reltuples -1 on PG14+, 0 before) a guess from its size on disk and a rough row width (24-byte
 * header + 4-byte line pointer + fixed-width columns + 32 bytes per variable-width column), so a
 * never-analyzed large table is still recognised as large. pg_relation_size is only called then, as
 * it briefly locks the table. Views and unanalyzed foreign tables have no estimate.
 */
const TABLES_SQL = `
SELECT c.oid::int8 AS oid, n.nspname AS schema_name, c.relname AS table_name, c.relkind::text AS relkind,
       obj_description(c.oid, 'pg_class') AS comment, est.row_estimate
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (
  SELECT 28 + coalesce(sum(CASE WHEN a.attlen > 0 THEN a.attlen ELSE 32 END), 0) AS row_width
  FROM pg_attribute a
  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
) w
CROSS JOIN LATERAL (
  SELECT CASE WHEN c.relkind = 'v' THEN NULL ELSE sum(
           CASE
             WHEN l.reltuples > 0 THEN l.reltuples
             WHEN l.relkind = 'f' THEN NULL
             ELSE pg_relation_size(l.oid)::float8 / w.row_width
           END) END::float8 AS row_estimate
  FROM (
    SELECT s.oid, s.reltuples, s.relpages, s.relkind FROM pg_class s WHERE s.oid = c.oid AND c.relkind <> 'p'
    UNION ALL
    SELECT p.oid, p.reltuples, p.relpages, p.relkind
    FROM pg_partition_tree(c.oid) pt JOIN pg_class p ON p.oid = pt.relid
    WHERE c.relkind = 'p' AND pt.isleaf
  ) l
) est
WHERE n.nspname = ANY($1::text[])
  AND c.relkind::text = ANY($2::text[])
  AND NOT c.relispartition
ORDER BY n.nspname, c.relname`;

/**
 * Columns with their type resolved through domains (to the base type) and arrays (to the element
 * type) by a recursive walk over pg_type; the declared typmod follows along for varchar(n) lengths.
 * One row per table, its columns in one JSON text (as text, so the driver does not parse it): a row
 * object per column would take ~250 bytes each, 20 MB at 80,000 columns, all held at once.
 */
const COLUMNS_SQL = `
WITH RECURSIVE cols AS (
  SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, a.attnotnull
  FROM pg_attribute a
  WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
),
chain AS (
  SELECT attrelid, attnum, atttypid AS type_oid, atttypmod AS typmod, false AS is_array, 0 AS depth FROM cols
  UNION ALL
  SELECT ch.attrelid, ch.attnum,
         CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.typelem END,
         CASE WHEN t.typtype = 'd' AND t.typtypmod <> -1 THEN t.typtypmod ELSE ch.typmod END,
         ch.is_array OR t.typtype <> 'd',
         ch.depth + 1
  FROM chain ch JOIN pg_type t ON t.oid = ch.type_oid
  WHERE ch.depth < 10 AND (t.typtype = 'd' OR (t.typcategory = 'A' AND t.typelem <> 0))
),
resolved AS (
  SELECT DISTINCT ON (attrelid, attnum) attrelid, attnum, type_oid, typmod, is_array
  FROM chain ORDER BY attrelid, attnum, depth DESC
)
SELECT c.attrelid::int8 AS table_oid,
       json_agg(json_build_array(
         c.attnum::int4, c.attname, format_type(c.atttypid, c.atttypmod),
         t.typname, t.typtype::text, t.typcategory::text,
         r.typmod::int4, r.is_array, NOT c.attnotnull,
         col_description(c.attrelid, c.attnum)
       ) ORDER BY c.attnum)::text AS columns
FROM cols c
JOIN resolved r ON r.attrelid = c.attrelid AND r.attnum = c.attnum
JOIN pg_type t ON t.oid = r.type_oid
GROUP BY c.attrelid
ORDER BY c.attrelid`;

/**
 * Primary and foreign keys, key columns in key order. PG18/PGlite also lists NOT NULL constraints
 * (contype 'n'), hence the explicit filter; constraints cloned onto partitions (conparentid <> 0)
 * are skipped because partitions are not listed.
 */
const KEYS_SQL = `
SELECT con.conrelid::int8 AS table_oid, con.contype::text AS contype, con.conname AS constraint_name,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS column_names,
       rn.nspname AS referenced_schema, rc.relname AS referenced_table,
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns
FROM pg_constraint con
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.conrelid = ANY($1::oid[]) AND con.contype IN ('p', 'f') AND con.conparentid = 0
ORDER BY con.conrelid, con.contype, con.conname`;

const TABLE_KINDS: Readonly<Record<string, TableKind>> = {
  r: 'table',
  p: 'table',
  f: 'foreign_table',
  v: 'view',
  m: 'materialized_view',
};

export class PostgresIntrospector {
  readonly #db: PgQueryable;

  constructor(db: PgQueryable) {
    this.#db = db;
  }

  async introspect(options: IntrospectOptions): Promise<PostgresCatalog> {
    const [server] = (await this.#db.query(SERVER_SQL)) as unknown as RawServerRow[];
    const allSchemas = ((await this.#db.query(SCHEMAS_SQL)) as unknown as RawSchemaRow[]).map((r) => r.schema_name);
    const schemas = options.schemaFilter ? allSchemas.filter(options.schemaFilter) : allSchemas;
    const relkinds = options.includeViews ? ['r', 'p', 'f', 'v', 'm'] : ['r', 'p', 'f'];
    const tableRows = (await this.#db.query(TABLES_SQL, [schemas, relkinds])) as unknown as RawTableRow[];
    const oids = tableRows.map((t) => String(t.oid));
    const columnRows = oids.length ? ((await this.#db.query(COLUMNS_SQL, [oids])) as unknown as RawTableColumnsRow[]) : [];
    const keyRows = oids.length ? ((await this.#db.query(KEYS_SQL, [oids])) as unknown as RawKeyRow[]) : [];
    return Object.freeze({
      database: server.database,
      serverVersion: server.server_version,
      schemas: Object.freeze([...schemas]),
      tables: Object.freeze(parseTables(tableRows, columnRows, keyRows)),
    });
  }
}

function parseTables(tableRows: RawTableRow[], columnRows: RawTableColumnsRow[], keyRows: RawKeyRow[]): TableMetadata[] {
  const columnsByTable = new Map(columnRows.map((c) => [String(c.table_oid), c.columns]));
  const keysByTable = groupBy(keyRows, (k) => String(k.table_oid));
  // Names and types repeat across tables (id, created_at, text, ...): each is kept once.
  const intern = interner();
  return tableRows.map((t) => {
    const keys = keysByTable.get(String(t.oid)) ?? [];
    const primaryKey = Object.freeze((keys.find((k) => k.contype === 'p')?.column_names ?? []).map(intern));
    const foreignKeys = keys.filter((k) => k.contype === 'f').map((k) => parseForeignKey(k, intern));
    const pkSet = new Set(primaryKey);
    const columnsJson = columnsByTable.get(String(t.oid));
    const columns = columnsJson === undefined ? [] : (JSON.parse(columnsJson) as RawColumn[]).map((c) => parseColumn(c, pkSet, intern));
    const estimate = t.row_estimate === null ? undefined : Math.round(Number(t.row_estimate));
    return Object.freeze({
      schema: intern(t.schema_name),
      name: t.table_name,
      kind: TABLE_KINDS[t.relkind] ?? 'table',
      ...(t.comment !== null ? { comment: t.comment } : {}),
      ...(estimate !== undefined && Number.isFinite(estimate) ? { rowEstimate: Math.max(0, estimate) } : {}),
      columns: Object.freeze(columns),
      primaryKey,
      foreignKeys: Object.freeze(foreignKeys),
    });
  });
}

function parseColumn(c: RawColumn, primaryKey: ReadonlySet<string>, intern: (s: string) => string): ColumnMetadata {
  const [ordinal, name, rawType, baseTypeName, baseTyptype, baseTypcategory, baseTypmod, isArray, isNullable, comment] = c;
  const maxLength = pgCharMaxLength(baseTypeName, Number(baseTypmod));
  return Object.freeze({
    name: intern(name),
    ordinal: Number(ordinal),
    rawType: intern(rawType),
    normalizedType: normalizePgType(baseTypeName, baseTyptype, baseTypcategory),
    isArray: isArray === true,
    isNullable: isNullable === true,
    isPrimaryKey: primaryKey.has(name),
    ...(comment !== null ? { comment } : {}),
    ...(maxLength !== undefined ? { maxLength } : {}),
  });
}

function parseForeignKey(k: RawKeyRow, intern: (s: string) => string): ForeignKey {
  return Object.freeze({
    name: k.constraint_name,
    columns: Object.freeze(k.column_names.map(intern)),
    referencedSchema: intern(k.referenced_schema ?? ''),
    referencedTable: k.referenced_table ?? '',
    referencedColumns: Object.freeze(k.referenced_columns.map(intern)),
  });
}

/** Returns the first string equal to each one given. */
function interner(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    seen.set(s, s);
    return s;
  };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

// Raw catalog rows. oid/int8 columns arrive as strings from `pg` and as numbers from PGlite.
interface RawServerRow {
  database: string;
  server_version: string;
}

interface RawSchemaRow {
  schema_name: string;
}

interface RawTableRow {
  oid: string | number;
  schema_name: string;
  table_name: string;
  relkind: string;
  comment: string | null;
  row_estimate: number | string | null;
}

/** One table's columns: the JSON text of an array of `RawColumn`, in column order. */
interface RawTableColumnsRow {
  table_oid: string | number;
  columns: string;
}

/** ordinal, name, raw type, base type name, typtype, typcategory, base typmod, is array, is nullable, comment. */
type RawColumn = [number, string, string, string, string, string, number, boolean, boolean, string | null];

interface RawKeyRow {
  table_oid: string | number;
  contype: string;
  constraint_name: string;
  column_names: string[];
  referenced_schema: string | null;
  referenced_table: string | null;
  referenced_columns: string[];
}
