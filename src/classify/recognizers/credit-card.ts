/** Payment card numbers: issuer prefix and length, Luhn checksum; spaces and dashes allowed. */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

/** [prefix range low, high, allowed lengths] for the major networks. */
const ISSUERS: readonly (readonly [number, number, readonly number[]])[] = [
  [4, 4, [13, 16, 19]], // Visa
  [51, 55, [16]], // Mastercard
  [2221, 2720, [16]], // Mastercard 2-series
  [34, 34, [15]], // American Express
  [37, 37, [15]],
  [6011, 6011, [16, 17, 18, 19]], // Discover
  [644, 649, [16, 17, 18, 19]],
  [65, 65, [16, 17, 18, 19]],
  [300, 305, [14, 15, 16, 17, 18, 19]], // Diners Club
  [36, 36, [14, 15, 16, 17, 18, 19]],
  [38, 39, [16, 17, 18, 19]],
  [3528, 3589, [16, 17, 18, 19]], // JCB
  [62, 62, [16, 17, 18, 19]], // UnionPay
  [50, 50, [12, 13, 14, 15, 16, 17, 18, 19]], // Maestro
  [56, 58, [12, 13, 14, 15, 16, 17, 18, 19]],
  [6759, 6759, [12, 13, 14, 15, 16, 17, 18, 19]], // Maestro UK
  [1, 1, [15]], // UATP (airline cards)
  [2200, 2204, [16, 17, 18, 19]], // Mir
];

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export function knownIssuer(digits: string): boolean {
  return ISSUERS.some(([low, high, lengths]) => {
    const width = String(low).length;
    const prefix = Number(digits.slice(0, width));
    return prefix >= low && prefix <= high && lengths.includes(digits.length);
  });
}

const ALL_SAME = /^(\d)\1+$/;

export const creditCardRecognizer = defineRecognizer({
  id: 'credit-card',
  category: CATEGORY.creditCard,
  noun: 'card numbers with a valid issuer prefix and Luhn checksum',
  // Necessary shape: 12-19 digits, spaces or dashes only.
  gate: { minDigits: 12, maxDigits: 19, none: ~(TRAIT.digit | TRAIT.space | TRAIT.dash) },
  patterns: [{ name: 'card number (12-19 digits)', regex: /^\d{12,19}$/, score: 1 }],
  context: ['card', 'credit', 'debit', 'cc', 'pan'],
  prefilter: (value: string) => value.length >= 12 && value.length <= 23 && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  normalize: (value: string) => (/[ -]/.test(value) ? value.replace(/[ -]/g, '') : value),
  validate: (digits: string) => !ALL_SAME.test(digits) && knownIssuer(digits) && luhnValid(digits),
});
