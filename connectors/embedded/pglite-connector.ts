/**
 * The embedded Postgres (PGlite, PostgreSQL compiled to WASM) as a connector. It reuses the
 * Postgres introspector and sampler unchanged, with the same session settings and read-only,
 * rolled-back transactions; PGlite runs one query at a time on its own queue.
 * Caveat: PGlite accepts `statement_timeout` but cannot interrupt a running query (no signals in
 * WASM), so here the per-statement bound comes only from the sampler's bounded SQL.
 * PGlite always runs as its superuser (it is an in-process copy of files the user can already
 * write), so no privilege warning is given: it would only be noise on every demo scan.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { ConnectOptions, IntrospectOptions, SampleOptions } from '../../src/core/connector.js';
import type { DatabaseMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { TableSample } from '../../src/core/sample.js';
import { ConnectorError } from '../../src/core/errors.js';
import { describePglite, type PgliteConfig } from './pglite-config.js';
import { pgliteQueryable } from '../postgres/pg-queryable.js';
import { PostgresScanSession, sessionSettings } from '../postgres/postgres-session.js';
import { toPostgresConnectorError } from '../postgres/postgres-errors.js';
import { SqlConnector, type ConnectorStep } from '../sql-connector.js';

export class PgliteConnector extends SqlConnector {
  readonly engine = 'pglite' as const;
  readonly #config: PgliteConfig;
  #pglite?: PGlite;
  #session?: PostgresScanSession;
  #statementTimeoutSeconds?: number;

  constructor(config: PgliteConfig) {
    super(describePglite(config));
    this.#config = config;
  }

  async connect(options: ConnectOptions): Promise<void> {
    if (this.#pglite) throw new Error('PgliteConnector.connect() called twice');
    this.#statementTimeoutSeconds = options.statementTimeoutSeconds;
    if (this.#config.dataDir !== undefined) await assertPgliteDataDir(this.#config.dataDir);
    const { PGlite, types } = await import('@electric-sql/pglite');
    try {
      this.#pglite = await PGlite.create({ dataDir: this.#config.dataDir, database: this.#config.database });
    } catch (error) {
      const database = this.#config.database ? ` (database ${this.#config.database})` : '';
      throw new ConnectorError('unreachable', `Cannot open the PGlite database at ${this.displayName}${database}`, {
        hint: 'Is it a PGlite data directory (with that database), and not open in another process?',
        cause: error,
      });
    }
    // Every type PGlite would parse (its defaults, and the array types it read when opening).
    const parsed = [...Object.keys(types.parsers), ...Object.keys((this.#pglite as unknown as { parsers?: object }).parsers ?? {})];
    this.#session = new PostgresScanSession(pgliteQueryable(this.#pglite, parsed));
    const pglite = this.#pglite;
    await this.opening(async () => {
      // Before any other statement. set_config takes the value as given (SET would quote a list
      // like search_path as one name); names and values are plain words and numbers.
      const settings = sessionSettings(options.statementTimeoutSeconds);
      await pglite.exec(settings.map(([name, value]) => `SELECT pg_catalog.set_config('${name}', '${value}', false);`).join(' '));
    });
  }

  async introspect(options: IntrospectOptions): Promise<DatabaseMetadata> {
    return this.mapErrors('introspect', async () => {
      const catalog = await this.#requireSession().introspect(options);
      return Object.freeze({
        engine: this.engine,
        database: catalog.database,
        serverVersion: catalog.serverVersion,
        schemas: catalog.schemas,
        tables: catalog.tables,
      });
    });
  }

  async sample(table: TableMetadata, options: SampleOptions): Promise<TableSample> {
    return this.mapErrors('sample', () => this.#requireSession().sample(table, options), table);
  }

  async close(): Promise<void> {
    const pglite = this.#pglite;
    this.#pglite = undefined;
    this.#session = undefined;
    if (pglite && !pglite.closed) await pglite.close();
  }

  /** The open database, for subclasses (tests run statements on it: test/helpers/connector-hooks.ts). */
  protected requirePglite(): PGlite {
    if (!this.#pglite) throw new Error('PgliteConnector used before connect()');
    return this.#pglite;
  }

  #requireSession(): PostgresScanSession {
    if (!this.#session) throw new Error('PgliteConnector used before connect()');
    return this.#session;
  }

  protected mapError(error: unknown, _step: ConnectorStep, table?: TableMetadata): ConnectorError {
    return toPostgresConnectorError(error, {
      target: this.displayName,
      database: this.#config.database,
      table: table ? { schema: table.schema, name: table.name } : undefined,
      statementTimeoutSeconds: this.#statementTimeoutSeconds,
    });
  }
}

/** Refuses to open (and so silently create) a database where none exists. */
async function assertPgliteDataDir(dataDir: string): Promise<void> {
  const stat = await fs.stat(dataDir).catch(() => undefined);
  if (!stat) {
    throw new ConnectorError('unreachable', `No PGlite database at ${dataDir}`, {
      hint: 'Check the path (pglite:./dir), or use pglite:memory for an empty in-memory database.',
      code: 'ENOENT',
    });
  }
  const version = stat.isDirectory()
    ? await fs.readFile(path.join(dataDir, 'PG_VERSION'), 'utf8').catch(() => undefined)
    : undefined;
  if (version === undefined) {
    throw new ConnectorError('unreachable', `${dataDir} is not a PGlite data directory (no PG_VERSION file)`, {
      hint: 'Point pglite: at the directory PGlite was created with (new PGlite(dir)).',
      code: 'ENOTDIR',
    });
  }
}
