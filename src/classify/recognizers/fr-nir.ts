/**
 * French social security numbers (NIR, "numéro de sécu"): sex, year, month, department (2A/2B for
 * Corsica), commune, order number and a two-digit key = 97 - (number mod 97), where Corsican 2A/2B
 * count as 19/18. Spaces between the groups are allowed.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

// sex 1/2 (3/4/7/8: provisional and foreign-born registrations), yy, mm, dept, commune, order, key
const NIR = /^[123478]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2[AB])\d{6}\d{2}$/;

export function validNir(nir: string): boolean {
  const dept = nir.slice(5, 7);
  const body = dept === '2A' ? `${nir.slice(0, 5)}19${nir.slice(7, 13)}` : dept === '2B' ? `${nir.slice(0, 5)}18${nir.slice(7, 13)}` : nir.slice(0, 13);
  // 13 digits stay below 2^53, so plain numbers are exact.
  const key = 97 - (Number(body) % 97);
  return key === Number(nir.slice(13));
}

export const frNirRecognizer = defineRecognizer({
  id: 'fr-nir',
  category: CATEGORY.nationalId,
  country: 'fr',
  noun: 'valid French social security numbers (NIR)',
  // Necessary shape: 13-15 digits (Corsica: 2A/2B).
  gate: { minDigits: 13, none: TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.dash | TRAIT.symbol },
  patterns: [{ name: 'NIR (15 characters with key, spaces allowed)', regex: NIR, score: 1 }],
  context: ['nir', 'insee', 'secu', 'securite', 'sociale', 'nss', 'numss'],
  prefilter: (value: string) => value.length >= 15 && value.length <= 22 && value.charCodeAt(0) >= 49 && value.charCodeAt(0) <= 56,
  normalize: (value: string) => (value.length === 15 ? value : value.replace(/ /g, '')).toUpperCase(),
  validate: validNir,
  validates: 'the mod-97 key',
});
