import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { createPhoneRecognizer, mayBeNanpNumber, phoneRecognizer } from '../../../src/classify/recognizers/phone.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

/** Real US area codes, so libphonenumber's "max" metadata accepts the numbers. */
const AREA_CODES = ['212', '213', '312', '415', '617', '646', '702', '713', '206', '303'];
function usNumber(): string {
  const area = faker.helpers.arrayElement(AREA_CODES);
  const exchange = faker.string.numeric({ length: 3, allowLeadingZeros: false }).replace(/^1/, '2');
  return `(${area}) ${exchange}-${faker.string.numeric(4)}`;
}

describe('phone recognizer', () => {
  it.each([
    // international
    ['+44 20 7946 0958', 1],
    ['+49 30 901820', 1],
    ['+33 1 42 68 53 00', 1],
    ['0044 20 7946 0958', 1],
    ['+1 212 736 5000', 1],
    // national, formatted (default regions US, GB, DE, FR)
    ['(415) 555-2671', 0.95],
    ['212-736-5000', 0.95],
    ['(212) 736-5000 x123', 0.95],
    ['020 7946 0958', 0.95],
    ['030 901820', 0.95],
    ['01 42 68 53 00', 0.95],
    // unformatted digit runs count only weakly
    ['2127365000', 0.5],
    // not phone numbers
    ['+44 20 7946', 0],
    ['12345678', 0],
    ['0000000000', 0],
    ['1234567890123', 0],
    ['2024-01-15', 0],
    ['192.168.0.1', 0],
    ['ORD-2127365000', 0],
    ['(123) 456-7890', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(phoneRecognizer, value)).toBe(expected);
  });

  it('uses the configured regions for national numbers', () => {
    const german = createPhoneRecognizer({ regions: ['DE'] });
    expect(scoreValue(german, '030 901820')).toBe(0.95);
    expect(scoreValue(german, '020 7946 0958')).toBe(0);
  });

  it('finds a column of formatted numbers, and scores sequential order numbers low', () => {
    faker.seed(11);
    const phones = Array.from({ length: 200 }, usNumber);
    expect(evaluateRecognizer(phoneRecognizer, prepareValues(phones))!.score).toBeGreaterThan(0.9);
    const orderNumbers = Array.from({ length: 200 }, (_, i) => String(1_000_000_000 + i * 7919));
    expect(evaluateRecognizer(phoneRecognizer, prepareValues(orderNumbers))!.score).toBeLessThan(0.5);
  });

  it.each([
    ['(415) 555-2671', true],
    ['1-212-736-5000 x12', true],
    ['11 212 736 5000', true],
    ['011 44 20 7946 0958', true],
    ['123-456-7890', false],
    ['212-736-500', false],
    ['44 20 7946 0958', false],
  ])('NANP pre-check %s → %s', (value, expected) => {
    expect(mayBeNanpNumber(value)).toBe(expected);
  });

  it('the NANP pre-check never rejects a number libphonenumber accepts for the US', () => {
    const piece = fc.oneof(fc.stringMatching(/^\d{1,5}$/), fc.constantFrom(' ', '-', '.', '(', ')', '/', ' x12', ' ext. 7', '#3', '1', '011', '3'));
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 9 }), (parts) => {
        const value = parts.join('').trim();
        if (!phoneRecognizer.prefilter!(value) || /^(?:\+|00|\(?0)/.test(value)) return true;
        const valid = parsePhoneNumberFromString(value, 'US')?.isValid() ?? false;
        if (valid) accepted++;
        return mayBeNanpNumber(value) || !valid;
      }),
      { numRuns: 20000, seed: 3 },
    );
    expect(accepted).toBeGreaterThan(100); // the property was exercised on valid numbers too
  });
});
