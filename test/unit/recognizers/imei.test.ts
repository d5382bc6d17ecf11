import { describe, expect, it } from 'vitest';
import { imeiRecognizer } from '../../../src/classify/recognizers/imei.js';
import { luhnValid } from '../../../src/classify/recognizers/credit-card.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

/** Appends the Luhn check digit to 14 digits. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

describe('IMEI recognizer', () => {
  it.each([
    ['490154203237518', 0.9], // the textbook example IMEI
    ['35-209900-176148-1', 0.9],
    ['35 209900 176148 1', 0.9],
    ['3520990017614823', 0.2], // IMEISV, weak
    // look-alikes
    ['490154203237517', 0], // Luhn fails
    ['123456789012347', 0], // Luhn passes, reporting body 12 does not exist
    ['378282246310005', 0], // an American Express test card number
    ['350000000000000', 0], // placeholder serial
    ['49015420323751', 0], // 14 digits
    ['+49 015420323751', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(imeiRecognizer, value)).toBe(expected);
  });

  it('finds a column of IMEIs, more strongly under an imei column name', () => {
    const values = Array.from({ length: 100 }, (_, i) => withCheckDigit(`35${String(209900 + i * 7).padStart(6, '0')}${String(176148 + i * 13).padStart(6, '0')}`));
    expect(evaluateRecognizer(imeiRecognizer, prepareValues(values))!.score).toBe(0.9);
    expect(evaluateRecognizer(imeiRecognizer, prepareValues(values), { nameTokens: ['imei'] })!.score).toBe(1);
  });
});
