import { describe, expect, it } from 'vitest';
import { evaluateRecognizer, prepareValues, scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);
import { DEFAULT_DATA_CATEGORIES } from '../../../src/fides/taxonomy-data.js';
import { driversLicenseRecognizer } from '../../../src/classify/recognizers/drivers-license.js';

describe("driver's licence recognizer", () => {
  it.each([
    // [value, score without context, score in a driver's licence column]
    // UK DVLA: surname, decade, month (+50 for women), day, year, initials, digit, check
    ['MORGA607054SM9IJ', 0.6, 1],
    ['MORGA657054SM9IJ', 0.6, 1],
    ['SMIT9801015JK2CD', 0.6, 1],
    ['morga 607054 sm9ij', 0.6, 1],
    // DVLA layout with an impossible birth month or day is rejected outright
    ['MORGA613054SM9IJ', 0, 0],
    ['MORGA601324SM9IJ', 0, 0],
    // bad surname padding is not DVLA, only the generic weak shape
    ['MO9G9657054SM9IJ', 0.02, 0.6],
    // generic shapes only count in context
    ['H12234567', 0.05, 0.8],
    ['BO12345678A', 0.05, 0.8],
    ['AA1B2**9ABA7', 0.05, 0.7],
    ['1234567901234', 0.02, 0.7],
    ['S530-4120-5012', 0.05, 0.8],
    // look-alikes: letters only, too short
    ['ABCDEFGHI', 0, 0],
    ['A1234', 0, 0],
  ])('%s → %d alone, %d with context', (value, alone, withContext) => {
    expect(scoreValue(driversLicenseRecognizer, value)).toBe(alone);
    expect(scoreValue(driversLicenseRecognizer, value, inContext(driversLicenseRecognizer))).toBe(withContext);
  });

  it('a licence-key column is not a driving licence column', () => {
    const keys = ['X7K2P9Q4M1', 'B8N3V6C2Z5', 'Q1W2E3R4T5', 'L9K8J7H6G5', 'M2N4B6V8C1'];
    expect(evaluateRecognizer(driversLicenseRecognizer, prepareValues(keys), { nameTokens: ['license', 'key'] })!.score).toBeLessThan(0.1);
    expect(DEFAULT_DATA_CATEGORIES.some((c) => c.key === driversLicenseRecognizer.category)).toBe(true);
  });
});
