/**
 * Polish national identification numbers (PESEL): birth date YYMMDD, where the month carries the
 * century (+80 for 1800-1899, +0 for the 1900s, +20, +40, +60 for the 2000s, 2100s, 2200s), a serial
 * whose last digit is odd for men and even for women, and a check digit: the digits weighted
 * 1, 3, 7, 9, 1, 3, 7, 9, 1, 3 (and 1 for the check digit itself) sum to a multiple of ten.
 */
import { CATEGORY } from '../categories.js';
import { realDate } from './date-of-birth.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1];
/** Month + this offset → century, indexed by month / 20. */
const CENTURY = [1900, 2000, 2100, 2200, 1800];

/** The birth date a PESEL encodes, when it is a real date. */
export function peselBirthDateValid(digits: string): boolean {
  const yy = Number(digits.slice(0, 2));
  const encodedMonth = Number(digits.slice(2, 4));
  const century = CENTURY[Math.floor(encodedMonth / 20)];
  return century !== undefined && realDate(century + yy, encodedMonth % 20, Number(digits.slice(4, 6)));
}

export function validPesel(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += (value.charCodeAt(i) - 48) * WEIGHTS[i];
  return sum % 10 === 0 && peselBirthDateValid(value);
}

export const plPeselRecognizer = defineRecognizer({
  id: 'pl-pesel',
  category: CATEGORY.nationalId,
  country: 'pl',
  noun: 'valid Polish PESEL numbers',
  // Necessary shape: eleven digits and nothing else.
  gate: { minDigits: 11, maxDigits: 11, none: ~TRAIT.digit },
  patterns: [{ name: 'PESEL (11 digits)', regex: /^\d{11}$/, score: 0.8, contextScore: 1 }],
  context: ['pesel', 'ewidencyjny'],
  prefilter: (value: string) => value.length === 11,
  validate: validPesel,
  validates: 'the birth date and the check digit (weights 1-3-7-9)',
});
