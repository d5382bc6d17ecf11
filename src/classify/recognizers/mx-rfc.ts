/**
 * Mexican taxpayer registry codes (RFC, Registro Federal de Contribuyentes). A person's (persona
 * física) has 13 characters: four letters of the names, the birth date YYMMDD and a three-character
 * homoclave; a company's (persona moral) has 12: three letters of the name, the founding date and
 * the homoclave. The homoclave ends in a mod-11 check character (0-9, A for 10) over the characters
 * before it, valued in 0-9A-N&O-Z, space, Ñ and weighted 13 down to 2 (a company's code counts as
 * if a space stood in front). About 1.5% of issued codes have a wrong check character, so one that
 * fails counts at half. Personal codes are national ids; company codes are not personal
 * (company-id.ts). XAXX010101000 and XEXX010101000 are the generic codes for the public and for
 * foreigners on invoices, not anyone's.
 */
import { CATEGORY } from '../categories.js';
import { companyIdEvidence } from './company-id.js';
import { realDate } from './date-of-birth.js';
import { defineRecognizer, evaluateRecognizerEvidence, type ValueRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
const GENERIC = new Set(['XAXX010101000', 'XEXX010101000']);
/** A wrong check character: issued codes have them (about 1.5%), so it only lowers the score. */
const WRONG_CHECK_FACTOR = 0.5;

export function rfcCheckCharacter(body: string): string {
  const padded = body.padStart(12, ' ');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += ALPHABET.indexOf(padded[i]) * (13 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

/** 1 for a valid code, WRONG_CHECK_FACTOR when only the check character is wrong, false when the date is not one. */
export function rfcValidity(rfc: string): number | false {
  if (GENERIC.has(rfc)) return false;
  const date = rfc.length - 9;
  // Two-digit years: 2000 + YY keeps 29 February in leap years.
  if (!realDate(2000 + Number(rfc.slice(date, date + 2)), Number(rfc.slice(date + 2, date + 4)), Number(rfc.slice(date + 4, date + 6)))) return false;
  return rfcCheckCharacter(rfc.slice(0, -1)) === rfc[rfc.length - 1] ? 1 : WRONG_CHECK_FACTOR;
}

const shared = {
  // Necessary shape: letters and six or more digits (Ñ is not ASCII).
  gate: { all: TRAIT.letter | TRAIT.digit, minDigits: 6, none: TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma },
  context: ['rfc', 'contribuyente', 'contribuyentes', 'fiscal'],
  prefilter: (value: string) => value.length >= 12 && value.length <= 16,
  normalize: (value: string) => (value.includes(' ') || value.includes('-') ? value.replace(/[ -]/g, '') : value).toUpperCase(),
  validate: rfcValidity,
};

const personalCodes = defineRecognizer({
  id: 'mx-rfc',
  category: CATEGORY.nationalId,
  country: 'mx',
  noun: 'valid Mexican taxpayer codes of persons (RFC)',
  patterns: [{ name: 'RFC of a person (13 characters)', regex: /^[A-ZÑ&]{4}\d{6}[A-Z\d]{2}[\dA]$/, score: 1 }],
  ...shared,
  validates: 'the date check',
});

const companyCodes = defineRecognizer({
  id: 'mx-rfc',
  category: CATEGORY.operations,
  country: 'mx',
  noun: 'valid Mexican taxpayer codes of companies (RFC)',
  patterns: [{ name: 'RFC of a company (12 characters)', regex: /^[A-ZÑ&]{3}\d{6}[A-Z\d]{2}[\dA]$/, score: 1 }],
  ...shared,
});

export const mxRfcRecognizer: ValueRecognizer = {
  ...personalCodes,
  recognizeColumn: (values, options) => [...evaluateRecognizerEvidence(personalCodes, values, options), ...companyIdEvidence(companyCodes, values, options)],
};
