/**
 * Reads schemas, tables, columns, keys and comments from pg_catalog in a few queries for the whole
 * database (never one per table), all in one read-only snapshot. Shared by the Postgres server
 * connector and embedded PGlite.
 *
 * Nothing here runs code of the scanned database or waits for a table lock: built-in functions are
 * schema-qualified (the session's search_path is pg_catalog too, see postgres-session.ts), and only
 * catalog rows are read, never a table or its size on disk. Besides the metadata, it returns per
 * table what the sampler must know to read safely (`TableReadHints`).
 */
import type { ColumnMetadata, ForeignKey, TableKind, TableMetadata } from '../../src/core/metadata.js';
import type { IntrospectOptions } from '../../src/core/connector.js';
import { tableId } from '../../src/core/metadata.js';
import type { PgQueryable, PgStatements } from './pg-queryable.js';
import { normalizePgType, pgCharMaxLength } from './postgres-types.js';
import { privilegeWarnings } from './postgres-privileges.js';

export interface PostgresCatalog {
  readonly database: string;
  readonly serverVersion: string;
  readonly schemas: readonly string[];
  readonly tables: readonly TableMetadata[];
  /** Keyed by `schema.table`. */
  readonly hints: ReadonlyMap<string, TableReadHints>;
  /** What the role may do beyond reading (superuser, write grants); empty unless asked for. */
  readonly privilegeWarnings: readonly string[];
}

/** What the sampler needs to read a table without running its database's code. */
export interface TableReadHints {
  /** A row-level-security policy would filter (and run functions) for this role: do not read. */
  readonly rowSecurity: boolean;
  /** The role has SELECT on the table itself (not only on some columns). */
  readonly selectOnTable: boolean;
  /**
   * Columns whose type (through domains) is not one the server ships with: an enum, composite,
   * range or array of the database's own types. The database may have a cast from it to text, so
   * these are read in their output form and never cast in SQL.
   */
  readonly userTypeColumns: ReadonlySet<string>;
  /** Columns the role has no SELECT privilege on (column grants). */
  readonly unreadableColumns: ReadonlySet<string>;
}

export interface PostgresIntrospectOptions extends IntrospectOptions {
  /** Also report what the role may do beyond reading (the server connector; PGlite is always superuser). */
  readonly checkPrivileges?: boolean;
}

const SERVER_SQL = `SELECT pg_catalog.current_database() AS database, pg_catalog.current_setting('server_version') AS server_version`;

const SCHEMAS_SQL = `
SELECT n.nspname AS schema_name
FROM pg_catalog.pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%'
  AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
ORDER BY n.nspname`;

/**
 * Tables with a row estimate, and what the role may read. Partitioned parents sum their leaf
 * partitions (which we do not list separately), found through pg_inherits (pg_partition_tree would
 * lock them). Per leaf: reltuples from the last ANALYZE/VACUUM; when never analyzed (reltuples -1)
 * but relpages is known (VACUUM, CREATE INDEX), a guess from the pages and a rough row width (24-byte
 * header + 4-byte line pointer + fixed-width columns + 32 bytes per variable-width column); else
 * unknown. Only catalog rows are read: pg_relation_size would wait on a table's lock. Views and
 * unanalyzed foreign tables have no estimate.
 *
 * Row-level security applies unless the role is superuser, has BYPASSRLS, or owns the table and
 * FORCE is off; the session runs with row_security = off, so such a table would fail rather than
 * run its policies, and the sampler skips it beforehand.
 */
const TABLES_SQL = `
WITH RECURSIVE selected AS (
  SELECT c.oid, n.nspname, c.relname, c.relkind, c.relowner, c.relrowsecurity, c.relforcerowsecurity
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = ANY($1::pg_catalog.text[])
    AND c.relkind::pg_catalog.text = ANY($2::pg_catalog.text[])
    AND NOT c.relispartition
),
tree AS (
  SELECT s.oid AS root, s.oid AS relid, s.relkind FROM selected s
  UNION ALL
  SELECT t.root, i.inhrelid, p.relkind
  FROM tree t
  JOIN pg_catalog.pg_inherits i ON i.inhparent = t.relid
  JOIN pg_catalog.pg_class p ON p.oid = i.inhrelid
  WHERE t.relkind = 'p'
),
widths AS (
  SELECT a.attrelid AS relid, 28 + pg_catalog.sum(CASE WHEN a.attlen > 0 THEN a.attlen ELSE 32 END) AS row_width
  FROM pg_catalog.pg_attribute a JOIN selected s ON s.oid = a.attrelid
  WHERE a.attnum > 0 AND NOT a.attisdropped
  GROUP BY a.attrelid
),
estimates AS (
  SELECT t.root, pg_catalog.sum(
           CASE
             WHEN l.reltuples >= 0 THEN l.reltuples
             WHEN l.relkind = 'f' OR l.relpages <= 0 THEN NULL
             ELSE l.relpages::pg_catalog.float8 * pg_catalog.current_setting('block_size')::pg_catalog.float8 / coalesce(w.row_width, 28)
           END)::pg_catalog.float8 AS row_estimate
  FROM tree t
  JOIN pg_catalog.pg_class l ON l.oid = t.relid
  LEFT JOIN widths w ON w.relid = t.root
  WHERE l.relkind <> 'p'
  GROUP BY t.root
),
me AS (
  SELECT r.rolsuper OR r.rolbypassrls AS bypass_rls FROM pg_catalog.pg_roles r WHERE r.rolname = CURRENT_USER
)
SELECT s.oid::pg_catalog.int8 AS oid, s.nspname AS schema_name, s.relname AS table_name, s.relkind::pg_catalog.text AS relkind,
       pg_catalog.obj_description(s.oid, 'pg_class'::pg_catalog.name) AS comment,
       CASE WHEN s.relkind <> 'v' THEN e.row_estimate END AS row_estimate,
       pg_catalog.has_table_privilege(s.oid, 'SELECT') AS select_on_table,
       s.relrowsecurity AND NOT (coalesce((SELECT bypass_rls FROM me), false)
         OR (pg_catalog.pg_has_role(s.relowner, 'USAGE') AND NOT s.relforcerowsecurity)) AS row_security
FROM selected s
LEFT JOIN estimates e ON e.root = s.oid
ORDER BY s.nspname, s.relname`;

/**
 * Columns with their type resolved through domains (to the base type) and arrays (to the element
 * type) by a recursive walk over pg_type; the declared typmod follows along for varchar(n) lengths.
 * `cast_type` is the type a cast to text would start from: the column's type with domains removed
 * (Postgres ignores casts from domains). When it was created after initdb (oid >= 16384) the
 * database may define its own cast to text for it. One row per table, its columns in one JSON text
 * (as text, so the driver does not parse it): a row object per column would take ~250 bytes each,
 * 20 MB at 80,000 columns, all held at once. Column privileges are only looked up for the tables
 * in $2, those the role may not SELECT as a whole (checking every column costs ~1 µs each).
 */
const COLUMNS_SQL = `
WITH RECURSIVE cols AS (
  SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod, a.attnotnull
  FROM pg_catalog.pg_attribute a
  WHERE a.attrelid = ANY($1::pg_catalog.oid[]) AND a.attnum > 0 AND NOT a.attisdropped
),
chain AS (
  SELECT attrelid, attnum, atttypid AS type_oid, atttypmod AS typmod, false AS is_array, atttypid AS cast_type, 0 AS depth FROM cols
  UNION ALL
  SELECT ch.attrelid, ch.attnum,
         CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.typelem END,
         CASE WHEN t.typtype = 'd' AND t.typtypmod <> -1 THEN t.typtypmod ELSE ch.typmod END,
         ch.is_array OR t.typtype <> 'd',
         CASE WHEN t.typtype = 'd' AND ch.cast_type = ch.type_oid THEN t.typbasetype ELSE ch.cast_type END,
         ch.depth + 1
  FROM chain ch JOIN pg_catalog.pg_type t ON t.oid = ch.type_oid
  WHERE ch.depth < 10 AND (t.typtype = 'd' OR (t.typcategory = 'A' AND t.typelem <> 0))
),
resolved AS (
  SELECT DISTINCT ON (attrelid, attnum) attrelid, attnum, type_oid, typmod, is_array, cast_type
  FROM chain ORDER BY attrelid, attnum, depth DESC
)
SELECT c.attrelid::pg_catalog.int8 AS table_oid,
       pg_catalog.json_agg(pg_catalog.json_build_array(
         c.attnum::pg_catalog.int4, c.attname, pg_catalog.format_type(c.atttypid, c.atttypmod),
         t.typname, t.typtype::pg_catalog.text, t.typcategory::pg_catalog.text,
         r.typmod::pg_catalog.int4, r.is_array, NOT c.attnotnull,
         pg_catalog.col_description(c.attrelid, c.attnum::pg_catalog.int4),
         r.cast_type::pg_catalog.int8 < 16384,
         NOT (c.attrelid = ANY($2::pg_catalog.oid[])) OR pg_catalog.has_column_privilege(c.attrelid, c.attnum, 'SELECT')
       ) ORDER BY c.attnum)::pg_catalog.text AS columns
FROM cols c
JOIN resolved r ON r.attrelid = c.attrelid AND r.attnum = c.attnum
JOIN pg_catalog.pg_type t ON t.oid = r.type_oid
GROUP BY c.attrelid
ORDER BY c.attrelid`;

/**
 * Primary and foreign keys, key columns in key order. PG18/PGlite also lists NOT NULL constraints
 * (contype 'n'), hence the explicit filter; constraints cloned onto partitions (conparentid <> 0)
 * are skipped because partitions are not listed.
 */
const KEYS_SQL = `
SELECT con.conrelid::pg_catalog.int8 AS table_oid, con.contype::pg_catalog.text AS contype, con.conname AS constraint_name,
       ARRAY(SELECT a.attname::pg_catalog.text FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS column_names,
       rn.nspname AS referenced_schema, rc.relname AS referenced_table,
       ARRAY(SELECT a.attname::pg_catalog.text FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns
FROM pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.conrelid = ANY($1::pg_catalog.oid[]) AND con.contype IN ('p', 'f') AND con.conparentid = 0
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

  async introspect(options: PostgresIntrospectOptions): Promise<PostgresCatalog> {
    return this.#db.readOnly((db) => readCatalog(db, options), { snapshot: true });
  }
}

async function readCatalog(db: PgStatements, options: PostgresIntrospectOptions): Promise<PostgresCatalog> {
  const [server] = (await db.query(SERVER_SQL)) as unknown as RawServerRow[];
  const allSchemas = ((await db.query(SCHEMAS_SQL)) as unknown as RawSchemaRow[]).map((r) => r.schema_name);
  const schemas = options.schemaFilter ? allSchemas.filter(options.schemaFilter) : allSchemas;
  const relkinds = options.includeViews ? ['r', 'p', 'f', 'v', 'm'] : ['r', 'p', 'f'];
  const tableRows = (await db.query(TABLES_SQL, [schemas, relkinds])) as unknown as RawTableRow[];
  const oids = tableRows.map((t) => String(t.oid));
  const partlyReadable = tableRows.filter((t) => t.select_on_table !== true).map((t) => String(t.oid));
  const columnRows = oids.length ? ((await db.query(COLUMNS_SQL, [oids, partlyReadable])) as unknown as RawTableColumnsRow[]) : [];
  const keyRows = oids.length ? ((await db.query(KEYS_SQL, [oids])) as unknown as RawKeyRow[]) : [];
  const warnings = options.checkPrivileges ? await privilegeWarnings(db, schemas) : [];
  const { tables, hints } = parseTables(tableRows, columnRows, keyRows);
  return Object.freeze({
    database: server.database,
    serverVersion: server.server_version,
    schemas: Object.freeze([...schemas]),
    tables: Object.freeze(tables),
    hints,
    privilegeWarnings: Object.freeze(warnings),
  });
}

/** Most tables need no special care: they share one hints object. */
const PLAIN_TABLE: TableReadHints = Object.freeze({
  rowSecurity: false,
  selectOnTable: true,
  userTypeColumns: new Set<string>(),
  unreadableColumns: new Set<string>(),
});

function parseTables(
  tableRows: RawTableRow[],
  columnRows: RawTableColumnsRow[],
  keyRows: RawKeyRow[],
): { tables: TableMetadata[]; hints: Map<string, TableReadHints> } {
  const columnsByTable = new Map(columnRows.map((c) => [String(c.table_oid), c.columns]));
  const keysByTable = groupBy(keyRows, (k) => String(k.table_oid));
  const hints = new Map<string, TableReadHints>();
  // Names and types repeat across tables (id, created_at, text, ...): each is kept once.
  const intern = interner();
  const tables = tableRows.map((t) => {
    const keys = keysByTable.get(String(t.oid)) ?? [];
    const primaryKey = Object.freeze((keys.find((k) => k.contype === 'p')?.column_names ?? []).map(intern));
    const foreignKeys = keys.filter((k) => k.contype === 'f').map((k) => parseForeignKey(k, intern));
    const pkSet = new Set(primaryKey);
    const columnsJson = columnsByTable.get(String(t.oid));
    const rawColumns = columnsJson === undefined ? [] : (JSON.parse(columnsJson) as RawColumn[]);
    const columns = rawColumns.map((c) => parseColumn(c, pkSet, intern));
    const estimate = t.row_estimate === null ? undefined : Math.round(Number(t.row_estimate));
    const table: TableMetadata = Object.freeze({
      schema: intern(t.schema_name),
      name: t.table_name,
      kind: TABLE_KINDS[t.relkind] ?? 'table',
      ...(t.comment !== null ? { comment: t.comment } : {}),
      ...(estimate !== undefined && Number.isFinite(estimate) ? { rowEstimate: Math.max(0, estimate) } : {}),
      columns: Object.freeze(columns),
      primaryKey,
      foreignKeys: Object.freeze(foreignKeys),
    });
    hints.set(tableId(table), readHints(t, rawColumns));
    return table;
  });
  return { tables, hints };
}

function readHints(t: RawTableRow, columns: readonly RawColumn[]): TableReadHints {
  const userTypeColumns = new Set(columns.filter((c) => c[10] !== true).map((c) => c[1]));
  const unreadableColumns = new Set(columns.filter((c) => c[11] !== true).map((c) => c[1]));
  const rowSecurity = t.row_security === true;
  const selectOnTable = t.select_on_table === true;
  if (!rowSecurity && selectOnTable && userTypeColumns.size === 0 && unreadableColumns.size === 0) return PLAIN_TABLE;
  return Object.freeze({ rowSecurity, selectOnTable, userTypeColumns, unreadableColumns });
}

function parseColumn(c: RawColumn, primaryKey: ReadonlySet<string>, intern: (s: string) => string): ColumnMetadata {
  const [ordinal, name, rawType, baseTypeName, baseTyptype, baseTypcategory, baseTypmod, isArray, isNullable, comment] = c;
  const maxLength = pgCharMaxLength(baseTypeName, Number(baseTypmod));
  return Object.freeze({
    name: intern(name),
    ordinal: Number(ordinal),
    rawType: intern(displayTypeName(rawType)),
    normalizedType: normalizePgType(baseTypeName, baseTyptype, baseTypcategory),
    isArray: isArray === true,
    isNullable: isNullable === true,
    isPrimaryKey: primaryKey.has(name),
    ...(comment !== null ? { comment } : {}),
    ...(maxLength !== undefined ? { maxLength } : {}),
  });
}

/**
 * format_type qualifies every type outside the search_path, which is now pg_catalog only; types in
 * `public` are shown without it, as under the default search_path (so results do not change).
 */
function displayTypeName(formatted: string): string {
  return formatted.startsWith('public.') ? formatted.slice('public.'.length) : formatted;
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
  select_on_table: boolean;
  row_security: boolean;
}

/** One table's columns: the JSON text of an array of `RawColumn`, in column order. */
interface RawTableColumnsRow {
  table_oid: string | number;
  columns: string;
}

/**
 * ordinal, name, raw type, base type name, typtype, typcategory, base typmod, is array, is nullable,
 * comment, built-in cast type (no user cast can apply), readable (SELECT privilege).
 */
type RawColumn = [number, string, string, string, string, string, number, boolean, boolean, string | null, boolean, boolean];

interface RawKeyRow {
  table_oid: string | number;
  contype: string;
  constraint_name: string;
  column_names: string[];
  referenced_schema: string | null;
  referenced_table: string | null;
  referenced_columns: string[];
}
