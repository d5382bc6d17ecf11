/**
 * `scan --dry-run`: connect and introspect only, then say which tables a scan would sample and how
 * many statements that costs. Reads no row and writes nothing. Engine-neutral.
 */
import type { Connector } from '../core/connector.js';
import type { DatabaseMetadata, TableMetadata } from '../core/metadata.js';
import { tableId } from '../core/metadata.js';
import type { TableFilter } from './filters.js';
import { introspectSelected, type SelectionCheck } from './selection.js';
import { maxOf } from '../util/numbers.js';

export interface DryRunOptions {
  readonly includeViews: boolean;
  readonly sampleSize: number;
  readonly filter: TableFilter;
  /** Extra statements per sampled table (1 with --use-snowflake-classify on tables). */
  readonly extraQueriesPerTable?: (table: TableMetadata) => number;
  /** As in ScanOptions: throws when the filters select nothing. */
  readonly checkSelection?: SelectionCheck;
}

export interface DryRunTable {
  readonly table: TableMetadata;
  /** Columns that passed the filter. */
  readonly columns: number;
  /** Statements sampling this table would cost (0 when no column is left or --sample-size 0). */
  readonly queries: number;
}

export interface DryRunPlan {
  readonly database: DatabaseMetadata;
  readonly tables: readonly DryRunTable[];
  readonly queries: number;
}

export async function planDryRun(connector: Connector, options: DryRunOptions): Promise<DryRunPlan> {
  const database = await introspectSelected(connector, options);
  const tables = database.tables
    .filter((t) => options.filter.includeSchema(t.schema) && options.filter.includeTable(t.schema, t.name))
    .map((table) => {
      const columns = table.columns.filter((c) => options.filter.includeColumn(table.schema, table.name, c.name)).length;
      const sampled = !table.unreadable && columns > 0 && options.sampleSize > 0;
      return { table, columns, queries: sampled ? 1 + (options.extraQueriesPerTable?.(table) ?? 0) : 0 };
    });
  return { database, tables, queries: tables.reduce((n, t) => n + t.queries, 0) };
}

/** Plain-text plan: one line per table, then the total. Names are printed exactly (case kept). */
export function formatDryRun(plan: DryRunPlan, sampleSize: number): string {
  const lines = [`Dry run: ${plan.database.engine} database ${plan.database.database}, nothing sampled or written.`];
  const width = maxOf(plan.tables.map((t) => tableId(t.table).length), 10);
  for (const t of plan.tables) {
    const rows = t.table.rowEstimate !== undefined ? `~${t.table.rowEstimate} rows` : 'rows unknown';
    const action =
      t.queries > 0 ? `sample ${sampleSize} rows (${t.queries} quer${t.queries === 1 ? 'y' : 'ies'})` : `not sampled${t.table.unreadable ? `: ${t.table.unreadable.message}` : ''}`;
    lines.push(`  ${tableId(t.table).padEnd(width)}  ${t.table.kind.padEnd(17)} ${String(t.columns).padStart(4)} column(s)  ${rows.padEnd(16)} ${action}`);
  }
  lines.push(`A scan would sample ${plan.tables.filter((t) => t.queries > 0).length} of ${plan.tables.length} table(s) with ${plan.queries} sampling quer${plan.queries === 1 ? 'y' : 'ies'}, plus the catalog queries.`);
  return lines.join('\n') + '\n';
}
