/**
 * Street addresses and postal codes. Streets: a house number plus a street word in English, French,
 * Spanish, Italian, German or Dutch, number first ("12 rue de la Paix") or last ("Hauptstraße 5").
 * Postal codes: distinctive national formats count; bare digit runs count only with a name context.
 */
import { CATEGORY } from '../categories.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const STREET_WORDS = new Set(
  `street st avenue ave av road rd boulevard blvd lane ln drive dr court ct way place pl terrace ter circle cir
  highway hwy parkway pkwy square sq crescent cres close grove gardens park row walk alley trail trl loop pike
  plaza plz point pt ridge run path pass crossing xing heights hts hill hills view vista mews wharf quay
  rue allee allée impasse chemin quai cours faubourg route
  calle avenida avda paseo plaza camino carrera carretera ronda travesia travesía glorieta pasaje puerta rincon rincón
  cuesta callejon callejón rambla carrer passeig plazuela urbanizacion urbanización poligono polígono explanada alameda
  via viale piazza corso vicolo largo strada contrada
  strasse straße str weg platz allee gasse ring damm ufer chaussee markt
  straat laan plein gracht kade singel dijk steeg pad`.split(/\s+/).filter((w) => w !== ''),
);
/** Street words written as the end of one word (Hauptstraße, Keizersgracht, Rosenweg). */
const STREET_SUFFIXES = ['strasse', 'straße', 'str.', 'weg', 'platz', 'allee', 'gasse', 'ring', 'damm', 'straat', 'laan', 'plein', 'gracht', 'kade', 'singel', 'dijk'];

const HOUSE_NUMBER = '\\d{1,6}[A-Za-z]?(?:[-/]\\d{1,5}[A-Za-z]?)?';
const NUMBER_FIRST = new RegExp(`^${HOUSE_NUMBER},?\\s+[\\p{L}\\d .,'’#-]{2,80}$`, 'u');
const NUMBER_LAST = new RegExp(`^\\p{L}[\\p{L}\\d .'’-]{2,60},?\\s${HOUSE_NUMBER}(?:,?\\s[\\p{L}\\d .#-]{1,20})?$`, 'u');
const PO_BOX = /^(?:p\.?\s?o\.?\s?box|post\s?box|postfach|apartado(?: de correos)?|bo[iî]te postale|casella postale)\s*\d+/i;

function hasStreetWord(value: string): boolean {
  for (const raw of value.toLowerCase().split(/[\s,]+/)) {
    const word = raw.endsWith('.') ? raw.slice(0, -1) : raw;
    if (STREET_WORDS.has(word)) return true;
    if (STREET_SUFFIXES.some((s) => raw.endsWith(s) && raw.length > s.length + 2)) return true;
  }
  return false;
}

export const streetAddressRecognizer = defineRecognizer({
  id: 'street-address',
  category: CATEGORY.street,
  noun: 'street addresses',
  // Necessary shape: a number and words.
  gate: { all: TRAIT.digit, any: TRAIT.letter | TRAIT.nonAscii },
  patterns: [
    { name: 'PO box', regex: PO_BOX, score: 0.9 },
    { name: 'house number first', regex: NUMBER_FIRST, score: 1 },
    { name: 'house number last', regex: NUMBER_LAST, score: 1 },
  ],
  context: ['address', 'street', 'line'],
  prefilter: (value: string) => value.length >= 5 && value.length <= 120 && /\d/.test(value) && /\p{L}/u.test(value),
  // A number and words without a street word may be anything ("3 Little Pigs"): weak.
  validate: (value: string) => {
    if (PO_BOX.test(value) || hasStreetWord(value)) return true;
    if (/^\d/.test(value)) return 0.4;
    return /\p{L}, \d/u.test(value) ? 0.4 : 0.15; // "Name, 6" is how many European addresses end
  },
});

export const postalCodeRecognizer = defineRecognizer({
  id: 'postal-code',
  category: CATEGORY.postalCode,
  noun: 'postal codes',
  // Necessary shape: every postal code form has digits.
  gate: { all: TRAIT.digit, none: TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol },
  patterns: [
    { name: 'US ZIP+4', regex: /^\d{5}-\d{4}$/, score: 0.9 },
    { name: 'UK postcode', regex: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}$/i, score: 0.9 },
    { name: 'Canadian postal code', regex: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, score: 0.9 },
    { name: 'Dutch postcode', regex: /^[1-9]\d{3} ?[A-Z]{2}$/, score: 0.8 },
    { name: 'Brazilian/Portuguese code', regex: /^\d{5}-\d{3}$|^\d{4}-\d{3}$/, score: 0.6 },
    { name: 'Polish code', regex: /^\d{2}-\d{3}$/, score: 0.5 },
    { name: 'five digits (weak)', regex: /^\d{5}$/, score: 0.2, contextScore: 0.9 },
    { name: 'four or six digits (weak)', regex: /^\d{4}$|^\d{6}$/, score: 0.1, contextScore: 0.8 },
  ],
  context: ['zip', 'postal', 'post', 'postcode', 'plz', 'cp', 'cap'],
  prefilter: (value: string) => value.length >= 4 && value.length <= 10,
});
