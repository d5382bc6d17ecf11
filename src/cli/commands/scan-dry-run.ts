/** `scan --dry-run`: connects, introspects and prints what a scan would sample and cost. */
import { catalogStatementsOf, samplingExtrasOf, type ConnectionConfig } from '../../../connectors/index.js';
import type { Connector } from '../../core/connector.js';
import { ExitCode } from '../../core/errors.js';
import { formatDryRun, planDryRun, type DryRunOptions, type DryRunPlan } from '../../scan/dry-run.js';
import { estimateWarehouseCost, formatWarehouseCost } from '../../scan/warehouse-cost.js';
import { checkReadOnlyRole } from '../../scan/scan.js';
import type { TableFilter } from '../../scan/filters.js';
import type { Output } from '../output.js';

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
    process.stdout.write(warehouseCostText(connector, config, plan, options.concurrency));
    if (extras?.note) out.info(extras.note);
  } finally {
    await connector.close().catch(() => undefined);
  }
  return ExitCode.ok;
}

/** The cost estimate on an engine with a billed warehouse (Snowflake); empty for the others. */
function warehouseCostText(connector: Connector, config: ConnectionConfig, plan: DryRunPlan, concurrency: number): string {
  const catalog = catalogStatementsOf(config);
  const warehouse = connector.billedWarehouse?.();
  if (!catalog || !warehouse) return '';
  const statements = { catalog: catalog.onWarehouse, sampling: plan.queries, withoutWarehouse: catalog.withoutWarehouse };
  return formatWarehouseCost(estimateWarehouseCost(statements, concurrency, warehouse.size), warehouse, concurrency);
}
