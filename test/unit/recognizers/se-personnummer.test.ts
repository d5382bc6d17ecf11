import { describe, expect, it } from 'vitest';
import { scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import { sePersonnummerRecognizer, validPersonnummer } from '../../../src/classify/recognizers/se-personnummer.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);

describe('Swedish personnummer recognizer', () => {
  it.each([
    // published examples (Skatteverket test numbers and others) in every form
    ['670919-9530', 1],
    ['811228-9874', 1],
    ['121212+1212', 1],
    ['19910924-2397', 1],
    ['198712202384', 0.8],
    ['189004119807', 0.8],
    ['8803200016', 0.6],
    // samordningsnummer: birth day + 60
    ['701063-2391', 1],
    // Luhn failures
    ['670919-9531', 0],
    ['19000309-3393', 0],
    // month 13, day 42 (neither a day nor a day + 60), 29 February 2001
    ['19001309-2393', 0],
    ['200504422381', 0],
    ['010229-0000', 0],
    // wrong lengths and separators, letters
    ['19670-19-9535', 0],
    ['189x09179809', 0],
    ['670919 9530', 0],
    // look-alikes: phone numbers, dates, order numbers, amounts, ledger codes
    ['070-123 45 67', 0],
    ['+46701234567', 0],
    ['2024-01-15', 0],
    ['SO-20240115', 0],
    ['12345.67', 0],
    ['3010-1200', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(sePersonnummerRecognizer, value)).toBe(expected);
  });

  it('runs Luhn over the ten digits without the century', () => {
    expect(validPersonnummer('196709199530')).toBe(true);
    expect(validPersonnummer('6709199530')).toBe(true);
    expect(scoreValue(sePersonnummerRecognizer, '8803200016', inContext(sePersonnummerRecognizer))).toBe(1);
  });
});
