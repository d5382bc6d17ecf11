/**
 * The catalog the Snowflake protocol double serves in tests: case-sensitive names (`"Customers"`
 * next to `CUSTOMERS`, `"mixedCase"` columns), VARIANT/OBJECT/ARRAY columns with stable and
 * unstable keys, keys, a view, a table the role may not SELECT, a slow table, and SYSTEM$CLASSIFY
 * answers. Values are synthetic.
 */
import type { DoubleTable, SnowflakeDoubleOptions } from './snowflake-double.js';

const FIRST = ['Alice', 'Bruno', 'Chloé', 'Dmitri', 'Emeka', 'Fatima', 'Gustav', 'Hana', 'Ivan', 'Jun'];
const LAST = ['Martin', 'Okafor', 'Schmidt', 'Tanaka', 'Novak', 'Haddad', 'Larsen', 'Silva', 'Kowalski', 'Chen'];
const CITIES = ['Lyon', 'Lagos', 'Berlin', 'Osaka', 'Prague', 'Beirut', 'Oslo', 'Porto', 'Krakow', 'Taipei'];

const ROWS = 40;
const people = Array.from({ length: ROWS }, (_, i) => {
  const first = FIRST[i % 10];
  const last = LAST[(i * 3) % 10];
  return {
    id: i + 1,
    first,
    last,
    email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase()}${i}@example.org`,
    phone: `+44 20 7946 ${String(1000 + i * 7).slice(-4)}`,
    city: CITIES[(i * 7) % 10],
    born: new Date(Date.UTC(1950 + (i % 45), i % 12, 1 + (i % 27))),
  };
});

export const SNOWFLAKE_DATABASE = 'ANALYTICS';

export const SNOWFLAKE_TABLES: readonly DoubleTable[] = [
  {
    schema: 'CRM',
    name: 'Customers',
    comment: 'People who bought something',
    columns: [
      { name: 'ID', type: 'NUMBER', nullable: false },
      { name: 'emailAddress', type: 'TEXT', comment: 'Primary contact email' },
      { name: 'Full Name', type: 'TEXT' },
      { name: 'BIRTH_DATE', type: 'DATE' },
      { name: 'PROFILE', type: 'VARIANT' },
      { name: 'prefs', type: 'OBJECT' },
      { name: 'ADDRESSES', type: 'ARRAY' },
      { name: 'PHOTO', type: 'BINARY' },
    ],
    rows: people.map((p, i) => [
      p.id,
      p.email,
      `${p.first} ${p.last}`,
      p.born,
      {
        contact: { email: p.email, phone: p.phone },
        loyalty: { tier: ['gold', 'silver', 'bronze'][i % 3], points: i * 10 },
        // Present in a few documents only: not a stable key, so not proposed.
        ...(i % 10 === 0 ? { [`campaign_${i}`]: 'spring' } : {}),
      },
      { newsletter: i % 2 === 0, language: ['en', 'fr', 'de'][i % 3] },
      [{ city: p.city, postal_code: String(10000 + i * 37), street: `${i + 1} High Street` }],
      null,
    ]),
    primaryKey: ['ID'],
    classify: {
      emailAddress: { semantic_category: 'EMAIL', privacy_category: 'IDENTIFIER', confidence: 'HIGH', coverage: 1 },
      'Full Name': { semantic_category: 'NAME', privacy_category: 'IDENTIFIER', confidence: 'HIGH', coverage: 0.95 },
    },
  },
  {
    schema: 'CRM',
    name: 'CUSTOMERS',
    comment: 'Legacy import, upper-case twin of "Customers"',
    columns: [
      { name: 'CUSTOMER_ID', type: 'NUMBER', nullable: false },
      { name: 'mixedCase', type: 'TEXT' },
      { name: 'NOTE', type: 'TEXT' },
    ],
    rows: people.slice(0, 12).map((p) => [p.id, p.phone, 'ok']),
    primaryKey: ['CUSTOMER_ID'],
  },
  {
    schema: 'CRM',
    name: 'Orders',
    columns: [
      { name: 'ORDER_ID', type: 'NUMBER', nullable: false },
      { name: 'customerId', type: 'NUMBER' },
      { name: 'TOTAL', type: 'NUMBER', scale: 2 },
      { name: 'PAID', type: 'BOOLEAN' },
    ],
    rows: people.map((p, i) => [i + 100, p.id, (i * 3.5).toFixed(2), i % 2 === 0]),
    primaryKey: ['ORDER_ID'],
    foreignKeys: [{ name: 'FK_ORDERS_CUSTOMER', columns: ['customerId'], refSchema: 'CRM', refTable: 'Customers', refColumns: ['ID'] }],
  },
  {
    schema: 'CRM',
    name: 'CUSTOMER_EMAILS',
    kind: 'VIEW',
    columns: [{ name: 'EMAIL', type: 'TEXT' }],
    rows: people.map((p) => [p.email]),
  },
  {
    schema: 'CRM',
    name: 'SALARIES',
    columns: [
      { name: 'EMPLOYEE', type: 'TEXT' },
      { name: 'AMOUNT', type: 'NUMBER' },
    ],
    rows: people.map((p, i) => [p.first, 30000 + i]),
    selectDenied: true,
  },
  {
    schema: 'Audit Log',
    name: 'events',
    columns: [
      { name: 'ip', type: 'TEXT' },
      { name: 'at', type: 'TIMESTAMP_NTZ' },
    ],
    rows: people.map((_, i) => [`10.1.${i}.${(i * 13) % 250}`, new Date(Date.UTC(2024, 0, 1 + i))]),
  },
];

export const SLOW_TABLE: DoubleTable = {
  schema: 'CRM',
  name: 'BIG_FACTS',
  columns: [{ name: 'X', type: 'NUMBER' }],
  rows: [[1], [2], [3]],
  slow: true,
};

export function doubleOptions(overrides: Partial<SnowflakeDoubleOptions> = {}): SnowflakeDoubleOptions {
  return {
    account: 'testorg-testacct',
    user: 'SCANNER',
    password: 'correct horse battery staple',
    oauthToken: 'oauth-token-for-tests',
    database: SNOWFLAKE_DATABASE,
    warehouses: [
      { name: 'SCAN_WH', state: 'STARTED', autoResume: true },
      { name: 'SLEEPY_WH', state: 'SUSPENDED', autoResume: true },
      { name: 'LOCKED_WH', state: 'SUSPENDED', autoResume: false },
    ],
    role: 'PIISCOUT_READER',
    tables: SNOWFLAKE_TABLES,
    ...overrides,
  };
}
