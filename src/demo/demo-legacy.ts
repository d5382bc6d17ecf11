/**
 * `tbl_x1`: rows imported from the UK subsidiary's old CRM, with positional column names. Only the values
 * say what the columns hold: full names, emails, UK-style dates of birth, National Insurance numbers,
 * a campaign code (not personal) and phone numbers.
 */
import { type DemoFakers, pad, ukNino } from './demo-random.js';
import { type DemoTable, type DemoValue, toDemoTable } from './demo-table.js';

export const LEGACY_IMPORT_COUNT = 200;

const CAMPAIGN_CODES = ['SPRING15-NL', 'XMAS15-EM', 'SUMMER16-FB', 'BTS16-PRINT', 'REF-FRIEND', 'WALKIN'];
const LOAD_DATES = ['2016-02-11', '2016-02-12', '2016-05-30'];

export function generateLegacyImport(fakers: DemoFakers): DemoTable {
  const f = fakers.byLocale.en_GB;
  const rows: Record<string, DemoValue>[] = [];
  for (let rowId = 1; rowId <= LEGACY_IMPORT_COUNT; rowId++) {
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    const dob = f.date.birthdate({ mode: 'year', min: 1940, max: 1998 });
    rows.push({
      row_id: rowId,
      col_1: f.datatype.boolean(0.6) ? `${lastName.toUpperCase()}, ${firstName}` : `${firstName} ${lastName}`,
      col_2: f.datatype.boolean(0.9) ? f.internet.email({ firstName, lastName }).toLowerCase() : null,
      col_3: f.datatype.boolean(0.95) ? `${pad(dob.getUTCDate(), 2)}/${pad(dob.getUTCMonth() + 1, 2)}/${dob.getUTCFullYear()}` : null,
      col_4: f.datatype.boolean(0.85) ? ukNino(f, f.datatype.boolean(0.5)) : null,
      col_5: f.helpers.arrayElement(CAMPAIGN_CODES),
      col_6: f.datatype.boolean(0.75) ? f.phone.number({ style: f.helpers.arrayElement(['human', 'international'] as const) }) : null,
      ld_dt: f.helpers.arrayElement(LOAD_DATES),
    });
  }
  return toDemoTable('public', 'tbl_x1', rows);
}
