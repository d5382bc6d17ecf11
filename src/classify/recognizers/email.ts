/** Email addresses: RFC 5322 "dot-atom" local part, a domain with a letter TLD (IDN allowed). */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+(?:\\p{L}{2,63}|xn--[a-z0-9-]{2,59})$`, 'u');

export const emailRecognizer = defineRecognizer({
  id: 'email',
  category: CATEGORY.email,
  noun: 'valid email addresses',
  // Necessary shape: an address has an '@'.
  gate: { all: TRAIT.at },
  patterns: [{ name: 'email address', regex: EMAIL, score: 1 }],
  context: ['email', 'mail'],
  prefilter: (value: string) => value.length >= 6 && value.length <= 254 && value.includes('@'),
  // RFC 5321 limits the local part to 64 characters.
  validate: (value: string) => value.indexOf('@') <= 64,
});
