/**
 * IMEI (15 digits: 8-digit TAC, serial, Luhn check digit) and IMEISV (16 digits, no check digit, weak).
 * The first two TAC digits are a GSMA reporting body; requiring a known one keeps random Luhn-valid
 * 15-digit ids (one in ten of them) out.
 */
import { CATEGORY } from '../categories.js';
import { luhnValid } from './credit-card.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

/** GSMA reporting body identifiers that allocate TACs. */
const REPORTING_BODIES = new Set(['01', '10', '30', '33', '35', '44', '45', '49', '50', '51', '52', '53', '54', '86', '91', '98', '99']);

export function plausibleImei(digits: string): boolean {
  if (!REPORTING_BODIES.has(digits.slice(0, 2))) return false;
  if (/^(\d)\1+$/.test(digits.slice(2))) return false;
  return digits.length === 16 || luhnValid(digits);
}

export const imeiRecognizer = defineRecognizer({
  id: 'imei',
  category: CATEGORY.deviceId,
  noun: 'IMEI numbers',
  // Necessary shape: 15-16 digits, spaces or dashes only.
  gate: { minDigits: 15, maxDigits: 16, none: ~(TRAIT.digit | TRAIT.space | TRAIT.dash) },
  patterns: [
    { name: 'IMEI with Luhn check digit', regex: /^\d{15}$/, score: 0.9, contextScore: 1 },
    { name: 'IMEISV, no check digit (weak)', regex: /^\d{16}$/, score: 0.2, contextScore: 0.8 },
  ],
  context: ['imei', 'imeisv', 'handset', 'device', 'tac', 'equipment'],
  // Printed forms: 35-209900-176148-1, 35 209900 176148 1.
  prefilter: (value: string) => value.length >= 15 && value.length <= 19 && /^\d[\d -]+\d$/.test(value),
  normalize: (value: string) => value.replace(/[ -]/g, ''),
  validate: plausibleImei,
  validates: 'the reporting body and Luhn check digit',
});
