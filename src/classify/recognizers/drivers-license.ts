/**
 * Driver's licence numbers. UK (DVLA) numbers have a distinctive 16-character layout with an
 * embedded birth date, so they score on their own when the date is real. Everything else (US state
 * formats, German Führerschein, Washington's *-padded numbers) is a generic letters-and-digits
 * shape that only counts when the column name says driver's licence.
 */
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

export const DRIVERS_LICENSE_CATEGORY = 'user.government_id.drivers_license_number';

// Surname (5, padded with 9s), decade, month (+50 for women), day, year, initials (9-padded), digit, 2 check chars.
const DVLA = /^[A-Z](?:[A-Z]{4}|[A-Z]{3}9|[A-Z]{2}99|[A-Z]999|9999)\d{6}[A-Z][A-Z9]\d[A-Z\d]{2}$/;

function twoDigits(value: string, at: number): number {
  return (value.charCodeAt(at) - 48) * 10 + value.charCodeAt(at + 1) - 48;
}

/** The DVLA birth month and day must form a date; other shapes have nothing to check. */
function validLicence(value: string): boolean {
  if (value.length !== 16 || !DVLA.test(value)) return true;
  const month = twoDigits(value, 6);
  const day = twoDigits(value, 8);
  return ((month >= 1 && month <= 12) || (month >= 51 && month <= 62)) && day >= 1 && day <= 31;
}

export const driversLicenseRecognizer = defineRecognizer({
  id: 'drivers-license',
  category: DRIVERS_LICENSE_CATEGORY,
  noun: "driver's licence numbers",
  // Necessary shape: letters, digits and '*', with a digit or a '*' (every pattern has one; upper-casing makes neither).
  gate: { any: TRAIT.digit | TRAIT.symbol, none: TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma },
  patterns: [
    { name: 'UK DVLA licence (16 characters with birth date)', regex: DVLA, score: 0.6, contextScore: 1 },
    { name: 'German Führerschein (11 characters)', regex: /^[A-Z\d]{2}\d{8}[A-Z\d]$/, score: 0.05, contextScore: 0.8 },
    { name: 'Washington licence padded with *', regex: /^(?=[^*]*\*)[A-Z\d*]{12}$/, score: 0.05, contextScore: 0.7 },
    { name: 'letter(s) and 4-14 digits (US states)', regex: /^[A-Z]{1,2}\d{4,14}$/, score: 0.05, contextScore: 0.8 },
    { name: '6-13 digits (US states)', regex: /^\d{6,13}$/, score: 0.02, contextScore: 0.7 },
    { name: 'other letter/digit mix of 6-16 characters', regex: /^(?=[A-Z]*\d)[A-Z\d]{6,16}$/, score: 0.02, contextScore: 0.6 },
  ],
  // Not "license" alone: software licence keys share these shapes.
  context: [
    'driver', 'drivers', 'driving', 'dl', 'dln', 'driverlicense', 'driverslicense', 'drivinglicence', 'fuehrerschein', 'führerschein',
    'fahrerlaubnis', 'conduire', 'conducir', 'guida', 'rijbewijs', 'carteira', 'habilitacao',
  ],
  prefilter: (value: string) => value.length >= 6 && value.length <= 22,
  normalize: (value: string) => (value.includes(' ') || value.includes('-') ? value.replace(/[ -]/g, '') : value).toUpperCase(),
  validate: validLicence,
});
