/**
 * Vitest global setup: starts throw-away PostgreSQL and MariaDB servers for the engines that
 * PIISCOUT_TEST_ENGINES selects (scripts/lib/db-servers.ts), installs Chromium when the browser tests
 * run and it is missing (test/helpers/browser.ts), and stops the servers and removes their dirs
 * afterwards. Tests read the connection details with `inject('piiscoutServers')`
 * (see test/helpers/servers.ts); child processes get PIISCOUT_TEST_PG_URL / PIISCOUT_TEST_MYSQL_URL.
 */
import type { TestProject } from 'vitest/node';
import { installMissingPackages, startMysql, startPostgres, stopAll, type MysqlTestServer, type PostgresTestServer } from '../../scripts/lib/db-servers.js';
import { browserTestsSelected } from '../helpers/browser.js';
import { parseTestEngines } from '../helpers/engines.js';

export type { MysqlTestServer, PostgresTestServer } from '../../scripts/lib/db-servers.js';

export interface TestServers {
  readonly postgres?: PostgresTestServer;
  readonly mysql?: MysqlTestServer;
}

declare module 'vitest' {
  export interface ProvidedContext {
    piiscoutServers: TestServers;
  }
}

export default async function globalSetup(project: TestProject): Promise<() => Promise<void>> {
  const engines = parseTestEngines(process.env.PIISCOUT_TEST_ENGINES);
  const wantPostgres = engines.includes('postgres');
  const wantMysql = engines.includes('mysql');
  const servers: { postgres?: PostgresTestServer; mysql?: MysqlTestServer } = {};

  try {
    await installMissingPackages(wantPostgres, wantMysql, browserTestsSelected(process.argv.slice(2)));
    const [postgres, mysql] = await Promise.allSettled([
      wantPostgres ? startPostgres() : Promise.resolve(undefined),
      wantMysql ? startMysql() : Promise.resolve(undefined),
    ]);
    if (postgres.status === 'rejected') throw postgres.reason;
    if (mysql.status === 'rejected') throw mysql.reason;
    servers.postgres = postgres.value;
    servers.mysql = mysql.value;
  } catch (error) {
    await stopAll();
    throw error;
  }

  delete process.env.PIISCOUT_TEST_PG_URL;
  delete process.env.PIISCOUT_TEST_MYSQL_URL;
  if (servers.postgres) {
    const pg = servers.postgres;
    process.env.PIISCOUT_TEST_PG_URL = `postgresql://${pg.user}:${pg.password}@${pg.host}:${pg.port}/postgres`;
  }
  if (servers.mysql) {
    const my = servers.mysql;
    process.env.PIISCOUT_TEST_MYSQL_URL = `mysql://${my.user}:${my.password}@${my.host}:${my.port}/`;
  }
  project.provide('piiscoutServers', servers);
  return stopAll;
}
