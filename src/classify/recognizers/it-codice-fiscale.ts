/**
 * Italian fiscal codes (codice fiscale): 6 letters from surname and name, birth year, month letter,
 * day (+40 for women), a municipality code and a check letter. In omocodia cases (two people with
 * the same code) digits are replaced by the letters LMNPQRSTUV, so those positions take either.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const CODICE = /^[A-Z]{6}[\dLMNP-V]{2}[ABCDEHLMPRST][\dLMNP-V]{2}[A-Z][\dLMNP-V]{3}[A-Z]$/;
/** Value of 0-9 then A-Z at odd (1st, 3rd, …) positions; even positions use 0-9 → 0-9, A-Z → 0-25. */
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const OMOCODIA = 'LMNPQRSTUV';

function charIndex(code: number): number {
  return code <= 57 ? code - 48 : code - 55; // '0'-'9' → 0-9, 'A'-'Z' → 10-35
}

export function codiceCheckLetter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const index = charIndex(body.charCodeAt(i));
    sum += i % 2 === 0 ? ODD_VALUES[index] : index >= 10 ? index - 10 : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

function digitAt(code: string, i: number): number {
  const c = code.charCodeAt(i);
  return c <= 57 ? c - 48 : OMOCODIA.indexOf(code[i]);
}

export function validCodiceFiscale(code: string): boolean {
  const day = digitAt(code, 9) * 10 + digitAt(code, 10);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return codiceCheckLetter(code) === code[15];
}

export const itCodiceFiscaleRecognizer = defineRecognizer({
  id: 'it-codice-fiscale',
  category: CATEGORY.nationalId,
  country: 'it',
  noun: 'valid Italian fiscal codes (codice fiscale)',
  // Necessary shape: 16 letters and digits.
  gate: { none: TRAIT.space | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.dash | TRAIT.symbol },
  patterns: [{ name: 'codice fiscale (16 characters)', regex: CODICE, score: 1 }],
  context: ['codice', 'fiscale', 'codicefiscale', 'cf', 'fiscal', 'fisc'],
  prefilter: (value: string) => value.length === 16,
  normalize: (value: string) => value.toUpperCase(),
  validate: validCodiceFiscale,
  validates: 'the birth day and check letter',
});
