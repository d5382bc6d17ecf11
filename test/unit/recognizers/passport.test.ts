import { describe, expect, it } from 'vitest';
import { evaluateRecognizer, prepareValues, scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);
import { faker } from '@faker-js/faker';
import { DEFAULT_DATA_CATEGORIES } from '../../../src/fides/taxonomy-data.js';
import { icaoCheckDigitValid, passportRecognizer } from '../../../src/classify/recognizers/passport.js';

describe('passport recognizer', () => {
  it.each([
    // [value, score without context, score in a passport column]
    // (validation leaves 85% of the pattern score to shapes without a check digit)
    ['A12803456', 0.0425, 0.68],
    ['AB1234567', 0.0425, 0.68],
    ['912803456', 0.0425, 0.68],
    ['T1234567', 0.0425, 0.68],
    ['AAA123456', 0.017, 0.595],
    // German numbers with a valid ICAO check digit are certain in context
    ['C01X00T41', 0.05, 0.8],
    ['c01234565', 0.05, 0.8],
    // look-alikes: too short or long, letters only, one repeated character, separators
    ['AB123', 0, 0],
    ['AB123456789', 0, 0],
    ['ABCDEFGHI', 0, 0],
    ['111111111', 0, 0],
    ['AB 1234567', 0, 0],
  ])('%s → %d alone, %d with context', (value, alone, withContext) => {
    expect(scoreValue(passportRecognizer, value)).toBeCloseTo(alone, 5);
    expect(scoreValue(passportRecognizer, value, inContext(passportRecognizer))).toBeCloseTo(withContext, 5);
  });

  it('checks ICAO 9303 check digits', () => {
    expect(icaoCheckDigitValid('C01X00T41')).toBe(true);
    expect(icaoCheckDigitValid('C01X00T47')).toBe(false);
  });

  it('only counts in a column whose name says passport', () => {
    faker.seed(7);
    const values = Array.from({ length: 50 }, () => faker.string.alpha({ length: 1, casing: 'upper' }) + faker.string.numeric(8));
    expect(evaluateRecognizer(passportRecognizer, prepareValues(values))!.score).toBeLessThan(0.1);
    expect(evaluateRecognizer(passportRecognizer, prepareValues(values), { nameTokens: ['passport', 'number'] })!.score).toBeGreaterThan(0.6);
    expect(DEFAULT_DATA_CATEGORIES.some((c) => c.key === passportRecognizer.category)).toBe(true);
  });
});
