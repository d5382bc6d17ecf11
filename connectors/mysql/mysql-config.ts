/** Connection settings for MySQL 8 and MariaDB 10.11+. */
export interface MysqlConfig {
  readonly engine: 'mysql';
  readonly host: string;
  readonly port: number;
  readonly user?: string;
  /** Never printed. */
  readonly password?: string;
  /** Optional: the scan walks every database the user may read; this one is only the session default. */
  readonly database?: string;
  readonly ssl?: boolean;
}

/** Where the config points, without the password. */
export function describeMysql(config: MysqlConfig): string {
  return `mysql://${config.user ? encodeURIComponent(config.user) + '@' : ''}${config.host}:${config.port}/${config.database ?? ''}`;
}
