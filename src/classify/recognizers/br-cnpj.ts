/**
 * Brazilian company registration numbers (CNPJ, Cadastro Nacional da Pessoa Jurídica): eight
 * characters of the company, four of the branch (0001 for the head office) and two mod-11 check
 * digits (weights 5..2 then 9..2, and 6..2 then 9..2 for the second), printed 12.345.678/0001-95.
 * From July 2026 the first twelve may be letters too, each counting as its character code minus 48.
 * A CNPJ identifies a company, so a column of them is evidence for system.operations (company-id.ts),
 * never for a personal id.
 */
import { defineRecognizer, type ValueRecognizer } from './recognizer.js';
import { companyIdEvidence } from './company-id.js';
import { CATEGORY } from '../categories.js';
import { TRAIT } from './value-traits.js';

const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const ALL_SAME = /^(\d)\1+$/;

function checkDigit(body: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (body.charCodeAt(i) - 48) * weights[i];
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** `value` without separators, upper case: 14 characters, the last two digits. */
export function validCnpj(value: string): boolean {
  const cnpj = value.length === 14 ? value.toUpperCase() : value.replace(/[ ./-]/g, '').toUpperCase();
  if (!/^[\dA-Z]{12}\d{2}$/.test(cnpj) || ALL_SAME.test(cnpj) || cnpj.startsWith('000000000000')) return false;
  return checkDigit(cnpj, FIRST_WEIGHTS) === cnpj.charCodeAt(12) - 48 && checkDigit(cnpj, SECOND_WEIGHTS) === cnpj.charCodeAt(13) - 48;
}

const cnpjNumbers = defineRecognizer({
  id: 'br-cnpj',
  // Reported as system.operations by recognizeColumn below.
  category: CATEGORY.operations,
  country: 'br',
  noun: 'valid Brazilian company registration numbers (CNPJ)',
  // Necessary shape: 14 characters, the last two digits.
  gate: { minDigits: 2, none: TRAIT.at | TRAIT.colon | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii | TRAIT.space },
  patterns: [
    { name: 'CNPJ printed (12.345.678/0001-95)', regex: /^[\dA-Z]{2}\.[\dA-Z]{3}\.[\dA-Z]{3}\/[\dA-Z]{4}-\d{2}$/i, score: 1 },
    { name: 'CNPJ (14 digits)', regex: /^\d{14}$/, score: 0.85, contextScore: 1 },
    { name: 'alphanumeric CNPJ (14 characters, from 2026)', regex: /^[\dA-Z]{12}\d{2}$/i, score: 0.6, contextScore: 1 },
  ],
  context: ['cnpj', 'juridica', 'empresa', 'razao'],
  prefilter: (value: string) => value.length === 14 || value.length === 18,
  validate: validCnpj,
});

export const brCnpjRecognizer: ValueRecognizer = { ...cnpjNumbers, recognizeColumn: (values, options) => companyIdEvidence(cnpjNumbers, values, options) };
