import { describe, expect, it } from 'vitest';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { inAadhaarRecognizer, verhoeffValid } from '../../../src/classify/recognizers/in-aadhaar.js';

describe('Aadhaar recognizer', () => {
  it.each([
    // published examples (python-stdnum's documentation), checked against the official algorithm
    ['234123412346', 0.85],
    ['3123 4567 8909', 1],
    ['2345-6789-0124', 1],
    ['4987:6543:2102', 1],
    ['234567890124', 0.85],
    // Verhoeff failures
    ['234567890125', 0],
    ['3123 4567 8900', 0],
    // first digit 0 or 1
    ['1234 5678 9012', 0],
    ['0123 4567 8901', 0],
    // mixed separators, wrong length, card-like
    ['2345 6789-0124', 0],
    ['23456789012', 0],
    ['4111 1111 1111 1111', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(inAadhaarRecognizer, value)).toBe(expected);
  });

  it('implements Verhoeff', () => {
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
  });
});
