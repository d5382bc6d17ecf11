/**
 * The whole demo data set, generated from a fixed seed and reference date: same input, same rows, every time.
 * Tables come back in an order that satisfies their foreign keys.
 */
import { generateActivity } from './demo-activity.js';
import { generateCommerce } from './demo-commerce.js';
import { generateCustomers } from './demo-customers.js';
import { SUPPORT_DEPARTMENT_IDS, generateHr } from './demo-hr.js';
import { generateLegacyImport } from './demo-legacy.js';
import { DEMO_SEED, createDemoFakers } from './demo-random.js';
import type { DemoTable } from './demo-table.js';

export function generateDemoData(seed: number = DEMO_SEED): DemoTable[] {
  const fakers = createDemoFakers(seed);
  const hr = generateHr(fakers);
  const people = generateCustomers(fakers);
  const commerce = generateCommerce(fakers, people.customers);
  const activity = generateActivity(fakers, {
    customers: people.customers,
    orders: commerce.orders,
    productNames: commerce.productNames,
    skus: commerce.skus,
    supportEmployeeIds: SUPPORT_DEPARTMENT_IDS.flatMap((deptId) => hr.employeesByDepartment.get(deptId) ?? []),
    accounts: people.accounts,
  });
  return [...hr.tables, ...people.tables, ...commerce.tables, generateLegacyImport(fakers), ...activity];
}
