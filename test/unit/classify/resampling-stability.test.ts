/**
 * Classification is stable under re-sampling (issue 14.3): for a column with clear evidence, any
 * 200-row sample of its table gives the same category. Tables of generated rows (faker, fixed seed) are
 * sampled several times, 200 rows each time from a pool of 3,000, and every sample is classified by the
 * full classifier (rules and the shipped column model), as `piiscout scan` does.
 */
import { faker } from '@faker-js/faker';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ColumnClassifier, ColumnInput } from '../../../src/classify/types.js';
import type { NormalizedType } from '../../../src/core/metadata.js';
import { createCombinedClassifier } from '../../../src/model/ml-classifiers.js';
import { createColumnModel } from '../../../src/model/model-classifier.js';
import { inputsFor, type ColumnSpec } from './column-input.js';

const POOL = 3000;
const SAMPLE = 200;
const SAMPLES = 8;

interface ColumnKind {
  readonly name: string;
  /** The category every sample must give (columns with clear evidence). */
  readonly expected?: string;
  readonly type?: NormalizedType;
  readonly primaryKey?: boolean;
  readonly value: (row: number) => string;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A valid phone number: faker's are random digits in the national pattern, and about half of them
 * are not numbers any country hands out, which is not clear evidence (see the mixed column below).
 */
function validPhone(): string {
  for (;;) {
    const number = faker.phone.number({ style: 'international' });
    if (isValidPhoneNumber(number)) return number;
  }
}

/** Tables of generated rows; every column has clear evidence for one category (or for none). */
const TABLES: Record<string, readonly ColumnKind[]> = {
  customers: [
    { name: 'customer_id', expected: 'user.unique_id', type: 'integer', primaryKey: true, value: (i) => String(i + 1) },
    { name: 'first_name', expected: 'user.name.first', value: () => faker.person.firstName() },
    { name: 'last_name', expected: 'user.name.last', value: () => faker.person.lastName() },
    { name: 'email', expected: 'user.contact.email', value: () => faker.internet.email() },
    { name: 'phone', expected: 'user.contact.phone_number', value: validPhone },
    { name: 'street', expected: 'user.contact.address.street', value: () => faker.location.streetAddress() },
    { name: 'city', expected: 'user.contact.address.city', value: () => faker.location.city() },
    { name: 'zip', expected: 'user.contact.address.postal_code', value: () => faker.location.zipCode('#####') },
    { name: 'country', expected: 'user.contact.address.country', value: () => faker.location.country() },
    { name: 'birth_date', expected: 'user.demographic.date_of_birth', type: 'date', value: () => isoDate(faker.date.birthdate({ min: 18, max: 90, mode: 'age', refDate: '2024-01-01' })) },
    { name: 'username', expected: 'user.account.username', value: () => faker.internet.username() },
    { name: 'last_login_ip', expected: 'user.device.ip_address', value: () => faker.internet.ipv4() },
    { name: 'created_at', expected: 'system.operations', type: 'timestamp', value: () => faker.date.between({ from: '2023-01-01', to: '2024-01-01' }).toISOString() },
  ],
  orders: [
    { name: 'order_id', expected: 'system.operations', type: 'integer', primaryKey: true, value: (i) => String(10_000 + i) },
    { name: 'tracking_id', expected: 'user.unique_id.pseudonymous', type: 'uuid', value: () => faker.string.uuid() },
    { name: 'amount', expected: 'system.operations', type: 'decimal', value: () => faker.finance.amount({ min: 1, max: 2000, dec: 2 }) },
    { name: 'quantity', expected: 'system.operations', type: 'integer', value: () => String(faker.number.int({ min: 1, max: 20 })) },
    { name: 'status', expected: 'system.operations', value: () => faker.helpers.arrayElement(['new', 'paid', 'shipped', 'returned']) },
    { name: 'product_name', expected: 'system.operations', value: () => faker.commerce.productName() },
    { name: 'note', expected: 'system.operations', value: () => faker.lorem.sentence() },
  ],
  people: [
    { name: 'id', expected: 'user.unique_id', type: 'integer', primaryKey: true, value: (i) => String(i + 1) },
    { name: 'full_name', expected: 'user.name', value: () => faker.person.fullName() },
    { name: 'bio', expected: 'system.operations', value: () => faker.person.bio() },
    { name: 'job_title', expected: 'user.job_title', value: () => faker.person.jobTitle() },
    { name: 'card_number', expected: 'user.financial.credit_card', value: () => faker.finance.creditCardNumber({ issuer: 'visa' }) },
    { name: 'iban', expected: 'user.financial.bank_account', value: () => faker.finance.iban() },
  ],
  // Names that say nothing: the values (and the model) decide.
  t17: [
    { name: 'c1', expected: 'user.contact.email', value: () => faker.internet.email() },
    { name: 'c2', expected: 'user.contact.phone_number', value: validPhone },
    { name: 'c3', expected: 'user.contact.address.street', value: () => faker.location.streetAddress() },
    { name: 'c4', expected: 'user.device.ip_address', value: () => faker.internet.ipv4() },
    { name: 'c5', expected: 'system.operations', value: () => faker.string.uuid() },
    { name: 'c6', expected: 'system.operations', value: () => faker.finance.amount({ min: 1, max: 500, dec: 2 }) },
  ],
};

/** Columns whose evidence is mixed or near a cut-off, where the part of the sample looked at matters. */
const UNCLEAR: readonly ColumnKind[] = [
  { name: 'id', type: 'integer', primaryKey: true, value: (i) => String(i + 1) },
  // Random digits under a phone name (as in Pagila): name and model say phone, the values mostly not.
  { name: 'phone', value: () => faker.string.numeric({ length: { min: 10, max: 12 }, allowLeadingZeros: false }) },
  // faker's phone numbers: about half are valid.
  { name: 'c7', value: () => faker.phone.number({ style: 'international' }) },
  { name: 'contact', value: () => (faker.number.int(9) === 0 ? 'n/a' : faker.internet.email()) },
  { name: 'remarks', value: () => faker.helpers.arrayElement([faker.lorem.sentence(), `${faker.person.fullName()} called`, faker.internet.email()]) },
  { name: 'code', value: () => faker.string.alphanumeric(8) },
];

/** The table's pool of rows: one value list per column, row by row. */
function pool(kinds: readonly ColumnKind[]): string[][] {
  return kinds.map((kind) => Array.from({ length: POOL }, (_, row) => kind.value(row)));
}

/** `SAMPLES` different 200-row samples (row indices), drawn without replacement. */
function sampleRows(): number[][] {
  return Array.from({ length: SAMPLES }, () => faker.helpers.shuffle(Array.from({ length: POOL }, (_, i) => i)).slice(0, SAMPLE));
}

function inputsOf(table: string, kinds: readonly ColumnKind[], columns: readonly string[][], rows: readonly number[]): ColumnInput[] {
  const specs: ColumnSpec[] = kinds.map((kind, c) => ({
    name: kind.name,
    type: kind.type,
    primaryKey: kind.primaryKey,
    values: rows.map((r) => columns[c][r]),
  }));
  return inputsFor(table, specs);
}

let classifier: ColumnClassifier;
beforeAll(async () => {
  const model = createColumnModel();
  await model.load();
  classifier = createCombinedClassifier(model);
});

describe('classification under re-sampling', () => {
  it.each(Object.keys(TABLES))('%s: every 200-row sample gives each column the same category', async (table) => {
    faker.seed([14, 3, table.length]);
    const kinds = TABLES[table];
    const columns = pool(kinds);
    // Per column, what each sample gave ("category@confidence").
    const given = kinds.map(() => [] as string[]);
    for (const rows of sampleRows()) {
      const results = await classifier.classify(inputsOf(table, kinds, columns, rows));
      results.forEach((result, c) => given[c].push(`${result.categories.join('+')}@${result.confidence}`));
    }
    const unexpected = kinds
      .map((kind, c) => ({ column: `${table}.${kind.name}`, expected: kind.expected, given: given[c] }))
      .filter(({ expected, given }) => given.some((g) => g.split('@')[0] !== expected));
    expect(unexpected).toEqual([]);
  });
});

describe('classification of the same rows in another order', () => {
  const tables: [string, readonly ColumnKind[]][] = [...Object.entries(TABLES), ['contacts', UNCLEAR]];
  it.each(tables)('%s: every order of one 200-row sample gives the same proposals', async (table, kinds) => {
    faker.seed([14, 4, table.length]);
    const columns = pool(kinds);
    const [rows] = sampleRows();
    const inRowOrder = await classifier.classify(inputsOf(table, kinds, columns, rows));
    for (let i = 0; i < 5; i++) {
      const shuffled = faker.helpers.shuffle([...rows]);
      expect(await classifier.classify(inputsOf(table, kinds, columns, shuffled))).toEqual(inRowOrder);
    }
  });
});
