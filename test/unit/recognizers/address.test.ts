import { describe, expect, it } from 'vitest';
import { allFakers } from '@faker-js/faker';
import { postalCodeRecognizer, streetAddressRecognizer } from '../../../src/classify/recognizers/address.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { run } from './column-options.js';

describe('street address recognizer', () => {
  it.each([
    ['123 Main Street', 1],
    ['47 MySakila Drive', 1],
    ['1600 Pennsylvania Ave NW', 1],
    ['12 rue de la Paix', 1],
    ['Hauptstraße 5', 1],
    ['Keizersgracht 123', 1],
    ['Calle Mayor 12', 1],
    ['Via Roma 10', 1],
    ['Rosenweg 7a', 1],
    ['PO Box 1234', 0.9],
    ['3 Little Pigs', 0.4],
    ['Product 5', 0.15],
    ['Explanada Óscar, 6', 1],
    ['Caserio Sergi, 5', 0.4],
    // A street name without a house number is still a street address, weaker.
    ['Main Street', 0.6],
    ['rue de la Paix', 0.6],
    ['Hauptstraße', 0.6],
    ['Spring', 0],
    ['John Smith', 0],
    ['Little Pigs', 0],
    // An implausibly long house number (generated test data) with a street word.
    ['4817263945 Oak Way', 0.6],
    ['4817263945 Little Pigs', 0],
    ['12345', 0],
    ['john@example.com', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(streetAddressRecognizer, value)).toBeCloseTo(expected, 5);
  });

  it('finds generated street addresses in several locales', () => {
    // faker's Spanish street types (Arroyo, Caserío, Huerta…) are mostly not street words: weaker there.
    const minimum: Record<string, number> = { es: 0.3 };
    for (const locale of ['en_US', 'de', 'fr', 'es', 'it', 'nl'] as const) {
      const f = allFakers[locale];
      f.seed(41);
      const values = Array.from({ length: 100 }, () => f.location.streetAddress());
      expect(evaluateRecognizer(streetAddressRecognizer, prepareValues(values))!.score, locale).toBeGreaterThan(minimum[locale] ?? 0.5);
    }
  });
});

describe('postal code recognizer', () => {
  it.each([
    ['SW1A 1AA', [0.9, 0.9]],
    ['M5V 3L9', [0.9, 0.9]],
    ['1012 AB', [0.8, 0.8]],
    ['94105-1234', [0.9, 0.9]],
    ['94105', [0.2, 0.9]], // five digits: weak without a zip/postal column name
    ['8001', [0.1, 0.8]],
    ['ABCDE', [0, 0]],
    ['123', [0, 0]],
  ] as const)('%s → %j (without, with context)', (value, [without, withContext]) => {
    const prepared = prepareValues([value, value, value]);
    expect(evaluateRecognizer(postalCodeRecognizer, prepared)!.score / 0.68).toBeCloseTo(without, 2);
    expect(evaluateRecognizer(postalCodeRecognizer, prepared, { nameTokens: ['zip'] })!.score / 0.68).toBeCloseTo(withContext, 2);
  });
});

describe('house numbers in a column named for them', () => {
  const numbers = Array.from({ length: 40 }, (_, i) => String(3 + i * 17));
  it.each([
    // [column, table, score band]
    ['house', 'address', [0.65, 0.7]],
    ['house_number', 'customers', [0.65, 0.7]],
    ['street_number', 'customers', [0.65, 0.7]],
    ['number', 'products', [0, 0]],
    ['quantity', 'address', [0, 0]],
  ] as const)('%s in %s → score in %j', (name, tableName, [low, high]) => {
    const found = run(streetAddressRecognizer, tableName, { name, type: 'integer', values: numbers });
    const score = found[0]?.score ?? 0;
    expect(score).toBeGreaterThanOrEqual(low);
    expect(score).toBeLessThanOrEqual(high);
  });
});
