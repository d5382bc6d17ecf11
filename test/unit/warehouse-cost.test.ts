/** The --dry-run warehouse cost model (src/scan/warehouse-cost.ts): sizes, running time, credits. */
import { describe, expect, it } from 'vitest';
import { creditsPerHour, estimateWarehouseCost, formatWarehouseCost } from '../../src/scan/warehouse-cost.js';

describe('warehouse cost estimate', () => {
  it('reads the sizes SHOW WAREHOUSES reports, old and new spellings', () => {
    expect(creditsPerHour('X-Small')).toBe(1);
    expect(creditsPerHour('XSMALL')).toBe(1);
    expect(creditsPerHour('Medium')).toBe(4);
    expect(creditsPerHour('2X-Large')).toBe(32);
    expect(creditsPerHour('XXLarge')).toBe(32);
    expect(creditsPerHour('6X-Large')).toBe(512);
    expect(creditsPerHour('Gigantic')).toBeUndefined();
    expect(creditsPerHour(undefined)).toBeUndefined();
  });

  it('runs the catalog one statement after another and sampling `concurrency` at a time, capped at 8', () => {
    const statements = { catalog: 3, sampling: 100, withoutWarehouse: 5 };
    expect(estimateWarehouseCost(statements, 4, 'X-Small').warehouseSeconds).toBe(3 * 0.5 + 25 * 0.5);
    expect(estimateWarehouseCost(statements, 1, 'X-Small').warehouseSeconds).toBe(3 * 0.5 + 100 * 0.5);
    expect(estimateWarehouseCost(statements, 64, 'X-Small').warehouseSeconds).toBe(3 * 0.5 + 13 * 0.5);
  });

  it('prices the running time at the size, with the 60 s minimum when the scan starts the warehouse', () => {
    const estimate = estimateWarehouseCost({ catalog: 3, sampling: 10_000, withoutWarehouse: 5 }, 8, 'Large');
    expect(estimate.warehouseSeconds).toBe(626.5);
    expect(estimate.credits).toBeCloseTo((626.5 / 3600) * 8, 10);
    expect(estimate.creditsIfStarted).toBeCloseTo(estimate.credits!, 10);
    const small = estimateWarehouseCost({ catalog: 3, sampling: 2, withoutWarehouse: 5 }, 4, 'Small');
    expect(small.creditsIfStarted).toBeCloseTo((60 / 3600) * 2, 10);
  });

  it('says it is an estimate, with its assumptions, and gives no credits for an unknown size', () => {
    const text = formatWarehouseCost(estimateWarehouseCost({ catalog: 3, sampling: 6, withoutWarehouse: 5 }, 4, 'X-Small'), { name: 'WH', size: 'X-Small' }, 4);
    expect(text).toContain('Warehouse cost estimate (warehouse WH, X-Small, 1 credit(s)/hour)');
    expect(text).toContain('9 statement(s) on the warehouse (3 catalog, 6 sampling), 5 without it');
    expect(text).toContain('about 2.5 s of warehouse time: ~0.00069 credits, or ~0.017 if the scan starts the warehouse (60 s billed at least)');
    expect(text).toMatch(/An estimate: 0\.5 s a statement, sampling 4 at a time/);
    const unknown = formatWarehouseCost(estimateWarehouseCost({ catalog: 3, sampling: 6, withoutWarehouse: 5 }, 4, undefined), { name: 'WH' }, 4);
    expect(unknown).toContain('(warehouse WH, size unknown)');
    expect(unknown).not.toContain('credits');
  });
});
