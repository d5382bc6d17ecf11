import { describe, expect, it } from 'vitest';
import { scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import { cprValidity, dkCprRecognizer } from '../../../src/classify/recognizers/dk-cpr.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);

describe('Danish CPR recognizer', () => {
  it.each([
    // a published number with the pre-2007 mod-11 check, printed and bare
    ['211062-5629', 1],
    ['2110625629', 0.5],
    // since 2007 the check is not guaranteed: a real birth date alone counts at 0.6
    ['211062-0629', 0.6],
    // not a date; born 2052 (after today); wrong lengths
    ['511062-5629', 0],
    ['211352-5629', 0],
    ['211052-5629', 0],
    ['211062-562', 0],
    ['211062-56290', 0],
    // look-alikes: phone numbers, an account number, a date, an amount, a ledger code
    ['+45 32 12 34 56', 0],
    ['32123456', 0],
    ['1234-5678901234', 0],
    ['21-10-1962', 0],
    ['123456,78', 0],
    ['1010-200', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(dkCprRecognizer, value)).toBe(expected);
  });

  it('reads the century from the seventh digit and needs a context word for bare digits', () => {
    expect(cprValidity('2110625629')).toBe(1);
    expect(cprValidity('2110525629', new Date(Date.UTC(2060, 0, 1)))).toBe(0.6);
    expect(scoreValue(dkCprRecognizer, '2110625629', inContext(dkCprRecognizer))).toBe(1);
  });
});
