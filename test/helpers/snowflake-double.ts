/**
 * A test double for the parts of Snowflake's REST protocol that piiscout's connector uses, as read
 * from snowflake-sdk 3.3's source (dist/lib/services/sf.js, connection/statement.js,
 * connection/result/*.js, authentication/*.js). It is an HTTP server on 127.0.0.1 with an in-memory
 * catalog of one database, and it answers:
 *
 * - `POST /session/v1/login-request`: password, key-pair (RS256 JWT, checked against the public key
 *   and its SHA256 fingerprint) and OAuth logins; 390100 / 390144 / 390303 on bad credentials,
 *   390201 for an unknown database. Unquoted names resolve upper-case, quoted ones exactly.
 * - `POST /queries/v1/query-request`: a small SQL router that recognises exactly the statements the
 *   connector sends (CURRENT_*() context, SHOW WAREHOUSES LIKE, ALTER SESSION SET, INFORMATION_SCHEMA
 *   SCHEMATA/TABLES/COLUMNS, SHOW PRIMARY/IMPORTED KEYS, `SELECT LEFT(TO_VARCHAR("c"), n) … SAMPLE (n ROWS)`,
 *   SYSTEM$CLASSIFY) and returns inline JSON row sets with a rowtype; anything else is a 001003
 *   syntax error, so an unexpected statement fails the test. Errors: 002003 (object does not exist or
 *   not authorized), 000606 (no active / suspended warehouse), 000630 (statement timeout).
 * - `POST /telemetry/send`, `POST /session/heartbeat`, `POST /session?delete=true`.
 *
 * Request bodies arrive gzip-compressed; replies must be `application/json`. Every statement is
 * recorded with the session settings in force, so tests can count queries and check QUERY_TAG.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export interface DoubleColumn {
  readonly name: string;
  /** INFORMATION_SCHEMA DATA_TYPE: NUMBER, FLOAT, TEXT, BOOLEAN, DATE, TIMESTAMP_NTZ, VARIANT, OBJECT, ARRAY, BINARY. */
  readonly type: string;
  readonly scale?: number;
  readonly nullable?: boolean;
  readonly comment?: string;
}

export interface DoubleClassification {
  readonly semantic_category: string;
  readonly privacy_category: string;
  readonly confidence: 'HIGH' | 'MEDIUM' | 'LOW';
  readonly coverage?: number;
}

export interface DoubleTable {
  readonly schema: string;
  readonly name: string;
  readonly kind?: 'BASE TABLE' | 'VIEW';
  readonly comment?: string;
  readonly columns: readonly DoubleColumn[];
  /** Row values in column order: strings, numbers, booleans, Date (DATE columns), objects/arrays (VARIANT), null. */
  readonly rows: readonly (readonly unknown[])[];
  readonly primaryKey?: readonly string[];
  readonly foreignKeys?: readonly { name: string; columns: string[]; refSchema: string; refTable: string; refColumns: string[] }[];
  /** Listed in INFORMATION_SCHEMA, but SELECT fails with 002003 (the role lacks SELECT). */
  readonly selectDenied?: boolean;
  /** Sampling hits the statement timeout (000630). */
  readonly slow?: boolean;
  /** What SYSTEM$CLASSIFY answers for this table, per column. */
  readonly classify?: Readonly<Record<string, DoubleClassification>>;
}

export interface DoubleWarehouse {
  readonly name: string;
  state: 'STARTED' | 'SUSPENDED';
  readonly autoResume: boolean;
  /** As SHOW WAREHOUSES reports it; default X-Small. */
  readonly size?: string;
}

export interface SnowflakeDoubleOptions {
  readonly account: string;
  readonly user: string;
  readonly password?: string;
  /** PEM of the public key registered for key-pair login (RSA_PUBLIC_KEY). */
  readonly publicKeyPem?: string;
  readonly oauthToken?: string;
  readonly database: string;
  readonly warehouses: DoubleWarehouse[];
  /** Used when the login names no warehouse (the user's DEFAULT_WAREHOUSE). */
  readonly defaultWarehouse?: string;
  readonly role?: string;
  readonly tables: readonly DoubleTable[];
}

export interface RecordedLogin {
  readonly authenticator: string;
  readonly loginName: string;
  readonly accountName: string;
  readonly sessionParameters: Record<string, unknown>;
  readonly query: Record<string, string>;
  readonly ok: boolean;
}

export interface RecordedQuery {
  readonly sqlText: string;
  /** Statement parameters the driver sent (it adds QUERY_TAG when the connection has one). */
  readonly parameters: Record<string, unknown>;
  /** Session parameters in force when the statement ran (login + ALTER SESSION). */
  readonly session: Record<string, unknown>;
  readonly ok: boolean;
  readonly errorCode?: string;
}

export interface SnowflakeDouble {
  /** `http://127.0.0.1:PORT`, for `accessUrl`. */
  readonly url: string;
  readonly logins: RecordedLogin[];
  readonly queries: RecordedQuery[];
  /** warehouseStatements: statements that needed the warehouse (billed compute), failed ones included. */
  readonly stats: {
    telemetry: number;
    heartbeats: number;
    sessionsDeleted: number;
    warehouseResumes: number;
    warehouseStatements: number;
    unhandled: string[];
  };
  readonly options: SnowflakeDoubleOptions;
  /** Clears the recordings (not the catalog). */
  reset(): void;
  close(): Promise<void>;
}

interface Session {
  readonly database: string;
  readonly schema: string | null;
  readonly warehouse: string | null;
  readonly role: string;
  readonly params: Record<string, unknown>;
}

class SqlError extends Error {
  constructor(
    readonly code: string,
    readonly sqlState: string,
    message: string,
  ) {
    super(message);
  }
}

interface RowType {
  name: string;
  type: 'text' | 'fixed' | 'boolean';
  nullable: boolean;
  precision: number | null;
  scale: number | null;
  length: number | null;
  byteLength: number | null;
}

interface Result {
  rowtype: RowType[];
  rowset: (string | null)[][];
}

const text = (name: string): RowType => ({ name, type: 'text', nullable: true, precision: null, scale: null, length: 16777216, byteLength: 16777216 });
const fixed = (name: string): RowType => ({ name, type: 'fixed', nullable: true, precision: 38, scale: 0, length: null, byteLength: null });
const result = (rowtype: RowType[], rows: unknown[][]): Result => ({
  rowtype,
  rowset: rows.map((r) => r.map((v) => (v === null || v === undefined ? null : String(v)))),
});

/** Snowflake name resolution: `"Quoted"` exactly, unquoted upper-cased. */
export function resolveName(name: string): string {
  const quoted = /^"(.*)"$/s.exec(name);
  return quoted ? quoted[1].replaceAll('""', '"') : name.toUpperCase();
}

const IDENT = '"((?:[^"]|"")+)"';
const unquote = (s: string): string => s.replaceAll('""', '"');
const unliteral = (s: string): string => s.replace(/\\(.)/g, '$1').replaceAll("''", "'");

export async function startSnowflakeDouble(options: SnowflakeDoubleOptions): Promise<SnowflakeDouble> {
  const logins: RecordedLogin[] = [];
  const queries: RecordedQuery[] = [];
  const stats = { telemetry: 0, heartbeats: 0, sessionsDeleted: 0, warehouseResumes: 0, warehouseStatements: 0, unhandled: [] as string[] };
  const sessions = new Map<string, Session>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        const raw = Buffer.concat(chunks);
        const decoded = req.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
        body = decoded.length > 0 ? JSON.parse(decoded.toString('utf8')) : {};
      } catch {
        return send(res, 400, { success: false, code: '390400', message: 'Bad request body', data: null });
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const reply = route(url, body, req.headers.authorization);
      send(res, 200, reply);
    });
  });

  function route(url: URL, body: Record<string, unknown>, authorization: string | undefined): unknown {
    const path = url.pathname;
    if (path === '/session/v1/login-request') return login(url, body);
    if (path === '/telemetry/send') {
      stats.telemetry++;
      return { success: true, code: null, message: null, data: null };
    }
    const token = /Snowflake Token="([^"]*)"/.exec(authorization ?? '')?.[1];
    const session = token ? sessions.get(token) : undefined;
    if (path === '/session/heartbeat') {
      stats.heartbeats++;
      return { success: true, code: null, message: null, data: null };
    }
    if (path === '/session' && url.searchParams.get('delete') === 'true') {
      if (token) sessions.delete(token);
      stats.sessionsDeleted++;
      return { success: true, code: null, message: null, data: null };
    }
    if (path === '/queries/v1/query-request') {
      if (!session) return { success: false, code: '390104', message: 'User must login again to access the service.', data: null };
      return query(session, body);
    }
    stats.unhandled.push(path);
    return { success: false, code: '390400', message: `The double does not implement ${path}`, data: null };
  }

  function login(url: URL, body: Record<string, unknown>): unknown {
    const data = (body.data ?? {}) as Record<string, unknown>;
    const authenticator = String(data.AUTHENTICATOR ?? 'SNOWFLAKE').toUpperCase();
    const loginName = String(data.LOGIN_NAME ?? '');
    const accountName = String(data.ACCOUNT_NAME ?? '');
    const record = (ok: boolean): void => {
      logins.push({
        authenticator,
        loginName,
        accountName,
        sessionParameters: { ...((data.SESSION_PARAMETERS ?? {}) as Record<string, unknown>) },
        query: Object.fromEntries(url.searchParams),
        ok,
      });
    };
    const fail = (code: string, message: string) => {
      record(false);
      return { success: false, code, message, data: { nextAction: 'RETRY_LOGIN', authnMethod: authenticator } };
    };
    const userOk = loginName.toUpperCase() === options.user.toUpperCase() && accountName.toUpperCase() === options.account.toUpperCase();
    if (authenticator === 'SNOWFLAKE') {
      if (!userOk || options.password === undefined || data.PASSWORD !== options.password) return fail('390100', 'Incorrect username or password was specified.');
    } else if (authenticator === 'SNOWFLAKE_JWT') {
      if (!userOk || !verifyJwt(String(data.TOKEN ?? ''))) return fail('390144', 'JWT token is invalid.');
    } else if (authenticator === 'OAUTH') {
      if (!userOk || options.oauthToken === undefined || data.TOKEN !== options.oauthToken) return fail('390303', 'Invalid OAuth access token.');
    } else {
      return fail('390100', 'Incorrect username or password was specified.');
    }
    const databaseParam = url.searchParams.get('databaseName');
    const database = databaseParam ? resolveName(databaseParam) : options.database;
    if (database !== options.database) return fail('390201', 'The requested database does not exist or not authorized.');
    const schemaParam = url.searchParams.get('schemaName');
    const schema = schemaParam ? resolveName(schemaParam) : 'PUBLIC';
    const schemaExists = options.tables.some((t) => t.schema === schema);
    const warehouseParam = url.searchParams.get('warehouse') || options.defaultWarehouse;
    const warehouse = warehouseParam ? options.warehouses.find((w) => w.name === resolveName(warehouseParam))?.name ?? null : null;
    const token = crypto.randomUUID();
    const session: Session = {
      database,
      schema: schemaExists ? schema : null,
      warehouse,
      role: options.role ?? 'PUBLIC',
      params: { ...((data.SESSION_PARAMETERS ?? {}) as Record<string, unknown>) },
    };
    sessions.set(token, session);
    record(true);
    return {
      success: true,
      code: null,
      message: null,
      data: {
        token,
        masterToken: crypto.randomUUID(),
        validityInSeconds: 3600,
        masterValidityInSeconds: 14400,
        sessionId: Math.floor(Math.random() * 1e9),
        parameters: [{ name: 'CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY', value: 3600 }],
        sessionInfo: { databaseName: database, schemaName: session.schema, warehouseName: warehouse, roleName: session.role },
      },
    };
  }

  /** Key-pair login: an RS256 JWT whose issuer carries the public key's SHA256 fingerprint. */
  function verifyJwt(token: string): boolean {
    if (!options.publicKeyPem) return false;
    const parts = token.split('.');
    if (parts.length !== 3) return false;
    try {
      const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
      const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
      if (header.alg !== 'RS256') return false;
      const publicKey = crypto.createPublicKey(options.publicKeyPem);
      const fingerprint = 'SHA256:' + crypto.createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('base64');
      const subject = `${options.account.toUpperCase()}.${options.user.toUpperCase()}`;
      if (payload.sub !== subject || payload.iss !== `${subject}.${fingerprint}`) return false;
      return crypto.verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2], 'base64url'));
    } catch {
      return false;
    }
  }

  function query(session: Session, body: Record<string, unknown>): unknown {
    const sqlText = String(body.sqlText ?? '');
    const parameters = { ...((body.parameters ?? {}) as Record<string, unknown>) };
    const queryId = crypto.randomUUID();
    try {
      const r = runSql(session, sqlText.trim().replace(/\s+/g, ' '));
      queries.push({ sqlText, parameters, session: { ...session.params }, ok: true });
      return {
        success: true,
        code: null,
        message: null,
        data: {
          queryId,
          rowtype: r.rowtype,
          rowset: r.rowset,
          total: r.rowset.length,
          returned: r.rowset.length,
          queryResultFormat: 'json',
          statementTypeId: 4096,
          version: 1,
          parameters: [],
          finalDatabaseName: session.database,
          finalSchemaName: session.schema,
          finalWarehouseName: session.warehouse,
          finalRoleName: session.role,
        },
      };
    } catch (error) {
      if (!(error instanceof SqlError)) throw error;
      queries.push({ sqlText, parameters, session: { ...session.params }, ok: false, errorCode: error.code });
      return {
        success: false,
        code: error.code,
        message: error.message,
        data: { sqlState: error.sqlState, queryId, errorCode: error.code, age: 0, internalError: false },
      };
    }
  }

  function runSql(session: Session, sql: string): Result {
    let m: RegExpExecArray | null;
    if (sql.startsWith('SELECT CURRENT_DATABASE()')) {
      return result(
        ['DATABASE', 'SCHEMA', 'WAREHOUSE', 'ROLE', 'VERSION'].map(text),
        [[session.database, session.schema, session.warehouse, session.role, '9.99.0']],
      );
    }
    if ((m = /^SHOW WAREHOUSES LIKE '((?:[^'\\]|''|\\.)*)'$/.exec(sql))) {
      const pattern = unliteral(m[1]).toUpperCase();
      const rows = options.warehouses.filter((w) => w.name.toUpperCase() === pattern);
      return result(['name', 'state', 'type', 'size', 'auto_resume'].map(text), rows.map((w) => [w.name, w.state, 'STANDARD', w.size ?? 'X-Small', String(w.autoResume)]));
    }
    if ((m = /^ALTER SESSION SET (.+)$/.exec(sql))) {
      for (const a of m[1].matchAll(/(\w+) = ('(?:[^'\\]|''|\\.)*'|[^,\s]+)/g)) {
        session.params[a[1].toUpperCase()] = a[2].startsWith("'") ? unliteral(a[2].slice(1, -1)) : Number(a[2]);
      }
      return result([text('status')], [['Statement executed successfully.']]);
    }
    if ((m = new RegExp(`FROM ${IDENT}\\.INFORMATION_SCHEMA\\.(SCHEMATA|TABLES|COLUMNS) `).exec(sql))) {
      checkDatabase(unquote(m[1]));
      useWarehouse(session);
      return informationSchema(m[2]);
    }
    if ((m = new RegExp(`^SHOW (PRIMARY|IMPORTED) KEYS IN DATABASE ${IDENT}$`).exec(sql))) {
      checkDatabase(unquote(m[2]));
      return m[1] === 'PRIMARY' ? primaryKeys() : importedKeys();
    }
    if ((m = new RegExp(`^SELECT (.+) FROM ${IDENT}\\.${IDENT}\\.${IDENT} (?:SAMPLE \\((\\d+) ROWS\\)|LIMIT (\\d+))$`).exec(sql))) {
      checkDatabase(unquote(m[2]));
      const table = findTable(unquote(m[3]), unquote(m[4]));
      useWarehouse(session);
      return sample(table, m[1], Number(m[5] ?? m[6]), session);
    }
    if ((m = /^SELECT SYSTEM\$CLASSIFY\('((?:[^'\\]|''|\\.)*)', \{.*\}\) AS "RESULT"$/.exec(sql))) {
      const parts = new RegExp(`^${IDENT}\\.${IDENT}\\.${IDENT}$`).exec(unliteral(m[1]));
      if (!parts) throw new SqlError('002003', '02000', 'SQL compilation error: invalid object name');
      checkDatabase(unquote(parts[1]));
      const table = findTable(unquote(parts[2]), unquote(parts[3]));
      useWarehouse(session);
      const classification = Object.fromEntries(
        Object.entries(table.classify ?? {}).map(([column, r]) => [column, { alternates: [], recommendation: { ...r, details: [] }, valid_value_ratio: 1 }]),
      );
      return result([text('RESULT')], [[JSON.stringify({ classification_profile_config: { classify_views: false }, classification_result: classification })]]);
    }
    throw new SqlError('001003', '42000', `SQL compilation error: syntax error line 1 at position 0 (the double does not know this statement)`);
  }

  function checkDatabase(name: string): void {
    if (name !== options.database) throw new SqlError('002003', '02000', `SQL compilation error:\nDatabase '"${name}"' does not exist or not authorized.`);
  }

  function findTable(schema: string, name: string): DoubleTable {
    const table = options.tables.find((t) => t.schema === schema && t.name === name);
    if (!table || table.selectDenied) {
      throw new SqlError('002003', '42S02', `SQL compilation error:\nObject '"${options.database}"."${schema}"."${name}"' does not exist or not authorized.`);
    }
    return table;
  }

  /** Queries that need compute: a suspended warehouse resumes when AUTO_RESUME is on, else fails. */
  function useWarehouse(session: Session): void {
    const warehouse = options.warehouses.find((w) => w.name === session.warehouse);
    if (!warehouse) {
      throw new SqlError('000606', '57P03', "No active warehouse selected in the current session.  Select an active warehouse with the 'use warehouse' command.");
    }
    if (warehouse.state === 'SUSPENDED') {
      if (!warehouse.autoResume) {
        throw new SqlError('000606', '57P03', `Warehouse '${warehouse.name}' is suspended. Use 'alter warehouse ${warehouse.name} resume;' command if you need to use it again.`);
      }
      warehouse.state = 'STARTED';
      stats.warehouseResumes++;
    }
    stats.warehouseStatements++;
  }

  function informationSchema(view: string): Result {
    const schemas = [...new Set(options.tables.map((t) => t.schema))].sort();
    if (view === 'SCHEMATA') return result([text('SCHEMA_NAME')], schemas.map((s) => [s]));
    const tables = options.tables.slice().sort((a, b) => cmp(a.schema, b.schema) || cmp(a.name, b.name));
    if (view === 'TABLES') {
      return result(
        [text('TABLE_SCHEMA'), text('TABLE_NAME'), text('TABLE_TYPE'), fixed('ROW_COUNT'), text('COMMENT')],
        tables.map((t) => [t.schema, t.name, t.kind ?? 'BASE TABLE', (t.kind ?? 'BASE TABLE') === 'VIEW' ? null : t.rows.length, t.comment ?? null]),
      );
    }
    return result(
      [
        text('TABLE_SCHEMA'),
        text('TABLE_NAME'),
        text('COLUMN_NAME'),
        fixed('ORDINAL_POSITION'),
        text('DATA_TYPE'),
        text('IS_NULLABLE'),
        fixed('CHARACTER_MAXIMUM_LENGTH'),
        fixed('NUMERIC_PRECISION'),
        fixed('NUMERIC_SCALE'),
        text('COMMENT'),
      ],
      tables.flatMap((t) =>
        t.columns.map((c, i) => [
          t.schema,
          t.name,
          c.name,
          i + 1,
          c.type,
          c.nullable === false ? 'NO' : 'YES',
          c.type === 'TEXT' ? 16777216 : null,
          c.type === 'NUMBER' ? 38 : null,
          c.type === 'NUMBER' ? (c.scale ?? 0) : null,
          c.comment ?? null,
        ]),
      ),
    );
  }

  function primaryKeys(): Result {
    const rows = options.tables.flatMap((t) =>
      (t.primaryKey ?? []).map((column, i) => ['2024-01-01 00:00:00.000 -0800', options.database, t.schema, t.name, column, i + 1, `PK_${t.name}`, 'false', null]),
    );
    return result(
      [text('created_on'), text('database_name'), text('schema_name'), text('table_name'), text('column_name'), fixed('key_sequence'), text('constraint_name'), text('rely'), text('comment')],
      rows,
    );
  }

  function importedKeys(): Result {
    const rows = options.tables.flatMap((t) =>
      (t.foreignKeys ?? []).flatMap((fk) =>
        fk.columns.map((column, i) => [
          '2024-01-01 00:00:00.000 -0800',
          options.database,
          fk.refSchema,
          fk.refTable,
          fk.refColumns[i],
          options.database,
          t.schema,
          t.name,
          column,
          i + 1,
          'NO ACTION',
          'NO ACTION',
          fk.name,
          `PK_${fk.refTable}`,
          'NOT DEFERRABLE',
          'false',
          null,
        ]),
      ),
    );
    const names = ['created_on', 'pk_database_name', 'pk_schema_name', 'pk_table_name', 'pk_column_name', 'fk_database_name', 'fk_schema_name', 'fk_table_name', 'fk_column_name'];
    return result(
      [...names.map(text), fixed('key_sequence'), ...['update_rule', 'delete_rule', 'fk_name', 'pk_name', 'deferrability', 'rely', 'comment'].map(text)],
      rows,
    );
  }

  /** `LEFT(TO_VARCHAR("c"), n)` / `LEFT(TO_JSON("c"), n)` items over a (deterministic) subset of rows. */
  function sample(table: DoubleTable, selectList: string, n: number, session: Session): Result {
    if (table.slow) {
      const seconds = Number(session.params.STATEMENT_TIMEOUT_IN_SECONDS ?? 172800);
      throw new SqlError('000630', '57014', `Statement reached its statement or warehouse timeout of ${seconds} second(s) and was canceled.`);
    }
    const items = [...selectList.matchAll(new RegExp(`LEFT\\(TO_(VARCHAR|JSON)\\(${IDENT}\\), (\\d+)\\)(?:, |$)`, 'g'))];
    if (items.map((i) => i[0]).join('') !== selectList) throw new SqlError('001003', '42000', 'SQL compilation error: syntax error in the select list');
    const picks = pickRows(table.rows.length, n);
    const rows = picks.map((r) =>
      items.map(([, fn, quoted, cut]) => {
        const name = unquote(quoted);
        const index = table.columns.findIndex((c) => c.name === name);
        if (index < 0) throw new SqlError('000904', '42000', `SQL compilation error: error line 1 at position 7\ninvalid identifier '"${name}"'`);
        const value = table.rows[r][index];
        const rendered = fn === 'JSON' ? toJson(value) : toVarchar(value, table.columns[index]);
        return rendered === null ? null : rendered.slice(0, Number(cut));
      }),
    );
    return result(items.map((i) => text(i[0].replace(/, $/, ''))), rows);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    logins,
    queries,
    stats,
    options,
    reset() {
      logins.length = 0;
      queries.length = 0;
      Object.assign(stats, { telemetry: 0, heartbeats: 0, sessionsDeleted: 0, warehouseResumes: 0, warehouseStatements: 0, unhandled: [] });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Up to n row indexes spread evenly over the table (all rows when it is small), like a fixed-size sample. */
function pickRows(total: number, n: number): number[] {
  if (total <= n) return [...Array(total).keys()];
  return [...Array(n).keys()].map((i) => Math.floor((i * total) / n));
}

function toVarchar(value: unknown, column: DoubleColumn): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return column.type === 'DATE' ? value.toISOString().slice(0, 10) : value.toISOString().replace('T', ' ').replace('Z', '');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function toJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value);
}
