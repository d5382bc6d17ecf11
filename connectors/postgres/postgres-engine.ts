/** The PostgreSQL engine: `postgres://` and `postgresql://` URLs, one dataset per schema of the database. */
import { parseServerUrl } from '../connection-url.js';
import { schemaInDatabase } from '../dataset-naming.js';
import type { EngineDescriptor } from '../engine.js';
import { describePostgres, parsePostgresUrlOptions, type PostgresConfig } from './postgres-config.js';

const TITLE = 'PostgreSQL';

export const postgresEngine: EngineDescriptor<PostgresConfig> = {
  engine: 'postgres',
  title: TITLE,
  schemes: ['postgres', 'postgresql'],
  example: 'postgres://user@host:5432/db',
  capabilities: { schemaIs: 'schema', fileBased: false, privilegeReview: true, billedWarehouse: false },
  datasets: schemaInDatabase(TITLE),
  parse(context) {
    const { url, user, password, host, database } = parseServerUrl(context);
    const { ssl } = parsePostgresUrlOptions(url.searchParams);
    return {
      engine: 'postgres',
      host,
      port: url.port ? Number(url.port) : 5432,
      user: user ?? context.env.PGUSER,
      password: password ?? context.envPassword('PGPASSWORD'),
      database: database ?? context.env.PGDATABASE,
      ssl,
    };
  },
  describe: describePostgres,
  outputStem: (config) => config.database ?? config.engine,
  onlySchema: () => undefined,
  keyPrefix: () => undefined,
  samplingExtras: () => undefined,
  async create(config) {
    const { PostgresConnector } = await import('./postgres-connector.js');
    return new PostgresConnector(config);
  },
};
