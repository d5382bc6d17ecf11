/**
 * "Cryptic names" evaluation: a classifier wrapper that shows the classifier a column under a
 * meaningless name (`col_3`, `c7`, `f_2` …) and, in mode `tables`, its table and schema too (`t04`),
 * while values, types, nullability, lengths and the PK/FK structure stay as scanned. It renames every
 * place a name can reach a rule: the column, its siblings (`table.columns`, which the table-subject
 * rule reads), the primary key, foreign keys (columns, referenced table and columns, constraint name),
 * the other tables of the database, and drops comments. Results are keyed by the scan's original
 * names (the wrapper sits below runScan), so they are scored against the unchanged truth.
 *
 * Names are deterministic: a style per table (per database for tables) chosen by an FNV hash of the
 * original name, numbered by ordinal (columns) or sorted position (tables). They carry no meaning.
 */
import type { ColumnInput, ColumnClassifier } from '../src/classify/types.js';
import type { ColumnMetadata, DatabaseMetadata, ForeignKey, TableMetadata } from '../src/core/metadata.js';

export type MaskMode = 'columns' | 'tables';

const COLUMN_STYLES = ['col_#', 'c#', 'f_#', 'field#', 'x#', 'attr_#', 'COL#', 'v_#'] as const;
const TABLE_STYLES = ['t#', 'tab_#', 'T#', 'tbl#', 'entity_#', 'r#'] as const;

function fnv(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const styled = (styles: readonly string[], seed: string, n: number, width = 1): string =>
  styles[fnv(seed) % styles.length].replace('#', String(n).padStart(width, '0'));

interface MaskedDatabase {
  readonly database: DatabaseMetadata;
  readonly tables: Map<TableMetadata, TableMetadata>;
  readonly columns: Map<TableMetadata, Map<string, string>>;
  /** Names outside the table's columns (JSON keys classified as nested fields), numbered as met. */
  readonly extra: Map<TableMetadata, Map<string, string>>;
}

const tableKey = (schema: string, name: string) => `${schema}\u0000${name}`;

/** Masks a whole database once: every table, column, key and comment. */
export function maskDatabase(database: DatabaseMetadata, mode: MaskMode): MaskedDatabase {
  const sorted = [...database.tables].sort((a, b) => tableKey(a.schema, a.name).localeCompare(tableKey(b.schema, b.name)));
  const tableWidth = String(sorted.length).length;
  const schemaNames = new Map([...new Set([...database.schemas, ...database.tables.map((t) => t.schema)])].sort().map((s, i) => [s, `s${i + 1}`]));
  const schemaOf = (schema: string) => (mode === 'tables' ? (schemaNames.get(schema) ?? schema) : schema);
  const tableNames = new Map(sorted.map((t, i) => [tableKey(t.schema, t.name), mode === 'tables' ? styled(TABLE_STYLES, database.database, i + 1, tableWidth) : t.name]));
  const columnNames = new Map<string, Map<string, string>>();
  for (const t of database.tables) {
    const seed = `${t.schema}.${t.name}`;
    columnNames.set(tableKey(t.schema, t.name), new Map(t.columns.map((c) => [c.name, styled(COLUMN_STYLES, seed, c.ordinal)])));
  }
  // A key to a table outside the scan (filtered out) still gets a meaningless name.
  const otherTable = (schema: string, name: string) => (mode === 'tables' ? `ext${fnv(tableKey(schema, name)) % 1000}` : name);
  const otherColumn = (name: string) => `k${fnv(name) % 1000}`;

  const maskKey = (fk: ForeignKey, i: number, own: Map<string, string>): ForeignKey => {
    const target = tableKey(fk.referencedSchema, fk.referencedTable);
    const targetColumns = columnNames.get(target);
    return {
      name: `fk_${i + 1}`,
      columns: fk.columns.map((c) => own.get(c) ?? otherColumn(c)),
      referencedSchema: schemaOf(fk.referencedSchema),
      referencedTable: tableNames.get(target) ?? otherTable(fk.referencedSchema, fk.referencedTable),
      referencedColumns: fk.referencedColumns.map((c) => targetColumns?.get(c) ?? otherColumn(c)),
    };
  };

  const tables = new Map<TableMetadata, TableMetadata>();
  const columns = new Map<TableMetadata, Map<string, string>>();
  for (const t of database.tables) {
    const own = columnNames.get(tableKey(t.schema, t.name))!;
    const masked: TableMetadata = {
      schema: schemaOf(t.schema),
      name: tableNames.get(tableKey(t.schema, t.name))!,
      kind: t.kind,
      ...(t.rowEstimate === undefined ? {} : { rowEstimate: t.rowEstimate }),
      columns: t.columns.map((c) => maskColumn(c, own.get(c.name)!)),
      primaryKey: t.primaryKey.map((c) => own.get(c) ?? otherColumn(c)),
      foreignKeys: t.foreignKeys.map((fk, i) => maskKey(fk, i, own)),
    };
    tables.set(t, masked);
    columns.set(t, own);
  }
  const maskedDatabase: DatabaseMetadata = {
    engine: database.engine,
    database: mode === 'tables' ? 'db' : database.database,
    schemas: database.schemas.map(schemaOf),
    tables: database.tables.map((t) => tables.get(t)!),
  };
  return { database: maskedDatabase, tables, columns, extra: new Map() };
}

/** The column under another name; comment dropped, everything else (type, keys, length) kept. */
function maskColumn(c: ColumnMetadata, name: string): ColumnMetadata {
  return {
    name,
    ordinal: c.ordinal,
    rawType: c.rawType,
    normalizedType: c.normalizedType,
    isArray: c.isArray,
    isNullable: c.isNullable,
    isPrimaryKey: c.isPrimaryKey,
    ...(c.maxLength === undefined ? {} : { maxLength: c.maxLength }),
  };
}

/** The same input with every name masked (database masking cached per scanned database). */
export function createInputMasker(mode: MaskMode): (input: ColumnInput) => ColumnInput {
  const cache = new WeakMap<DatabaseMetadata, MaskedDatabase>();
  return (input) => {
    let masked = cache.get(input.database);
    if (!masked) cache.set(input.database, (masked = maskDatabase(input.database, mode)));
    let table = masked.tables.get(input.table);
    if (!table) {
      // A table missing from database.tables (not expected from runScan): mask it on its own.
      const alone = maskDatabase({ ...input.database, schemas: [input.table.schema], tables: [input.table] }, mode);
      masked.tables.set(input.table, (table = alone.tables.get(input.table)!));
      masked.columns.set(input.table, alone.columns.get(input.table)!);
    }
    const own = masked.columns.get(input.table)!;
    // A nested JSON key arrives as a column that is not in the table: numbered per table as met.
    const isTableColumn = input.table.columns.includes(input.column);
    let name = isTableColumn ? own.get(input.column.name)! : undefined;
    if (name === undefined) {
      const extra = masked.extra.get(input.table) ?? new Map<string, string>();
      masked.extra.set(input.table, extra);
      const key = `${input.column.ordinal}\u0000${input.column.name}`;
      name = extra.get(key) ?? `${own.get(input.table.columns.find((c) => c.ordinal === input.column.ordinal)?.name ?? '') ?? 'k'}_k${extra.size + 1}`;
      extra.set(key, name);
    }
    return {
      ...input,
      database: masked.database,
      table,
      column: isTableColumn ? table.columns[input.table.columns.indexOf(input.column)] : maskColumn(input.column, name),
    };
  };
}

/** `inner` classifying masked inputs; the results stay in the caller's (original) order and names. */
export function maskingClassifier(inner: ColumnClassifier, mode: MaskMode): ColumnClassifier {
  const mask = createInputMasker(mode);
  return { id: `${inner.id}+masked-${mode}`, classify: (inputs) => inner.classify(inputs.map(mask)) };
}
