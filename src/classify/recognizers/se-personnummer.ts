/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer,
 * birth day + 60): YYMMDD-NNNN, with '+' instead of '-' from the year a person turns 100, or
 * YYYYMMDD-NNNN, the dash optional. The last of the ten digits YYMMDDNNNN is a Luhn check digit.
 */
import { CATEGORY } from '../categories.js';
import { luhnValid } from './credit-card.js';
import { realDate } from './date-of-birth.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

/** Digits of the value: 10 (YYMMDDNNNN) or 12 (YYYYMMDDNNNN). */
function digitsOf(value: string): string {
  return value.length === 10 || value.length === 12 ? value : value.replace(/[-+]/, '');
}

export function validPersonnummer(value: string): boolean {
  const digits = digitsOf(value);
  const full = digits.length === 12;
  // Without the century, 2000 + YY keeps 29 February in leap years (2000 was one too).
  const year = full ? Number(digits.slice(0, 4)) : 2000 + Number(digits.slice(0, 2));
  const ten = full ? digits.slice(2) : digits;
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6));
  return realDate(year, month, day > 60 ? day - 60 : day) && luhnValid(ten);
}

export const sePersonnummerRecognizer = defineRecognizer({
  id: 'se-personnummer',
  category: CATEGORY.nationalId,
  country: 'se',
  noun: 'valid Swedish personal identity numbers (personnummer)',
  // Necessary shape: 10 or 12 digits, a dash or plus at most.
  gate: { minDigits: 10, maxDigits: 12, none: TRAIT.letter | TRAIT.space | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.nonAscii },
  patterns: [
    { name: 'personnummer YYMMDD-NNNN (+ from age 100)', regex: /^\d{6}[-+]\d{4}$/, score: 1 },
    { name: 'personnummer YYYYMMDD-NNNN', regex: /^(?:18|19|20)\d{6}-\d{4}$/, score: 1 },
    { name: 'personnummer YYYYMMDDNNNN', regex: /^(?:18|19|20)\d{10}$/, score: 0.8, contextScore: 1 },
    { name: 'personnummer YYMMDDNNNN (weak without context)', regex: /^\d{10}$/, score: 0.6, contextScore: 1 },
  ],
  context: ['personnummer', 'personnr', 'pnr', 'samordningsnummer', 'personnumret'],
  prefilter: (value: string) => value.length >= 10 && value.length <= 13 && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  validate: validPersonnummer,
  validates: 'the birth date and the Luhn check digit',
});
