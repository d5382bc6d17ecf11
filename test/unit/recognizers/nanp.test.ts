/** The NANP fast path against libphonenumber, whose verdict it must give on every value it takes. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { faker } from '@faker-js/faker';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { plainInternationalNanpNumber, plainNanpNumber, validNanpNationalNumber } from '../../../src/classify/recognizers/nanp.js';
import { mayBeNanpNumber, phoneRecognizer } from '../../../src/classify/recognizers/phone.js';

const anyString = fc.string({ maxLength: 30, unit: 'binary' });

describe('NANP fast path', () => {
  const AREA_CODES = ['212', '213', '312', '415', '617', '646', '702', '713', '206', '303', '268', '264', '441', '787', '939', '876', '809', '416', '604', '800', '900', '555', '999', '311'];
  const nationalNumber = fc.oneof(
    fc.stringMatching(/^[2-9][0-9]{9}$/),
    fc.tuple(fc.constantFrom(...AREA_CODES), fc.stringMatching(/^[2-9][0-9]{6}$/)).map(([a, rest]) => a + rest),
  );
  const separator = fc.constantFrom('', '', ' ', '-', '.', '/', '(', ')', ' - ', '  ');
  const written = fc
    .tuple(fc.constantFrom('', '', '1', '1-', '1 ', '(', '1 ('), nationalNumber, fc.array(separator, { minLength: 9, maxLength: 9 }), fc.constantFrom('', '', ' x12', 'x123', ' ext. 7', ' EXT 12345', ' X9', ' x 42', ' #3'))
    .map(([prefix, digits, seps, ext]) => `${prefix}${[...digits].map((d, i) => d + (seps[i] ?? '')).join('')}${ext}`.trim());

  it('gives libphonenumber’s verdict for US and CA on every plainly written number it takes', () => {
    let taken = 0;
    let valid = 0;
    fc.assert(
      fc.property(written, fc.constantFrom('US', 'CA') as fc.Arbitrary<'US' | 'CA'>, (value, region) => {
        const national = plainNanpNumber(value);
        if (national === undefined) return true;
        taken++;
        const expected = parsePhoneNumberFromString(value, region)?.isValid() ?? false;
        if (expected) valid++;
        return validNanpNationalNumber(national, region) === expected;
      }),
      { numRuns: 20000, seed: 5 },
    );
    expect(taken).toBeGreaterThan(10000);
    expect(valid).toBeGreaterThan(2000);
  });

  const international = fc
    .tuple(fc.constantFrom('+1', '+1 ', '+1-', '+1 (', '+1(', '+1.', '+1 1 ', '+11', '+1 0'), nationalNumber, fc.array(separator, { minLength: 9, maxLength: 9 }), fc.constantFrom('', '', ' x12', ' ext. 7', ' #3'))
    .map(([prefix, digits, seps, ext]) => `${prefix}${[...digits].map((d, i) => d + (seps[i] ?? '')).join('')}${ext}`.trim());

  it('gives libphonenumber’s verdict on every plainly written +1 number it takes', () => {
    let taken = 0;
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(international, anyString.map((s) => `+1${s}`)), (value) => {
        const national = plainInternationalNanpNumber(value);
        if (national === undefined) return true;
        taken++;
        const expected = parsePhoneNumberFromString(value)?.isValid() ?? false;
        if (expected) valid++;
        // The phone recognizer takes this path for +1 (and 001) numbers.
        return validNanpNationalNumber(national, 'US') === expected && phoneRecognizer.validate!(value) === expected;
      }),
      { numRuns: 20000, seed: 8 },
    );
    expect(taken).toBeGreaterThan(5000);
    expect(valid).toBeGreaterThan(1000);
  });

  it('leaves +1 followed by 1, and other calling codes, to libphonenumber', () => {
    for (const value of ['+1 1 415 555 0123', '+11 415 555 0123', '+44 20 7946 0958', '+12 345 678 9012', '+1 415 555 012', '+1 415 555 01234', '1 415 555 0123', '+1 415-555-0123 (home)']) {
      expect(plainInternationalNanpNumber(value), value).toBeUndefined();
    }
    expect(plainInternationalNanpNumber('+1 (415) 555-0123 x12')).toBe('4155550123');
    expect(plainInternationalNanpNumber('+14155550123')).toBe('4155550123');
  });

  it('takes only values the NANP pre-check lets through, so skipping that check changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(written, anyString), (value) => plainNanpNumber(value) === undefined || mayBeNanpNumber(value)),
      { numRuns: 20000, seed: 6 },
    );
  });

  it('the phone recognizer scores as libphonenumber says on generated numbers', () => {
    faker.seed(7);
    for (let i = 0; i < 3000; i++) {
      const value = faker.phone.number();
      if (!phoneRecognizer.prefilter!(value) || plainNanpNumber(value) === undefined) continue;
      expect(phoneRecognizer.validate!(value), value).toBe(parsePhoneNumberFromString(value, 'US')?.isValid() ?? false);
    }
  });
});

