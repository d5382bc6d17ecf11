/**
 * Japanese individual numbers (My Number, kojin bangō): twelve digits, printed 1234 5678 9012 on the
 * card. The last is a check digit over the first eleven weighted 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2: a
 * remainder mod 11 below 2 gives 0, otherwise 11 minus the remainder. Twelve digits grouped 4-4-4 are
 * also Aadhaar numbers (a national id too) and bare twelve digits many other things, so bare ones
 * score lower without a context word.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

export function validMyNumber(value: string): boolean {
  const digits = value.length === 12 ? value : value.replace(/[ -]/g, '');
  if (!/^\d{12}$/.test(digits) || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (digits.charCodeAt(i) - 48) * WEIGHTS[i];
  const rest = sum % 11;
  return (rest < 2 ? 0 : 11 - rest) === digits.charCodeAt(11) - 48;
}

export const jpMyNumberRecognizer = defineRecognizer({
  id: 'jp-my-number',
  category: CATEGORY.nationalId,
  country: 'jp',
  noun: 'valid Japanese individual numbers (My Number)',
  // Necessary shape: twelve digits.
  gate: { minDigits: 12, maxDigits: 12, none: TRAIT.letter | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii },
  patterns: [
    { name: 'My Number grouped 4-4-4', regex: /^\d{4}([ -])\d{4}\1\d{4}$/, score: 0.9, contextScore: 1 },
    { name: 'My Number (12 digits)', regex: /^\d{12}$/, score: 0.7, contextScore: 1 },
  ],
  context: ['mynumber', 'my', 'kojin', 'bango', 'bangou', 'kojinbango', 'kojinbangou', 'maina', 'mainanba'],
  prefilter: (value: string) => (value.length === 12 || value.length === 14) && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  validate: validMyNumber,
  validates: 'the check digit',
});
