/**
 * The MariaDB side of issue 18's check: a session the server ends (KILL, a restart, wait_timeout)
 * while the connector holds it must never be an unhandled 'error' event (which ends the process).
 * mysql2's pooled connections listen for 'error' themselves and leave the pool; this test keeps it
 * so: a killed idle session is replaced, and one killed while borrowed fails only its own statement.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectionString } from '../../connectors/index.js';
import { createTestConnector, type MysqlTestConnector } from '../helpers/connector-hooks.js';
import { isEngineSelected } from '../helpers/engines.js';
import { createMysqlDatabase, runMysqlSql, workerScopedName } from '../helpers/servers.js';

/** Long enough for the client to read the server's close of the socket. */
const SETTLE_MS = 500;
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

describe.skipIf(!isEngineSelected('mysql'))('a MariaDB session the server ends', () => {
  let connector: MysqlTestConnector;

  beforeAll(async () => {
    const url = await createMysqlDatabase(workerScopedName('my_session_lost'), { sql: 'CREATE TABLE t (id int PRIMARY KEY);' });
    connector = createTestConnector(parseConnectionString(url)) as MysqlTestConnector;
    await connector.connect({ statementTimeoutSeconds: 10, concurrency: 1 });
  });

  afterAll(async () => {
    await connector?.close();
  });

  const sessionId = async (): Promise<number> => Number(((await connector.runStatementForReadOnlyTest('SELECT CONNECTION_ID() AS id')) as { id: unknown }[])[0].id);

  it('while idle in the pool: the next statement gets a new session', async () => {
    const killed = await sessionId();
    await runMysqlSql(`KILL ${killed}`);
    await settle();
    const next = await sessionId();
    expect(next).not.toBe(killed);
  });

  it('while borrowed: its statement fails as a lost connection, the next one gets a new session', async () => {
    const killed = await sessionId(); // one pooled session (concurrency 1): the next statement borrows it
    const running = connector.runStatementForReadOnlyTest('SELECT SLEEP(5) AS slept').catch((error: unknown) => error);
    await settle();
    await runMysqlSql(`KILL ${killed}`);
    const outcome = await running;
    expect(outcome).toMatchObject({ kind: 'connection-lost' });
    await settle();
    expect(await sessionId()).not.toBe(killed);
  });
});
