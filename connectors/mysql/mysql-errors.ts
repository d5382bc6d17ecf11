/**
 * Maps mysql2 errors to ConnectorError kinds with a one-line message and a hint.
 * Messages are built here from identifiers we know (host, user, database, table), never from the
 * driver's SQL text or password; for unclassified SQL errors the server message is included with
 * quoted literals blanked out, since conversion errors can quote a value.
 */
import { ConnectorError } from '../../src/core/errors.js';

export interface MysqlErrorContext {
  /** `host:port`, for messages. */
  readonly server: string;
  readonly user?: string;
  readonly database?: string;
  /** `schema.table` when the failure belongs to one table. */
  readonly table?: string;
  /** Connecting (session set-up) or running a catalog/sampling query. */
  readonly phase: 'connect' | 'query';
}

/** Driver error fields we read; mysql2 errors carry `code` (name) and `errno` (server number). */
interface MysqlDriverError {
  readonly code?: unknown;
  readonly errno?: unknown;
  readonly sqlMessage?: unknown;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const CONNECTION_LOST_CODES = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'ER_SERVER_SHUTDOWN']);

// Server error numbers (MySQL and MariaDB share these unless noted).
const ER_DBACCESS_DENIED_ERROR = 1044;
const ER_ACCESS_DENIED_ERROR = 1045;
const ER_BAD_DB_ERROR = 1049;
const ER_HOST_NOT_PRIVILEGED = 1130;
const ER_TABLEACCESS_DENIED_ERROR = 1142;
const ER_COLUMNACCESS_DENIED_ERROR = 1143;
const ER_SPECIFIC_ACCESS_DENIED_ERROR = 1227;
const ER_QUERY_TIMEOUT = 3024; // MySQL max_execution_time
const ER_STATEMENT_TIMEOUT = 1969; // MariaDB max_statement_time

export function mapMysqlError(error: unknown, context: MysqlErrorContext): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const driver = (typeof error === 'object' && error !== null ? error : {}) as MysqlDriverError;
  const code = typeof driver.code === 'string' ? driver.code : undefined;
  const errno = typeof driver.errno === 'number' ? driver.errno : undefined;
  const codeLabel = code ?? (errno !== undefined ? `errno ${errno}` : 'unknown');
  const user = context.user ? `'${context.user}'` : 'the current user';
  const subject = context.table ? `table ${context.table}` : `server ${context.server}`;

  if (code && UNREACHABLE_CODES.has(code)) {
    return new ConnectorError('unreachable', `Cannot reach MySQL/MariaDB at ${context.server} (${code})`, {
      code,
      hint: 'Check host and port, that the server is running and listens on TCP, and any firewall in between',
    });
  }
  if (code && CONNECTION_LOST_CODES.has(code)) {
    return new ConnectorError('connection-lost', `Lost the connection to ${context.server} (${code})`, {
      code,
      hint: 'The server closed the connection (restart, wait_timeout or a proxy); run the scan again',
    });
  }
  switch (errno) {
    case ER_ACCESS_DENIED_ERROR:
    case ER_HOST_NOT_PRIVILEGED:
      return new ConnectorError('auth', `Access denied for user ${user} at ${context.server}`, {
        code: codeLabel,
        hint: 'Check the user name and password; pass the password in MYSQL_PWD or name a variable with --password-env',
      });
    case ER_BAD_DB_ERROR:
      return new ConnectorError('unknown-database', `Database '${context.database ?? ''}' does not exist on ${context.server}`, {
        code: codeLabel,
        hint: 'Fix the database name in the connection string, or leave it out: every database the user may read is scanned',
      });
    case ER_DBACCESS_DENIED_ERROR:
      // At connect time it is the default database in the URL the user may not use: fatal, like bad credentials.
      return new ConnectorError(context.phase === 'connect' ? 'auth' : 'permission', `User ${user} may not use database '${context.database ?? ''}' on ${context.server}`, {
        code: codeLabel,
        hint: 'Leave the database out of the connection string (every readable database is scanned) or GRANT SELECT ON `db`.* to the user',
      });
    case ER_TABLEACCESS_DENIED_ERROR:
    case ER_COLUMNACCESS_DENIED_ERROR:
    case ER_SPECIFIC_ACCESS_DENIED_ERROR:
      return new ConnectorError('permission', `User ${user} may not read ${subject}`, {
        code: codeLabel,
        hint: 'GRANT SELECT on the table (or database) to the scanning user, or exclude the table',
      });
    case ER_QUERY_TIMEOUT:
    case ER_STATEMENT_TIMEOUT:
      return new ConnectorError('timeout', `Statement timeout reading ${subject}`, {
        code: codeLabel,
        hint: 'Raise the statement timeout, or exclude the table',
      });
  }
  const serverMessage = typeof driver.sqlMessage === 'string' ? `: ${blankQuotedLiterals(driver.sqlMessage)}` : '';
  return new ConnectorError('query', `Query on ${subject} failed (${codeLabel})${serverMessage}`, { code: codeLabel });
}

/** Replaces '…' and "…" spans (where server messages quote values) with '?'. */
function blankQuotedLiterals(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.replace(/'(?:[^'\\]|\\.|'')*'/g, "'?'").replace(/"(?:[^"\\]|\\.|"")*"/g, '"?"').slice(0, 200);
}
