/**
 * What the rest of piiscout may know about a database engine, in one object per engine (the
 * descriptor): its URL schemes, how a connection string becomes a config, how the config is shown
 * (without secrets), how its schemas become Fides datasets, what it can do, and how its connector is
 * created. Code outside connectors/ asks the registry (index.ts) instead of testing engine names.
 *
 * A descriptor module imports no driver: creating the connector imports it lazily (drivers are slow to load).
 */
import type { Connector } from '../src/core/connector.js';
import type { DatabaseMetadata, EngineKind, TableMetadata } from '../src/core/metadata.js';

/** Engine-specific command-line settings (today only Snowflake's), passed through to the parsers. */
export interface EngineFlags {
  /** Key-pair login with this PEM private key. */
  readonly privateKeyFile?: string;
  /** Run even if the warehouse is suspended (resuming bills credits). */
  readonly allowWarehouseResume?: boolean;
  /** Also run the engine's own classifier per table and use its verdicts as evidence. */
  readonly useSnowflakeClassify?: boolean;
}

/** What a descriptor's `parse` gets: the string, where to read passwords from, and shared settings. */
export interface ParseContext {
  /** The whole connection string as given (may hold a password: never print it unredacted). */
  readonly input: string;
  /** Its scheme, lower-cased, one of the descriptor's `schemes`. */
  readonly scheme: string;
  readonly env: NodeJS.ProcessEnv;
  /** Base for relative file paths. */
  readonly cwd: string;
  /** Name of an environment variable holding the password (`--password-env`). */
  readonly passwordEnv?: string;
  readonly flags?: EngineFlags;
  /** Every engine's example connection string, for hints. */
  readonly examples: string;
  /** The password from `--password-env` (a usage error when that variable is unset), else from `fallbackVar`. */
  envPassword(fallbackVar: string): string | undefined;
}

/** What differs between engines in what a scan can do; the same for every connection of an engine. */
export interface EngineCapabilities {
  /** What one scanned schema is: MySQL/MariaDB's schemas are databases, and one server scan may cover many. */
  readonly schemaIs: 'schema' | 'database';
  /** The connection names a local file or directory; a relative one is resolved against the config file. */
  readonly fileBased: boolean;
  /** Introspection reviews what the login may do beyond reading (`privilegeWarnings`, --require-read-only-role). */
  readonly privilegeReview: boolean;
  /** Queries run on a warehouse billed while it runs; a suspended one is resumed only when allowed. */
  readonly billedWarehouse: boolean;
}

/**
 * How the schemas of one scan become Fides datasets: one dataset per schema, with a key, the
 * `database_name` of its namespace and a description. Derived from the introspected database only,
 * so a file can be written (and re-written from a checkpoint) without the connection.
 */
export interface DatasetNaming {
  /** The key prefix when the caller gives none: the database's name, or none where a schema is a database. */
  defaultKeyPrefix(database: DatabaseMetadata): string;
  /** The dataset key of a schema, before it is made a valid, unique fides_key. */
  datasetKey(schema: string, prefix: string): string;
  /** The database a schema belongs to (`fides_meta.namespace.database_name`, `meta.database_name`). */
  databaseName(database: Pick<DatabaseMetadata, 'database'>, schema: string): string;
  /** What the dataset is, e.g. `PostgreSQL schema public of shop`. */
  describe(database: DatabaseMetadata, schema: string): string;
}

/** What `scan --dry-run` adds for an engine: statements beyond the one sampling query, and a note about them. */
export interface SamplingExtras {
  readonly extraQueriesPerTable: (table: TableMetadata) => number;
  /** Printed after the plan when there are extra statements. */
  readonly note?: string;
}

export interface CatalogStatements {
  /** Catalog selects that run on the warehouse. */
  readonly onWarehouse: number;
  /** Session set-up and SHOW statements, which need no warehouse. */
  readonly withoutWarehouse: number;
}

export interface EngineDescriptor<Config extends { readonly engine: EngineKind }> {
  readonly engine: Config['engine'];
  /** The engine as people name it, e.g. `MySQL/MariaDB`. */
  readonly title: string;
  /** URL schemes, lower case; the first is the canonical one. */
  readonly schemes: readonly string[];
  /** An example connection string for help and hints. */
  readonly example: string;
  readonly capabilities: EngineCapabilities;
  readonly datasets: DatasetNaming;
  /** Parses a connection string with one of `schemes`. Throws UserError (usage) on bad input. */
  parse(context: ParseContext): Config;
  /** Where the config points, without secrets (safe to print). */
  describe(config: Config): string;
  /** A file-name stem for the default output (`piiscout-<stem>.yml`), before unsafe characters are replaced. */
  outputStem(config: Config): string;
  /** The only schema a connection may scan, when its URL names one (MySQL: a database); else every schema. */
  onlySchema(config: Config): string | undefined;
  /** A dataset key prefix implied by the location (PGlite: the data directory's name), if any. */
  keyPrefix(config: Config): string | undefined;
  /** Extra statements per sampled table and a note, when settings add any (Snowflake's SYSTEM$CLASSIFY). */
  samplingExtras(config: Config): SamplingExtras | undefined;
  /**
   * Engines with a billed warehouse: the statements a scan sends besides sampling, whatever the
   * number of tables (session set-up and catalog), for the --dry-run cost estimate.
   */
  readonly catalogStatements?: CatalogStatements;
  /** Creates, but does not connect, the connector; imports the driver. */
  create(config: Config): Promise<Connector>;
}
