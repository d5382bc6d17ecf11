/**
 * What every connector shares around its engine code: the printable name, and the one place where a
 * driver error becomes a ConnectorError. A subclass says how its errors map (`mapError`) and runs each
 * step through `mapErrors` or `opening`, instead of repeating try/catch wrappers.
 */
import type { ConnectOptions, Connector, IntrospectOptions, SampleOptions } from '../src/core/connector.js';
import type { ConnectorError } from '../src/core/errors.js';
import type { DatabaseMetadata, EngineKind, TableMetadata } from '../src/core/metadata.js';
import type { TableSample } from '../src/core/sample.js';

/** What the connector was doing when an error happened; mappers word their messages after it. */
export type ConnectorStep = 'connect' | 'introspect' | 'sample' | 'statement';

export abstract class SqlConnector implements Connector {
  abstract readonly engine: EngineKind;
  readonly displayName: string;

  protected constructor(displayName: string) {
    this.displayName = displayName;
  }

  abstract connect(options: ConnectOptions): Promise<void>;
  abstract introspect(options: IntrospectOptions): Promise<DatabaseMetadata>;
  abstract sample(table: TableMetadata, options: SampleOptions): Promise<TableSample>;
  abstract close(): Promise<void>;

  /** The driver's error as a ConnectorError (one already mapped passes through). `table`: the table being sampled. */
  protected abstract mapError(error: unknown, step: ConnectorStep, table?: TableMetadata): ConnectorError;

  /** Runs one step; whatever it throws is mapped. */
  protected async mapErrors<T>(step: ConnectorStep, work: () => T | Promise<T>, table?: TableMetadata): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.mapError(error, step, table);
    }
  }

  /** Runs the opening steps of connect(); when one fails, what was opened is closed before the mapped error is thrown. */
  protected async opening(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      await this.close();
      throw this.mapError(error, 'connect');
    }
  }
}
