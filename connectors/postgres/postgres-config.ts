/** Connection settings for PostgreSQL (and anything speaking its protocol). */
export interface PostgresConfig {
  readonly engine: 'postgres';
  readonly host: string;
  readonly port: number;
  readonly user?: string;
  /** Never printed. */
  readonly password?: string;
  readonly database?: string;
  /** `disable` | `require` | `no-verify` (require TLS, skip certificate checks). */
  readonly ssl?: 'disable' | 'require' | 'no-verify';
}
