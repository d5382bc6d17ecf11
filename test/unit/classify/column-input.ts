/** Builds synthetic ColumnInputs for classifier tests. */
import type { ColumnMetadata, DatabaseMetadata, ForeignKey, NormalizedType, TableMetadata } from '../../../src/core/metadata.js';
import type { ColumnInput } from '../../../src/classify/types.js';

export interface ColumnSpec {
  readonly name: string;
  readonly type?: NormalizedType;
  readonly rawType?: string;
  readonly values?: readonly string[];
  readonly primaryKey?: boolean;
  readonly maxLength?: number;
}

export function column(spec: ColumnSpec, ordinal = 1): ColumnMetadata {
  return {
    name: spec.name,
    ordinal,
    rawType: spec.rawType ?? spec.type ?? 'text',
    normalizedType: spec.type ?? 'string',
    isArray: false,
    isNullable: !spec.primaryKey,
    isPrimaryKey: spec.primaryKey ?? false,
    maxLength: spec.maxLength,
  };
}

export function table(name: string, specs: readonly ColumnSpec[], foreignKeys: readonly ForeignKey[] = []): TableMetadata {
  const columns = specs.map((s, i) => column(s, i + 1));
  return { schema: 'public', name, kind: 'table', columns, primaryKey: columns.filter((c) => c.isPrimaryKey).map((c) => c.name), foreignKeys };
}

export function database(tables: readonly TableMetadata[]): DatabaseMetadata {
  return { engine: 'sqlite', database: 'test.db', schemas: ['public'], tables };
}

/** One ColumnInput per column spec of a single table. */
export function inputsFor(
  tableName: string,
  specs: readonly ColumnSpec[],
  foreignKeys: readonly ForeignKey[] = [],
  otherTables: readonly TableMetadata[] = [],
): ColumnInput[] {
  const t = table(tableName, specs, foreignKeys);
  const db = database([t, ...otherTables]);
  const rows = Math.max(0, ...specs.map((s) => s.values?.length ?? 0));
  return specs.map((s, i) => ({
    database: db,
    table: t,
    column: t.columns[i],
    sample: { values: s.values ?? [], nullCount: rows - (s.values?.length ?? 0), truncatedCount: 0 },
    rowsSampled: rows,
  }));
}

/** A single column in its own table. */
export function inputFor(tableName: string, spec: ColumnSpec): ColumnInput {
  return inputsFor(tableName, [spec])[0];
}

/** A single-column foreign key to `referencedTable.referencedColumn`. */
export const fk = (column: string, referencedTable: string, referencedColumn = 'id'): ForeignKey => ({
  name: `fk_${column}`,
  columns: [column],
  referencedSchema: 'public',
  referencedTable,
  referencedColumns: [referencedColumn],
});
/** An integer primary key. */
export const key = (name = 'id'): ColumnSpec => ({ name, type: 'integer', rawType: 'integer', primaryKey: true });
/** An integer column. */
export const int = (name: string): ColumnSpec => ({ name, type: 'integer', rawType: 'integer' });
