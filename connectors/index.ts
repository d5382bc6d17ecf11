/**
 * Connector registry: parses a connection string into an engine config and creates the connector,
 * importing the engine's driver only when it is used (drivers are slow to import).
 */
import path from 'node:path';
import type { Connector } from '../src/core/connector.js';
import { UserError, ExitCode } from '../src/core/errors.js';
import { decodeUrlPart } from '../src/util/percent-decode.js';
import { parsePostgresUrlOptions, type PostgresConfig } from './postgres/postgres-config.js';
import type { MysqlConfig } from './mysql/mysql-config.js';
import type { SqliteConfig } from './sqlite/sqlite-config.js';
import type { PgliteConfig } from './embedded/pglite-config.js';
import { describeSnowflake, parseSnowflakeUrl, type SnowflakeConfig, type SnowflakeFlags } from './snowflake/snowflake-config.js';

export type ConnectionConfig = PostgresConfig | MysqlConfig | SqliteConfig | PgliteConfig | SnowflakeConfig;

export interface ParseConnectionOptions {
  /** Environment to read passwords from (PGPASSWORD, MYSQL_PWD, or `passwordEnv`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Name of an environment variable holding the password (`--password-env`). */
  readonly passwordEnv?: string;
  /** Base for relative file paths. */
  readonly cwd?: string;
  /** Snowflake-only command-line settings (key file, warehouse resume, SYSTEM$CLASSIFY). */
  readonly snowflake?: SnowflakeFlags;
}

const EXAMPLES =
  'postgres://user@host:5432/db, mysql://user@host:3306/db, sqlite:./file.db, pglite:./dir, snowflake://user@account/DB?warehouse=WH';

/** Parses `postgres://`, `postgresql://`, `mysql://`, `mariadb://`, `sqlite:`, `pglite:` strings. */
export function parseConnectionString(input: string, options: ParseConnectionOptions = {}): ConnectionConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(input);
  if (!schemeMatch) {
    throw new UserError(`Not a connection string: ${redactConnectionString(input)}`, {
      hint: `Use one of ${EXAMPLES}`,
      exitCode: ExitCode.usage,
    });
  }
  const scheme = schemeMatch[1].toLowerCase();
  const envPassword = (fallbackVar: string): string | undefined => {
    if (options.passwordEnv) {
      const v = env[options.passwordEnv];
      if (v === undefined) {
        throw new UserError(`Environment variable ${options.passwordEnv} (from --password-env) is not set`, {
          hint: `export ${options.passwordEnv}=... before running, or drop --password-env`,
          exitCode: ExitCode.usage,
        });
      }
      return v;
    }
    return env[fallbackVar];
  };

  if (scheme === 'sqlite' || scheme === 'pglite') {
    let rest = input.slice(scheme.length + 1);
    if (rest.startsWith('//')) rest = rest.slice(2); // sqlite:///abs/path and sqlite://./rel
    if (scheme === 'pglite' && (rest === '' || rest === 'memory' || rest === 'memory://')) {
      return { engine: 'pglite' };
    }
    if (rest === '') {
      throw new UserError(`Missing file path in ${input}`, { hint: `Write it as ${scheme}:./path`, exitCode: ExitCode.usage });
    }
    const file = path.resolve(cwd, decodeUrlPart(rest, 'file path'));
    return scheme === 'sqlite' ? { engine: 'sqlite', file } : { engine: 'pglite', dataDir: file };
  }

  if (scheme === 'snowflake') {
    return parseSnowflakeUrl(input, env, { passwordEnv: options.passwordEnv, flags: options.snowflake });
  }

  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new UserError(`Cannot parse connection string: ${redactConnectionString(input)}`, {
      hint: `Use one of ${EXAMPLES}; percent-encode special characters in user names`,
      exitCode: ExitCode.usage,
    });
  }
  const user = url.username ? decodeUrlPart(url.username, 'user name') : undefined;
  const urlPassword = url.password ? decodeUrlPart(url.password, 'password') : undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost';
  const database = url.pathname.length > 1 ? decodeUrlPart(url.pathname.slice(1), 'database name') : undefined;

  if (scheme === 'postgres' || scheme === 'postgresql') {
    const { ssl } = parsePostgresUrlOptions(url.searchParams);
    return {
      engine: 'postgres',
      host,
      port: url.port ? Number(url.port) : 5432,
      user: user ?? env.PGUSER,
      password: urlPassword ?? envPassword('PGPASSWORD'),
      database: database ?? env.PGDATABASE,
      ssl,
    };
  }
  if (scheme === 'mysql' || scheme === 'mariadb') {
    return {
      engine: 'mysql',
      host,
      port: url.port ? Number(url.port) : 3306,
      user: user ?? env.MYSQL_USER ?? env.USER,
      password: urlPassword ?? envPassword('MYSQL_PWD'),
      database,
      ssl: url.searchParams.get('ssl') === 'true',
    };
  }
  throw new UserError(`Unsupported database type '${scheme}'`, {
    hint: `Supported: ${EXAMPLES}`,
    exitCode: ExitCode.usage,
  });
}

/** Replaces the password in a URL-style connection string with `***`. Safe on any input. */
export function redactConnectionString(input: string): string {
  return input.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^:@/?#]*):[^@/?#]*@/, '$1:***@').replace(/([?&](?:password|pwd)=)[^&#]*/gi, '$1***');
}

/** A printable description of where a config points, without secrets. */
export function describeConnection(config: ConnectionConfig): string {
  switch (config.engine) {
    case 'postgres':
      return `postgres://${config.user ? encodeURIComponent(config.user) + '@' : ''}${config.host}:${config.port}/${config.database ?? ''}`;
    case 'mysql':
      return `mysql://${config.user ? encodeURIComponent(config.user) + '@' : ''}${config.host}:${config.port}/${config.database ?? ''}`;
    case 'sqlite':
      return `sqlite:${config.file}`;
    case 'pglite':
      return config.dataDir ? `pglite:${config.dataDir}` : 'pglite:memory';
    case 'snowflake':
      return describeSnowflake(config);
  }
}

/** Creates (but does not connect) the connector for a config; imports the driver lazily. */
export async function createConnector(config: ConnectionConfig): Promise<Connector> {
  switch (config.engine) {
    case 'postgres': {
      const { PostgresConnector } = await import('./postgres/postgres-connector.js');
      return new PostgresConnector(config);
    }
    case 'mysql': {
      const { MysqlConnector } = await import('./mysql/mysql-connector.js');
      return new MysqlConnector(config);
    }
    case 'sqlite': {
      const { SqliteConnector } = await import('./sqlite/sqlite-connector.js');
      return new SqliteConnector(config);
    }
    case 'pglite': {
      const { PgliteConnector } = await import('./embedded/pglite-connector.js');
      return new PgliteConnector(config);
    }
    case 'snowflake': {
      const { SnowflakeConnector } = await import('./snowflake/snowflake-connector.js');
      return new SnowflakeConnector(config);
    }
  }
}
