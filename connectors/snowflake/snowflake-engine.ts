/**
 * The Snowflake engine: `snowflake://USER@ACCOUNT/DATABASE?warehouse=&role=&schema=`, one dataset per
 * schema of the database. Queries run on a billed warehouse; SYSTEM$CLASSIFY is opt-in.
 */
import { schemaInDatabase } from '../dataset-naming.js';
import type { EngineDescriptor } from '../engine.js';
import { describeSnowflake, parseSnowflakeUrl, type SnowflakeConfig } from './snowflake-config.js';

const TITLE = 'Snowflake';

export const snowflakeEngine: EngineDescriptor<SnowflakeConfig> = {
  engine: 'snowflake',
  title: TITLE,
  schemes: ['snowflake'],
  example: 'snowflake://user@account/DB?warehouse=WH',
  capabilities: { schemaIs: 'schema', fileBased: false, privilegeReview: false, billedWarehouse: true },
  datasets: schemaInDatabase(TITLE),
  parse: (context) => parseSnowflakeUrl(context.input, context.env, { passwordEnv: context.passwordEnv, flags: context.flags }),
  describe: describeSnowflake,
  outputStem: (config) => config.database,
  onlySchema: () => undefined,
  keyPrefix: () => undefined,
  samplingExtras: (config) =>
    config.useSnowflakeClassify
      ? {
          extraQueriesPerTable: (table) => (table.kind === 'table' ? 1 : 0),
          note: 'SYSTEM$CLASSIFY is counted as one more query per table (--use-snowflake-classify).',
        }
      : undefined,
  // connect(): CURRENT_*() context, SHOW WAREHOUSES, ALTER SESSION; introspect(): INFORMATION_SCHEMA
  // SCHEMATA, TABLES and COLUMNS (on the warehouse), SHOW PRIMARY KEYS, SHOW IMPORTED KEYS.
  catalogStatements: { onWarehouse: 3, withoutWarehouse: 5 },
  async create(config) {
    const { SnowflakeConnector } = await import('./snowflake-connector.js');
    return new SnowflakeConnector(config);
  },
};
