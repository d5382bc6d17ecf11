import { describe, expect, it } from 'vitest';
import { scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import { noFodselsnummerRecognizer, validFodselsnummer } from '../../../src/classify/recognizers/no-fodselsnummer.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);

describe('Norwegian fødselsnummer recognizer', () => {
  it.each([
    // published numbers, printed and bare
    ['151086 95088', 1],
    ['151086-95088', 1],
    ['26111593816', 0.8],
    ['10048744732', 0.8],
    // born 1899 (individual number 500-749 with YY ≥ 54), born 2015
    ['13049958441', 0.8],
    ['11111598403', 0.8],
    // either check digit wrong
    ['26111593817', 0],
    ['26111593826', 0],
    ['15108695077', 0],
    // not a date, an FH-number (first digit 8 or 9), a century outside the ranges
    ['19575770838', 0],
    ['82314251342', 0],
    ['45014054018', 0],
    // look-alikes: phone numbers, an account number, a date, an amount, a ledger code
    ['+47 912 34 567', 0],
    ['91234567', 0],
    ['1234.56.78903', 0],
    ['15.10.1986', 0],
    ['1234567,89', 0],
    ['3000-1920', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(noFodselsnummerRecognizer, value)).toBe(expected);
  });

  it('reads D-numbers (day + 40) and H-numbers (month + 40), and rejects birth dates after today', () => {
    expect(validFodselsnummer('26111593816')).toBe(true);
    expect(validFodselsnummer('18103970861', new Date(Date.UTC(2030, 0, 1)))).toBe(false);
    expect(scoreValue(noFodselsnummerRecognizer, '26111593816', inContext(noFodselsnummerRecognizer))).toBe(1);
  });
});
