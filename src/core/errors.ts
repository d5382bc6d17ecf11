/**
 * Error types. A UserError is an expected failure (bad input, unreachable host, ...): the CLI prints
 * its one-line message and hint, never a stack. Anything else is a bug: the CLI prints the stack and
 * asks for a report. Messages must never contain sampled values or passwords.
 */

export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  partial: 3,
  internal: 70,
} as const;

export class UserError extends Error {
  readonly hint?: string;
  readonly exitCode: number;
  constructor(message: string, options: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? ExitCode.failed;
  }
}

/** What went wrong talking to a database; decides whether the whole scan or one table fails. */
export type ConnectorErrorKind =
  | 'unreachable' // host/port/file not reachable
  | 'auth' // bad credentials
  | 'unknown-database'
  | 'permission' // not allowed to read (one table: skip it)
  | 'timeout' // statement timeout (one table: skip it)
  | 'connection-lost' // retryable
  | 'unsupported' // e.g. a type or feature we cannot handle
  | 'query'; // any other SQL error

export class ConnectorError extends UserError {
  readonly kind: ConnectorErrorKind;
  /** Driver error code (SQLSTATE, errno name), for logs and tests. */
  readonly code?: string;
  constructor(kind: ConnectorErrorKind, message: string, options: { hint?: string; code?: string; cause?: unknown } = {}) {
    super(message, { hint: options.hint, cause: options.cause });
    this.name = 'ConnectorError';
    this.kind = kind;
    this.code = options.code;
  }
}

/** Errors that affect one table only; the scan records them and carries on. */
export function isTableLevel(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError && (error.kind === 'permission' || error.kind === 'timeout' || error.kind === 'query' || error.kind === 'unsupported');
}
