/**
 * Snowflake connection settings and the parser for `snowflake://ACCOUNT/DATABASE?warehouse=&role=&schema=`.
 * Secrets come from the environment (or the files they name), never from the URL's query string, and
 * are never printed. Importing this module does not load the driver.
 */
import { ExitCode, UserError } from '../../src/core/errors.js';
import { decodeUrlPart } from '../../src/util/percent-decode.js';

export type SnowflakeAuth =
  | { readonly method: 'password'; readonly password: string }
  | { readonly method: 'key-pair'; readonly privateKeyFile: string; readonly passphrase?: string }
  | { readonly method: 'oauth'; readonly token: string };

export interface SnowflakeConfig {
  readonly engine: 'snowflake';
  /** Account identifier (`myorg-myaccount` or `xy12345.eu-west-1`). */
  readonly account: string;
  readonly user: string;
  /** As written in the URL; Snowflake resolves unquoted names to upper case. */
  readonly database: string;
  readonly warehouse?: string;
  readonly role?: string;
  /** Only this schema is scanned when set. */
  readonly schema?: string;
  readonly auth: SnowflakeAuth;
  /** Run queries even when the warehouse is suspended (Snowflake then resumes it and bills for it). */
  readonly allowWarehouseResume: boolean;
  /** Also run SYSTEM$CLASSIFY per table and use its verdicts as evidence. */
  readonly useSnowflakeClassify: boolean;
  /**
   * Test and private-link override of the endpoint, e.g. `http://127.0.0.1:PORT` for the protocol
   * double in test/. Plain http is only accepted for loopback addresses.
   */
  readonly accessUrl?: string;
}

/** Settings given as command-line flags rather than in the URL. */
export interface SnowflakeFlags {
  readonly privateKeyFile?: string;
  readonly allowWarehouseResume?: boolean;
  readonly useSnowflakeClassify?: boolean;
}

/** Test hook (documented for tests, not for users): where the CLI finds the protocol double. */
export const ACCESS_URL_ENV = 'PIISCOUT_SNOWFLAKE_ACCESS_URL';

const FORMAT = 'snowflake://USER@ACCOUNT/DATABASE?warehouse=WH&role=ROLE&schema=SCHEMA';
const KNOWN_PARAMS = new Set(['warehouse', 'role', 'schema', 'authenticator', 'accessUrl']);

export function parseSnowflakeUrl(
  input: string,
  env: NodeJS.ProcessEnv,
  options: { passwordEnv?: string; flags?: SnowflakeFlags } = {},
): SnowflakeConfig {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw usage('Cannot parse the Snowflake URL', `Write it as ${FORMAT}`);
  }
  if (url.password) {
    throw usage('Do not put a Snowflake password in the URL', 'Set SNOWFLAKE_PASSWORD (or --password-env NAME) instead');
  }
  for (const key of url.searchParams.keys()) {
    if (!KNOWN_PARAMS.has(key)) throw usage(`Unknown Snowflake URL parameter '${key}'`, `Known: ${[...KNOWN_PARAMS].join(', ')}`);
  }
  const account = url.hostname.replace(/\.snowflakecomputing\.com$/i, '');
  if (!account) throw usage('Missing the Snowflake account in the URL', `Write it as ${FORMAT}`);
  const database = url.pathname.length > 1 ? decodeUrlPart(url.pathname.slice(1), 'database name') : '';
  if (!database || database.includes('/')) throw usage('The Snowflake URL must name exactly one database', `Write it as ${FORMAT}`);
  const user = url.username ? decodeUrlPart(url.username, 'user name') : env.SNOWFLAKE_USER;
  if (!user) throw usage('No Snowflake user given', 'Put it in the URL (snowflake://USER@ACCOUNT/DB) or set SNOWFLAKE_USER');

  const param = (name: string): string | undefined => url.searchParams.get(name) || undefined;
  const accessUrl = param('accessUrl') ?? (env[ACCESS_URL_ENV] || undefined);
  if (accessUrl) checkAccessUrl(accessUrl);
  return {
    engine: 'snowflake',
    account,
    user,
    database,
    warehouse: param('warehouse') ?? (env.SNOWFLAKE_WAREHOUSE || undefined),
    role: param('role') ?? (env.SNOWFLAKE_ROLE || undefined),
    schema: param('schema'),
    auth: chooseAuth(param('authenticator')?.toLowerCase(), env, options),
    allowWarehouseResume: options.flags?.allowWarehouseResume ?? false,
    useSnowflakeClassify: options.flags?.useSnowflakeClassify ?? false,
    ...(accessUrl ? { accessUrl } : {}),
  };
}

/**
 * Key pair when a key file is given, else OAuth when a token is set, else password. `authenticator=`
 * in the URL forces one (`snowflake`, `snowflake_jwt`, `oauth`).
 */
function chooseAuth(forced: string | undefined, env: NodeJS.ProcessEnv, options: { passwordEnv?: string; flags?: SnowflakeFlags }): SnowflakeAuth {
  if (forced !== undefined && !['snowflake', 'snowflake_jwt', 'oauth'].includes(forced)) {
    throw usage(`Unsupported Snowflake authenticator '${forced}'`, 'Use snowflake (password), snowflake_jwt (key pair) or oauth');
  }
  const keyFile = options.flags?.privateKeyFile ?? (env.SNOWFLAKE_PRIVATE_KEY_FILE || undefined);
  const token = env.SNOWFLAKE_OAUTH_TOKEN || undefined;
  const method = forced ?? (keyFile ? 'snowflake_jwt' : token ? 'oauth' : 'snowflake');
  if (method === 'snowflake_jwt') {
    if (!keyFile) throw usage('Key-pair authentication needs --private-key-file FILE', 'or set SNOWFLAKE_PRIVATE_KEY_FILE');
    const passphrase = env.SNOWFLAKE_PRIVATE_KEY_PASSPHRASE || undefined;
    return { method: 'key-pair', privateKeyFile: keyFile, ...(passphrase ? { passphrase } : {}) };
  }
  if (method === 'oauth') {
    if (!token) throw usage('OAuth authentication needs SNOWFLAKE_OAUTH_TOKEN', 'export SNOWFLAKE_OAUTH_TOKEN=... before running');
    return { method: 'oauth', token };
  }
  const variable = options.passwordEnv ?? 'SNOWFLAKE_PASSWORD';
  const password = env[variable];
  if (password === undefined || password === '') {
    throw usage(
      `No Snowflake credentials: ${variable} is not set`,
      'Set SNOWFLAKE_PASSWORD, or use --private-key-file FILE (key pair) or SNOWFLAKE_OAUTH_TOKEN (OAuth)',
    );
  }
  return { method: 'password', password };
}

/** Plain http would send credentials in clear text: only allowed to this machine (the test double). */
function checkAccessUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usage(`Not a URL: ${value}`, 'Write the access URL as https://host or http://127.0.0.1:PORT');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return;
  throw usage(`Refusing Snowflake access URL ${url.protocol}//${url.host}`, 'Use https, or http only for 127.0.0.1/localhost');
}

/** Printable description without secrets. */
export function describeSnowflake(config: SnowflakeConfig): string {
  const params = new URLSearchParams();
  if (config.warehouse) params.set('warehouse', config.warehouse);
  if (config.role) params.set('role', config.role);
  if (config.schema) params.set('schema', config.schema);
  const query = params.size > 0 ? `?${params}` : '';
  return `snowflake://${encodeURIComponent(config.user)}@${config.account}/${encodeURIComponent(config.database)}${query}`;
}

/** Rejects Snowflake-only flags on other engines, so a typo does not silently do nothing. */
export function checkSnowflakeFlags(engine: string, flags: SnowflakeFlags): void {
  if (engine === 'snowflake') return;
  const given = Object.entries({
    '--private-key-file': flags.privateKeyFile,
    '--allow-warehouse-resume': flags.allowWarehouseResume,
    '--use-snowflake-classify': flags.useSnowflakeClassify,
  }).filter(([, v]) => v);
  if (given.length > 0) {
    throw usage(`${given.map(([k]) => k).join(', ')} only appl${given.length === 1 ? 'ies' : 'y'} to snowflake:// connections`, 'Drop the flag');
  }
}

function usage(message: string, hint: string): UserError {
  return new UserError(message, { hint, exitCode: ExitCode.usage });
}
