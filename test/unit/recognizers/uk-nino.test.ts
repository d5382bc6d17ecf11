import { describe, expect, it } from 'vitest';
import { scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);
import { ukNinoRecognizer } from '../../../src/classify/recognizers/uk-nino.js';

describe('UK NINO recognizer', () => {
  it.each([
    ['AB 12 34 56 C', 1],
    ['AB123456C', 1],
    ['hh 01 02 03 d', 1],
    ['PR 123612C', 1],
    ['YZ 61 48 68 B', 1],
    // suffix only A-D
    ['AB 12 34 56 E', 0],
    ['AB 12 34 56 1', 0],
    // letters never used first (D F I Q U V) or second (D F I O Q U V); QQ 12 34 56 C is HMRC's specimen
    ['QQ 12 34 56 C', 0],
    ['DA123456A', 0],
    ['AO123456A', 0],
    ['UV 98 76 54 B', 0],
    // unallocated prefixes
    ['BG123456A', 0],
    ['GB123456A', 0],
    ['NT998877A', 0],
    ['ZZ123456A', 0],
    // look-alikes
    ['AB1234567', 0],
    ['AB12345C', 0],
    ['SW1A 1AA', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(ukNinoRecognizer, value, inContext(ukNinoRecognizer))).toBe(expected);
  });
});
