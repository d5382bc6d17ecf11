import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import type { FieldClassification } from '../../../src/classify/types.js';
import { inputFor, inputsFor, table, type ColumnSpec } from './column-input.js';

const classifier = createHeuristicClassifier();
const n = 200;
async function classifyOne(tableName: string, spec: ColumnSpec): Promise<FieldClassification> {
  const [result] = await classifier.classify([inputFor(tableName, spec)]);
  return result;
}
function noValueInEvidence(result: FieldClassification, values: readonly string[]): void {
  const text = result.evidence.map((e) => e.reason).join('\n');
  for (const v of values) expect(text).not.toContain(v);
}

describe('heuristic classifier', () => {
  it('has id "heuristic" and returns one result per input, in order', async () => {
    const inputs = inputsFor('customers', [{ name: 'email' }, { name: 'first_name' }, { name: 'notes' }]);
    const results = await classifier.classify(inputs);
    expect(classifier.id).toBe('heuristic');
    expect(results.map((r) => r.categories[0])).toEqual([CATEGORY.email, CATEGORY.firstName, CATEGORY.operations]);
  });

  it('finds emails under a cryptic column name', async () => {
    faker.seed(1);
    const values = Array.from({ length: n }, () => faker.internet.email());
    const result = await classifyOne('t1', { name: 'c7', values });
    expect(result.categories).toEqual([CATEGORY.email]);
    expect(result.confidence).toBeGreaterThan(0.9);
    expect(result.factors.values).toBeGreaterThan(0.9);
    expect(result.factors.name).toBeUndefined();
    noValueInEvidence(result, values);
  });

  it('proposes email for an "email" column of an empty table, at lower confidence', async () => {
    faker.seed(2);
    const empty = await classifyOne('customers', { name: 'email', values: [] });
    const full = await classifyOne('customers', { name: 'email', values: Array.from({ length: n }, () => faker.internet.email()) });
    expect(empty.categories).toEqual([CATEGORY.email]);
    expect(full.categories).toEqual([CATEGORY.email]);
    expect(empty.confidence).toBeGreaterThanOrEqual(0.5);
    expect(empty.confidence).toBeLessThan(full.confidence);
  });

  it('does not call an email_verified boolean an email', async () => {
    const result = await classifyOne('users', { name: 'email_verified', type: 'boolean', values: Array.from({ length: n }, (_, i) => String(i % 3 === 0)) });
    expect(result.categories).toEqual([CATEGORY.operations]);
  });

  it('does not call "name" in a products table a person name', async () => {
    faker.seed(3);
    const values = Array.from({ length: n }, () => faker.commerce.productName());
    const result = await classifyOne('products', { name: 'name', values });
    expect(result.categories).not.toContain(CATEGORY.name);
    expect(result.categories).toEqual([CATEGORY.operations]);
  });

  it('calls "name" in a customers table with person names a person name', async () => {
    faker.seed(4);
    const values = Array.from({ length: n }, () => faker.person.fullName({ sex: faker.helpers.arrayElement(['female', 'male']) }));
    const result = await classifyOne('customers', { name: 'name', values });
    expect(result.categories).toEqual([CATEGORY.name]);
  });

  it('does not call order numbers that look like phone numbers phone numbers', async () => {
    faker.seed(5);
    const formatted = Array.from({ length: n }, () => `(212) ${faker.string.numeric({ length: 3, allowLeadingZeros: false }).replace(/^1/, '2')}-${faker.string.numeric(4)}`);
    const digits = Array.from({ length: n }, () => `212${faker.string.numeric(7)}`);
    for (const values of [formatted, digits]) {
      const result = await classifyOne('orders', { name: 'order_no', values });
      expect(result.categories).not.toContain(CATEGORY.phone);
    }
    // The same values under a neutral name are phone numbers.
    expect((await classifyOne('contacts', { name: 'c3', values: formatted })).categories).toEqual([CATEGORY.phone]);
  });

  it('tells birth dates from created_at dates', async () => {
    faker.seed(6);
    const births = Array.from({ length: n }, () => faker.date.birthdate({ mode: 'age', min: 18, max: 90 }).toISOString().slice(0, 10));
    const created = Array.from({ length: n }, () => faker.date.recent({ days: 700 }).toISOString().slice(0, 10));
    expect((await classifyOne('people', { name: 'bd', type: 'date', values: births })).categories).toEqual([CATEGORY.dateOfBirth]);
    expect((await classifyOne('people', { name: 'created', type: 'date', values: created })).categories).toEqual([CATEGORY.operations]);
  });

  it('classifies address parts, IP addresses and card numbers', async () => {
    faker.seed(7);
    const cases: [ColumnSpec, string][] = [
      [{ name: 'addr1', values: Array.from({ length: n }, () => faker.location.streetAddress()) }, CATEGORY.street],
      [{ name: 'town', values: Array.from({ length: n }, () => faker.location.city()) }, CATEGORY.city],
      [{ name: 'zip', values: Array.from({ length: n }, () => faker.location.zipCode('#####')) }, CATEGORY.postalCode],
      [{ name: 'st', values: Array.from({ length: n }, () => faker.location.state({ abbreviated: true })) }, CATEGORY.state],
      [{ name: 'country', values: Array.from({ length: n }, () => faker.location.country()) }, CATEGORY.country],
      [{ name: 'src', type: 'inet', values: Array.from({ length: n }, () => faker.internet.ipv4()) }, CATEGORY.ipAddress],
      [{ name: 'pan_token', values: Array.from({ length: n }, () => faker.finance.creditCardNumber({ issuer: 'visa' })) }, CATEGORY.creditCard],
    ];
    for (const [spec, category] of cases) {
      const result = await classifyOne('customers', spec);
      expect(result.categories, spec.name).toEqual([category]);
    }
  });

  it('marks primary keys of person tables and foreign keys to them as user.unique_id', async () => {
    const customers = table('customers', [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'email' }]);
    const orders = inputsFor(
      'orders',
      [{ name: 'id', type: 'integer', primaryKey: true }, { name: 'buyer', type: 'integer' }, { name: 'product_id', type: 'integer' }],
      [
        { name: 'fk_buyer', columns: ['buyer'], referencedSchema: 'public', referencedTable: 'customers', referencedColumns: ['id'] },
        { name: 'fk_product', columns: ['product_id'], referencedSchema: 'public', referencedTable: 'products', referencedColumns: ['id'] },
      ],
      [customers],
    );
    const [orderId, buyer, productId] = await classifier.classify(orders);
    expect(orderId.categories).toEqual([CATEGORY.operations]);
    expect(buyer.categories).toEqual([CATEGORY.uniqueId]);
    expect(buyer.evidence.map((e) => e.reason)).toContain('references customers.id, a table of people');
    expect(productId.categories).toEqual([CATEGORY.operations]);
    const [customerId] = await classifier.classify(inputsFor('customers', [{ name: 'id', type: 'integer', primaryKey: true }]));
    expect(customerId.categories).toEqual([CATEGORY.uniqueId]);
  });

  it('honours a custom threshold and disabled recognizers', async () => {
    faker.seed(8);
    const values = Array.from({ length: n }, () => faker.internet.email());
    const strict = createHeuristicClassifier({ threshold: 0.99 });
    expect((await strict.classify([inputFor('t', { name: 'c1', values: values.map((v, i) => (i % 10 ? v : 'x')) })]))[0].categories).toEqual([CATEGORY.operations]);
    const noEmail = createHeuristicClassifier({ disabledRecognizers: ['email'] });
    expect((await noEmail.classify([inputFor('t', { name: 'c1', values })]))[0].categories).toEqual([CATEGORY.operations]);
  });

  it('is deterministic', async () => {
    faker.seed(9);
    const inputs = inputsFor('customers', [
      { name: 'name', values: Array.from({ length: n }, () => faker.person.fullName()) },
      { name: 'phone', values: Array.from({ length: n }, () => faker.phone.number()) },
    ]);
    expect(await classifier.classify(inputs)).toEqual(await createHeuristicClassifier().classify(inputs));
  });
});

describe('table context and test data', () => {
  it('reads a bare name in an unclear table as a person name when sibling columns describe members', async () => {
    const specs = (extra: ColumnSpec[]): ColumnSpec[] => [{ name: 'id' }, { name: 'name', values: [] }, ...extra];
    const [, member] = await classifier.classify(inputsFor('loyalty', specs([{ name: 'points', type: 'integer' }, { name: 'tier' }])));
    expect(member.categories).toEqual([CATEGORY.name]);
    expect(member.evidence[0].reason).toContain("columns 'points', 'tier' describe a membership");
    const [, withEmail] = await classifier.classify(inputsFor('service_request', specs([{ name: 'email' }])));
    expect(withEmail.categories).toEqual([CATEGORY.name]);
    const [, unclear] = await classifier.classify(inputsFor('loyalty', specs([{ name: 'points', type: 'integer' }])));
    expect(unclear.categories).toEqual([CATEGORY.operations]);
  });

  it('does not let name-shaped values make a product title a person name', async () => {
    faker.seed(8);
    const values = Array.from({ length: n }, () => `${faker.word.adjective().toUpperCase()} ${faker.person.lastName().toUpperCase()}`);
    const result = await classifyOne('products', { name: 'title', values });
    expect(result.categories).toEqual([CATEGORY.operations]);
  });

  it('keeps a house number in an integer column as part of the street address', async () => {
    const values = Array.from({ length: 30 }, (_, i) => String(1 + i * 7));
    const [house] = await classifier.classify(inputsFor('address', [{ name: 'house', type: 'integer', values }]));
    expect(house.categories).toEqual([CATEGORY.street]);
    const [other] = await classifier.classify(inputsFor('address', [{ name: 'quantity', type: 'integer', values }]));
    expect(other.categories).toEqual([CATEGORY.operations]);
  });

  it('proposes card data and passwords for test data under strong names, at reduced confidence', async () => {
    faker.seed(9);
    const cards = Array.from({ length: n }, () => faker.string.numeric({ length: 16, allowLeadingZeros: false }));
    const [card, password] = await classifier.classify(
      inputsFor('customers', [
        { name: 'creditcard', values: cards },
        { name: 'password', values: Array.from({ length: n }, () => 'password') },
      ]),
    );
    expect(card.categories).toEqual([CATEGORY.creditCard]);
    expect(card.confidence).toBeLessThan(0.9);
    expect(password.categories).toEqual([CATEGORY.password]);
    expect(password.confidence).toBeLessThan(0.9);
  });
});
