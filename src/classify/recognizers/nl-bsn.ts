/**
 * Dutch citizen service numbers (BSN, formerly sofinummer): 9 digits (8 with the leading zero
 * dropped) passing the "elfproef": 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11. One in eleven
 * random 9-digit numbers passes, so bare digits score a little lower than the dotted 1234.56.782 form.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

export function elfproef(digits: string): boolean {
  const padded = digits.length === 8 ? `0${digits}` : digits;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (padded.charCodeAt(i) - 48) * (9 - i);
  sum -= padded.charCodeAt(8) - 48;
  return sum !== 0 && sum % 11 === 0;
}

export const nlBsnRecognizer = defineRecognizer({
  id: 'nl-bsn',
  category: CATEGORY.nationalId,
  country: 'nl',
  noun: 'valid Dutch citizen service numbers (BSN)',
  // Necessary shape: 8-9 digits.
  gate: { minDigits: 8, maxDigits: 9, none: TRAIT.letter | TRAIT.at | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol | TRAIT.nonAscii },
  patterns: [
    { name: 'BSN with separators (1234.56.782)', regex: /^\d{4}[. -]\d{2}[. -]\d{3}$/, score: 1 },
    { name: 'BSN (9 digits)', regex: /^\d{8,9}$/, score: 0.8, contextScore: 1 },
  ],
  context: ['bsn', 'burgerservicenummer', 'sofi', 'sofinummer', 'burgerservice'],
  prefilter: (value: string) => value.length >= 8 && value.length <= 11 && value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57,
  validate: (value: string) => elfproef(value.length <= 9 ? value : value.replace(/[. -]/g, '')),
  validates: 'the elfproef (mod-11 check)',
});
