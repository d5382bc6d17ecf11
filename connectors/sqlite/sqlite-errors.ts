/**
 * Maps better-sqlite3 errors onto ConnectorError kinds, with our own message (the file, what was
 * being done, the result code) and never SQLite's: its messages can quote data (a view's
 * `json_extract(doc, path_column)` fails with "bad JSON path: '<the value>'").
 */
import { ConnectorError, type ConnectorErrorKind } from '../../src/core/errors.js';

/** The part of better-sqlite3's SqliteError we rely on (`code` is the extended result code name). */
interface SqliteErrorLike {
  readonly message: string;
  readonly code?: string;
}

function isSqliteErrorLike(error: unknown): error is SqliteErrorLike {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** The primary result code (`SQLITE_BUSY` for `SQLITE_BUSY_SNAPSHOT` and friends). */
function primaryCode(code: string): string {
  const match = /^SQLITE_[A-Z]+/.exec(code);
  return match ? match[0] : code;
}

/**
 * Converts a driver error into a ConnectorError.
 * @param file the database file, for the message
 * @param subject what was being done, e.g. `reading main.users`
 */
export function toSqliteConnectorError(error: unknown, file: string, subject: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (!isSqliteErrorLike(error)) {
    // Not from SQLite (a conversion in the driver, say): its message may hold a value too.
    const name = error instanceof Error ? error.name : typeof error;
    return new ConnectorError('query', `Unexpected ${name} while ${subject} in ${file}`);
  }
  const code = error.code ?? 'SQLITE_ERROR';
  // No `cause`: the driver error's message could be printed by whoever inspects ours.
  const build = (kind: ConnectorErrorKind, message: string, hint?: string): ConnectorError => new ConnectorError(kind, message, { hint, code });
  switch (primaryCode(code)) {
    case 'SQLITE_NOTADB':
      return build('unknown-database', `${file} is not a SQLite database (file is not a database)`, 'Check the path: sqlite: expects a SQLite 3 database file');
    case 'SQLITE_CANTOPEN':
      return build('unreachable', `Cannot open SQLite database ${file} (${code})`, 'Check that the file exists and is readable');
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return build('timeout', `SQLite database ${file} is locked by another connection while ${subject}`, 'Wait for the writer to finish, raise --timeout, or scan a copy of the file');
    case 'SQLITE_INTERRUPT':
      return build('timeout', `SQLite query interrupted while ${subject}`);
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return build('permission', `SQLite refused the operation while ${subject} (${code}): the database is opened read-only`);
    case 'SQLITE_CORRUPT':
      return build('query', `SQLite database ${file} is corrupt (${code}) while ${subject}`, 'Run `sqlite3 <file> "PRAGMA integrity_check"`');
    default:
      return build(
        'query',
        `SQLite error while ${subject} (${code}); SQLite's message is not shown, as it may quote data`,
        'A view may reference a missing table or function, or use something an untrusted schema may not (trusted_schema is off); exclude it, or read it with sqlite3 to see the message',
      );
  }
}

/** The file is missing (or is a directory): never let SQLite create it. */
export function missingFileError(file: string, reason: 'missing' | 'directory'): ConnectorError {
  return reason === 'missing'
    ? new ConnectorError('unreachable', `SQLite database file not found: ${file}`, {
        hint: 'Check the path (relative paths are resolved from the current directory); piiscout never creates database files',
        code: 'ENOENT',
      })
    : new ConnectorError('unreachable', `SQLite path is a directory, not a database file: ${file}`, {
        hint: 'Point sqlite: at the database file itself',
        code: 'EISDIR',
      });
}
