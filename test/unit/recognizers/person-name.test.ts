import { describe, expect, it } from 'vitest';
import { allFakers, faker } from '@faker-js/faker';
import { firstNameRecognizer, fullNameRecognizer, lastNameRecognizer } from '../../../src/classify/recognizers/person-name.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

describe('first name recognizer', () => {
  it.each([
    ['John', 1],
    ['JEAN-MARC', 1],
    ['Jürgen', 1],
    ['priya', 1],
    ['Mary Ann', 1],
    ['Hiroshi', 1],
    ['Zebulon', 0.35], // shape only
    ['Chair', 0.35],
    ['R2D2', 0],
    ['john@example.com', 0],
    ['A', 0],
    ['New York City', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(firstNameRecognizer, value)).toBeCloseTo(expected, 5);
  });
});

describe('last name recognizer', () => {
  it.each([
    ['Smith', 1],
    ['MÜLLER', 1],
    ["O'Brien", 1],
    ['van den Berg', 1],
    ['van der Zwaluw', 0.35],
    ['de Jong', 1],
    ['García', 1],
    ['Tanaka', 1],
    ['Gonzalez-Ruiz', 1],
    ['Widget', 0.35],
    ['12 Main St', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(lastNameRecognizer, value)).toBeCloseTo(expected, 5);
  });
});

describe('full name recognizer', () => {
  it.each([
    ['John Smith', 1],
    ['Smith, John', 1],
    ['Dr. Anna Müller', 1],
    ['Priya Sharma', 1],
    ['Jean-Marc Dubois', 1],
    ['PENELOPE GUINESS', 0.5],
    ['JOHN GUINESS', 0.75],
    ['Zebulon Smith', 0.75],
    ['Ergonomic Steel Chair', 0.5], // shape only; the column check catches repeated product words
    ['Acme Widgets Inc', 0],
    ['Smith & Sons Ltd', 0],
    ['John', 0],
    ['The quick brown fox jumps', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(fullNameRecognizer, value)).toBeCloseTo(expected, 5);
  });

  it('finds generated full names in several locales, and not product names', () => {
    for (const locale of ['en_US', 'de', 'fr', 'es', 'it', 'nl', 'en_IN'] as const) {
      const f = allFakers[locale];
      f.seed(31);
      const names = Array.from({ length: 200 }, () => `${f.person.firstName()} ${f.person.lastName()}`);
      expect(evaluateRecognizer(fullNameRecognizer, prepareValues(names))!.score, locale).toBeGreaterThan(0.5);
    }
    faker.seed(32);
    const products = Array.from({ length: 200 }, () => faker.commerce.productName());
    expect(evaluateRecognizer(fullNameRecognizer, prepareValues(products))!.score).toBeLessThan(0.45);
  });

  it('scores first-name columns higher as first names than as last names', () => {
    faker.seed(33);
    const values = prepareValues(Array.from({ length: 200 }, () => faker.person.firstName()));
    const first = evaluateRecognizer(firstNameRecognizer, values)!.score;
    const last = evaluateRecognizer(lastNameRecognizer, values)!.score;
    expect(first).toBeGreaterThan(last);
  });
});
