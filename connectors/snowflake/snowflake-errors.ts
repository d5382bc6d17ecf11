/**
 * Maps snowflake-sdk errors onto ConnectorError kinds with a one-line message and a hint.
 * Server codes arrive as strings ('390100', '002003'), driver codes as numbers (401001). Server
 * messages are only echoed for compilation and access errors, which name objects, never values.
 */
import { ConnectorError } from '../../src/core/errors.js';
import { tableId } from '../../src/core/metadata.js';
import { quoteSnowflakeIdentifier } from './snowflake-sql.js';

export interface SnowflakeErrorContext {
  readonly account: string;
  readonly user: string;
  readonly database: string;
  readonly warehouse?: string;
  readonly role?: string;
  readonly table?: { readonly schema: string; readonly name: string };
  readonly statementTimeoutSeconds?: number;
}

/** Login failures: bad password (390100), bad JWT (390144), bad or expired OAuth token (390303, 390318). */
const AUTH_CODES = new Set(['390100', '390144', '390303', '390318', '390102', '390432']);
/** Driver codes for "could not reach the server". */
const NETWORK_CODES = new Set(['401001', '402001', 'ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT']);
const SUSPENDED = /warehouse .* is suspended|no active warehouse/i;

export function toSnowflakeConnectorError(error: unknown, context: SnowflakeErrorContext): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const code = errorCode(error);
  const sqlState = typeof (error as { sqlState?: unknown })?.sqlState === 'string' ? (error as { sqlState: string }).sqlState : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const where = context.table ? ` reading ${tableId(context.table)}` : '';
  const target = `Snowflake account ${context.account}`;

  if (code && NETWORK_CODES.has(code)) {
    return new ConnectorError('unreachable', `Cannot reach ${target} (${code})`, {
      hint: 'Check the account identifier (orgname-accountname or locator.region) and your network or proxy.',
      code,
      cause: error,
    });
  }
  if (code && AUTH_CODES.has(code)) {
    return new ConnectorError('auth', `Authentication failed for user ${context.user} at ${target} (${code})`, {
      hint: 'Check SNOWFLAKE_PASSWORD, the --private-key-file and its registered public key, or SNOWFLAKE_OAUTH_TOKEN.',
      code,
      cause: error,
    });
  }
  if (code === '390201') {
    return new ConnectorError('unknown-database', `Database ${context.database} does not exist at ${target} or role ${context.role ?? '(default)'} may not use it`, {
      hint: 'Check the database name (unquoted names are upper-cased) and GRANT USAGE ON DATABASE to the scanning role.',
      code,
      cause: error,
    });
  }
  if (SUSPENDED.test(message) || code === '000606') {
    return suspendedWarehouseError(context.warehouse, { code, cause: error });
  }
  if (code === '000630' || sqlState === '57014') {
    const limit = context.statementTimeoutSeconds !== undefined ? ` of ${context.statementTimeoutSeconds} s` : '';
    return new ConnectorError('timeout', `Statement timeout${limit} exceeded${where}`, {
      hint: 'Raise --statement-timeout, or exclude the table.',
      code,
      cause: error,
    });
  }
  if (code === '002003' || code === '003001') {
    return new ConnectorError('permission', `Not authorized${where}: ${firstLine(message)}`, {
      hint: context.table ? grantHint(context.table, context.database, context.role) : 'GRANT USAGE on the database and schemas to the scanning role.',
      code,
      cause: error,
    });
  }
  // Compilation errors (0020xx, 0010xx) name objects, not data; anything else is summarised by code.
  const safe = code !== undefined && /^00[12]\d{3}$/.test(code);
  return new ConnectorError('query', `Snowflake error ${code ?? '(no code)'}${where}${safe ? `: ${firstLine(message)}` : ''}`, {
    hint: code ? 'Look the code up in the Snowflake documentation, or rerun with --verbose.' : undefined,
    code,
    cause: error,
  });
}

export function suspendedWarehouseError(warehouse: string | undefined, options: { code?: string; cause?: unknown; autoResume?: boolean } = {}): ConnectorError {
  const name = warehouse ?? '(the default warehouse)';
  const hint =
    options.autoResume === false
      ? `Its AUTO_RESUME is off: ask its owner to run ALTER WAREHOUSE ${name} RESUME, or scan with another warehouse (?warehouse=).`
      : 'Resume it yourself, pass --allow-warehouse-resume to let Snowflake resume it (this bills credits), or choose another with ?warehouse=.';
  return new ConnectorError('unreachable', `Snowflake warehouse ${name} is suspended; piiscout does not resume warehouses by default`, {
    hint,
    code: options.code ?? 'WAREHOUSE_SUSPENDED',
    cause: options.cause,
  });
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== '') return code;
  if (typeof code === 'number') return String(code);
  return undefined;
}

function grantHint(table: { schema: string; name: string }, database: string, role: string | undefined): string {
  const r = role ?? '<scanning role>';
  const qualified = [database, table.schema, table.name].map(quoteSnowflakeIdentifier).join('.');
  return `GRANT SELECT ON TABLE ${qualified} TO ROLE ${r}; (plus USAGE on its database and schema)`;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
