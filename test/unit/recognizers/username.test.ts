import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { usernameRecognizer } from '../../../src/classify/recognizers/username.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

faker.seed(51);
const usernames = Array.from({ length: 200 }, () => faker.internet.username());

describe('username recognizer', () => {
  it.each([
    ['@handle', 0.7],
    ['@jane_doe', 0.7],
    ['jsmith42', 0.15],
    ['j.smith', 0.15],
    ['bonjour', 0.1275], // handle shape, not a typical one
    // look-alikes
    ['12345', 0],
    ['1.2.3', 0],
    ['jane@example.com', 0],
    ['two words', 0],
    ['@', 0],
    ['a', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(usernameRecognizer, value)).toBeCloseTo(expected, 4);
  });

  it('is weak alone and strong under a user/login column name in several languages', () => {
    const values = prepareValues(usernames);
    expect(evaluateRecognizer(usernameRecognizer, values)!.score).toBeLessThan(0.2);
    for (const tokens of [['user', 'name'], ['login'], ['benutzername'], ['pseudo'], ['handle']]) {
      expect(evaluateRecognizer(usernameRecognizer, values, { nameTokens: tokens })!.score, tokens.join(' ')).toBeGreaterThan(0.8);
    }
  });

  it('finds a column of @handles under a neutral name', () => {
    const handles = usernames.map((u) => `@${u.replace(/[^\w.]/g, '')}`);
    expect(evaluateRecognizer(usernameRecognizer, prepareValues(handles))!.score).toBeGreaterThan(0.6);
  });
});

describe('username look-alikes', () => {
  it.each([
    ['quarterly_report.pdf'],
    ['IMG_2041.JPG'],
    ['export-2024.csv'],
    ['BQ'],
    ['USD'],
    ['EUR1'],
  ])('%s is no handle', (value) => {
    expect(scoreValue(usernameRecognizer, value)).toBe(0);
  });

  it('a series of codes of one length and beginning is damped, however the column is named', () => {
    const codes = prepareValues(Array.from({ length: 40 }, (_, i) => `VN${String(700100 + i * 13)}`));
    const objectIds = prepareValues(Array.from({ length: 40 }, (_, i) => `obj_${(i * 7919).toString(36).padStart(10, 'q')}`));
    for (const values of [codes, objectIds]) {
      const found = evaluateRecognizer(usernameRecognizer, values, { nameTokens: ['account'] })!;
      expect(found.score).toBeLessThan(0.25);
      expect(found.reason).toMatch(/series of codes/);
    }
    // Handles of varying length and beginning under the same name stay strong.
    expect(evaluateRecognizer(usernameRecognizer, prepareValues(usernames), { nameTokens: ['account'] })!.score).toBeGreaterThan(0.8);
  });
});
