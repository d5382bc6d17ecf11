import { describe, expect, it } from 'vitest';
import { evaluateRecognizer, prepareValues, scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import { trTcKimlikRecognizer, validTcKimlik } from '../../../src/classify/recognizers/tr-tc-kimlik.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);

describe('Turkish T.C. Kimlik No recognizer', () => {
  it.each([
    // published numbers
    ['10000000146', 0.8],
    ['76543210794', 0.8],
    ['36493665440', 0.8],
    ['10010405214', 0.8],
    // the tenth digit wrong, the eleventh wrong
    ['10000000156', 0],
    ['10000000145', 0],
    ['76543210780', 0],
    ['12345678900', 0],
    // first digit 0, all zeros, wrong length
    ['02531814694', 0],
    ['00000000000', 0],
    ['1000000014', 0],
    ['100000001460', 0],
    // look-alikes: a phone number, an IBAN fragment, a date, an amount, a ledger code
    ['0532 123 45 67', 0],
    ['05321234567', 0],
    ['TR330006100519786457841326', 0],
    ['15.01.2024', 0],
    ['1234567,89', 0],
    ['600.01.001', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(trTcKimlikRecognizer, value)).toBe(expected);
  });

  it('applies both check-digit rules', () => {
    // 1000000014|6: 7 × (1 + 0 + 0 + 0 + 1) − (0 + 0 + 0 + 0) = 14 → tenth 4; 1 + 1 + 4 = 6 → eleventh 6.
    expect(validTcKimlik('10000000146')).toBe(true);
    expect(validTcKimlik('10000000146'.slice(0, 10) + '7')).toBe(false);
    expect(scoreValue(trTcKimlikRecognizer, '10000000146', inContext(trTcKimlikRecognizer))).toBe(1);
    const codes = Array.from({ length: 60 }, (_, i) => String(12345678901 + i * 3141593));
    expect(evaluateRecognizer(trTcKimlikRecognizer, prepareValues(codes))!.score).toBeLessThan(0.1);
  });
});
