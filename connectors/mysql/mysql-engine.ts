/**
 * The MySQL/MariaDB engine: `mysql://` and `mariadb://` URLs. A schema is a database; a URL that names
 * one scans only it, a URL without one every database the user may read, one dataset each.
 */
import { parseServerUrl } from '../connection-url.js';
import { schemaIsDatabase } from '../dataset-naming.js';
import type { EngineDescriptor } from '../engine.js';
import { describeMysql, type MysqlConfig } from './mysql-config.js';

const TITLE = 'MySQL/MariaDB';

export const mysqlEngine: EngineDescriptor<MysqlConfig> = {
  engine: 'mysql',
  title: TITLE,
  schemes: ['mysql', 'mariadb'],
  example: 'mysql://user@host:3306/db',
  capabilities: { schemaIs: 'database', fileBased: false, privilegeReview: true, billedWarehouse: false },
  datasets: schemaIsDatabase(TITLE),
  parse(context) {
    const { url, user, password, host, database } = parseServerUrl(context);
    return {
      engine: 'mysql',
      host,
      port: url.port ? Number(url.port) : 3306,
      user: user ?? context.env.MYSQL_USER ?? context.env.USER,
      password: password ?? context.envPassword('MYSQL_PWD'),
      database,
      ssl: url.searchParams.get('ssl') === 'true',
    };
  },
  describe: describeMysql,
  outputStem: (config) => config.database ?? config.engine,
  onlySchema: (config) => config.database,
  keyPrefix: () => undefined,
  samplingExtras: () => undefined,
  async create(config) {
    const { MysqlConnector } = await import('./mysql-connector.js');
    return new MysqlConnector(config);
  },
};
