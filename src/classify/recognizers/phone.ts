/**
 * Phone numbers, validated with libphonenumber-js "max" metadata (real number ranges, not just
 * lengths). International forms parse on their own; national forms are tried against default regions
 * chosen by shape (a leading trunk 0 → GB/DE/FR…, otherwise NANP). Bare digit runs only score weakly:
 * order numbers and ids are digit runs too.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { CATEGORY } from '../categories.js';
import { plainInternationalNanpNumber, plainNanpNumber, validNanpNationalNumber } from './nanp.js';
import { defineRecognizer, type ValueRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

export interface PhoneRecognizerOptions {
  /** Regions tried for national numbers; NANP regions for numbers without a trunk 0, the rest otherwise. */
  readonly regions?: readonly CountryCode[];
}

const DEFAULT_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR'];
const NANP = new Set<CountryCode>(['US', 'CA']);
/**
 * What one libphonenumber parse of a national number with a trunk 0 typically costs, in µs (measured on
 * 6-10 digit numbers: GB's metadata makes it 12-50). A number is valid when any region accepts it, so
 * trying the cheaper regions first changes the cost only, never the verdict. Others count as 10.
 */
const PARSE_MICROSECONDS: Partial<Record<CountryCode, number>> = { FR: 5, DE: 9, GB: 30 };
const parseCost = (region: CountryCode): number => PARSE_MICROSECONDS[region] ?? 10;

// Digits with common separators and an optional extension; 7-15 digits is checked separately.
const PHONE_SHAPE = /^(?:\+|00)?[\d\s().\-/]{6,24}(?:\s*(?:x|ext\.?|extension|#)\s*\d{1,6})?$/i;
const EXTENSION = /\s*(?:x|ext\.?|extension|#)\s*\d{1,6}$/i;
// Dates are digits and dashes too; they never need a (slow) libphonenumber parse.
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;

function digitCount(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/**
 * False when no NANP region can accept the national number, so libphonenumber (tens of µs a parse)
 * need not be asked: every NANP numbering plan is ten digits starting 2-9 (`[2-9]\d{9}`, Canada
 * also a local `3\d{6}`), reached as is, after a trunk prefix and country code 1, or after the 011
 * exit code. (Checked against libphonenumber by a property test.)
 */
export function mayBeNanpNumber(value: string): boolean {
  const digits = value.replace(EXTENSION, '').replace(/\D/g, '');
  if (digits.startsWith('011')) return true;
  // libphonenumber strips a leading 1 as trunk prefix and another as the country code.
  for (let ones = 0; ones <= 2; ones++) {
    if (ones > 0 && digits[ones - 1] !== '1') break;
    const national = digits.length - ones;
    if ((national === 10 && digits[ones] >= '2') || (national === 7 && digits[ones] === '3')) return true;
  }
  return false;
}

function isValidPhone(value: string, nationalRegions: readonly CountryCode[], trunkRegions: readonly CountryCode[]): boolean {
  if (value.startsWith('+') || value.startsWith('00')) {
    const international = value.startsWith('00') ? `+${value.slice(2)}` : value;
    // +1 written plainly: libphonenumber's verdict without its parse.
    const nanp = plainInternationalNanpNumber(international);
    if (nanp !== undefined) return validNanpNationalNumber(nanp, 'US');
    return parsePhoneNumberFromString(international)?.isValid() ?? false;
  }
  // A trunk 0, possibly after an opening parenthesis.
  const trunkZero = value.charCodeAt(0) === 48 || (value.charCodeAt(0) === 40 && value.charCodeAt(1) === 48);
  const regions = trunkZero ? trunkRegions : nationalRegions;
  if (regions === nationalRegions) {
    // Plain digits and separators: libphonenumber's verdict without its slow parse (such values pass mayBeNanpNumber).
    const national = plainNanpNumber(value);
    if (national !== undefined) return regions.some((region) => validNanpNationalNumber(national, region));
    if (!mayBeNanpNumber(value)) return false;
  }
  for (const region of regions) {
    if (parsePhoneNumberFromString(value, region)?.isValid()) return true;
  }
  return false;
}

export function createPhoneRecognizer(options: PhoneRecognizerOptions = {}): ValueRecognizer {
  const regions = options.regions ?? DEFAULT_REGIONS;
  const nationalRegions = regions.filter((r) => NANP.has(r));
  const trunkRegions = regions.filter((r) => !NANP.has(r)).sort((a, b) => parseCost(a) - parseCost(b));
  return defineRecognizer({
    id: 'phone',
    category: CATEGORY.phone,
    noun: 'valid phone numbers',
    // Necessary shape: 7-15 digits (more with an extension), only separators besides.
    gate: { minDigits: 7, none: TRAIT.at | TRAIT.colon | TRAIT.comma },
    patterns: [
      { name: 'international number', regex: /^(?:\+|00)[1-9]/, score: 1 },
      { name: 'formatted national number', regex: /[\s().\-/]/, score: 0.95 },
      // Weak alone (ids are digit runs too), not in a column named for phone numbers.
      { name: 'unformatted digit run (weak)', regex: /^\d+$/, score: 0.5, contextScore: 0.9 },
    ],
    context: ['phone', 'telephone', 'mobile', 'cell', 'fax', 'contact'],
    prefilter: (value: string) => {
      if (!PHONE_SHAPE.test(value) || DATE_LIKE.test(value)) return false;
      const digits = digitCount(value.replace(EXTENSION, ''));
      return digits >= 7 && digits <= 15;
    },
    validate: (value: string) => isValidPhone(value, nationalRegions, trunkRegions),
    validates: "libphonenumber's numbering plans of its regions",
    // libphonenumber takes 10-60 µs a parse; 40 distinct values estimate the share within ±15 points.
    maxDistinct: 40,
    // When the first 16 of the right shape are all valid (or all invalid), so are the rest, as estimated.
    maxValidated: 16,
  });
}

export const phoneRecognizer = createPhoneRecognizer();
