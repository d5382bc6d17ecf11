/**
 * Schema `hr`: departments and employees with German column names (the shop's head office is in Leipzig),
 * a self-referencing manager key, and US social security numbers for the Austin staff only.
 */
import { type DemoFakers, type DemoLocale, centsToDecimal, isoDate, uniqueValue, usSsn } from './demo-random.js';
import { type DemoTable, type DemoValue, toDemoTable } from './demo-table.js';

export const EMPLOYEE_COUNT = 80;

const DEPARTMENTS = [
  { name: 'Geschäftsführung', costCenter: 'CC-1000', site: 'Leipzig', headTitle: 'Managing Director' },
  { name: 'Kundenservice', costCenter: 'CC-2100', site: 'Leipzig', headTitle: 'Head of Customer Service' },
  { name: 'Customer Care US', costCenter: 'CC-2150', site: 'Austin', headTitle: 'Customer Care Lead' },
  { name: 'Logistik', costCenter: 'CC-3200', site: 'Halle (Saale)', headTitle: 'Head of Logistics' },
  { name: 'Einkauf', costCenter: 'CC-3400', site: 'Leipzig', headTitle: 'Head of Purchasing' },
  { name: 'Buchhaltung', costCenter: 'CC-4100', site: 'Leipzig', headTitle: 'Head of Accounting' },
  { name: 'IT', costCenter: 'CC-5000', site: 'Manchester', headTitle: 'Head of IT' },
  { name: 'Marketing', costCenter: 'CC-6300', site: 'Austin', headTitle: 'Marketing Director' },
] as const;

const SITE_LOCALE: Record<string, DemoLocale> = { Leipzig: 'de', 'Halle (Saale)': 'de', Austin: 'en_US', Manchester: 'en_GB' };

/** Ids of the customer-care departments, whose staff are assigned support tickets. */
export const SUPPORT_DEPARTMENT_IDS: readonly number[] = [2, 3];

export interface HrTables {
  readonly tables: readonly DemoTable[];
  /** Employee ids by department id. */
  readonly employeesByDepartment: ReadonlyMap<number, readonly number[]>;
}

export function generateHr(fakers: DemoFakers): HrTables {
  const { main } = fakers;
  const departments = DEPARTMENTS.map((department, index) => ({
    dept_id: index + 1,
    dept_name: department.name,
    cost_center: department.costCenter,
    standort: department.site,
  }));
  const seenEmails = new Set<string>();
  const employees: Record<string, DemoValue>[] = [];
  const employeesByDepartment = new Map<number, number[]>();

  for (let empId = 1; empId <= EMPLOYEE_COUNT; empId++) {
    // The first employee of each department is its head; the CEO (employee 1) heads the heads.
    const deptId = empId <= DEPARTMENTS.length ? empId : main.number.int({ min: 2, max: DEPARTMENTS.length });
    const department = DEPARTMENTS[deptId - 1];
    const locale = SITE_LOCALE[department.site];
    const f = fakers.byLocale[locale];
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    const isHead = empId <= DEPARTMENTS.length;
    const salaryCents = f.number.int({ min: isHead ? 85_000 : 34_000, max: isHead ? 160_000 : 78_000 }) * 100;
    employees.push({
      emp_id: empId,
      vorname: firstName,
      nachname: lastName,
      geburtsdatum: isoDate(f.date.birthdate({ mode: 'age', min: isHead ? 35 : 20, max: 64 })),
      ssn: locale === 'en_US' ? usSsn(f) : null,
      email: uniqueValue(seenEmails, () => f.internet.email({ firstName, lastName, provider: 'ledgerly-shop.example' }).toLowerCase()),
      position: isHead ? department.headTitle : f.person.jobTitle(),
      salary: centsToDecimal(salaryCents),
      eintrittsdatum: isoDate(f.date.between({ from: '2009-01-01T00:00:00Z', to: '2025-08-01T00:00:00Z' })),
      dept_id: deptId,
      manager_id: empId === 1 ? null : isHead ? 1 : deptId,
    });
    employeesByDepartment.set(deptId, [...(employeesByDepartment.get(deptId) ?? []), empId]);
  }

  return {
    tables: [toDemoTable('hr', 'departments', departments), toDemoTable('hr', 'employees', employees)],
    employeesByDepartment,
  };
}
