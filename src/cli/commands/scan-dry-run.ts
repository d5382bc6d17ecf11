/** `scan --dry-run` and the Snowflake-only scan flags, kept out of scan.ts to keep that file small. */
import { checkEngineFlags, samplingExtrasOf, type ConnectionConfig, type EngineFlags } from '../../../connectors/index.js';
import type { Connector } from '../../core/connector.js';
import { ExitCode } from '../../core/errors.js';
import { formatDryRun, planDryRun, type DryRunOptions } from '../../scan/dry-run.js';
import { checkReadOnlyRole } from '../../scan/scan.js';
import type { TableFilter } from '../../scan/filters.js';
import type { Output } from '../output.js';

export interface SnowflakeScanOptions {
  privateKeyFile?: string;
  allowWarehouseResume?: boolean;
  useSnowflakeClassify?: boolean;
}

/** The flags as the connection parser takes them; fails on Snowflake flags for other engines. */
export function snowflakeFlags(engine: ConnectionConfig['engine'] | undefined, options: SnowflakeScanOptions): EngineFlags {
  const flags = {
    privateKeyFile: options.privateKeyFile,
    allowWarehouseResume: options.allowWarehouseResume ?? false,
    useSnowflakeClassify: options.useSnowflakeClassify ?? false,
  };
  if (engine !== undefined) checkEngineFlags(engine, flags);
  return flags;
}

export interface DryRunCommandOptions {
  readonly statementTimeout: number;
  readonly concurrency: number;
  readonly includeViews: boolean;
  readonly sampleSize: number;
  readonly filter: TableFilter;
  readonly requireReadOnlyRole?: boolean;
  readonly checkSelection: DryRunOptions['checkSelection'];
}

/** Connects, introspects, prints the plan on stdout; samples and writes nothing. */
export async function runDryRun(connector: Connector, config: ConnectionConfig, options: DryRunCommandOptions, out: Output): Promise<number> {
  try {
    await connector.connect({ statementTimeoutSeconds: options.statementTimeout, concurrency: options.concurrency, applicationName: 'piiscout' });
    const extras = samplingExtrasOf(config);
    const plan = await planDryRun(connector, {
      includeViews: options.includeViews,
      sampleSize: options.sampleSize,
      filter: options.filter,
      checkSelection: options.checkSelection,
      extraQueriesPerTable: extras?.extraQueriesPerTable,
    });
    for (const warning of plan.database.privilegeWarnings ?? []) out.warn(warning);
    checkReadOnlyRole(plan.database, options.requireReadOnlyRole);
    process.stdout.write(formatDryRun(plan, options.sampleSize));
    if (extras?.note) out.info(extras.note);
  } finally {
    await connector.close().catch(() => undefined);
  }
  return ExitCode.ok;
}
