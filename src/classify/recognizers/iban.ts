/**
 * International bank account numbers: country code, two check digits and the BBAN, validated by
 * ibantools (mod-97 checksum, per-country length and BBAN format, national check digits where
 * defined). The electronic form and the printed form in groups of four (spaces or dashes) are accepted; IBANs are
 * upper case by standard (ISO 13616), so mixed-case strings are not.
 */
import { isValidIBAN } from 'ibantools';
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const IBAN = /^[A-Z]{2}\d{2}[A-Z\d]{11,30}$/;
// Groups of four separated by single spaces or dashes, one kind per value.
const PRINTED = /^[A-Z]{2}\d{2}(?:( )[A-Z\d]{4}(?:\1[A-Z\d]{4})*(?:\1[A-Z\d]{1,3})?|(-)[A-Z\d]{4}(?:\2[A-Z\d]{4})*(?:\2[A-Z\d]{1,3})?)$/;

export const ibanRecognizer = defineRecognizer({
  id: 'iban',
  category: CATEGORY.bankAccount,
  noun: 'valid IBANs',
  // Necessary shape: country letters, check digits, letters and digits.
  gate: { all: TRAIT.letter | TRAIT.digit, minDigits: 2, none: TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii },
  patterns: [{ name: 'IBAN (electronic or printed in groups of four)', regex: IBAN, score: 1 }],
  context: ['iban', 'konto', 'kontonummer', 'bank', 'account', 'rekening', 'compte', 'cuenta', 'conto'],
  prefilter: (value: string) => {
    if (value.length < 15 || value.length > 42) return false;
    const c0 = value.charCodeAt(0);
    const c2 = value.charCodeAt(2);
    return c0 >= 65 && c0 <= 90 && c2 >= 48 && c2 <= 57 && (!(value.includes(' ') || value.includes('-')) || PRINTED.test(value));
  },
  normalize: (value: string) => (value.includes(' ') || value.includes('-') ? value.replace(/[ -]/g, '') : value),
  validate: (iban: string) => isValidIBAN(iban),
  validates: 'the IBAN checksum and country format',
});
