/** The SQLite engine: `sqlite:./file.db`, opened read-only; its `main` schema is the file's one dataset. */
import path from 'node:path';
import { fileLocation, resolveFileLocation } from '../connection-url.js';
import { prefixedKey, schemaInDatabase } from '../dataset-naming.js';
import type { EngineDescriptor } from '../engine.js';
import { describeSqlite, type SqliteConfig } from './sqlite-config.js';

const TITLE = 'SQLite';
const withoutExtension = (file: string): string => file.replace(/\.[^.]*$/, '');

export const sqliteEngine: EngineDescriptor<SqliteConfig> = {
  engine: 'sqlite',
  title: TITLE,
  schemes: ['sqlite'],
  example: 'sqlite:./file.db',
  capabilities: { schemaIs: 'schema', fileBased: true, privilegeReview: false, billedWarehouse: false },
  datasets: {
    ...schemaInDatabase(TITLE),
    // The file's name without extension keys the main schema alone; attached databases get `<file>_<name>`.
    defaultKeyPrefix: (database) => withoutExtension(database.database),
    datasetKey: (schema, prefix) => (schema === 'main' ? prefix || schema : prefixedKey(schema, prefix)),
  },
  parse(context) {
    return { engine: 'sqlite', file: resolveFileLocation(context, fileLocation(context)) };
  },
  describe: describeSqlite,
  outputStem: (config) => withoutExtension(path.basename(config.file)),
  onlySchema: () => undefined,
  keyPrefix: () => undefined,
  samplingExtras: () => undefined,
  async create(config) {
    const { SqliteConnector } = await import('./sqlite-connector.js');
    return new SqliteConnector(config);
  },
};
