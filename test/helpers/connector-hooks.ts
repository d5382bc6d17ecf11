/**
 * Test-only subclasses of the connectors: each runs one statement of the test's choosing on the
 * connector's own (read-only) session, so a test can prove that writes fail and see the session's
 * settings. They live here, not in the product classes, which only expose their open session to
 * subclasses (`protected`).
 */
import type { ConnectionConfig } from '../../connectors/index.js';
import { PostgresConnector } from '../../connectors/postgres/postgres-connector.js';
import { PgliteConnector } from '../../connectors/embedded/pglite-connector.js';
import { MysqlConnector } from '../../connectors/mysql/mysql-connector.js';
import { SqliteConnector } from '../../connectors/sqlite/sqlite-connector.js';
import type { Connector } from '../../src/core/connector.js';

export class PostgresTestConnector extends PostgresConnector {
  /** Runs one statement, outside a transaction, on one of the connector's own sessions. */
  async queryForTest(sql: string): Promise<Record<string, unknown>[]> {
    const pool = this.requirePool();
    return this.mapErrors('statement', async () => (await pool.query(sql)).rows);
  }
}

export class PgliteTestConnector extends PgliteConnector {
  /** Runs one statement, outside a transaction, in the connector's own session. */
  async queryForTest(sql: string): Promise<Record<string, unknown>[]> {
    const pglite = this.requirePglite();
    return this.mapErrors('statement', async () => (await pglite.query<Record<string, unknown>>(sql)).rows);
  }
}

export class MysqlTestConnector extends MysqlConnector {
  /** Runs one statement on a pooled (read-only) session and returns its rows. */
  async runStatementForReadOnlyTest(sql: string): Promise<unknown> {
    return this.withSession('statement', async (session) => {
      const [rows] = await session.query(sql);
      return rows;
    });
  }
}

export class SqliteTestConnector extends SqliteConnector {
  /** Runs one statement on the connector's own session; errors are mapped like any other. */
  runStatementForReadOnlyTest(sql: string): unknown {
    const db = this.requireDb();
    try {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all() : statement.run();
    } catch (error) {
      throw this.mapError(error, 'statement');
    }
  }
}

const TEST_CONNECTORS: { readonly [E in ConnectionConfig['engine']]?: new (config: never) => Connector } = {
  postgres: PostgresTestConnector,
  pglite: PgliteTestConnector,
  mysql: MysqlTestConnector,
  sqlite: SqliteTestConnector,
};

/** Like createConnector (not connected), but the connector of the config's engine with its test hook. */
export function createTestConnector(config: ConnectionConfig): Connector {
  const TestConnector = TEST_CONNECTORS[config.engine] as (new (config: ConnectionConfig) => Connector) | undefined;
  if (!TestConnector) throw new Error(`no test connector for ${config.engine}`);
  return new TestConnector(config);
}
