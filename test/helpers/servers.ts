/**
 * Test helpers for the PostgreSQL and MariaDB servers that test/setup/global-setup.ts starts:
 * admin URLs, fresh databases loaded with psql / the mariadb client (corpus files are written for
 * those clients, not for a driver), limited login roles for permission tests, and the Fides
 * "Cookie House" sample databases. Passwords travel in the environment, never on a command line.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { MysqlTestServer, PostgresTestServer } from '../setup/global-setup.js';
import { corporaDir } from './fixture-paths.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built CLI as the package ships it (package.json `bin`: the esbuild bundle `npm run build` writes). */
export const builtCli = path.join(repoRoot, 'dist', 'bundle', 'piiscout.js');

export interface DatabaseInit {
  /** SQL run first, with the new database as the current one. */
  readonly sql?: string;
  /** Script files run in order after `sql`, each from its own folder so relative paths in it work. */
  readonly files?: readonly string[];
}

// ---------- server details ----------

function postgresServer(): PostgresTestServer {
  const server = inject('piiscoutServers')?.postgres;
  if (!server) throw new Error('The PostgreSQL test server was not started: add postgres to PIISCOUT_TEST_ENGINES');
  return server;
}

function mysqlServer(): MysqlTestServer {
  const server = inject('piiscoutServers')?.mysql;
  if (!server) throw new Error('The MariaDB test server was not started: add mysql to PIISCOUT_TEST_ENGINES');
  return server;
}

/** Database, role and user names are interpolated into SQL, so only plain identifiers are allowed. */
function checkIdentifier(kind: string, name: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`${kind} name ${JSON.stringify(name)} must be a plain identifier (letters, digits, _)`);
  }
}

/**
 * A name unique to this vitest worker, for fixtures that several test files load: files running in
 * parallel must not drop each other's databases.
 */
export function workerScopedName(base: string): string {
  return `${base}_w${process.env.VITEST_POOL_ID ?? '0'}`;
}

// ---------- PostgreSQL ----------

export function postgresAdminUrl(database = 'postgres'): string {
  const server = postgresServer();
  return `postgresql://${server.user}:${server.password}@${server.host}:${server.port}/${encodeURIComponent(database)}`;
}

/** Runs SQL (or script files) through psql as the superuser, stopping at the first error. */
export async function runPostgresSql(database: string, sql: string): Promise<void> {
  await runPsql(database, { sql });
}

async function runPsql(database: string, script: { sql?: string; file?: string }): Promise<void> {
  const server = postgresServer();
  await runClient({
    command: path.join(server.binDir, 'psql'),
    args: ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', database, ...(script.file ? ['-f', script.file] : ['-f', '-'])],
    env: {
      PGHOST: server.host,
      PGPORT: String(server.port),
      PGUSER: server.user,
      PGPASSWORD: server.password,
      PGCONNECT_TIMEOUT: '10',
      PGOPTIONS: '-c client_min_messages=warning', // no NOTICE chatter on stderr
    },
    input: script.sql,
    cwd: script.file ? path.dirname(script.file) : undefined,
    label: script.file ? `psql -f ${path.basename(script.file)} (database ${database})` : `psql (database ${database})`,
  });
}

/** Drops and recreates `name`, runs `init`, and returns a superuser URL for it. */
export async function createPostgresDatabase(name: string, init: DatabaseInit = {}): Promise<string> {
  checkIdentifier('Database', name);
  await runPostgresSql('postgres', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE);\nCREATE DATABASE "${name}";`);
  if (init.sql) await runPsql(name, { sql: init.sql });
  for (const file of init.files ?? []) await runPsql(name, { file: path.resolve(file) });
  return postgresAdminUrl(name);
}

/**
 * Creates (or recreates) a login role with a random password, runs `grants` (SQL statements, run in
 * `database` as the superuser) and returns the role's URL for `database`. A new role can connect and
 * see the catalog (PUBLIC defaults) but read no table until granted.
 */
export async function createPostgresLoginRole(database: string, role: string, grants: readonly string[] = []): Promise<string> {
  checkIdentifier('Database', database);
  checkIdentifier('Role', role);
  const password = randomBytes(12).toString('hex');
  await runPostgresSql(
    database,
    [
      `DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN EXECUTE 'DROP OWNED BY "${role}"'; END IF; END $$;`,
      `DROP ROLE IF EXISTS "${role}";`,
      `CREATE ROLE "${role}" LOGIN PASSWORD '${password}';`,
      ...grants.map((grant) => (grant.trim().endsWith(';') ? grant : `${grant};`)),
    ].join('\n'),
  );
  const server = postgresServer();
  return `postgresql://${role}:${password}@${server.host}:${server.port}/${database}`;
}

export const COOKIE_HOUSE_POSTGRES_SQL = path.join(corporaDir, 'fides-cookie-house-postgres', 'postgres_sample.sql');

/**
 * Loads Fides' Cookie House sample (15 tables in `public`, copies in `backup_schema`) into a fresh
 * database and returns its superuser URL. The default name is per worker, so parallel files don't clash.
 */
export async function loadCookieHousePostgres(database = workerScopedName('postgres_example')): Promise<string> {
  return createPostgresDatabase(database, { files: [COOKIE_HOUSE_POSTGRES_SQL] });
}

// ---------- MariaDB ----------

/** Admin URL; without `database` it has no default database. */
export function mysqlAdminUrl(database?: string): string {
  const server = mysqlServer();
  return `mysql://${server.user}:${server.password}@${server.host}:${server.port}/${database ? encodeURIComponent(database) : ''}`;
}

/** Runs SQL through the mariadb client as the admin user, stopping at the first error. */
export async function runMysqlSql(sql: string, database?: string): Promise<void> {
  await runMariadb({ sql, database });
}

async function runMariadb(script: { sql?: string; file?: string; database?: string }): Promise<void> {
  const server = mysqlServer();
  await runClient({
    command: server.clientPath,
    args: [
      '--no-defaults', // must come first
      '--protocol=TCP',
      `--host=${server.host}`,
      `--port=${server.port}`,
      `--user=${server.user}`,
      '--local-infile=1',
      '--batch',
      ...(script.database ? [script.database] : []),
    ],
    env: { MYSQL_PWD: server.password },
    input: script.sql,
    inputFile: script.file,
    cwd: script.file ? path.dirname(script.file) : undefined,
    label: script.file ? `mariadb < ${path.basename(script.file)}` : `mariadb${script.database ? ` (database ${script.database})` : ''}`,
  });
}

/** Drops and recreates `name` (utf8mb4), runs `init` with it as the default database, returns its admin URL. */
export async function createMysqlDatabase(name: string, init: DatabaseInit = {}): Promise<string> {
  checkIdentifier('Database', name);
  await runMysqlSql(`DROP DATABASE IF EXISTS \`${name}\`;\nCREATE DATABASE \`${name}\` CHARACTER SET utf8mb4;`);
  if (init.sql) await runMariadb({ sql: init.sql, database: name });
  for (const file of init.files ?? []) await runMariadb({ file: path.resolve(file), database: name });
  return mysqlAdminUrl(name);
}

/**
 * Creates (or recreates) `user`@127.0.0.1 with a random password, runs `grants` (SQL statements, as
 * the admin) and returns the user's URL. A new user has only USAGE: it can log in and read nothing.
 */
export async function createMysqlLoginUser(user: string, grants: readonly string[] = [], database?: string): Promise<string> {
  checkIdentifier('User', user);
  const server = mysqlServer();
  const password = randomBytes(12).toString('hex');
  await runMysqlSql(
    [
      `DROP USER IF EXISTS '${user}'@'${server.host}';`,
      `CREATE USER '${user}'@'${server.host}' IDENTIFIED BY '${password}';`,
      ...grants.map((grant) => (grant.trim().endsWith(';') ? grant : `${grant};`)),
    ].join('\n'),
  );
  return `mysql://${user}:${password}@${server.host}:${server.port}/${database ?? ''}`;
}

const COOKIE_HOUSE_MARIADB_DIR = path.join(corporaDir, 'fides-cookie-house-mariadb');
/** The database that Fides' MariaDB schema file creates and switches to. */
export const COOKIE_HOUSE_MARIADB_DATABASE = 'mariadb_example';

/**
 * Loads Fides' MariaDB Cookie House sample (11 tables) and returns an admin URL for it. The schema
 * file creates database `mariadb_example`; it is loaded under `database` instead (per worker by
 * default). The file's opening CREATE USER / GRANT statements (an account for Fides' docker network,
 * which also fails under NO_AUTO_CREATE_USER) are left out: only the tables and rows matter here.
 */
export async function loadCookieHouseMariadb(database = workerScopedName(COOKIE_HOUSE_MARIADB_DATABASE)): Promise<string> {
  checkIdentifier('Database', database);
  const schema = readFileSync(path.join(COOKIE_HOUSE_MARIADB_DIR, 'mariadb_example_schema.sql'), 'utf8');
  const start = schema.indexOf('CREATE DATABASE IF NOT EXISTS mariadb_example;');
  if (start < 0) throw new Error('mariadb_example_schema.sql no longer creates database mariadb_example');
  const tablesSql = schema.slice(schema.indexOf('USE mariadb_example;', start) + 'USE mariadb_example;'.length);
  const data = readFileSync(path.join(COOKIE_HOUSE_MARIADB_DIR, 'mariadb_example_data.sql'), 'utf8');
  return createMysqlDatabase(database, { sql: `${tablesSql}\n${data}` });
}

// ---------- running a client ----------

interface ClientRun {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Record<string, string>;
  readonly input?: string;
  readonly inputFile?: string;
  readonly cwd?: string;
  readonly label: string;
}

/** Runs a database client; rejects with its stderr (never its environment, which holds the password). */
function runClient(client: ClientRun): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(client.command, [...client.args], {
      cwd: client.cwd,
      env: { ...process.env, ...client.env },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 8000) stderr += chunk.toString();
    });
    child.stdin.on('error', () => {}); // the client may exit before reading all input; its exit code reports why
    if (client.inputFile) createReadStream(client.inputFile).pipe(child.stdin);
    else child.stdin.end(client.input ?? '');
    child.on('error', (error) => reject(new Error(`${client.label}: ${error.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${client.label} failed (${signal ?? `exit ${code}`}): ${stderr.trim() || 'no error output'}`));
    });
  });
}
