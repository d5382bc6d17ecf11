/** The ways an engine's schemas become Fides datasets (see DatasetNaming in engine.ts). */
import type { DatasetNaming } from './engine.js';

/** `<prefix>_<schema>`, or the schema alone without a prefix. */
export function prefixedKey(schema: string, prefix: string): string {
  return prefix ? `${prefix}_${schema}` : schema;
}

/** A schema inside the connected database (PostgreSQL, PGlite, Snowflake): keyed `<database>_<schema>`. */
export function schemaInDatabase(title: string): DatasetNaming {
  return {
    defaultKeyPrefix: (database) => database.database,
    datasetKey: prefixedKey,
    databaseName: (database) => database.database,
    describe: (database, schema) => `${title} schema ${schema} of ${database.database}`,
  };
}

/** Each schema is a database of its own (MySQL/MariaDB): no prefix, and the namespace is the schema. */
export function schemaIsDatabase(title: string): DatasetNaming {
  return {
    defaultKeyPrefix: () => '',
    datasetKey: prefixedKey,
    databaseName: (_database, schema) => schema,
    describe: (_database, schema) => `${title} database ${schema}`,
  };
}
