/**
 * Maps `pg` and PGlite errors onto ConnectorError kinds with a one-line message and a hint of our
 * own. The server's text (message, detail, hint, where) is never repeated: any SQLSTATE can be
 * raised by a function of the scanned database with a value in its message (a view's function
 * raising 42P01 'relation <email> does not exist'), so only the code, its name and the object we
 * were reading are shown.
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
const CONNECTION_LOST_CODES = new Set(['57P01', '57P02', '57P03', '57P05', '08006', '08003', '08000', 'ECONNRESET', 'EPIPE']);

/** Condition names (PostgreSQL documentation, Appendix A) for the codes a scan is likely to meet. */
const CONDITION_NAMES: Readonly<Record<string, string>> = {
  '0A000': 'feature not supported',
  '22P02': 'invalid text representation',
  '25006': 'read-only sql transaction',
  '2BP01': 'dependent objects still exist',
  '42501': 'insufficient privilege',
  '42601': 'syntax error',
  '42703': 'undefined column',
  '42704': 'undefined object',
  '42809': 'wrong object type',
  '42883': 'undefined function',
  '42P01': 'undefined table',
  '53200': 'out of memory',
  '54000': 'program limit exceeded',
  '54001': 'statement too complex',
  '55P03': 'lock not available',
  '58P01': 'undefined file',
  P0001: 'raise exception',
  XX000: 'internal error',
};

/** Class names (the first two characters of a SQLSTATE), for codes not named above. */
const CLASS_NAMES: Readonly<Record<string, string>> = {
  '0A': 'feature not supported',
  '22': 'data exception',
  '23': 'integrity constraint violation',
  '25': 'invalid transaction state',
  '2F': 'SQL routine exception',
  '38': 'external routine exception',
  '39': 'external routine invocation exception',
  '40': 'transaction rollback',
  '42': 'syntax error or access rule violation',
  '53': 'insufficient resources',
  '54': 'program limit exceeded',
  '55': 'object not in prerequisite state',
  '57': 'operator intervention',
  '58': 'system error',
  F0: 'configuration file error',
  HV: 'foreign data wrapper error',
  P0: 'PL/pgSQL error',
  XX: 'internal error',
};

/** `42P01 (undefined table)`: the code and its documented name, never the server's message. */
export function describeSqlState(code: string): string {
  const name = CONDITION_NAMES[code] ?? CLASS_NAMES[code.slice(0, 2)];
  return name ? `${code} (${name})` : code;
}

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
    return new ConnectorError('permission', `Permission denied${where}`, {
      hint: context.table
        ? grantHint(context.table, context.user)
        : 'Grant the scanning user CONNECT on the database and SELECT on the tables to scan.',
      code,
      cause: error,
    });
  }
  if (code === '55P03') {
    return new ConnectorError('timeout', `Lock timeout${where}: another session holds a lock on it`, {
      hint: 'Something (ALTER TABLE, VACUUM FULL, LOCK TABLE, ...) held the table; scan again later, or exclude it.',
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
  if (code === '25P03') {
    // The session's idle_in_transaction_session_timeout is the statement timeout (postgres-session.ts).
    const limit = context.statementTimeoutSeconds !== undefined ? ` of ${context.statementTimeoutSeconds} s` : '';
    return new ConnectorError('connection-lost', `PostgreSQL ended the session${where}: idle in its transaction past the timeout${limit}`, {
      hint: 'This process was busy for that long between two statements (a loaded machine?); raise --statement-timeout or lower --concurrency.',
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
      hint: 'Check sslmode: sslmode=disable for a server without TLS, sslmode=no-verify for a self-signed certificate, or NODE_EXTRA_CA_CERTS=ca.pem for a private CA.',
      code,
      cause: error,
    });
  }
  const isSqlState = code !== undefined && /^[0-9A-Z]{5}$/.test(code);
  return new ConnectorError(code === '0A000' ? 'unsupported' : 'query', `PostgreSQL error ${isSqlState ? describeSqlState(code) : (code ?? '(no code)')}${where}`, {
    hint: isSqlState
      ? `See SQLSTATE ${code} in the PostgreSQL documentation (Appendix A); the server log has its message, which is not shown here as it can quote data.`
      : 'The driver gave no error code; check the server log.',
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

