/**
 * Indian permanent account numbers (PAN): five letters, four digits, a letter (ABCPE1234F). The
 * fourth letter is the holder's type: P an individual; C company, F firm, H Hindu undivided family,
 * A association of persons, B body of individuals, G government, J artificial juridical person,
 * L local authority, T trust (K, an older code, too). An individual's PAN is a personal tax id; the
 * others identify entities and are not personal (company-id.ts). The last letter is a check
 * character whose algorithm is not published, and the digits are never 0000.
 */
import { CATEGORY } from '../categories.js';
import { companyIdEvidence } from './company-id.js';
import { defineRecognizer, evaluateRecognizerEvidence, type ValueRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const shared = {
  // Necessary shape: letters and four digits.
  gate: {
    all: TRAIT.letter | TRAIT.digit,
    minDigits: 4,
    maxDigits: 4,
    none: TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii,
  },
  context: ['pan', 'permanent', 'pancard', 'incometax'],
  prefilter: (value: string) => value.length >= 10 && value.length <= 12,
  normalize: (value: string) => (value.length === 10 ? value : value.replace(/[ -]/g, '')).toUpperCase(),
  validate: (pan: string) => pan.slice(5, 9) !== '0000',
};

const individuals = defineRecognizer({
  id: 'in-pan',
  category: CATEGORY.nationalId,
  country: 'in',
  noun: 'Indian permanent account numbers (PAN) of individuals',
  patterns: [{ name: 'PAN of an individual (fourth letter P)', regex: /^[A-Z]{3}P[A-Z]\d{4}[A-Z]$/, score: 0.85, contextScore: 1 }],
  ...shared,
});

const entities = defineRecognizer({
  id: 'in-pan',
  category: CATEGORY.operations,
  country: 'in',
  noun: 'Indian permanent account numbers (PAN) of companies, firms, trusts and other entities',
  patterns: [{ name: 'PAN of an entity (fourth letter A, B, C, F, G, H, J, K, L or T)', regex: /^[A-Z]{3}[ABCFGHJKLT][A-Z]\d{4}[A-Z]$/, score: 0.85, contextScore: 1 }],
  ...shared,
});

export const inPanRecognizer: ValueRecognizer = {
  ...individuals,
  recognizeColumn: (values, options) => [...evaluateRecognizerEvidence(individuals, values, options), ...companyIdEvidence(entities, values, options)],
};
