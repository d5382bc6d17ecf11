/**
 * Danish personal identification numbers (CPR-nummer): birth date DDMMYY, a dash, and four digits
 * whose first gives the century with the year. Numbers issued before 2007 also pass a mod-11 check
 * (weights 4-3-2-7-6-5-4-3-2-1); later ones need not, so one with a real, past birth date counts
 * at 0.6 without it. Ten bare digits are many other things too, so they score lower.
 */
import { CATEGORY } from '../categories.js';
import { realDate } from './date-of-birth.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
/** Without the mod-11 check (issued since 2007, or not a CPR number). */
const UNCHECKED_FACTOR = 0.6;

function birthYear(yy: number, seventh: number): number {
  if (seventh >= 5 && seventh <= 8 && yy >= 58) return 1800 + yy;
  if (seventh <= 3 || ((seventh === 4 || seventh === 9) && yy >= 37)) return 1900 + yy;
  return 2000 + yy;
}

/** 1 with the mod-11 check, UNCHECKED_FACTOR for a real, past birth date only, else false. */
export function cprValidity(value: string, now = new Date()): number | false {
  const digits = value.length === 10 ? value : value.replace('-', '');
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = birthYear(Number(digits.slice(4, 6)), digits.charCodeAt(6) - 48);
  if (!realDate(year, month, day)) return false;
  if (year * 10000 + month * 100 + day > now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate()) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * WEIGHTS[i];
  return sum % 11 === 0 ? 1 : UNCHECKED_FACTOR;
}

export const dkCprRecognizer = defineRecognizer({
  id: 'dk-cpr',
  category: CATEGORY.nationalId,
  country: 'dk',
  noun: 'valid Danish CPR numbers',
  // Necessary shape: ten digits, a dash at most.
  gate: { minDigits: 10, maxDigits: 10, none: ~(TRAIT.digit | TRAIT.dash) },
  patterns: [
    { name: 'CPR DDMMYY-SSSS', regex: /^\d{6}-\d{4}$/, score: 1 },
    { name: 'CPR (10 digits, weak without context)', regex: /^\d{10}$/, score: 0.5, contextScore: 1 },
  ],
  context: ['cpr', 'cprnr', 'cprnummer', 'personnummer'],
  prefilter: (value: string) =>
    (value.length === 10 || value.length === 11) && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  validate: (value: string) => cprValidity(value),
  validates: 'the birth date',
});
