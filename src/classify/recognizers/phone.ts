/**
 * Phone numbers, validated with libphonenumber-js "max" metadata (real number ranges, not just
 * lengths). International forms parse on their own; national forms are tried against default regions
 * chosen by shape (a leading trunk 0 → GB/DE/FR…, otherwise NANP). Bare digit runs only score weakly:
 * order numbers and ids are digit runs too.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { CATEGORY } from '../categories.js';
import { defineRecognizer, type ValueRecognizer } from './recognizer.js';

export interface PhoneRecognizerOptions {
  /** Regions tried for national numbers; NANP regions for numbers without a trunk 0, the rest otherwise. */
  readonly regions?: readonly CountryCode[];
}

const DEFAULT_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR'];
const NANP = new Set<CountryCode>(['US', 'CA']);

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

function isValidPhone(value: string, nationalRegions: readonly CountryCode[], trunkRegions: readonly CountryCode[]): boolean {
  const trimmed = value.replace(/^\(/, '');
  if (value.startsWith('+') || value.startsWith('00')) {
    const international = value.startsWith('00') ? `+${value.slice(2)}` : value;
    return parsePhoneNumberFromString(international)?.isValid() ?? false;
  }
  const regions = trimmed.startsWith('0') ? trunkRegions : nationalRegions;
  for (const region of regions) {
    if (parsePhoneNumberFromString(value, region)?.isValid()) return true;
  }
  return false;
}

export function createPhoneRecognizer(options: PhoneRecognizerOptions = {}): ValueRecognizer {
  const regions = options.regions ?? DEFAULT_REGIONS;
  const nationalRegions = regions.filter((r) => NANP.has(r));
  const trunkRegions = regions.filter((r) => !NANP.has(r));
  return defineRecognizer({
    id: 'phone',
    category: CATEGORY.phone,
    noun: 'valid phone numbers',
    patterns: [
      { name: 'international number', regex: /^(?:\+|00)[1-9]/, score: 1 },
      { name: 'formatted national number', regex: /[\s().\-/]/, score: 0.95 },
      { name: 'unformatted digit run (weak)', regex: /^\d+$/, score: 0.5 },
    ],
    context: ['phone', 'telephone', 'mobile', 'cell', 'fax', 'contact'],
    prefilter: (value: string) => {
      if (!PHONE_SHAPE.test(value) || DATE_LIKE.test(value)) return false;
      const digits = digitCount(value.replace(EXTENSION, ''));
      return digits >= 7 && digits <= 15;
    },
    validate: (value: string) => isValidPhone(value, nationalRegions, trunkRegions),
    // libphonenumber takes 10-60 µs a parse; 40 distinct values estimate the share within ±15 points.
    maxDistinct: 40,
  });
}

export const phoneRecognizer = createPhoneRecognizer();
