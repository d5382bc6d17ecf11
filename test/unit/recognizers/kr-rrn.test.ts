import { describe, expect, it } from 'vitest';
import { evaluateRecognizerEvidence, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { krRrnRecognizer, rrnCheckDigitValid, rrnValidity } from '../../../src/classify/recognizers/kr-rrn.js';

describe('Korean resident registration number recognizer', () => {
  it.each([
    // with a valid check digit (before October 2020), dash optional
    ['960121-1021413', 1],
    ['9601211021413', 1],
    ['880411-2238459', 1],
    ['050912-2000019', 1],
    // foreign residents (sex digit 5-8; their check digit complements to 13)
    ['911124-5678906', 1],
    ['050912-6000012', 1],
    // since October 2020 the last digits are random: a real date and sex digit count at half
    ['960121-1234567', 0.5],
    ['000505-3637892', 0.5],
    // not a date, sex digit 0 or 9 (born in the 1800s), too long, a plus
    ['001332-1234567', 0],
    ['960303-0021413', 0],
    ['051102-9234110', 0],
    ['960111-10214131', 0],
    ['960121+1021413', 0],
    // look-alikes: phone numbers, a business number, an EAN-13, a date, an amount, a ledger code
    ['010-1234-5678', 0],
    ['+82 10 1234 5678', 0],
    ['123-45-67890', 0],
    ['8801234567893', 0],
    ['2024-01-15', 0],
    ['1234567890.12', 0],
    ['1100-200-300', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(krRrnRecognizer, value)).toBe(expected);
  });

  it('rejects birth dates after today (Korean EAN-13 barcodes start 880…)', () => {
    expect(rrnValidity('880123-4567893', new Date(Date.UTC(2030, 0, 1)))).toBe(false);
    expect(rrnValidity('880123-4567893', new Date(Date.UTC(2090, 0, 1)))).toBe(0.5);
  });

  it('checks the pre-2020 check digit and region code', () => {
    expect(rrnCheckDigitValid('9601211021413')).toBe(true);
    expect(rrnCheckDigitValid('9601211021414')).toBe(false);
    // A column of test numbers with impossible dates is shape-only evidence, for a column named for them.
    const impossible = Array.from({ length: 20 }, (_, i) => `9913${String(40 + i).padStart(2, '0')}-1${String(234567 + i * 11)}`);
    const [found, shaped] = evaluateRecognizerEvidence(krRrnRecognizer, prepareValues(impossible));
    expect(found.score).toBe(0);
    expect(shaped).toMatchObject({ corroborating: true, score: 0.5 });
  });
});
