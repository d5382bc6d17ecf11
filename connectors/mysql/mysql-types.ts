/**
 * MySQL / MariaDB type vocabulary: maps information_schema `DATA_TYPE` / `COLUMN_TYPE` to the
 * engine-neutral NormalizedType, and says which columns the sampler cannot read as text.
 */
import type { ColumnMetadata, NormalizedType } from '../../src/core/metadata.js';

const TYPE_BY_DATA_TYPE: Readonly<Record<string, NormalizedType>> = {
  char: 'string',
  varchar: 'string',
  tinytext: 'string',
  text: 'string',
  mediumtext: 'string',
  longtext: 'string',
  tinyint: 'integer',
  smallint: 'integer',
  mediumint: 'integer',
  int: 'integer',
  integer: 'integer',
  bigint: 'integer',
  year: 'integer',
  decimal: 'decimal',
  numeric: 'decimal',
  float: 'float',
  double: 'float',
  real: 'float',
  date: 'date',
  time: 'time',
  datetime: 'timestamp',
  timestamp: 'timestamp',
  json: 'json',
  binary: 'binary',
  varbinary: 'binary',
  tinyblob: 'binary',
  blob: 'binary',
  mediumblob: 'binary',
  longblob: 'binary',
  enum: 'enum',
  set: 'enum',
  bit: 'other',
  geometry: 'geometry',
  point: 'geometry',
  linestring: 'geometry',
  polygon: 'geometry',
  multipoint: 'geometry',
  multilinestring: 'geometry',
  multipolygon: 'geometry',
  geometrycollection: 'geometry',
  geomcollection: 'geometry', // MySQL 8 spelling
  uuid: 'uuid', // MariaDB 10.7+
  inet4: 'inet', // MariaDB 10.10+
  inet6: 'inet', // MariaDB 10.5+
};

/**
 * Normalizes one column type. `isJsonText` is true for a MariaDB `JSON` column, which the catalog
 * reports as `longtext` guarded by a `json_valid()` CHECK constraint.
 */
export function normalizeMysqlType(dataType: string, columnType: string, isJsonText = false): NormalizedType {
  const data = dataType.toLowerCase();
  if (isJsonText && data.endsWith('text')) return 'json';
  // tinyint(1) is MySQL's BOOLEAN; MySQL 8.0.19+ drops other integer display widths but keeps this one.
  if (data === 'tinyint' && /^tinyint\(1\)/i.test(columnType)) return 'boolean';
  return TYPE_BY_DATA_TYPE[data] ?? 'other';
}

/** Why a column of this type is not sampled, or undefined when it is read as text. */
export function mysqlSkipReason(type: NormalizedType): string | undefined {
  if (type === 'binary') return 'binary column (bytes are not sampled)';
  if (type === 'geometry') return 'geometry column (not sampled)';
  return undefined;
}

/** True for a column a key-window sample can do arithmetic on: any integer type except `year`. */
export function isIntegerKeyColumn(column: Pick<ColumnMetadata, 'normalizedType' | 'rawType'>): boolean {
  return column.normalizedType === 'integer' && !/^year/i.test(column.rawType);
}
