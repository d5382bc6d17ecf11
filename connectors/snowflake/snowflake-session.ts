/**
 * A thin promise wrapper over one snowflake-sdk connection. The driver is imported here, lazily
 * (it takes most of a second), with its file logging and the AWS SDK's Node-version notice off.
 */
import type { Connection, ConnectionOptions } from 'snowflake-sdk';

export interface SnowflakeQueryable {
  /** Rows as objects keyed by column name (catalog queries). */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Rows as arrays in select-list order (sampling). */
  queryArrays(sql: string): Promise<unknown[][]>;
}

type SnowflakeSdk = typeof import('snowflake-sdk');
let sdkPromise: Promise<SnowflakeSdk> | undefined;

const silentLogger = { error() {}, warn() {}, info() {}, debug() {}, trace() {} };

export function loadSnowflakeSdk(): Promise<SnowflakeSdk> {
  sdkPromise ??= (async () => {
    // The bundled AWS SDK prints a Node-version notice on import; it is not ours to show.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    const mod = (await import('snowflake-sdk')) as unknown as { default?: SnowflakeSdk } & SnowflakeSdk;
    const sdk = mod.default ?? mod;
    // Default logging writes snowflake.log into the working directory; the scan has its own output.
    sdk.configure({ logLevel: 'OFF', customLogger: silentLogger } as Parameters<SnowflakeSdk['configure']>[0]);
    return sdk;
  })();
  return sdkPromise;
}

export class SnowflakeSession implements SnowflakeQueryable {
  readonly #connection: Connection;

  private constructor(connection: Connection) {
    this.#connection = connection;
  }

  static async open(options: ConnectionOptions): Promise<SnowflakeSession> {
    const sdk = await loadSnowflakeSdk();
    const connection = sdk.createConnection(options);
    await new Promise<void>((resolve, reject) => connection.connect((error) => (error ? reject(error) : resolve())));
    return new SnowflakeSession(connection);
  }

  query(sql: string): Promise<Record<string, unknown>[]> {
    return this.#execute(sql, 'object') as Promise<Record<string, unknown>[]>;
  }

  queryArrays(sql: string): Promise<unknown[][]> {
    return this.#execute(sql, 'array') as Promise<unknown[][]>;
  }

  #execute(sqlText: string, rowMode: 'object' | 'array'): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      this.#connection.execute({
        sqlText,
        rowMode,
        complete: (error, _statement, rows) => (error ? reject(error) : resolve((rows ?? []) as unknown[])),
      });
    });
  }

  /** Ends the session on the server (`POST /session?delete=true`). */
  close(): Promise<void> {
    return new Promise((resolve) => this.#connection.destroy(() => resolve()));
  }
}
