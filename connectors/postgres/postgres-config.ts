/** Connection settings for PostgreSQL (and anything speaking its protocol), and its URL options. */
import { ExitCode, UserError } from '../../src/core/errors.js';
import { closest, didYouMean } from '../../src/util/did-you-mean.js';

/**
 * TLS, from `sslmode`: `disable` plaintext; `verify-full` TLS with the certificate and host name
 * checked (Node's CAs plus NODE_EXTRA_CA_CERTS); `verify-ca` the certificate but not the host name;
 * `no-verify` TLS without checks (a self-signed test server).
 */
export type PostgresSsl = 'disable' | 'verify-full' | 'verify-ca' | 'no-verify';

export interface PostgresConfig {
  readonly engine: 'postgres';
  readonly host: string;
  readonly port: number;
  readonly user?: string;
  /** Never printed. */
  readonly password?: string;
  readonly database?: string;
  readonly ssl?: PostgresSsl;
}

/**
 * `sslmode` values and what piiscout does with each. Like `pg` today (which warns that it treats
 * prefer, require and verify-ca as verify-full), and unlike libpq, nothing ever falls back to
 * plaintext and prefer/require check the certificate: a server without TLS, or with a self-signed
 * certificate, fails with a hint instead. `allow` is libpq's first attempt: plaintext (libpq would
 * try TLS only if the server refused that). `no-verify` is pg's own value.
 */
export const SSL_MODES: Readonly<Record<string, PostgresSsl>> = {
  disable: 'disable',
  allow: 'disable',
  prefer: 'verify-full',
  require: 'verify-full',
  'verify-ca': 'verify-ca',
  'verify-full': 'verify-full',
  'no-verify': 'no-verify',
};

const MODE_LIST = Object.keys(SSL_MODES).join(', ');

/**
 * Reads the query string of a postgres:// URL. Only `sslmode` is understood; anything else (a
 * typo, `ssl=true`, another libpq option) is a usage error rather than silently ignored, since an
 * ignored TLS option means a plaintext connection.
 */
export function parsePostgresUrlOptions(params: URLSearchParams): { ssl: PostgresSsl } {
  for (const key of new Set(params.keys())) {
    if (key === 'sslmode') continue;
    const suggestion = key.toLowerCase() === 'ssl' ? "did you mean 'sslmode=verify-full'?" : didYouMean(closest(key, ['sslmode']));
    // A name only, and only one that looks like an option: a stray '&' in a password makes keys too.
    const name = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(key) ? `'${key}'` : '(not shown)';
    throw usage(`Unknown option ${name} in the PostgreSQL connection string${suggestion ? `; ${suggestion}` : ''}`, `piiscout reads only sslmode (${MODE_LIST}) from it`);
  }
  const modes = params.getAll('sslmode');
  if (modes.length === 0) return { ssl: 'disable' };
  if (modes.length > 1) throw usage('sslmode is given more than once in the PostgreSQL connection string', `Give one of ${MODE_LIST}`);
  const ssl = SSL_MODES[modes[0]];
  if (!ssl) {
    const suggestion = didYouMean(closest(modes[0], Object.keys(SSL_MODES)));
    throw usage(`Unknown sslmode '${modes[0]}'${suggestion ? `; ${suggestion}` : ''}`, `Give one of ${MODE_LIST}`);
  }
  return { ssl };
}

/** Where the config points, without the password. */
export function describePostgres(config: PostgresConfig): string {
  return `postgres://${config.user ? encodeURIComponent(config.user) + '@' : ''}${config.host}:${config.port}/${config.database ?? ''}`;
}

/** The `ssl` option of a `pg` pool for a mode. */
export function pgSslOption(ssl: PostgresSsl | undefined): boolean | { rejectUnauthorized: boolean; checkServerIdentity?: () => undefined } {
  switch (ssl) {
    case 'verify-full':
      return { rejectUnauthorized: true };
    case 'verify-ca':
      return { rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'no-verify':
      return { rejectUnauthorized: false };
    default:
      return false;
  }
}

function usage(message: string, hint: string): UserError {
  return new UserError(message, { hint, exitCode: ExitCode.usage });
}
