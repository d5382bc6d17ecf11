/**
 * Passport numbers. Their shapes (a letter or two and digits, nine digits) are shared by order
 * numbers, SKUs and other national ids, so every pattern is weak on its own and only counts when
 * the column name says passport. German numbers carry an ICAO 9303 check digit, which, when it
 * holds, makes a match in a passport column certain rather than likely.
 */
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

export const PASSPORT_CATEGORY = 'user.government_id.passport_number';

const GERMAN_SHAPE = /^[CFGHJ-NPRTV-Z][CFGHJ-NPRTV-Z\d]{7}\d$/;

/** ICAO 9303 check digit (weights 7, 3, 1; A=10 … Z=35) over all characters but the last. */
export function icaoCheckDigitValid(value: string): boolean {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < value.length - 1; i++) {
    const c = value.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * weights[i % 3];
  }
  return sum % 10 === value.charCodeAt(value.length - 1) - 48;
}

function validPassport(value: string): number {
  let sameChars = true;
  for (let i = 1; i < value.length && sameChars; i++) sameChars = value.charCodeAt(i) === value.charCodeAt(0);
  if (sameChars) return 0;
  return GERMAN_SHAPE.test(value) && icaoCheckDigitValid(value) ? 1 : 0.85;
}

export const passportRecognizer = defineRecognizer({
  id: 'passport',
  category: PASSPORT_CATEGORY,
  noun: 'passport-shaped numbers',
  // Necessary shape: letters and digits, at least one digit.
  gate: { minDigits: 1, none: TRAIT.space | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.dash | TRAIT.symbol },
  patterns: [
    { name: 'letter(s) and 7-8 digits (US, UK, IN, …)', regex: /^[A-Z]{1,2}\d{7,8}$/, score: 0.05, contextScore: 0.8 },
    { name: 'German passport (9 characters, ICAO charset)', regex: GERMAN_SHAPE, score: 0.05, contextScore: 0.8 },
    { name: 'nine digits (US, older UK)', regex: /^\d{9}$/, score: 0.05, contextScore: 0.8 },
    { name: 'other letter/digit mix of 6-10 characters', regex: /^(?=[A-Z]*\d)[A-Z\d]{6,10}$/, score: 0.02, contextScore: 0.7 },
  ],
  context: [
    'passport', 'passports', 'passportnumber', 'passportno', 'passno', 'passnr', 'passnummer', 'reisepass', 'reisepassnummer',
    'passeport', 'pasaporte', 'passaporto', 'paspoort', 'paszport', 'passaporte',
  ],
  prefilter: (value: string) => value.length >= 6 && value.length <= 10,
  normalize: (value: string) => value.toUpperCase(),
  validate: validPassport,
});
