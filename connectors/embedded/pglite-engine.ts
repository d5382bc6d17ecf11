/**
 * The embedded PostgreSQL (PGlite): `pglite:./dir` for a data directory, `pglite:memory` for an empty
 * in-memory database. Named and described like PostgreSQL; the directory's name prefixes the dataset keys.
 */
import path from 'node:path';
import { fileLocation, resolveFileLocation } from '../connection-url.js';
import { schemaInDatabase } from '../dataset-naming.js';
import type { EngineDescriptor } from '../engine.js';
import { describePglite, type PgliteConfig } from './pglite-config.js';

const TITLE = 'PostgreSQL (embedded PGlite)';

export const pgliteEngine: EngineDescriptor<PgliteConfig> = {
  engine: 'pglite',
  title: TITLE,
  schemes: ['pglite'],
  example: 'pglite:./dir',
  capabilities: { schemaIs: 'schema', fileBased: true, privilegeReview: false, billedWarehouse: false },
  datasets: schemaInDatabase(TITLE),
  parse(context) {
    const location = fileLocation(context);
    if (location === '' || location === 'memory' || location === 'memory://') return { engine: 'pglite' };
    return { engine: 'pglite', dataDir: resolveFileLocation(context, location) };
  },
  describe: describePglite,
  outputStem: (config) => (config.dataDir ? path.basename(config.dataDir) : 'pglite'),
  onlySchema: () => undefined,
  keyPrefix: (config) => (config.dataDir ? path.basename(config.dataDir) : undefined),
  samplingExtras: () => undefined,
  async create(config) {
    const { PgliteConnector } = await import('./pglite-connector.js');
    return new PgliteConnector(config);
  },
};
