import { describe, expect, it } from 'vitest';
import { scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import { jpMyNumberRecognizer, validMyNumber } from '../../../src/classify/recognizers/jp-my-number.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);

describe('Japanese My Number recognizer', () => {
  it.each([
    // the example number of the Digital Agency's guidance, printed and bare
    ['1234 5678 9018', 0.9],
    ['1234-5678-9018', 0.9],
    ['123456789018', 0.7],
    // check digit 0 from a remainder of 1 (2 × 6 = 12)
    ['200000000000', 0.7],
    // wrong check digit, one digit repeated
    ['123456789012', 0],
    ['1234 5678 9017', 0],
    ['000000000000', 0],
    // mixed separators, wrong length
    ['1234 5678-9018', 0],
    ['12345678901', 0],
    ['1234567890180', 0],
    // look-alikes: phone numbers, a postal code, a date, an amount, a card, a ledger code
    ['090-1234-5678', 0],
    ['+81 90 1234 5678', 0],
    ['100-0001', 0],
    ['2024/01/15', 0],
    ['123456789.01', 0],
    ['4111 1111 1111 1111', 0],
    ['5000-100-200', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(jpMyNumberRecognizer, value)).toBe(expected);
  });

  it('weights the first eleven digits 6-5-4-3-2-7-6-5-4-3-2', () => {
    expect(validMyNumber('123456789018')).toBe(true);
    expect(scoreValue(jpMyNumberRecognizer, '123456789018', inContext(jpMyNumberRecognizer))).toBe(1);
  });
});
