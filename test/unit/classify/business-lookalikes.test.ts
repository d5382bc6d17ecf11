/**
 * Look-alikes in business tables (issue 15, class 5) and the contact details of places: amounts are no
 * coordinates, ledger dates no birth dates, a warehouse's address no person's. Invented tables.
 */
import { describe, expect, it } from 'vitest';
import { nameEvidence } from '../../../src/classify/name/name-rules.js';
import { tableSubject } from '../../../src/classify/name/table-context.js';
import { tokenizeName } from '../../../src/classify/name/tokenize.js';
import { isPlaceTable } from '../../../src/classify/name/place-context.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import { postalCodeRecognizer } from '../../../src/classify/recognizers/address.js';
import { phoneRecognizer } from '../../../src/classify/recognizers/phone.js';
import { run } from '../recognizers/column-options.js';
import { inputsFor } from './column-input.js';

function evidenceOf(columnName: string, tableName: string) {
  return nameEvidence({ columnName, tokens: tokenizeName(columnName), tableName, tableSubject: tableSubject(tableName) });
}
const vetoes = (columnName: string, tableName: string, category: string) => evidenceOf(columnName, tableName).some((e) => e.veto && e.category === category);
const positive = (columnName: string, tableName: string) => new Set(evidenceOf(columnName, tableName).filter((e) => !e.veto && e.score > 0).map((e) => e.category));

describe('quantities are no coordinates', () => {
  it.each([
    ['hourly_rate', true],
    ['amount_due', true],
    ['weeklyhours', true],
    ['bonusextra_amount', true],
    ['latitude', false],
  ])('%s rules out a position: %s', (column, vetoed) => {
    expect(vetoes(column, 'staff_contracts', CATEGORY.preciseLocation)).toBe(vetoed);
  });

  it('reads run-together pay words as pay', () => {
    expect(tokenizeName('salaryextra')).toEqual(['salary', 'extra']);
    expect(positive('salaryextra', 'employees').has('user.financial')).toBe(true);
  });
});

describe('ledger and bank dates are no birth dates', () => {
  it.each([
    ['value_date', true],
    ['posting_date', true],
    ['date_valeur', true],
    ['settlement_date', true],
    ['entry_date', true],
    ['birth_date', false],
  ])('%s rules out a date of birth: %s', (column, vetoed) => {
    expect(vetoes(column, 'bank_lines', CATEGORY.dateOfBirth)).toBe(vetoed);
  });
});

describe('tables of places', () => {
  it.each([
    ['warehouses', true],
    ['store_locations', true],
    ['care_sites', true],
    ['entrepot', true],
    ['sucursales', true],
    ['zip_lookup', false],
    ['user_locations', false],
    ['customers', false],
    ['shipments', false],
  ])('%s holds places: %s', (tableName, place) => {
    expect(isPlaceTable(tableName)).toBe(place);
  });

  it.each([
    ['warehouses', 'phone', false],
    ['warehouses', 'address_line1', false],
    ['branch_offices', 'zip', false],
    ['depots', 'latitude', false],
    ['warehouses', 'manager_phone', true],
    ['warehouses', 'contact_email', true],
    ['customers', 'phone', true],
  ])('%s.%s: personal contact: %s', (tableName, column, personal) => {
    const found = positive(column, tableName);
    const contact = [...found].some((c) => c.startsWith('user.contact') || c.startsWith('user.location'));
    expect(contact).toBe(personal);
    if (!personal) expect(found.has(CATEGORY.operations)).toBe(true);
  });

  it('damps address values in a table of places, not in a table of people', () => {
    const codes = Array.from({ length: 60 }, (_, i) => String(10115 + i * 37));
    const inPlaces = run(postalCodeRecognizer, 'warehouses', { name: 'zip', values: codes })[0];
    const inPeople = run(postalCodeRecognizer, 'customers', { name: 'zip', values: codes })[0];
    expect(inPeople.score).toBeGreaterThan(0.8);
    expect(inPlaces.score).toBeCloseTo(inPeople.score * 0.4, 2);
    expect(inPlaces.reason).toMatch(/holds places/);
    const phones = Array.from({ length: 30 }, (_, i) => `+44 20 7946 ${String(1000 + i * 7)}`);
    expect(run(phoneRecognizer, 'branch_offices', { name: 'manager_phone', values: phones })[0].score).toBeGreaterThan(0.8);
  });

  it('classifies a warehouse address as operations and a customer address as a street', async () => {
    const classifier = createHeuristicClassifier();
    const streets = Array.from({ length: 40 }, (_, i) => `${i + 1} ${['Quarry Lane', 'Mill Road', 'Harbour Street', 'Elm Avenue'][i % 4]}`);
    const [warehouse] = await classifier.classify(inputsFor('warehouses', [{ name: 'address', values: streets }]));
    const [customer] = await classifier.classify(inputsFor('customers', [{ name: 'address', values: streets }]));
    expect(warehouse.categories).toEqual([CATEGORY.operations]);
    expect(customer.categories).toEqual([CATEGORY.street]);
  });
});
