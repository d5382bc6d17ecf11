/** A SQLite database file, always opened read-only. */
export interface SqliteConfig {
  readonly engine: 'sqlite';
  /** Absolute path of the database file. */
  readonly file: string;
}

export function describeSqlite(config: SqliteConfig): string {
  return `sqlite:${config.file}`;
}
