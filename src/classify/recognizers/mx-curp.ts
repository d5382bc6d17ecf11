/**
 * Mexican population registry keys (CURP, Clave Única de Registro de Población): 18 characters —
 * four letters of the names, birth date YYMMDD, sex (H, M, or X since 2022), the state of birth (NE
 * born abroad), three inner consonants of the names, a character that is a digit for births before
 * 2000 and a letter after, and a check digit: the first 17 characters, valued in
 * 0-9A-N&O-Z (Ñ is &) and weighted 18 down to 2, sum to a number whose complement to the next ten is it.
 */
import { CATEGORY } from '../categories.js';
import { realDate } from './date-of-birth.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const CURP = /^[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[\dA-Z]\d$/;
const STATES = new Set([
  'AS', 'BC', 'BS', 'CC', 'CL', 'CM', 'CS', 'CH', 'DF', 'DG', 'GT', 'GR', 'HG', 'JC', 'MC', 'MN', 'MS',
  'NT', 'NL', 'OC', 'PL', 'QT', 'QR', 'SP', 'SL', 'SR', 'TC', 'TS', 'TL', 'VZ', 'YN', 'ZS', 'NE',
]);
const ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ';

export function curpCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body[i]) * (18 - i);
  return (10 - (sum % 10)) % 10;
}

export function validCurp(curp: string): boolean {
  if (!STATES.has(curp.slice(11, 13))) return false;
  // Position 17 tells the century: a digit before 2000, a letter from 2000 on.
  const century = curp.charCodeAt(16) <= 57 ? 1900 : 2000;
  if (!realDate(century + Number(curp.slice(4, 6)), Number(curp.slice(6, 8)), Number(curp.slice(8, 10)))) return false;
  return curpCheckDigit(curp) === curp.charCodeAt(17) - 48;
}

export const mxCurpRecognizer = defineRecognizer({
  id: 'mx-curp',
  category: CATEGORY.nationalId,
  country: 'mx',
  noun: 'valid Mexican population registry keys (CURP)',
  // Necessary shape: letters and eight digits.
  gate: {
    all: TRAIT.letter | TRAIT.digit,
    minDigits: 7,
    maxDigits: 9,
    none: TRAIT.space | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.dash | TRAIT.symbol,
  },
  patterns: [{ name: 'CURP (18 characters)', regex: CURP, score: 1 }],
  context: ['curp', 'clave', 'poblacion'],
  prefilter: (value: string) => value.length === 18,
  normalize: (value: string) => value.toUpperCase(),
  validate: validCurp,
  validates: 'the birth date, the state code and the check digit',
});
