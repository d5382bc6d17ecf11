import { describe, expect, it } from 'vitest';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { ibanRecognizer } from '../../../src/classify/recognizers/iban.js';

describe('IBAN recognizer', () => {
  it.each([
    ['DE89370400440532013000', 1],
    ['DE89 3704 0044 0532 0130 00', 1],
    ['GB82WEST12345698765432', 1],
    ['NL91ABNA0417164300', 1],
    ['FR1420041010050500013M02606', 1],
    ['AL47-2121-1009-0000-0002-3569-8741', 1],
    // mod-97 failure
    ['DE89370400440532013001', 0],
    ['NL92ABNA0417164300', 0],
    // wrong length or BBAN format for the country, unknown country
    ['DE8937040044053201300', 0],
    ['AT61 1904 A002 3457 3201', 0],
    ['AB150120690000003111141', 0],
    // lower case and mixed grouping are not how IBANs are written
    ['LV80 bANK 0000 4351 9500 1', 0],
    ['DE89 3704-0044 0532 0130 00', 0],
    ['DE89 37040044 0532 0130 00', 0],
    // look-alikes
    ['4111111111111111', 0],
    ['DE123456789', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(ibanRecognizer, value)).toBe(expected);
  });

  it('finds a column of IBANs', () => {
    const values = ['DE89370400440532013000', 'GB82WEST12345698765432', 'NL91ABNA0417164300', 'FR1420041010050500013M02606', 'BE68539007547034'];
    expect(evaluateRecognizer(ibanRecognizer, prepareValues(values))!.score).toBe(1);
  });
});
