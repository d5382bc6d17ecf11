/**
 * Person names: given names, family names and full names. Lookups in small multicultural name lists
 * give full strength; the shape of a name (capitalised words of letters) alone counts only weakly, so
 * product or category names do not become people.
 */
import { CATEGORY } from '../categories.js';
import { FIRST_NAMES, LAST_NAMES, NAME_PARTICLES } from './data/person-names.js';
import { defineRecognizer, type ColumnAdjustment } from './recognizer.js';
import { TRAIT } from './value-traits.js';

const SHAPE_ONLY = 0.35;
/** Two to four capitalised words are a stronger shape than one. */
const FULL_NAME_SHAPE_ONLY = 0.5;
/** Below this share of distinct words among all words, a column reuses a small vocabulary (product names). */
const MIN_WORD_DIVERSITY = 0.3;
// One character class per word (no nested quantifiers), so failing matches stay linear.
const WORD = "\\p{L}[\\p{L}'’-]*";
const ONE_OR_TWO_WORDS = new RegExp(`^${WORD}(?: ${WORD})?$`, 'u');
const ONE_TO_FOUR_WORDS = new RegExp(`^${WORD}(?: ${WORD}){0,3}$`, 'u');
const FULL_NAME = new RegExp(`^(?:${WORD}\\.? )?${WORD},?(?: ${WORD}\\.?){1,3}$`, 'u');
const CAPITALISED = /^\p{Lu}/u;
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'herr', 'frau', 'mme', 'mlle', 'sr', 'sra']);
const ORGANISATION_WORDS = new Set(['inc', 'llc', 'ltd', 'gmbh', 'corp', 'co', 'ag', 'sa', 'plc', 'bv', 'nv', 'srl', 'spa', 'company', 'group', 'bank', 'university', 'the', 'and']);

/** Lowercase, without diacritics or apostrophes: `Müller` → muller, `O'Brien` → obrien. */
export function foldName(word: string): string {
  if (PLAIN_ASCII.test(word)) return word.toLowerCase(); // the common case, without allocations for NFD
  return word.normalize('NFD').replace(/[\u0300-\u036f'’.]/g, '').toLowerCase();
}
const PLAIN_ASCII = /^[A-Za-z -]*$/;

function words(value: string): string[] {
  if (value.indexOf(' ') < 0 && value.indexOf(',') < 0) return [value];
  return value.split(/[\s,]+/).filter((w) => w !== '');
}

function isLastName(parts: readonly string[]): boolean {
  if (parts.length === 1 && parts[0].indexOf('-') < 0) return LAST_NAMES.has(foldName(parts[0]));
  return isFoldedLastName(parts.map(foldName));
}

function isFoldedLastName(folded: readonly string[]): boolean {
  if (folded.length === 1 && LAST_NAMES.has(folded[0])) return true;
  const core = folded.filter((w) => !NAME_PARTICLES.has(w));
  return LAST_NAMES.has(folded.join('')) || core.some((w) => w.split('-').some((p) => LAST_NAMES.has(p)));
}

function isFirstName(word: string): boolean {
  return isFoldedFirstName(foldName(word));
}

function isFoldedFirstName(folded: string): boolean {
  return FIRST_NAMES.has(folded) || (folded.includes('-') && folded.split('-').some((p) => FIRST_NAMES.has(p)));
}

function shapeScore(parts: readonly string[], full = SHAPE_ONLY): number {
  const capitalised = parts.every((w) => NAME_PARTICLES.has(w.toLowerCase()) || CAPITALISED.test(w));
  return capitalised ? full : full / 2;
}

/** Person names hardly repeat their words; generated product names ("Steel Chair") do. */
function wordDiversity(matched: readonly string[]): ColumnAdjustment | undefined {
  if (matched.length < 10) return undefined;
  const all = matched.flatMap(words).map(foldName);
  const diversity = new Set(all).size / all.length;
  if (diversity >= MIN_WORD_DIVERSITY) return undefined;
  return { factor: diversity / MIN_WORD_DIVERSITY, note: `only ${Math.round(diversity * 100)}% of the words are distinct, unlike person names` };
}

const prefilter = (value: string) => value.length >= 2 && value.length <= 60;

export const firstNameRecognizer = defineRecognizer({
  id: 'first-name',
  category: CATEGORY.firstName,
  noun: 'given names',
  // Necessary shape: letters, apostrophes, hyphens and spaces only.
  gate: { any: TRAIT.letter | TRAIT.nonAscii, none: TRAIT.digit | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma },
  patterns: [{ name: 'one or two words of letters', regex: ONE_OR_TWO_WORDS, score: 1 }],
  context: ['first', 'given', 'forename'],
  prefilter,
  validate: (value: string) => {
    const parts = words(value);
    return isFirstName(parts[0]) ? 1 : shapeScore(parts);
  },
});

export const lastNameRecognizer = defineRecognizer({
  id: 'last-name',
  category: CATEGORY.lastName,
  noun: 'family names',
  // Necessary shape: letters, apostrophes, hyphens and spaces only.
  gate: { any: TRAIT.letter | TRAIT.nonAscii, none: TRAIT.digit | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma },
  patterns: [{ name: 'one to four words of letters', regex: ONE_TO_FOUR_WORDS, score: 1 }],
  context: ['last', 'family', 'surname'],
  prefilter,
  validate: (value: string) => {
    const parts = words(value);
    return isLastName(parts) ? 1 : shapeScore(parts);
  },
});

export const fullNameRecognizer = defineRecognizer({
  id: 'full-name',
  category: CATEGORY.name,
  noun: 'full person names',
  // Necessary shape: words of letters separated by spaces.
  gate: { all: TRAIT.space, none: TRAIT.digit | TRAIT.at | TRAIT.colon | TRAIT.slash },
  patterns: [{ name: 'two to four words of letters', regex: FULL_NAME, score: 1 }],
  context: ['name', 'full', 'contact'],
  prefilter: (value: string) => value.length >= 4 && value.length <= 80 && value.includes(' '),
  validate: (value: string) => {
    let parts = words(value);
    let folded = parts.map(foldName); // fold each word once
    if (folded.some((w) => ORGANISATION_WORDS.has(w))) return false;
    if (TITLES.has(folded[0])) {
      parts = parts.slice(1);
      folded = folded.slice(1);
    }
    if (parts.length < 2) return false;
    // "Smith, John" puts the family name first.
    const comma = value.indexOf(',');
    const familyCount = comma > 0 ? words(value.slice(0, comma)).length : 0;
    const given = comma > 0 ? folded[familyCount] : folded[0];
    const family = comma > 0 ? folded.slice(0, familyCount) : folded.slice(1);
    const hits = Number(given !== undefined && isFoldedFirstName(given)) + Number(isFoldedLastName(family));
    if (hits === 2) return 1;
    if (hits === 1) return 0.75;
    return shapeScore(parts, FULL_NAME_SHAPE_ONLY);
  },
  adjustColumn: wordDiversity,
});
