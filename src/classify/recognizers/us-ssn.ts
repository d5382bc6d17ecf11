/**
 * US social security numbers: SSA area/group/serial rules (area not 000, 666 or 900-999, group not
 * 00, serial not 0000) and the well-known numbers that were never issued to a person. Dashed, spaced
 * or dotted forms score on their own; bare nine digits are also SINs, BSNs, phone fragments and ids,
 * so they only score with a context word in the column name.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

/** Published in advertising or wallets (078-05-1120 Woolworth, 219-09-9999 SSA leaflet) or obvious fillers. */
const NEVER_ISSUED = new Set(['078051120', '219099999', '123456789', '987654320']);

/** Digits of a value with separators skipped, or undefined when it is not exactly nine digits. */
function nineDigits(value: string): string | undefined {
  if (value.length === 9) return value;
  let digits = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += value[i];
  }
  return digits.length === 9 ? digits : undefined;
}

export function validSsn(value: string): boolean {
  const digits = nineDigits(value);
  if (digits === undefined) return false;
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  if (digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return false;
  if (NEVER_ISSUED.has(digits)) return false;
  // 111-11-1111 passes the area rules but is a placeholder, never an issued number.
  for (let i = 1; i < 9; i++) if (digits.charCodeAt(i) !== digits.charCodeAt(0)) return true;
  return false;
}

export const usSsnRecognizer = defineRecognizer({
  id: 'us-ssn',
  category: CATEGORY.nationalId,
  country: 'us',
  noun: 'valid US social security numbers',
  // Necessary shape: nine digits.
  gate: { minDigits: 9, maxDigits: 9, none: TRAIT.letter | TRAIT.at | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii },
  patterns: [
    { name: 'SSN with one kind of separator (123-45-6789)', regex: /^\d{3}([-. ])\d{2}\1\d{4}$/, score: 1 },
    { name: 'nine digits (weak without context)', regex: /^\d{9}$/, score: 0.3, contextScore: 0.9 },
    { name: 'SSN with irregular separators (weak without context)', regex: /^\d{3}[-. ]?\d{2}[-. ]?\d{4}$/, score: 0.1, contextScore: 0.6 },
  ],
  context: ['ssn', 'ssns', 'social', 'socialsecurity', 'ssnum', 'ssno'],
  prefilter: (value: string) => value.length >= 9 && value.length <= 11 && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  validate: validSsn,
  validates: 'the SSA area, group and serial rules',
});
