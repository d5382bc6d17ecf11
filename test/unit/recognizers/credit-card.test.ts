import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { creditCardRecognizer, luhnValid } from '../../../src/classify/recognizers/credit-card.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

describe('credit card recognizer', () => {
  it.each([
    // valid test numbers of the major networks
    ['4111111111111111', 1],
    ['4111 1111 1111 1111', 1],
    ['4111-1111-1111-1111', 1],
    ['5500000000000004', 1],
    ['2223000048400011', 1],
    ['378282246310005', 1],
    ['6011111111111117', 1],
    ['3530111333300000', 1],
    ['30569309025904', 1],
    // checksum failures
    ['4111111111111112', 0],
    ['4012-8888-8888-1882', 0],
    ['5500000000000005', 0],
    // Luhn-valid but no issuer, wrong length, or degenerate
    ['1234567812345670', 0],
    ['0000000000000000', 0],
    ['41111111111111', 0],
    ['37828224631000', 0],
    // look-alikes
    ['4111 1111 1111', 0],
    ['+1 415 555 2671', 0],
    ['2024-01-15', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(creditCardRecognizer, value)).toBe(expected);
  });

  it('implements Luhn', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
  });

  it('finds a column of generated card numbers and not a column of random 16-digit ids', () => {
    faker.seed(3);
    const cards = Array.from({ length: 200 }, () => faker.finance.creditCardNumber({ issuer: faker.helpers.arrayElement(['visa', 'mastercard', 'amex']) }));
    expect(evaluateRecognizer(creditCardRecognizer, prepareValues(cards))!.score).toBeGreaterThan(0.95);
    const ids = Array.from({ length: 200 }, () => faker.string.numeric({ length: 16, allowLeadingZeros: false }));
    expect(evaluateRecognizer(creditCardRecognizer, prepareValues(ids))!.score).toBeLessThan(0.15);
  });
});
