import { describe, expect, it } from 'vitest';
import { evaluateRecognizer, prepareValues, scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);
import { usSsnRecognizer, validSsn } from '../../../src/classify/recognizers/us-ssn.js';

describe('US SSN recognizer', () => {
  it.each([
    // published examples (python-stdnum's documentation), checked against the official algorithm
    ['536-90-4399', 1],
    ['078-05-1123', 1],
    ['123 45 6788', 1],
    ['665.12.3456', 1],
    ['772-01-0001', 1],
    // bare nine digits and irregular separators are weak without context
    ['078051123', 0.3],
    ['078-051123', 0.1],
    // area 000, 666, 900-999; group 00; serial 0000
    ['000-12-3456', 0],
    ['666-12-3456', 0],
    ['900-12-3456', 0],
    ['987-65-4321', 0],
    ['123-00-4567', 0],
    ['123-45-0000', 0],
    // never issued: Woolworth wallet card, SSA leaflet, fillers
    ['078-05-1120', 0],
    ['219-09-9999', 0],
    ['111-11-1111', 0],
    ['123456789', 0],
    // look-alikes: mixed separators are weak, phone numbers and dates are not SSNs
    ['693-09.4444', 0.1],
    ['415-555-0132', 0],
    ['2024-01-15', 0],
    ['0780511230', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(usSsnRecognizer, value)).toBe(expected);
  });

  it('needs a context word for bare nine digits', () => {
    expect(scoreValue(usSsnRecognizer, '078051123', inContext(usSsnRecognizer))).toBe(0.9);
    expect(validSsn('078-05-1123')).toBe(true);
    const values = ['078051123', '123456788', '234567891', '345678912', '456789123', '512345678'];
    expect(evaluateRecognizer(usSsnRecognizer, prepareValues(values))!.score).toBeLessThan(0.5);
    expect(evaluateRecognizer(usSsnRecognizer, prepareValues(values), { nameTokens: ['ssn'] })!.score).toBeGreaterThan(0.8);
  });
});
