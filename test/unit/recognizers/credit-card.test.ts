import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { creditCardRecognizer, luhnValid } from '../../../src/classify/recognizers/credit-card.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { reasonsFreeOf, run } from './column-options.js';

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

describe('card data shapes in a column named for cards', () => {
  faker.seed(7);
  const randomCards = Array.from({ length: 60 }, () => faker.string.numeric({ length: 16, allowLeadingZeros: false })).filter((v) => !luhnValid(v));
  const validCards = Array.from({ length: 60 }, () => faker.finance.creditCardNumber({ issuer: 'visa' }));
  const codes = Array.from({ length: 60 }, () => faker.string.numeric(3));
  const expiries = Array.from({ length: 60 }, () => `${faker.number.int({ min: 2015, max: 2030 })}/${String(faker.number.int({ min: 1, max: 12 })).padStart(2, '0')}`);
  const masked = Array.from({ length: 60 }, () => `************${faker.string.numeric(4)}`);
  const shortIds = Array.from({ length: 60 }, () => faker.string.numeric(9));
  it.each([
    // [column, table, values, expected score band, reason fragment]
    ['creditcard', 'customers', randomCards, [0.55, 0.6], 'fail the issuer or Luhn check (test data?)'],
    ['card_number', 'payments', validCards, [0.95, 1], 'valid issuer prefix and Luhn'],
    ['ccn', 'payment_card', shortIds, [0.3, 0.35], 'too short for card numbers'],
    ['card_number', 'payments', masked, [0.75, 0.8], 'masked card numbers'],
    ['code', 'payment_card', codes, [0.65, 0.7], 'card security codes'],
    ['cvv', 'payments', codes, [0.65, 0.7], 'card security codes'],
    ['creditcardexpiration', 'customers', expiries, [0.65, 0.7], 'card expiry dates'],
  ] as const)('%s in %s → score in %j', (name, tableName, values, [low, high], fragment) => {
    const [found] = run(creditCardRecognizer, tableName, { name, values });
    expect(found.score).toBeGreaterThanOrEqual(low);
    expect(found.score).toBeLessThanOrEqual(high);
    expect(found.reason).toContain(fragment);
    expect(reasonsFreeOf([found], values)).toBe(true);
  });

  it.each([
    // Without a card name (or with one that names something else) the shapes prove nothing.
    ['order_no', 'orders', randomCards],
    ['code', 'products', codes],
    ['gift_card_number', 'orders', randomCards],
    ['card_id', 'payments', shortIds],
    ['credit_limit', 'customers', shortIds],
  ] as const)('%s in %s → no card evidence', (name, tableName, values) => {
    const [found] = run(creditCardRecognizer, tableName, { name, values });
    expect(found?.score ?? 0).toBeLessThan(0.05);
  });
});
