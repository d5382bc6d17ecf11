import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { emailRecognizer } from '../../../src/classify/recognizers/email.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

describe('email recognizer', () => {
  it.each([
    // valid
    ['john.doe@example.com', 1],
    ['a.b+tag@sub.example.co.uk', 1],
    ["o'brien@example.ie", 1],
    ['jürgen@müller.de', 1],
    ['user@xn--mller-kva.de', 1],
    // not email addresses
    ['user@localhost', 0],
    ['@twitterhandle', 0],
    ['a@b', 0],
    ['john.doe@example', 0],
    ['john..doe@example.com', 0],
    ['.john@example.com', 0],
    ['john@example..com', 0],
    ['john doe@example.com', 0],
    ['name at example dot com', 0],
    ['mailto:john@example.com', 0],
    [`${'x'.repeat(65)}@example.com`, 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(emailRecognizer, value)).toBe(expected);
  });

  it('scores a column by the share of valid values, without values in the reason', () => {
    faker.seed(7);
    const values = Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? 'n/a' : faker.internet.email()));
    const evidence = evaluateRecognizer(emailRecognizer, prepareValues(values), { maxDistinct: Infinity });
    expect(evidence?.score).toBeCloseTo(0.9, 2);
    // By default at most 120 distinct values are checked and the share is estimated from them.
    expect(evaluateRecognizer(emailRecognizer, prepareValues(values))?.reason).toMatch(/estimated from 120 distinct values/);
    expect(evidence?.reason).toBe('90% of 200 sampled values are valid email addresses');
    for (const v of values) expect(evidence?.reason).not.toContain(v);
  });

  it('gives score-0 evidence (not a match) when no value is an email', () => {
    const evidence = evaluateRecognizer(emailRecognizer, prepareValues(Array.from({ length: 50 }, (_, i) => `item-${i}`)));
    expect(evidence?.score).toBe(0);
    expect(evidence?.reason).toMatch(/^none of/);
  });
});
