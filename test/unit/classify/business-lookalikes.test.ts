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
import { identifierEvidence } from '../../../src/classify/name/identifier-rules.js';
import { inputsFor, table } from './column-input.js';

function evidenceOf(columnName: string, tableName: string) {
  return nameEvidence({ columnName, tokens: tokenizeName(columnName), tableName, tableSubject: tableSubject(tableName) });
}
const vetoes = (columnName: string, tableName: string, category: string) => evidenceOf(columnName, tableName).some((e) => e.veto && e.category === category);
const positive = (columnName: string, tableName: string) =>
  new Set(
    evidenceOf(columnName, tableName)
      .filter((e) => !e.veto && e.score > 0)
      .map((e) => e.category),
  );

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
  const tableOf = (name: string, columns: readonly string[] = ['id']) => table(name, columns.map((c) => ({ name: c })));
  it.each([
    ['warehouses', [], true],
    ['store_locations', ['name', 'address'], true],
    ['care_sites', [], true],
    ['entrepot', [], true],
    ['sucursales', [], true],
    ['zip_lookup', [], false],
    ['user_locations', ['name', 'latitude'], false],
    ['customers', [], false],
    ['shipments', [], false],
    // A table of locations or places is one of places when it names them; else it holds addresses people live at.
    ['locations', ['location_id', 'name', 'address1', 'city'], true],
    ['locations', ['location_id', 'address_1', 'city', 'zip'], false],
  ])('%s %j holds places: %s', (tableName, columns, place) => {
    expect(isPlaceTable(tableOf(tableName, columns.length ? columns : ['id']))).toBe(place);
  });

  /** Categories the name and table context leave possible and positive for a column. */
  function contactOf(tableName: string, columns: readonly string[], at: number) {
    const input = inputsFor(tableName, columns.map((name) => ({ name })))[at];
    const tokens = tokenizeName(columns[at]);
    const evidence = [...evidenceOf(columns[at], tableName), ...identifierEvidence(input, tokens)];
    const vetoed = new Set(evidence.filter((e) => e.veto).map((e) => e.category));
    return new Set(evidence.filter((e) => !e.veto && e.score > 0 && !vetoed.has(e.category)).map((e) => e.category));
  }

  it.each([
    ['warehouses', ['name', 'phone'], 1, false],
    ['warehouses', ['name', 'address_line1'], 1, false],
    ['branch_offices', ['zip'], 0, false],
    ['depots', ['latitude'], 0, false],
    ['warehouses', ['name', 'manager_phone'], 1, true],
    ['warehouses', ['name', 'contact_email'], 1, true],
    ['customers', ['name', 'phone'], 1, true],
    ['locations', ['location_id', 'address_1', 'city'], 2, true],
  ])('%s %j, column %i: a personal contact detail: %s', (tableName, columns, at, personal) => {
    const found = contactOf(tableName, columns, at);
    const contact = [...found].some((c) => c.startsWith('user.contact') || c.startsWith('user.location'));
    expect(contact).toBe(personal);
    if (!personal) expect(found.has(CATEGORY.operations)).toBe(true);
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
