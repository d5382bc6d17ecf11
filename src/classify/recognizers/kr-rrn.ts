/**
 * Korean resident registration numbers (RRN, jumin deungnok beonho) and the registration numbers of
 * foreign residents, which share the form: YYMMDD-GNNNNNN. G is the sex and century (1-4 citizens,
 * 5-8 foreigners; odd men, even women; 1, 2, 5, 6 born in the 1900s), so the birth date is known and
 * must be past. Numbers issued before October 2020 end in a check digit,
 * (11 − Σ digit × 2, 3, …, 9, 2, …, 5 mod 11) mod 10 (13 − … for foreigners), after a region code up
 * to 96; later ones end in random digits, so a real date and sex digit alone still count, at half.
 */
import { CATEGORY } from '../categories.js';
import { realDate } from './date-of-birth.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
/** A number without the pre-2020 check digit: the shape and date only. */
const UNCHECKED_FACTOR = 0.5;

export function rrnCheckDigitValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * WEIGHTS[i];
  // Foreign residents' numbers (sex digit 5-8) complement to 13 instead of 11.
  const base = digits.charCodeAt(6) >= 53 ? 13 : 11;
  return (base - (sum % 11)) % 10 === digits.charCodeAt(12) - 48 && Number(digits.slice(7, 9)) <= 96;
}

/** A birth date after today: no one has it yet (Korean barcodes, 880…, often read as 2088 dates). */
function inFuture(year: number, month: number, day: number, now: Date): boolean {
  return year * 10000 + month * 100 + day > now.getUTCFullYear() * 10000 + (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
}

/** 1 with a valid check digit, UNCHECKED_FACTOR for a real, past birth date and sex digit only, else false. */
export function rrnValidity(value: string, now = new Date()): number | false {
  const digits = value.length === 13 ? value : value.replace('-', '');
  const sex = digits.charCodeAt(6) - 48;
  if (sex < 1 || sex > 8) return false;
  const year = (sex <= 2 || sex === 5 || sex === 6 ? 1900 : 2000) + Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (!realDate(year, month, day) || inFuture(year, month, day, now)) return false;
  return rrnCheckDigitValid(digits) ? 1 : UNCHECKED_FACTOR;
}

export const krRrnRecognizer = defineRecognizer({
  id: 'kr-rrn',
  category: CATEGORY.nationalId,
  country: 'kr',
  noun: 'valid Korean resident registration numbers',
  // Necessary shape: thirteen digits, a dash at most.
  gate: { minDigits: 13, maxDigits: 13, none: ~(TRAIT.digit | TRAIT.dash) },
  patterns: [{ name: 'RRN YYMMDD-GNNNNNN (dash optional)', regex: /^\d{6}-?\d{7}$/, score: 1 }],
  context: ['rrn', 'jumin', 'juminbeonho', 'jumindeungnokbeonho', 'resident', 'registration'],
  prefilter: (value: string) =>
    (value.length === 13 || value.length === 14) && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  validate: (value: string) => rrnValidity(value),
  validates: 'the birth date and the sex and century digit',
});
