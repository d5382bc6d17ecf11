/**
 * German tax identification numbers (Steuer-ID, IdNr): 11 digits, no leading 0, ISO 7064 MOD 11,10
 * check digit, and the BZSt digit rule: in the first ten digits exactly one digit occurs two or
 * three times (three never all adjacent), every other digit at most once.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

/** ISO 7064 MOD 11,10 check digit over the digits of `body`. */
export function mod11_10CheckDigit(body: string): number {
  let product = 10;
  for (let i = 0; i < body.length; i++) {
    let sum = (body.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return check === 10 ? 0 : check;
}

function digitRuleHolds(body: string): boolean {
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < body.length; i++) counts[body.charCodeAt(i) - 48]++;
  let repeated = -1;
  for (let d = 0; d < 10; d++) {
    if (counts[d] <= 1) continue;
    if (counts[d] > 3 || repeated >= 0) return false;
    repeated = d;
  }
  if (repeated < 0) return false;
  if (counts[repeated] === 3) {
    const r = String(repeated).repeat(3);
    if (body.includes(r)) return false;
  }
  return true;
}

export function validSteuerId(digits: string): boolean {
  if (digits.charCodeAt(0) === 48) return false;
  const body = digits.slice(0, 10);
  return digitRuleHolds(body) && mod11_10CheckDigit(body) === digits.charCodeAt(10) - 48;
}

export const deTaxIdRecognizer = defineRecognizer({
  id: 'de-tax-id',
  category: CATEGORY.nationalId,
  country: 'de',
  noun: 'valid German tax identification numbers (Steuer-ID)',
  // Necessary shape: eleven digits.
  gate: { minDigits: 11, maxDigits: 11, none: TRAIT.letter | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii },
  patterns: [{ name: 'Steuer-ID (11 digits, spaces allowed)', regex: /^[1-9]\d{10}$/, score: 1 }],
  context: ['steuer', 'steuerid', 'steueridentifikationsnummer', 'idnr', 'identifikationsnummer', 'tin', 'tax'],
  prefilter: (value: string) => value.length >= 11 && value.length <= 14 && value.charCodeAt(0) >= 49 && value.charCodeAt(0) <= 57,
  normalize: (value: string) => (value.length === 11 ? value : value.replace(/[ /-]/g, '')),
  validate: validSteuerId,
  validates: 'the digit rule and the MOD 11,10 check digit',
});
