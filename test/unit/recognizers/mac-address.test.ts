import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { macAddressRecognizer } from '../../../src/classify/recognizers/mac-address.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

describe('MAC address recognizer', () => {
  it.each([
    ['00:1A:2B:3C:4D:5E', 1],
    ['00-1a-2b-3c-4d-5e', 1],
    ['001A.2B3C.4D5E', 0.9],
    ['001A2B3C4D5E', 0.2],
    // look-alikes and placeholders
    ['00:00:00:00:00:00', 0],
    ['FF:FF:FF:FF:FF:FF', 0],
    ['00:1A-2B:3C:4D:5E', 0],
    ['00:1A:2B:3C:4D', 0],
    ['00:1G:2B:3C:4D:5E', 0],
    ['12:30:45', 0],
    ['2001:db8::1', 0],
    ['0000.0000.0000', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(macAddressRecognizer, value)).toBe(expected);
  });

  it('finds a column of MAC addresses', () => {
    faker.seed(11);
    const values = Array.from({ length: 200 }, () => faker.internet.mac());
    expect(evaluateRecognizer(macAddressRecognizer, prepareValues(values))!.score).toBe(1);
  });

  it('counts bare hex strings only in a column named for MAC addresses', () => {
    faker.seed(12);
    const values = Array.from({ length: 100 }, () => faker.string.hexadecimal({ length: 12, prefix: '' }));
    expect(evaluateRecognizer(macAddressRecognizer, prepareValues(values))!.score).toBeLessThan(0.3);
    expect(evaluateRecognizer(macAddressRecognizer, prepareValues(values), { nameTokens: ['mac', 'address'] })!.score).toBeGreaterThan(0.85);
  });

  it('does not count a column of placeholder addresses', () => {
    const values = Array.from({ length: 50 }, (_, i) => (i % 2 ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'));
    expect(evaluateRecognizer(macAddressRecognizer, prepareValues(values))!.score).toBe(0);
  });
});
