/**
 * Warehouse cost on Snowflake (issue 18): the statements a scan of N tables sends to the protocol
 * double, those that needed the warehouse, and the `--dry-run` estimate, which must predict them.
 * The built CLI (dist/) runs against the double in this process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/fixtures.js';
import { startSnowflakeDouble, type DoubleTable, type SnowflakeDouble } from '../helpers/snowflake-double.js';
import { doubleOptions } from '../helpers/snowflake-fixture.js';
import { estimateWarehouseCost } from '../../src/scan/warehouse-cost.js';

const TABLES = 12;
const PASSWORD = doubleOptions().password!;
const URL_ = 'snowflake://scanner@testorg-testacct/ANALYTICS?warehouse=COST_WH&role=PIISCOUT_READER';

/** N plain tables over two schemas; values are synthetic. */
function tables(count: number): DoubleTable[] {
  return Array.from({ length: count }, (_, i) => ({
    schema: i % 2 === 0 ? 'SALES' : 'SUPPORT',
    name: `T${i}`,
    columns: [
      { name: 'ID', type: 'NUMBER', nullable: false },
      { name: 'NOTE', type: 'TEXT' },
    ],
    rows: Array.from({ length: 5 }, (_, r) => [r + 1, `note ${i}-${r}`]),
  }));
}

let double: SnowflakeDouble;
let cwd: string;

beforeAll(async () => {
  double = await startSnowflakeDouble(
    doubleOptions({ tables: tables(TABLES), warehouses: [{ name: 'COST_WH', state: 'STARTED', autoResume: true, size: 'Medium' }] }),
  );
});
afterEach(() => {
  double.reset();
  fs.rmSync(cwd, { recursive: true, force: true });
});
afterAll(() => double.close());

function run(args: string[]) {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-sf-cost-'));
  return runCli([...args, '--no-ml', '--concurrency', '4'], { cwd, env: { PIISCOUT_SNOWFLAKE_ACCESS_URL: double.url, SNOWFLAKE_PASSWORD: PASSWORD } });
}

/** The numbers of the estimate's statement line. */
function estimatedStatements(stdout: string): { onWarehouse: number; catalog: number; sampling: number; without: number } {
  const m = /(\d+) statement\(s\) on the warehouse \((\d+) catalog, (\d+) sampling\), (\d+) without it/.exec(stdout);
  expect(m, stdout).not.toBeNull();
  const [onWarehouse, catalog, sampling, without] = m!.slice(1).map(Number);
  return { onWarehouse, catalog, sampling, without };
}

describe('warehouse cost of a Snowflake scan', () => {
  it.each([[[] as string[]], [['--use-snowflake-classify']]])('--dry-run %j predicts the statements the scan sends and what needs the warehouse', async (flags) => {
    const dry = await run(['scan', URL_, '--dry-run', ...flags]);
    expect(dry.code).toBe(0);
    const estimate = estimatedStatements(dry.stdout);
    const perTable = flags.length === 0 ? 1 : 2;
    expect(estimate).toEqual({ onWarehouse: 3 + perTable * TABLES, catalog: 3, sampling: perTable * TABLES, without: 5 });
    // The dry run itself sampled nothing.
    expect(double.queries.filter((q) => / SAMPLE \(/.test(q.sqlText))).toEqual([]);

    double.reset();
    const scan = await run(['scan', URL_, '-o', 'out.yml', ...flags]);
    expect(scan.code).toBe(0);
    expect(double.queries.every((q) => q.ok)).toBe(true);
    expect(double.stats.warehouseStatements).toBe(estimate.onWarehouse);
    expect(double.queries.length).toBe(estimate.onWarehouse + estimate.without);
    expect(double.queries.filter((q) => / SAMPLE \(/.test(q.sqlText))).toHaveLength(TABLES);
  });

  it('prints the warehouse seconds and credits at the warehouse size, stated as an estimate', async () => {
    const dry = await run(['scan', URL_, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Warehouse cost estimate (warehouse COST_WH, Medium, 4 credit(s)/hour)');
    // 3 catalog selects one after another, 12 samples 4 at a time, 0.5 s each: 1.5 s + 1.5 s.
    const expected = estimateWarehouseCost({ catalog: 3, sampling: TABLES, withoutWarehouse: 5 }, 4, 'Medium');
    expect(expected.warehouseSeconds).toBe(3);
    expect(dry.stdout).toContain('about 3 s of warehouse time: ~0.0033 credits, or ~0.067 if the scan starts the warehouse (60 s billed at least)');
    expect(dry.stdout).toMatch(/An estimate: 0\.5 s a statement, sampling 4 at a time;.*AUTO_SUSPEND is not counted/);
  });
});
