/**
 * Indian Aadhaar numbers: 12 digits, first digit 2-9, Verhoeff check digit; grouped 4-4-4 with
 * spaces, dashes or colons. Palindromes pass Verhoeff easily and are not issued.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

// Verhoeff tables: dihedral group D5 multiplication and the position permutation.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeffValid(digits: string): boolean {
  let c = 0;
  for (let i = 0; i < digits.length; i++) c = D[c][P[i % 8][digits.charCodeAt(digits.length - 1 - i) - 48]];
  return c === 0;
}

function isPalindrome(digits: string): boolean {
  for (let i = 0, j = digits.length - 1; i < j; i++, j--) if (digits.charCodeAt(i) !== digits.charCodeAt(j)) return false;
  return true;
}

export function validAadhaar(value: string): boolean {
  const digits = value.length === 12 ? value : value.replace(/[ :-]/g, '');
  return digits.charCodeAt(0) >= 50 && !isPalindrome(digits) && verhoeffValid(digits);
}

export const inAadhaarRecognizer = defineRecognizer({
  id: 'in-aadhaar',
  category: CATEGORY.nationalId,
  country: 'in',
  noun: 'valid Aadhaar numbers',
  // Necessary shape: twelve digits.
  gate: { minDigits: 12, maxDigits: 12, none: TRAIT.letter | TRAIT.at | TRAIT.dot | TRAIT.slash | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii },
  patterns: [
    { name: 'Aadhaar grouped 4-4-4', regex: /^\d{4}([ :-])\d{4}\1\d{4}$/, score: 1 },
    { name: 'Aadhaar (12 digits)', regex: /^\d{12}$/, score: 0.85, contextScore: 1 },
  ],
  context: ['aadhaar', 'aadhar', 'uidai'],
  prefilter: (value: string) => (value.length === 12 || value.length === 14) && value.charCodeAt(0) >= 50 && value.charCodeAt(0) <= 57,
  validate: validAadhaar,
  validates: 'the Verhoeff check digit',
});
