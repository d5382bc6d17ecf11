import { describe, expect, it } from 'vitest';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { codiceCheckLetter, itCodiceFiscaleRecognizer } from '../../../src/classify/recognizers/it-codice-fiscale.js';

describe('Italian codice fiscale recognizer', () => {
  it.each([
    // published examples (python-stdnum's documentation), checked against the official algorithm
    ['MRTNTN23M02D969P', 1],
    ['RSSMRAQRCMNFNLRG', 1],
    ['RSSMRA85T10A562S', 1],
    ['rssmra85t10a562s', 1],
    ['AAAAAA00B11C333Y', 1],
    // omocodia: the last Belfiore digit 2 written as N, with its own check letter
    ['RSSMRA85T10A56NH', 1],
    // wrong check letter
    ['RSSMRA85T10A562T', 0],
    ['AAAAAA00B11C333N', 0],
    // no month letter F, day 32 and 00 do not exist
    ['RSSMRA85F10A562S', 0],
    ['RSSMRA85T32A562S', 0],
    ['RSSMRA85T00A562S', 0],
    // look-alikes
    ['A55AAA00B11C333N', 0],
    ['RSSMRA85T10A562', 0],
    ['DE89370400440532', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(itCodiceFiscaleRecognizer, value)).toBe(expected);
  });

  it('computes the check letter', () => {
    expect(codiceCheckLetter('RSSMRA85T10A562')).toBe('S');
  });
});
