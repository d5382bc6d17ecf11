import { describe, expect, it } from 'vitest';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { esDniNieRecognizer } from '../../../src/classify/recognizers/es-dni-nie.js';

describe('Spanish DNI/NIE recognizer', () => {
  it.each([
    // published examples (python-stdnum's documentation), checked against the official algorithm
    ['54362315-K', 1],
    ['X-2482300W', 1],
    ['12345678Z', 1],
    ['12345678-z', 1],
    ['1111111-G', 1],
    ['01111111G', 1],
    ['X1234567L', 1],
    ['Z1234567R', 1],
    ['Y8063915-Z', 1],
    // wrong check letter
    ['12345678A', 0],
    ['X1234567M', 0],
    // W is not an NIE prefix, digits too few or many
    ['W8063915Q', 0],
    ['Y806391Q', 0],
    ['123456789Z', 0],
    // look-alikes
    ['401-023-2138', 0],
    ['B12345678', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(esDniNieRecognizer, value)).toBe(expected);
  });
});
