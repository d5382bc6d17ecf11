import { describe, expect, it } from 'vitest';
import { scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);
import { elfproef, nlBsnRecognizer } from '../../../src/classify/recognizers/nl-bsn.js';

describe('Dutch BSN recognizer', () => {
  it.each([
    ['1112.22.333', 1],
    ['1234.56.782', 1],
    ['111222333', 0.8],
    ['12345672', 0.8], // leading zero dropped: 012345672
    // fails the elfproef
    ['111222334', 0],
    ['1234.56.789', 0],
    ['000000000', 0],
    // look-alikes
    ['1234567890', 0],
    ['123-45-6789', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(nlBsnRecognizer, value)).toBe(expected);
  });

  it('implements the elfproef', () => {
    expect(elfproef('123456782')).toBe(true);
    expect(elfproef('123456783')).toBe(false);
    expect(scoreValue(nlBsnRecognizer, '111222333', inContext(nlBsnRecognizer))).toBe(1);
  });
});
