/**
 * City, state/region and country values, by list lookup (diacritics and case ignored). City names
 * are open-ended, so the shape of a place name (capitalised words, typical affixes) counts weakly.
 */
import { CATEGORY } from '../categories.js';
import { CITY_NAMES, COUNTRY_CODES, COUNTRY_NAMES, REGION_CODES, REGION_NAMES, foldPlace } from './data/places.js';
import { defineRecognizer } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const PLACE_WORDS = /^\p{Lu}[\p{L}'’.]*(?:[ -](?:\p{Lu}[\p{L}'’.]*|de|del|la|le|sur|am|an|der|upon|on|de la))*$/u;
const CITY_AFFIX = /^(?:new|lake|port|san|santa|saint|st\.?|east|west|north|south|fort|mount|bad|sankt) |(?:ville|ton|town|burg|berg|stadt|furt|heim|hausen|ford|field|port|mouth|chester|dorf|ham|land|haven|bury|borough|view|side|city|polis|abad|pur)$/i;

export const cityRecognizer = defineRecognizer({
  id: 'city',
  category: CATEGORY.city,
  noun: 'city names',
  // Necessary shape: capitalised words.
  gate: { any: TRAIT.letter | TRAIT.nonAscii, none: TRAIT.digit | TRAIT.at | TRAIT.colon | TRAIT.slash | TRAIT.comma },
  patterns: [{ name: 'capitalised place name', regex: PLACE_WORDS, score: 1 }],
  context: ['city', 'town', 'locality'],
  prefilter: (value: string) => value.length >= 2 && value.length <= 50,
  validate: (value: string) => (CITY_NAMES.has(foldPlace(value)) ? 1 : CITY_AFFIX.test(value) ? 0.6 : 0.25),
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
  prefilter: (value: string) => value.length >= 2 && value.length <= 42,
  validate: (value: string) => REGION_CODES.has(value) || REGION_NAMES.has(foldPlace(value)),
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
  prefilter: (value: string) => value.length >= 2 && value.length <= 62,
  validate: (value: string) => (value.length === 2 ? COUNTRY_CODES.has(value) : COUNTRY_NAMES.has(foldPlace(value))),
});
