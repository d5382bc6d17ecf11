/** A generated column as the scanner would hand it to a classifier (one-column table, its sample, its keys). */
import type { ColumnInput } from '../src/classify/types.js';
import type { ColumnMetadata, TableMetadata } from '../src/core/metadata.js';
import type { LabelledColumn } from './generate.js';

export function toInput(c: LabelledColumn): ColumnInput {
  const column: ColumnMetadata = {
    name: c.name,
    ordinal: 1,
    rawType: c.type,
    normalizedType: c.type,
    isArray: false,
    isNullable: true,
    isPrimaryKey: c.isPrimaryKey,
  };
  const table: TableMetadata = {
    schema: 'public', name: c.table, kind: 'table', columns: [column], primaryKey: c.isPrimaryKey ? [c.name] : [],
    foreignKeys: c.isForeignKey ? [{ name: 'fk', columns: [c.name], referencedSchema: 'public', referencedTable: 'parent', referencedColumns: ['id'] }] : [],
  };
  return {
    database: { engine: 'postgres', database: 'generated', schemas: ['public'], tables: [table] },
    table,
    column,
    sample: c.values.length + c.nullCount > 0 ? { values: c.values, nullCount: c.nullCount, truncatedCount: 0 } : undefined,
    rowsSampled: c.values.length + c.nullCount,
  };
}
