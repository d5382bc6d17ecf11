/**
 * Spanish identity numbers: DNI/NIF (8 digits, zero-padding optional, plus check letter) and NIE
 * for foreigners (X, Y or Z, which count as 0, 1 and 2, then 7 digits and the check letter). The
 * letter is CHECK_LETTERS[number mod 23]; a dash or space before it is allowed.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const CHECK_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function validDniNie(value: string): boolean {
  const first = value.charCodeAt(0);
  // X/Y/Z → 0/1/2: the NIE number is read as if that digit stood in front.
  const prefix = first === 88 ? 0 : first === 89 ? 1 : first === 90 ? 2 : -1;
  const digits = prefix >= 0 ? `${prefix}${value.slice(1, -1)}` : value.slice(0, -1);
  return CHECK_LETTERS[Number(digits) % 23] === value[value.length - 1];
}

export const esDniNieRecognizer = defineRecognizer({
  id: 'es-dni-nie',
  category: CATEGORY.nationalId,
  country: 'es',
  noun: 'valid Spanish DNI/NIE numbers',
  // Necessary shape: 7-8 digits and letters.
  gate: { minDigits: 7, maxDigits: 8, none: TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol },
  patterns: [
    { name: 'DNI (8 digits and check letter)', regex: /^\d{7,8}[A-Z]$/, score: 1 },
    { name: 'NIE (X/Y/Z, 7 digits and check letter)', regex: /^[XYZ]\d{7}[A-Z]$/, score: 1 },
  ],
  context: ['dni', 'nie', 'nif', 'documento', 'identidad', 'extranjero'],
  prefilter: (value: string) => value.length >= 8 && value.length <= 11,
  normalize: (value: string) => (value.includes('-') || value.includes(' ') ? value.replace(/[ -]/g, '') : value).toUpperCase(),
  validate: validDniNie,
  validates: 'the mod-23 check letter',
});
