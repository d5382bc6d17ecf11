/** Maps Postgres type names onto piiscout's small NormalizedType vocabulary. */
import type { NormalizedType } from '../../src/core/metadata.js';

const BY_TYPE_NAME: Readonly<Record<string, NormalizedType>> = {
  text: 'string',
  varchar: 'string',
  bpchar: 'string',
  char: 'string', // the internal one-byte "char"
  name: 'string',
  citext: 'string',
  int2: 'integer',
  int4: 'integer',
  int8: 'integer',
  numeric: 'decimal',
  money: 'decimal',
  float4: 'float',
  float8: 'float',
  bool: 'boolean',
  date: 'date',
  time: 'time',
  timetz: 'time',
  timestamp: 'timestamp',
  timestamptz: 'timestamp',
  interval: 'interval',
  uuid: 'uuid',
  json: 'json',
  jsonb: 'json',
  bytea: 'binary',
  inet: 'inet',
  cidr: 'inet',
  macaddr: 'inet',
  macaddr8: 'inet',
  // Built-in geometric types and PostGIS.
  point: 'geometry',
  line: 'geometry',
  lseg: 'geometry',
  box: 'geometry',
  path: 'geometry',
  polygon: 'geometry',
  circle: 'geometry',
  geometry: 'geometry',
  geography: 'geometry',
  box2d: 'geometry',
  box3d: 'geometry',
};

/**
 * Normalizes a resolved type: `typeName` is pg_type.typname after domains were replaced by their
 * base type and arrays by their element type. `typType` is pg_type.typtype ('e' = enum),
 * `typCategory` pg_type.typcategory ('S' = string-like, e.g. extension text types).
 */
export function normalizePgType(typeName: string, typType: string, typCategory: string): NormalizedType {
  if (typType === 'e') return 'enum';
  const known = BY_TYPE_NAME[typeName];
  if (known) return known;
  if (typCategory === 'S') return 'string';
  return 'other';
}

/** Declared character length for varchar(n)/char(n): the typmod minus the 4-byte header. */
export function pgCharMaxLength(typeName: string, typmod: number): number | undefined {
  if ((typeName === 'varchar' || typeName === 'bpchar') && typmod > 4) return typmod - 4;
  return undefined;
}
