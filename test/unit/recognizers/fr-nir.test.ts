import { describe, expect, it } from 'vitest';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { frNirRecognizer } from '../../../src/classify/recognizers/fr-nir.js';

describe('French NIR recognizer', () => {
  it.each([
    // published examples (python-stdnum's documentation), checked against the official algorithm
    ['2 95 10 99 126 111 93', 1],
    ['253072B07300470', 1],
    ['253072A07300443', 1],
    ['185057800608491', 1],
    ['1 85 05 78 006 084 91', 1],
    // Corsica: 2A counts as 19, 2B as 18
    ['2 90 05 2A 004 012 66', 1],
    ['290052a00401266', 1],
    // wrong key
    ['185057800608492', 0],
    ['2 90 05 2B 004 012 66', 0],
    // sex digit, month 13-19 and 00 do not exist
    ['585057800608491', 0],
    ['185137800608491', 0],
    ['185007800608491', 0],
    // look-alikes: 13 digits without key, IBAN-ish, card number
    ['1850578006084', 0],
    ['4111111111111111', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(frNirRecognizer, value)).toBe(expected);
  });
});
