import { describe, expect, it } from 'vitest';
import { scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);
import { caSinRecognizer } from '../../../src/classify/recognizers/ca-sin.js';

describe('Canadian SIN recognizer', () => {
  it.each([
    // published examples (python-stdnum's documentation), checked against the official algorithm
    ['123-456-782', 1],
    ['130 692 544', 1],
    ['347-677-452', 1],
    ['948 584 792', 1],
    // bare nine digits are weak without context
    ['130692544', 0.3],
    // Luhn failures
    ['130 692 545', 0],
    ['435-418-166', 0],
    // never starting with 0 or 8, never all the same digit
    ['046 454 286', 0],
    ['812 345 678', 0],
    ['999 999 999', 0],
    // mixed separators, wrong lengths, SSN layout
    ['130-692 544', 0],
    ['13069254', 0],
    ['130-69-2544', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(caSinRecognizer, value)).toBe(expected);
  });

  it('counts bare digits in a column named sin', () => {
    expect(scoreValue(caSinRecognizer, '130692544', inContext(caSinRecognizer))).toBe(0.9);
  });
});
