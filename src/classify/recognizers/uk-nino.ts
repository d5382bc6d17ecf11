/**
 * UK National Insurance numbers: two prefix letters, six digits, suffix A-D. HMRC never allocates
 * D, F, I, Q, U or V as first letter, D, F, I, O, Q, U or V as second letter, nor the prefixes
 * BG, GB, KN, NK, NT, TN and ZZ (administrative and temporary numbers).
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const NINO = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;
const UNALLOCATED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export const ukNinoRecognizer = defineRecognizer({
  id: 'uk-nino',
  category: CATEGORY.nationalId,
  country: 'gb',
  noun: 'valid UK National Insurance numbers',
  // Necessary shape: two letters, six digits, a letter.
  gate: { minDigits: 6, maxDigits: 6, none: TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.dash | TRAIT.symbol },
  patterns: [{ name: 'NINO (AB123456C, spaces allowed)', regex: NINO, score: 1 }],
  context: ['nino', 'ni', 'national', 'insurance', 'nin', 'nationalinsurance'],
  prefilter: (value: string) => value.length >= 9 && value.length <= 13 && !(value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57),
  normalize: (value: string) => (value.includes(' ') ? value.replace(/ /g, '') : value).toUpperCase(),
  validate: (nino: string) => !UNALLOCATED_PREFIXES.has(nino.slice(0, 2)),
  validates: "HMRC's allocated prefixes",
});
