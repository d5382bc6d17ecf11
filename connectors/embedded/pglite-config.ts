/** The embedded Postgres (PGlite), in-process. */
export interface PgliteConfig {
  readonly engine: 'pglite';
  /** Data directory (absolute path), or undefined for an in-memory database. */
  readonly dataDir?: string;
  /** Database name inside the PGlite instance (default `postgres`). */
  readonly database?: string;
}

export function describePglite(config: PgliteConfig): string {
  return config.dataDir ? `pglite:${config.dataDir}` : 'pglite:memory';
}
