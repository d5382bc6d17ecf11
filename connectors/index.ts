/**
 * The connectors' public face and registry: one descriptor per engine (engine.ts), and the functions
 * the rest of piiscout calls instead of testing engine names. Importing it loads no driver: a
 * connector's module (and so its driver) is imported when the connector is created.
 */
import type { Connector } from '../src/core/connector.js';
import type { EngineKind } from '../src/core/metadata.js';
import { ExitCode, UserError } from '../src/core/errors.js';
import { parseServerUrl, redactConnectionString, resolveRelativeLocation } from './connection-url.js';
import type { DatasetNaming, EngineDescriptor, EngineFlags, ParseContext, SamplingExtras } from './engine.js';
import { postgresEngine } from './postgres/postgres-engine.js';
import type { PostgresConfig } from './postgres/postgres-config.js';
import { mysqlEngine } from './mysql/mysql-engine.js';
import type { MysqlConfig } from './mysql/mysql-config.js';
import { sqliteEngine } from './sqlite/sqlite-engine.js';
import type { SqliteConfig } from './sqlite/sqlite-config.js';
import { pgliteEngine } from './embedded/pglite-engine.js';
import type { PgliteConfig } from './embedded/pglite-config.js';
import { snowflakeEngine } from './snowflake/snowflake-engine.js';
import { checkSnowflakeFlags, type SnowflakeConfig } from './snowflake/snowflake-config.js';

export type { DatasetNaming, EngineCapabilities, EngineDescriptor, EngineFlags, SamplingExtras } from './engine.js';
export { redactConnectionString } from './connection-url.js';

export type ConnectionConfig = PostgresConfig | MysqlConfig | SqliteConfig | PgliteConfig | SnowflakeConfig;

/** Every engine has exactly one descriptor: the type checker refuses a missing or extra one. */
const DESCRIPTORS: { readonly [E in EngineKind]: EngineDescriptor<Extract<ConnectionConfig, { engine: E }>> } = {
  postgres: postgresEngine,
  mysql: mysqlEngine,
  sqlite: sqliteEngine,
  pglite: pgliteEngine,
  snowflake: snowflakeEngine,
};

/** The descriptors, in the order help texts list them. */
export const ENGINES: readonly EngineDescriptor<ConnectionConfig>[] = Object.values(DESCRIPTORS) as EngineDescriptor<ConnectionConfig>[];

export function engineDescriptor<E extends EngineKind>(engine: E): EngineDescriptor<Extract<ConnectionConfig, { engine: E }>> {
  return DESCRIPTORS[engine];
}

/** The descriptor of a config, typed for that config. */
function descriptorOf<C extends ConnectionConfig>(config: C): EngineDescriptor<C> {
  return DESCRIPTORS[config.engine] as unknown as EngineDescriptor<C>;
}

const EXAMPLES = ENGINES.map((e) => e.example).join(', ');

export interface ParseConnectionOptions {
  /** Environment to read passwords from (PGPASSWORD, MYSQL_PWD, or `passwordEnv`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Name of an environment variable holding the password (`--password-env`). */
  readonly passwordEnv?: string;
  /** Base for relative file paths. */
  readonly cwd?: string;
  /** Snowflake-only command-line settings (key file, warehouse resume, SYSTEM$CLASSIFY). */
  readonly snowflake?: EngineFlags;
}

/** Parses a connection string of any engine's scheme (`postgres://`, `mysql://`, `sqlite:`, ...) into its config. */
export function parseConnectionString(input: string, options: ParseConnectionOptions = {}): ConnectionConfig {
  const env = options.env ?? process.env;
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(input);
  if (!schemeMatch) {
    throw new UserError(`Not a connection string: ${redactConnectionString(input)}`, {
      hint: `Use one of ${EXAMPLES}`,
      exitCode: ExitCode.usage,
    });
  }
  const scheme = schemeMatch[1].toLowerCase();
  const context: ParseContext = {
    input,
    scheme,
    env,
    cwd: options.cwd ?? process.cwd(),
    passwordEnv: options.passwordEnv,
    flags: options.snowflake,
    examples: EXAMPLES,
    envPassword(fallbackVar) {
      if (!options.passwordEnv) return env[fallbackVar];
      const value = env[options.passwordEnv];
      if (value === undefined) {
        throw new UserError(`Environment variable ${options.passwordEnv} (from --password-env) is not set`, {
          hint: `export ${options.passwordEnv}=... before running, or drop --password-env`,
          exitCode: ExitCode.usage,
        });
      }
      return value;
    },
  };
  const descriptor = ENGINES.find((e) => e.schemes.includes(scheme));
  if (descriptor) return descriptor.parse(context);
  // A string that is no URL at all is reported as such, before its scheme.
  parseServerUrl(context);
  throw new UserError(`Unsupported database type '${scheme}'`, { hint: `Supported: ${EXAMPLES}`, exitCode: ExitCode.usage });
}

/** A printable description of where a config points, without secrets. */
export function describeConnection(config: ConnectionConfig): string {
  return descriptorOf(config).describe(config);
}

/** Creates (but does not connect) the connector for a config; imports the driver lazily. */
export function createConnector(config: ConnectionConfig): Promise<Connector> {
  return descriptorOf(config).create(config);
}

/** How an engine's schemas become datasets (the dataset writer's only engine knowledge). */
export function datasetNaming(engine: EngineKind): DatasetNaming {
  return DESCRIPTORS[engine].datasets;
}

/** The stem of the default output file name (`piiscout-<stem>.yml`), before unsafe characters are replaced. */
export function connectionFileStem(config: ConnectionConfig): string {
  return descriptorOf(config).outputStem(config);
}

/** The only schema this connection may scan (a MySQL URL naming a database), or undefined for all. */
export function onlySchemaOf(config: ConnectionConfig): string | undefined {
  return descriptorOf(config).onlySchema(config);
}

/** A dataset key prefix implied by the connection (a PGlite directory's name), if any. */
export function datasetKeyPrefixOf(config: ConnectionConfig): string | undefined {
  return descriptorOf(config).keyPrefix(config);
}

/** Statements a scan adds per table beyond sampling, for `--dry-run` (undefined: none). */
export function samplingExtrasOf(config: ConnectionConfig): SamplingExtras | undefined {
  return descriptorOf(config).samplingExtras(config);
}

/** Rejects engine-specific flags given for another engine, so a typo does not silently do nothing. */
export function checkEngineFlags(engine: EngineKind, flags: EngineFlags): void {
  checkSnowflakeFlags(engine, flags);
}

/**
 * A connection string naming a relative file or directory (sqlite:, pglite:), made absolute against
 * `baseDir`; any other string comes back unchanged. Holds secrets: never print it.
 */
export function resolveConnectionLocation(connection: string, baseDir: string): string {
  const fileSchemes = ENGINES.filter((e) => e.capabilities.fileBased).flatMap((e) => e.schemes);
  return resolveRelativeLocation(connection, baseDir, fileSchemes);
}
