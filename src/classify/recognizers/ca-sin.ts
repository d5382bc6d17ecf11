/**
 * Canadian social insurance numbers: 9 digits, Luhn checksum, never starting with 0 or 8 (9 is for
 * temporary residents). Grouped 3-3-3 they score on their own; bare nine digits collide with SSNs,
 * BSNs and ids, so they need a context word.
 */
import { CATEGORY } from '../categories.js';
import { luhnValid } from './credit-card.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

export function validSin(value: string): boolean {
  const digits = value.length === 9 ? value : value.replace(/[ -]/g, '');
  const first = digits.charCodeAt(0);
  if (first === 48 || first === 56) return false;
  let same = true;
  for (let i = 1; i < 9 && same; i++) same = digits.charCodeAt(i) === first;
  return !same && luhnValid(digits);
}

export const caSinRecognizer = defineRecognizer({
  id: 'ca-sin',
  category: CATEGORY.nationalId,
  country: 'ca',
  noun: 'valid Canadian social insurance numbers',
  // Necessary shape: nine digits.
  gate: { minDigits: 9, maxDigits: 9, none: TRAIT.letter | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii },
  patterns: [
    { name: 'SIN grouped 3-3-3', regex: /^\d{3}([ -])\d{3}\1\d{3}$/, score: 1 },
    { name: 'nine digits (weak without context)', regex: /^\d{9}$/, score: 0.3, contextScore: 0.9 },
  ],
  context: ['sin', 'nas', 'social', 'insurance', 'assurance', 'sociale'],
  prefilter: (value: string) => (value.length === 9 || value.length === 11) && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  validate: validSin,
  validates: 'the Luhn check digit',
});
