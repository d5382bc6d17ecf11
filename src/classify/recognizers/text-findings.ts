/**
 * Personal data inside a text beyond emails, phone numbers and names (free-text.ts): IPv4 addresses,
 * street addresses and US social security numbers written in the usual way. Each finder validates
 * what it matched (octet ranges, SSA rules, a street word beside a house number), so version
 * numbers, order numbers and prices stay out. Pure.
 */
import { validIpAddress } from './ip-address.js';
import { validSsn } from './us-ssn.js';

// Four dotted numbers not part of a longer dotted run, nor a version ("v1.2.3.4", "version 1.2.3.4").
const IPV4_IN_TEXT = /(?<![\d.]|\bv|\bversion |\bVersion )(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
const SSN_IN_TEXT = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;

const STREET_WORDS = 'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Court|Ct|Way|Place|Pl|Terrace|Square|Parkway|Pkwy|Highway|Hwy';
/** "221B Baker Street", "12 North Elm Ave": a house number, one to three capitalised words, a street word. */
const ENGLISH_STREET = new RegExp(`\\b\\d{1,5}[A-Za-z]?\\s+(?:\\p{Lu}\\p{Ll}+\\s+){1,3}(?:${STREET_WORDS})\\b`, 'u');
/** "Hauptstraße 5", "Kerkweg 12a", "Rosenallee 3": a compound street name and a house number. */
const GERMANIC_STREET = /\b\p{Lu}\p{Ll}+(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|laan|straat|gracht|vej|gatan|gata)\s+\d{1,4}[a-z]?\b/u;
/** "12 rue de la Paix", "3, avenue Foch", "calle Mayor 4", "via Roma 10". */
const ROMANCE_STREET = /\b\d{1,4},?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|impasse|allée|place)\s+\p{L}|\b(?:calle|avenida|rua|via|viale|piazza|largo)\s+(?:\p{L}+\s+){0,3}\d{1,4}\b/iu;

function anyValid(text: string, pattern: RegExp, valid: (match: string) => boolean): boolean {
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) if (valid(m[0])) return true;
  return false;
}

export function containsIpAddress(text: string): boolean {
  return anyValid(text, IPV4_IN_TEXT, validIpAddress);
}

export function containsNationalId(text: string): boolean {
  return anyValid(text, SSN_IN_TEXT, validSsn);
}

export function containsStreetAddress(text: string): boolean {
  return ENGLISH_STREET.test(text) || GERMANIC_STREET.test(text) || ROMANCE_STREET.test(text);
}
