/**
 * Maps `pg` and PGlite errors onto ConnectorError kinds with a one-line message and a hint.
 * Server messages are only echoed for error classes that describe identifiers or resources
 * (never `detail`/`where`, and never data-exception texts, which can quote a value).
 */
import { ConnectorError } from '../../src/core/errors.js';
import { tableId } from '../../src/core/metadata.js';
import { quoteIdentifier } from './postgres-sampler.js';

export interface PostgresErrorContext {
  /** `host:port`, or a description of the embedded database. */
  readonly target: string;
  readonly user?: string;
  readonly database?: string;
  /** Set when the error came from reading one table. */
  readonly table?: { readonly schema: string; readonly name: string };
  readonly statementTimeoutSeconds?: number;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ENETUNREACH', 'EAI_AGAIN']);
const CONNECTION_LOST_CODES = new Set(['57P01', '57P02', '57P03', '08006', '08003', '08000', 'ECONNRESET', 'EPIPE']);
/** SQLSTATE classes whose messages name objects or limits, not data: safe to echo. */
const SAFE_MESSAGE_CLASSES = new Set(['0A', '25', '40', '42', '53', '54', '55', '57', '58', 'F0', 'HV']);

export function toPostgresConnectorError(error: unknown, context: PostgresErrorContext): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const where = context.table ? ` reading ${tableId(context.table)}` : '';

  if (code && NETWORK_CODES.has(code)) {
    return new ConnectorError('unreachable', `Cannot reach PostgreSQL at ${context.target} (${code})`, {
      hint: 'Is the server running and accepting TCP connections? Check the host and port.',
      code,
      cause: error,
    });
  }
  if (code === '28P01' || code === '28000' || /SASL|client password must be a string/.test(message)) {
    return new ConnectorError('auth', `Authentication failed for user ${context.user ?? '(default)'} at ${context.target}`, {
      hint: 'Set PGPASSWORD or pass --password-env NAME; check the user name and pg_hba.conf.',
      code: code ?? '28P01',
      cause: error,
    });
  }
  if (code === '3D000') {
    return new ConnectorError('unknown-database', `Database ${context.database ?? '(default)'} does not exist at ${context.target}`, {
      hint: 'Check the database name in the connection string (psql -l lists them).',
      code,
      cause: error,
    });
  }
  if (code === '42501') {
    return new ConnectorError('permission', `Permission denied${where}: ${message}`, {
      hint: context.table
        ? grantHint(context.table, context.user)
        : 'Grant the scanning user CONNECT on the database and SELECT on the tables to scan.',
      code,
      cause: error,
    });
  }
  if (code === '57014') {
    const limit = context.statementTimeoutSeconds !== undefined ? ` of ${context.statementTimeoutSeconds} s` : '';
    return new ConnectorError('timeout', `Statement timeout${limit} exceeded${where}`, {
      hint: 'Raise --statement-timeout, or exclude the table.',
      code,
      cause: error,
    });
  }
  if ((code && CONNECTION_LOST_CODES.has(code)) || /Connection terminated|terminating connection/i.test(message)) {
    return new ConnectorError('connection-lost', `Lost the connection to PostgreSQL at ${context.target}${where}`, {
      hint: 'The server closed the session; check the server log, then retry.',
      code,
      cause: error,
    });
  }
  if (code === '53300') {
    return new ConnectorError('unreachable', `PostgreSQL at ${context.target} has too many connections`, {
      hint: 'Lower --concurrency or free connections on the server.',
      code,
      cause: error,
    });
  }
  if (/does not support SSL|self[- ]signed certificate|certificate/i.test(message) && !code?.match(/^[0-9A-Z]{5}$/)) {
    return new ConnectorError('unreachable', `TLS negotiation with PostgreSQL at ${context.target} failed`, {
      hint: 'Check sslmode: use sslmode=disable for servers without TLS, or sslmode=no-verify for self-signed certificates.',
      code,
      cause: error,
    });
  }
  const isSqlState = code !== undefined && /^[0-9A-Z]{5}$/.test(code);
  const safe = isSqlState && SAFE_MESSAGE_CLASSES.has(code.slice(0, 2));
  const text = safe ? `: ${firstLine(message)}` : '';
  return new ConnectorError(code === '0A000' ? 'unsupported' : 'query', `PostgreSQL error ${code ?? '(no code)'}${where}${text}`, {
    hint: isSqlState ? `See SQLSTATE ${code} in the PostgreSQL documentation (Appendix A).` : undefined,
    code,
    cause: error,
  });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  // AggregateError from a dual-stack connect (ECONNREFUSED on ::1 and 127.0.0.1).
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const code = errorCode(inner);
      if (code) return code;
    }
  }
  return undefined;
}

function grantHint(table: { schema: string; name: string }, user: string | undefined): string {
  const role = user ? quoteIdentifier(user) : '<scanning user>';
  const schema = quoteIdentifier(table.schema);
  return `GRANT USAGE ON SCHEMA ${schema} TO ${role}; GRANT SELECT ON ${schema}.${quoteIdentifier(table.name)} TO ${role};`;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
