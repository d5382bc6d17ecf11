/**
 * Norwegian national identity numbers (fødselsnummer, and D-numbers for foreigners: birth day + 40;
 * H-numbers: month + 40; the synthetic test numbers of the Tax Administration: month + 80): birth
 * date DDMMYY, a three-digit individual number whose range gives the century, and two mod-11 check
 * digits (weights 3-7-6-1-8-9-4-5-2, then 5-4-3-2-7-6-5-4-3-2; a remainder needing 10 is no number).
 */
import { CATEGORY } from '../categories.js';
import { realDate } from './date-of-birth.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const FIRST = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const SECOND = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits.charCodeAt(i) - 48) * weights[i];
  return (11 - (sum % 11)) % 11;
}

/** The birth year from YY and the individual number, or undefined outside the allocated ranges. */
function birthYear(yy: number, individual: number): number | undefined {
  if (individual < 500) return 1900 + yy;
  if (individual < 750 && yy >= 54) return 1800 + yy;
  if (yy < 40) return 2000 + yy;
  if (individual >= 900) return 1900 + yy;
  return undefined;
}

export function validFodselsnummer(value: string, now = new Date()): boolean {
  const digits = value.length === 11 ? value : value.replace(/[ -]/g, '');
  if (!/^\d{11}$/.test(digits)) return false;
  if (checkDigit(digits, FIRST) !== digits.charCodeAt(9) - 48 || checkDigit(digits, SECOND) !== digits.charCodeAt(10) - 48) return false;
  let day = Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  const year = birthYear(Number(digits.slice(4, 6)), Number(digits.slice(6, 9)));
  if (year === undefined || !realDate(year, month, day)) return false;
  return year * 10000 + month * 100 + day <= now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
}

export const noFodselsnummerRecognizer = defineRecognizer({
  id: 'no-fodselsnummer',
  category: CATEGORY.nationalId,
  country: 'no',
  noun: 'valid Norwegian national identity numbers (fødselsnummer, D-number)',
  // Necessary shape: eleven digits.
  gate: { minDigits: 11, maxDigits: 11, none: TRAIT.letter | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii },
  patterns: [
    { name: 'fødselsnummer DDMMYY NNNNN', regex: /^\d{6}[ -]\d{5}$/, score: 1 },
    { name: 'fødselsnummer (11 digits)', regex: /^\d{11}$/, score: 0.8, contextScore: 1 },
  ],
  context: ['fodselsnummer', 'fodselsnr', 'fnr', 'dnummer', 'personnummer', 'personnr'],
  prefilter: (value: string) => (value.length === 11 || value.length === 12) && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  validate: (value: string) => validFodselsnummer(value),
  validates: 'the birth date and the two mod-11 check digits',
});
