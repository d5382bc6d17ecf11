/**
 * Brazilian individual taxpayer numbers (CPF, Cadastro de Pessoas Físicas): nine digits and two
 * mod-11 check digits (weights 10..2 over the nine, then 11..2 over the nine and the first check
 * digit; a remainder below 2 gives 0), printed 123.456.789-09. Numbers of one repeated digit pass
 * the check and are never issued. Eleven bare digits are also mobile numbers and ids, but only one
 * in a hundred random ones passes both check digits.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const ALL_SAME = /^(\d)\1+$/;

/** One mod-11 check digit over `digits`, weighted from `firstWeight` down to 2. */
function mod11CheckDigit(digits: string, firstWeight: number): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += (digits.charCodeAt(i) - 48) * (firstWeight - i);
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

export function validCpf(value: string): boolean {
  const digits = value.length === 11 ? value : value.replace(/\D/g, '');
  if (digits.length !== 11 || ALL_SAME.test(digits)) return false;
  const first = mod11CheckDigit(digits.slice(0, 9), 10);
  return first === digits.charCodeAt(9) - 48 && mod11CheckDigit(digits.slice(0, 10), 11) === digits.charCodeAt(10) - 48;
}

export const brCpfRecognizer = defineRecognizer({
  id: 'br-cpf',
  category: CATEGORY.nationalId,
  country: 'br',
  noun: 'valid Brazilian CPF numbers',
  // Necessary shape: eleven digits.
  gate: { minDigits: 11, maxDigits: 11, none: TRAIT.letter | TRAIT.at | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii },
  patterns: [
    { name: 'CPF printed (123.456.789-09)', regex: /^\d{3}\.\d{3}\.\d{3}-\d{2}$/, score: 1 },
    { name: 'CPF (11 digits)', regex: /^\d{11}$/, score: 0.85, contextScore: 1 },
    { name: 'CPF with other separators (weak without context)', regex: /^\d{3}[. ]?\d{3}[. ]?\d{3}[-. ]?\d{2}$/, score: 0.6, contextScore: 0.95 },
  ],
  context: ['cpf', 'cadastro', 'contribuinte', 'fisica'],
  prefilter: (value: string) => value.length >= 11 && value.length <= 14 && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  validate: validCpf,
  validates: 'the two mod-11 check digits',
});
