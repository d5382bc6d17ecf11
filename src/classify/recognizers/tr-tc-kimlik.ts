/**
 * Turkish identity numbers (T.C. Kimlik No): eleven digits, the first not 0. The tenth is
 * (7 × (d1 + d3 + d5 + d7 + d9) − (d2 + d4 + d6 + d8)) mod 10 and the eleventh the sum of the
 * first ten mod 10, so one random number in a hundred passes.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

export function validTcKimlik(value: string): boolean {
  if (!/^[1-9]\d{10}$/.test(value)) return false;
  let odd = 0;
  let even = 0;
  for (let i = 0; i < 9; i++) {
    if (i % 2 === 0) odd += value.charCodeAt(i) - 48;
    else even += value.charCodeAt(i) - 48;
  }
  const tenth = (((7 * odd - even) % 10) + 10) % 10;
  return tenth === value.charCodeAt(9) - 48 && (odd + even + tenth) % 10 === value.charCodeAt(10) - 48;
}

export const trTcKimlikRecognizer = defineRecognizer({
  id: 'tr-tc-kimlik',
  category: CATEGORY.nationalId,
  country: 'tr',
  noun: 'valid Turkish identity numbers (T.C. Kimlik No)',
  // Necessary shape: eleven digits and nothing else.
  gate: { minDigits: 11, maxDigits: 11, none: ~TRAIT.digit },
  patterns: [{ name: 'T.C. Kimlik No (11 digits, first not 0)', regex: /^[1-9]\d{10}$/, score: 0.8, contextScore: 1 }],
  context: ['tc', 'tckn', 'tckimlik', 'kimlik', 'tcno', 'vatandas', 'vatandaslik'],
  prefilter: (value: string) => value.length === 11,
  validate: validTcKimlik,
  validates: 'the two check digits',
});
