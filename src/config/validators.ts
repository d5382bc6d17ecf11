/**
 * Named validators a config recognizer can use (`validator: luhn`), reused from the built-in
 * recognizers so a custom card or national-id pattern gets the same checksum checks.
 */
import { isValidIBAN } from 'ibantools';
import { validSin } from '../classify/recognizers/ca-sin.js';
import { luhnValid } from '../classify/recognizers/credit-card.js';
import { validSteuerId } from '../classify/recognizers/de-tax-id.js';
import { validDniNie } from '../classify/recognizers/es-dni-nie.js';
import { validNir } from '../classify/recognizers/fr-nir.js';
import { validAadhaar, verhoeffValid } from '../classify/recognizers/in-aadhaar.js';
import { validIpAddress } from '../classify/recognizers/ip-address.js';
import { validCodiceFiscale } from '../classify/recognizers/it-codice-fiscale.js';
import { elfproef } from '../classify/recognizers/nl-bsn.js';
import { validSsn } from '../classify/recognizers/us-ssn.js';

const digitsOnly = (value: string) => value.replace(/[\s.-]/g, '');
const compact = (value: string) => value.replace(/[\s-]/g, '').toUpperCase();

/** ISO 7064 mod 97-10 over letters and digits, IBAN-style (first four characters moved to the end). */
export function mod97Valid(value: string): boolean {
  const v = compact(value);
  if (!/^[A-Z0-9]{5,}$/.test(v)) return false;
  const rearranged = v.slice(4) + v.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const d of n) rest = (rest * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

export const NAMED_VALIDATORS = {
  luhn: (value: string) => /^\d{2,}$/.test(digitsOnly(value)) && luhnValid(digitsOnly(value)),
  iban: (value: string) => isValidIBAN(compact(value)),
  mod97: mod97Valid,
  verhoeff: (value: string) => /^\d{2,}$/.test(digitsOnly(value)) && verhoeffValid(digitsOnly(value)),
  elfproef: (value: string) => /^\d{8,9}$/.test(digitsOnly(value)) && elfproef(digitsOnly(value)),
  'us-ssn': validSsn,
  'de-steuer-id': (value: string) => validSteuerId(digitsOnly(value)),
  'fr-nir': (value: string) => validNir(compact(value)),
  'es-dni-nie': (value: string) => validDniNie(compact(value)),
  'it-codice-fiscale': (value: string) => validCodiceFiscale(compact(value)),
  'ca-sin': validSin,
  'in-aadhaar': validAadhaar,
  'ip-address': validIpAddress,
} as const satisfies Record<string, (value: string) => boolean>;

export type ValidatorName = keyof typeof NAMED_VALIDATORS;
export const VALIDATOR_NAMES = Object.keys(NAMED_VALIDATORS) as ValidatorName[];
