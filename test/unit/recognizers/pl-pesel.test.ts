import { describe, expect, it } from 'vitest';
import { evaluateRecognizer, prepareValues, scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import { peselBirthDateValid, plPeselRecognizer, validPesel } from '../../../src/classify/recognizers/pl-pesel.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);

describe('Polish PESEL recognizer', () => {
  it.each([
    // published examples: born 1944-05-14, 1902-07-08, 1911-11-11
    ['44051401458', 0.8],
    ['02070803628', 0.8],
    ['11111111116', 0.8],
    // born 2003-12-31 (month + 20), 1899-01-01 (month + 80)
    ['03323100006', 0.8],
    ['99810100006', 0.8],
    // wrong check digit
    ['44051401459', 0],
    ['85040812345', 0],
    // month 00 or 13, day 31 of November, 29 February of a common year
    ['11110021111', 0],
    ['44131401453', 0],
    ['44113101452', 0],
    ['01022900004', 0],
    // wrong length, separators, letters
    ['4405140145', 0],
    ['440514014588', 0],
    ['44-051401458', 0],
    ['4405140145A', 0],
    // look-alikes: a phone number, a date, an amount, an order number, a ledger code
    ['+48 601 234 567', 0],
    ['20240115', 0],
    ['1234567,89', 0],
    ['ZAM-2024-0001', 0],
    ['4010-200-300', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(plPeselRecognizer, value)).toBe(expected);
  });

  it('reads the century from the month and checks weights 1-3-7-9', () => {
    expect(peselBirthDateValid('00222900000')).toBe(true); // 2000-02-29, a leap day
    expect(peselBirthDateValid('00022900000')).toBe(false); // 1900 was not a leap year
    expect(validPesel('44051401458')).toBe(true);
    expect(scoreValue(plPeselRecognizer, '44051401458', inContext(plPeselRecognizer))).toBe(1);
  });

  it('does not take a column of random 11-digit codes for PESELs', () => {
    const codes = Array.from({ length: 60 }, (_, i) => String(31415926535 + i * 2718281).slice(0, 11));
    expect(evaluateRecognizer(plPeselRecognizer, prepareValues(codes))!.score).toBeLessThan(0.1);
  });
});
