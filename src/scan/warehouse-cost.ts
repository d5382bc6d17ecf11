/**
 * What a scan would cost on a billed warehouse (Snowflake), estimated from the statements it sends,
 * for `scan --dry-run`. A model, not a measurement; its assumptions are printed with it:
 *
 * - Snowflake bills a warehouse per second while it runs, at least 60 s each time it starts, at a
 *   number of credits per hour that doubles with each size (X-Small 1, Small 2, ... 6X-Large 512;
 *   Snowflake's "Understanding compute cost" page).
 * - Session set-up and SHOW statements run in the cloud services layer, without the warehouse.
 *   Catalog selects (INFORMATION_SCHEMA), sampling (`SAMPLE (n ROWS)`) and SYSTEM$CLASSIFY need it.
 * - Each warehouse statement keeps it busy about STATEMENT_SECONDS: an INFORMATION_SCHEMA select or a
 *   row sample of a table of ordinary size on X-Small takes well under a second; wide rows and very
 *   large tables take longer, larger warehouses not much less (the statements are small).
 * - The catalog selects run one after another; sampling runs `concurrency` statements at a time, up
 *   to MAX_CONCURRENCY_LEVEL (Snowflake's default for a warehouse), in the same running time.
 * - The idle time before the warehouse suspends again (its AUTO_SUSPEND) is not counted.
 */

/** Assumed warehouse time of one statement, in seconds. */
export const STATEMENT_SECONDS = 0.5;
/** Snowflake's default MAX_CONCURRENCY_LEVEL: statements a warehouse runs at once before queueing. */
export const MAX_CONCURRENCY_LEVEL = 8;
/** Billed at least this long each time the warehouse starts (resumes). */
export const MINIMUM_BILLED_SECONDS = 60;

/** Credits per hour of a standard warehouse, by the size SHOW WAREHOUSES reports. */
const CREDITS_PER_HOUR: Readonly<Record<string, number>> = {
  xsmall: 1,
  small: 2,
  medium: 4,
  large: 8,
  xlarge: 16,
  '2xlarge': 32,
  xxlarge: 32,
  '3xlarge': 64,
  xxxlarge: 64,
  '4xlarge': 128,
  '5xlarge': 256,
  '6xlarge': 512,
};

/** `X-Small`, `XSMALL`, `2X-Large` → credits per hour; undefined for a size not known here. */
export function creditsPerHour(size: string | undefined): number | undefined {
  return size === undefined ? undefined : CREDITS_PER_HOUR[size.toLowerCase().replace(/[^a-z0-9]/g, '')];
}

export interface WarehouseStatements {
  /** Catalog selects that need the warehouse, one after another. */
  readonly catalog: number;
  /** Sampling statements (and SYSTEM$CLASSIFY ones), `concurrency` at a time. */
  readonly sampling: number;
  /** Statements that run without the warehouse (session set-up, SHOW). */
  readonly withoutWarehouse: number;
}

export interface WarehouseCostEstimate {
  readonly statements: WarehouseStatements;
  /** Assumed running time the scan adds to the warehouse. */
  readonly warehouseSeconds: number;
  /** Credits per hour of its size; undefined when the size is unknown. */
  readonly creditsPerHour?: number;
  /** Credits of that running time, and with the minimum billed when the scan starts the warehouse. */
  readonly credits?: number;
  readonly creditsIfStarted?: number;
}

export function estimateWarehouseCost(statements: WarehouseStatements, concurrency: number, size: string | undefined): WarehouseCostEstimate {
  const parallel = Math.max(1, Math.min(concurrency, MAX_CONCURRENCY_LEVEL));
  const warehouseSeconds = statements.catalog * STATEMENT_SECONDS + Math.ceil(statements.sampling / parallel) * STATEMENT_SECONDS;
  const rate = creditsPerHour(size);
  if (rate === undefined) return { statements, warehouseSeconds };
  return {
    statements,
    warehouseSeconds,
    creditsPerHour: rate,
    credits: (warehouseSeconds / 3600) * rate,
    creditsIfStarted: (Math.max(MINIMUM_BILLED_SECONDS, warehouseSeconds) / 3600) * rate,
  };
}

/** A few significant digits: 0.00042, 0.017, 1.3, 120. */
function approx(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Number(value.toPrecision(2)));
}

/** The estimate as the lines `--dry-run` prints, with its assumptions. */
export function formatWarehouseCost(
  estimate: WarehouseCostEstimate,
  warehouse: { readonly name: string; readonly size?: string },
  concurrency: number,
): string {
  const { statements } = estimate;
  const onWarehouse = statements.catalog + statements.sampling;
  const sizeText = warehouse.size
    ? `${warehouse.size}, ${estimate.creditsPerHour ?? 'unknown'} credit(s)/hour`
    : 'size unknown';
  const lines = [
    `Warehouse cost estimate (warehouse ${warehouse.name}, ${sizeText}):`,
    `  ${onWarehouse} statement(s) on the warehouse (${statements.catalog} catalog, ${statements.sampling} sampling), ${statements.withoutWarehouse} without it (session set-up, SHOW)`,
    `  about ${approx(estimate.warehouseSeconds)} s of warehouse time` +
      (estimate.credits === undefined
        ? ''
        : `: ~${approx(estimate.credits)} credits, or ~${approx(estimate.creditsIfStarted!)} if the scan starts the warehouse (${MINIMUM_BILLED_SECONDS} s billed at least)`),
    `  An estimate: ${STATEMENT_SECONDS} s a statement, sampling ${Math.max(1, Math.min(concurrency, MAX_CONCURRENCY_LEVEL))} at a time; ` +
      'wide rows and large tables take longer; idle time before AUTO_SUSPEND is not counted.',
  ];
  return lines.join('\n') + '\n';
}
