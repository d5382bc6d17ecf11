/**
 * Maps mysql2 errors to ConnectorError kinds with a one-line message and a hint.
 * Messages are built here from identifiers we know (host, user, database, table) and the error's
 * code, never from the driver's SQL text, password or server message: a server message can carry
 * data (a SIGNAL in a view's function sets MESSAGE_TEXT to anything, conversion errors quote values).
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
const ER_VIEW_INVALID = 1356;
const ER_SIGNAL_EXCEPTION = 1644;
const ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION = 1792;

const ERRNOS_FATAL_TO_THE_SCAN = new Set([ER_ACCESS_DENIED_ERROR, ER_HOST_NOT_PRIVILEGED, ER_BAD_DB_ERROR]);

function tableLevelErrno(errno: number | undefined): number | undefined {
  return errno !== undefined && ERRNOS_FATAL_TO_THE_SCAN.has(errno) ? undefined : errno;
}

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
  // Reading a table can run SQL code of the database (a view's functions), and SIGNAL may raise any
  // error number: inside a table's read, errors that would end the whole scan stay with the table.
  const fatalKindsAllowed = context.table === undefined;
  switch (fatalKindsAllowed ? errno : tableLevelErrno(errno)) {
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
    case ER_VIEW_INVALID:
      return new ConnectorError('query', `Cannot read ${subject}: it references a table, column or function that is missing or that its definer may not use`, {
        code: codeLabel,
        hint: 'Fix or drop the view, or exclude it',
      });
    case ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION:
      return new ConnectorError('query', context.table ? `Reading ${subject} tried to change data (a function it calls writes); the read-only transaction refused it` : `The read-only session on ${context.server} refused a change`, {
        code: codeLabel,
        hint: 'piiscout only reads: exclude the view, or ask its owner why reading it writes',
      });
    case ER_SIGNAL_EXCEPTION:
      return new ConnectorError('query', `Reading ${subject} raised an error from SQL code in the database (SIGNAL); its message is not shown, as it may hold data`, {
        code: codeLabel,
        hint: 'Exclude the object, or read it yourself to see the message',
      });
  }
  const action = context.phase === 'connect' ? `Setting up the session on ${context.server}` : `Query on ${subject}`;
  return new ConnectorError('query', `${action} failed (${codeLabel}); the server's message is not shown, as it may quote data`, { code: codeLabel });
}
