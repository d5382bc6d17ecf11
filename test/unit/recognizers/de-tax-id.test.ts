import { describe, expect, it } from 'vitest';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { deTaxIdRecognizer, mod11_10CheckDigit, validSteuerId } from '../../../src/classify/recognizers/de-tax-id.js';

describe('German Steuer-ID recognizer', () => {
  it.each([
    // published examples (python-stdnum's documentation), checked against the official algorithm
    ['36574261809', 1],
    ['36 574 261 809', 1],
    ['86095742719', 1],
    ['86 095 742 719', 1],
    // wrong check digit
    ['86095742718', 0],
    // leading zero, wrong length
    ['06095742719', 0],
    ['8609574271', 0],
    ['860957427190', 0],
    // digit rule: all ten different, a digit four times, two digits repeated
    ['12345678903', 0],
    ['11112345678', 0],
    ['11111111111', 0],
    ['11223456789', 0],
    // look-alikes
    ['+4930123456', 0],
    ['DE123456789', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(deTaxIdRecognizer, value)).toBe(expected);
  });

  it('computes ISO 7064 MOD 11,10 and allows a digit three times, but not three in a row', () => {
    expect(mod11_10CheckDigit('8609574271')).toBe(9);
    const body = '1012345670'.replace(/^./, '9'); // 0 three times, not adjacent
    expect(validSteuerId(body + mod11_10CheckDigit(body))).toBe(true);
    const adjacent = '9000123456';
    expect(validSteuerId(adjacent + mod11_10CheckDigit(adjacent))).toBe(false);
  });
});
