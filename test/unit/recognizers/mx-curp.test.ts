import { describe, expect, it } from 'vitest';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { curpCheckDigit, mxCurpRecognizer } from '../../../src/classify/recognizers/mx-curp.js';

describe('Mexican CURP recognizer', () => {
  it.each([
    // published examples (RENAPO's and others), any case
    ['HEGG560427MVZRRL04', 1],
    ['BEML920313HMCLNS09', 1],
    ['PEGL890909MJCRMS08', 1],
    ['pegl890909mjcrms08', 1],
    // born in 2000 or later: a letter in position 17
    ['GOMA050101HDFNRNA7', 1],
    // wrong check digit
    ['PEGL890909MJCRMS09', 0],
    ['HEGG560427MVZRRL05', 0],
    // month 13, sex Q, state QQ
    ['PEGL891313MJCRMS06', 0],
    ['PEGL890909QJCRMS08', 0],
    ['PEGL890909MQQRMS02', 0],
    // wrong length, a vowel where a consonant must be
    ['PEGL890909MJCRMS0', 0],
    ['PEGL890909MJCAMS08', 0],
    // look-alikes: an RFC, a VIN, an order code, a date, an IBAN
    ['GODE561231GR8', 0],
    ['1HGCM82633A004352', 0],
    ['ORD-2024-00012345', 0],
    ['2024-01-15', 0],
    ['MX1234567890123456', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(mxCurpRecognizer, value)).toBe(expected);
  });

  it('weights the first 17 characters 18 down to 2, Ñ counting as &', () => {
    expect(curpCheckDigit('HEGG560427MVZRRL0')).toBe(4);
    expect(curpCheckDigit('BEML920313HMCLNS0')).toBe(9);
  });
});
