/**
 * City, state/region and country values, by list lookup (diacritics and case ignored). City names
 * are open-ended, so the shape of a place name (capitalised words, typical affixes) counts weakly.
 */
import { CATEGORY } from '../categories.js';
import { CITY_NAMES, COUNTRY_CODES, COUNTRY_NAMES, REGION_CODES, REGION_NAMES, foldPlace } from './data/places.js';
import { columnMemo } from './column-memo.js';
import { defineRecognizer, type PreparedValues } from './recognizer.js';
import { TRAIT } from './value-traits.js';
import { hasCasedLetter } from './text.js';

/**
 * The place lists are of Latin-script names and codes: a numeric code (a key of a lookup of regions or
 * countries, `13`, `392`) or a name in a script without case (横浜市) is a value they cannot judge.
 */
const judges = hasCasedLetter;

const PLACE_WORDS = /^\p{Lu}[\p{L}'’.]*(?:[ -](?:\p{Lu}[\p{L}'’.]*|de|del|la|le|sur|am|an|der|upon|on|de la))*$/u;
const CITY_PREFIX = /^(?:new|lake|port|san|santa|saint|st\.?|east|west|north|south|fort|mount|bad|sankt) /i;
const CITY_SUFFIXES = ['ville', 'ton', 'town', 'burg', 'berg', 'stadt', 'furt', 'heim', 'hausen', 'ford', 'field', 'port', 'mouth', 'chester', 'dorf', 'ham', 'land', 'haven', 'bury', 'borough', 'view', 'side', 'city', 'polis', 'abad', 'pur'];
// Global, so that `lastIndex` makes it look only at the end of the value: a suffix starts no earlier.
const CITY_SUFFIX = new RegExp(`(?:${CITY_SUFFIXES.join('|')})$`, 'gi');
const LONGEST_CITY_SUFFIX = Math.max(...CITY_SUFFIXES.map((s) => s.length));

/** A typical city-name prefix ("New ", "Port ") or suffix ("-ville", "-burg"), in any case. */
function hasCityAffix(value: string): boolean {
  if (CITY_PREFIX.test(value)) return true;
  CITY_SUFFIX.lastIndex = Math.max(0, value.length - LONGEST_CITY_SUFFIX);
  return CITY_SUFFIX.test(value);
}

// The city, state and country recognizers fold the same values of a column: once per value and column.
function placeFold(value: string, values?: PreparedValues, index?: number): string {
  if (values === undefined || index === undefined || values.distinct[index] !== value) return foldPlace(value);
  const memo = columnMemo(values, 'place-folds', () => new Array<string | undefined>(values.distinct.length));
  return (memo[index] ??= foldPlace(value));
}

export const cityRecognizer = defineRecognizer({
  id: 'city',
  category: CATEGORY.city,
  noun: 'city names',
  // Necessary shape: capitalised words.
  gate: { any: TRAIT.letter | TRAIT.nonAscii, none: TRAIT.digit | TRAIT.at | TRAIT.colon | TRAIT.slash | TRAIT.comma },
  patterns: [{ name: 'capitalised place name', regex: PLACE_WORDS, score: 1 }],
  context: ['city', 'town', 'locality'],
  judges,
  prefilter: (value: string) => value.length >= 2 && value.length <= 50,
  validate: (value: string, values?: PreparedValues, index?: number) =>
    CITY_NAMES.has(placeFold(value, values, index)) ? 1 : hasCityAffix(value) ? 0.6 : 0.25,
});

export const stateRecognizer = defineRecognizer({
  id: 'state',
  category: CATEGORY.state,
  noun: 'state or region names or codes',
  // Necessary shape: letters.
  gate: { any: TRAIT.letter | TRAIT.nonAscii, none: TRAIT.digit | TRAIT.at | TRAIT.colon | TRAIT.slash | TRAIT.comma },
  patterns: [
    { name: 'region code', regex: /^[A-Z]{2,3}$/, score: 0.8 },
    { name: 'region name', regex: /^\p{L}[\p{L}'’ .-]{2,40}$/u, score: 1 },
  ],
  context: ['state', 'province', 'region', 'county'],
  judges,
  prefilter: (value: string) => value.length >= 2 && value.length <= 42,
  validate: (value: string, values?: PreparedValues, index?: number) => REGION_CODES.has(value) || REGION_NAMES.has(placeFold(value, values, index)),
});

export const countryRecognizer = defineRecognizer({
  id: 'country',
  category: CATEGORY.country,
  noun: 'country names or codes',
  // Necessary shape: letters.
  gate: { any: TRAIT.letter | TRAIT.nonAscii, none: TRAIT.digit | TRAIT.at | TRAIT.colon | TRAIT.slash },
  patterns: [
    { name: 'ISO 3166 alpha-2 code', regex: /^[A-Z]{2}$/, score: 0.7 },
    { name: 'country name', regex: /^\p{L}[\p{L}'’ .,()&-]{2,60}$/u, score: 1 },
  ],
  context: ['country', 'nation', 'nationality'],
  judges,
  prefilter: (value: string) => value.length >= 2 && value.length <= 62,
  validate: (value: string, values?: PreparedValues, index?: number) =>
    value.length === 2 ? COUNTRY_CODES.has(value) : COUNTRY_NAMES.has(placeFold(value, values, index)),
});
