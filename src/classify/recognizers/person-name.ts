/**
 * Person names: given names, family names and full names. Lookups in small multicultural name lists
 * give full strength; the shape of a name (capitalised words of letters) alone counts only weakly, so
 * product or category names do not become people.
 */
import { CATEGORY } from '../categories.js';
import { FIRST_NAMES, LAST_NAMES, NAME_PARTICLES } from './data/person-names.js';
import { defineRecognizer, type ColumnAdjustment, type PreparedValues } from './recognizer.js';
import { columnMemo } from './column-memo.js';
import { hasCasedLetter, splitOnSpaceOrComma, startsUppercase } from './text.js';
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
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'herr', 'frau', 'mme', 'mlle', 'sr', 'sra']);
/**
 * Words of organisations' and places' names (legal forms, kinds of institution): a value with one is the
 * name of an organisation ("Bayview Medical Center", "Northside Family Practice"), not of a person.
 */
const ORGANISATION_WORDS = new Set([
  'inc', 'llc', 'ltd', 'gmbh', 'corp', 'co', 'ag', 'sa', 'plc', 'bv', 'nv', 'srl', 'spa', 'company', 'group', 'bank',
  'university', 'the', 'and', 'of', 'center', 'centre', 'clinic', 'hospital', 'practice', 'associates', 'medical',
  'health', 'healthcare', 'care', 'pharmacy', 'school', 'college', 'academy', 'institute', 'foundation', 'services',
  'service', 'solutions', 'systems', 'hotel', 'store', 'shop', 'market', 'agency', 'partners', 'office', 'department',
  'insurance', 'trust', 'fund', 'club', 'society', 'association', 'council', 'ministry', 'committee', 'holdings',
  'international', 'enterprises', 'industries', 'consulting', 'laboratory', 'labs', 'studio', 'shield', 'cross',
]);

const FOLDED_AWAY = /[\u0300-\u036f'’.]/g;
const ASCII_FOLDED_AWAY = /['.]/g;

/** Lowercase, without diacritics or apostrophes: `Müller` → muller, `O'Brien` → obrien. */
export function foldName(word: string): string {
  // The common case, without NFD: it changes no ASCII character, and of the removed ones only ' and . are ASCII.
  let dotOrApostrophe = false;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code > 127) return word.normalize('NFD').replace(FOLDED_AWAY, '').toLowerCase();
    if (code === 39 || code === 46) dotOrApostrophe = true;
  }
  return (dotOrApostrophe ? word.replace(ASCII_FOLDED_AWAY, '') : word).toLowerCase();
}

function words(value: string): string[] {
  if (value.indexOf(' ') < 0 && value.indexOf(',') < 0) return [value];
  return splitOnSpaceOrComma(value);
}

/** A value's words and their folded forms. */
interface NameWords {
  readonly parts: readonly string[];
  readonly folded: readonly string[];
}

// The given-, family- and full-name recognizers and the word-diversity check split and fold the same
// values of a column: once per value and column, by the value's position in the column.
function nameWords(value: string, values?: PreparedValues, index?: number): NameWords {
  if (values === undefined || index === undefined || values.distinct[index] !== value) return analyseName(value);
  const memo = columnMemo(values, 'name-words', () => new Array<NameWords | undefined>(values.distinct.length));
  return (memo[index] ??= analyseName(value));
}

function analyseName(value: string): NameWords {
  const parts = words(value);
  return { parts, folded: parts.map(foldName) };
}

function isLastName({ parts, folded }: NameWords): boolean {
  if (parts.length === 1 && parts[0].indexOf('-') < 0) return LAST_NAMES.has(folded[0]);
  return isFoldedLastName(folded);
}

/** No known family name is longer: longer joined words need not be looked up. */
const LONGEST_LAST_NAME = Math.max(...[...LAST_NAMES].map((n) => n.length));
/** Every prefix of a known family name ('' and the names included): joined words are looked up only when the first word is one. */
const LAST_NAME_PREFIXES: ReadonlySet<string> = new Set([...LAST_NAMES].flatMap((n) => Array.from({ length: n.length + 1 }, (_, i) => n.slice(0, i))));

/** Whether the folded words `from`..`to` (all by default) are a family name: joined, or one of them not a particle. */
function isFoldedLastName(folded: readonly string[], from = 0, to = folded.length): boolean {
  if (to - from === 1) {
    if (LAST_NAMES.has(folded[from])) return true;
  } else if (
    joinedLength(folded, from, to) <= LONGEST_LAST_NAME &&
    LAST_NAME_PREFIXES.has(folded[from]) &&
    LAST_NAMES.has(joined(folded, from, to))
  )
    return true;
  // A word that is not a particle, or one part of a hyphenated word, is a known family name.
  for (let i = from; i < to; i++) {
    const w = folded[i];
    if (NAME_PARTICLES.has(w)) continue;
    if (w.indexOf('-') < 0 ? LAST_NAMES.has(w) : w.split('-').some((p) => LAST_NAMES.has(p))) return true;
  }
  return false;
}

/** `parts.slice(from, to).join('')`. */
function joined(parts: readonly string[], from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += parts[i];
  return out;
}

function joinedLength(parts: readonly string[], from: number, to: number): number {
  let length = 0;
  for (let i = from; i < to; i++) length += parts[i].length;
  return length;
}

function isFoldedFirstName(folded: string): boolean {
  return FIRST_NAMES.has(folded) || (folded.includes('-') && folded.split('-').some((p) => FIRST_NAMES.has(p)));
}

/**
 * What the shape alone says of words no name list knows: capitalised words may be a name; a word in
 * lower case ("entered in error", "resolved") is an ordinary word, since names are written capitalised.
 */
function shapeScore(parts: readonly string[], full = SHAPE_ONLY, from = 0): number {
  for (let i = from; i < parts.length; i++) if (!startsUppercase(parts[i]) && !NAME_PARTICLES.has(parts[i].toLowerCase())) return 0;
  return full;
}

/** A particle, or a word the given- or family-name lists know. */
function isKnownNameWord(folded: string): boolean {
  return NAME_PARTICLES.has(folded) || LAST_NAMES.has(folded) || isFoldedFirstName(folded);
}

/** Whether one of the folded words is a word of organisations' names. */
function hasOrganisationWord(folded: readonly string[]): boolean {
  for (const w of folded) if (ORGANISATION_WORDS.has(w)) return true;
  return false;
}

/** Family names the lists do not know are one or two words ("Tanaka", "García Lorca"); longer ones need a known part. */
const MAX_UNKNOWN_FAMILY_NAME_WORDS = 2;

/** Person names hardly repeat their words; generated product names ("Steel Chair") do. */
function wordDiversity(matched: readonly string[], values?: PreparedValues, indices?: readonly number[]): ColumnAdjustment | undefined {
  if (matched.length < 10) return undefined;
  const distinct = new Set<string>();
  let count = 0;
  for (let i = 0; i < matched.length; i++) {
    const { folded } = nameWords(matched[i], values, indices?.[i]);
    for (const w of folded) distinct.add(w);
    count += folded.length;
  }
  const diversity = distinct.size / count;
  if (diversity >= MIN_WORD_DIVERSITY) return undefined;
  return { factor: diversity / MIN_WORD_DIVERSITY, note: `only ${Math.round(diversity * 100)}% of the words are distinct, unlike person names` };
}

/**
 * People's names vary: a column whose few distinct values repeat over many rows, most of them words the
 * name lists do not know ("Medicare", "Acme"), is a list of categories. (Known names repeated, like the
 * few doctors of many visits, stay names.)
 */
const LIST_MIN_VALUES = 20;
const LIST_MAX_DISTINCT_SHARE = 0.1;
const LIST_FACTOR = 0.3;

function categoryList(known: (words: NameWords) => boolean) {
  return (matched: readonly string[], values?: PreparedValues, indices?: readonly number[]): ColumnAdjustment | undefined => {
    if (!values || values.total < LIST_MIN_VALUES || values.distinct.length > values.total * LIST_MAX_DISTINCT_SHARE) return undefined;
    let unknown = 0;
    for (let i = 0; i < matched.length; i++) if (!known(nameWords(matched[i], values, indices?.[i]))) unknown++;
    if (unknown * 2 <= matched.length) return undefined;
    return { factor: LIST_FACTOR, note: `only ${values.distinct.length} distinct values over ${values.total}, mostly words no name list knows: a list of categories, not people` };
  };
}

const prefilter = (value: string) => value.length >= 2 && value.length <= 60;

/** Spaces in the value, counted up to `upTo`. */
function spaceCount(value: string, upTo: number): number {
  let n = 0;
  for (let i = 0; i < value.length && n < upTo; i++) if (value.charCodeAt(i) === 32) n++;
  return n;
}

export const firstNameRecognizer = defineRecognizer({
  id: 'first-name',
  category: CATEGORY.firstName,
  noun: 'given names',
  // Necessary shape: letters, apostrophes, hyphens and spaces only.
  gate: { any: TRAIT.letter | TRAIT.nonAscii, none: TRAIT.digit | TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma },
  patterns: [{ name: 'one or two words of letters', regex: ONE_OR_TWO_WORDS, score: 1 }],
  context: ['first', 'given', 'forename'],
  prefilter,
  judges: hasCasedLetter,
  validate: (value: string, values?: PreparedValues, index?: number) => {
    const analysed = nameWords(value, values, index);
    if (analysed.parts.length > 1 && hasOrganisationWord(analysed.folded)) return false;
    return isFoldedFirstName(analysed.folded[0]) ? 1 : shapeScore(analysed.parts);
  },
  adjustColumn: categoryList((words) => isFoldedFirstName(words.folded[0])),
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
  judges: hasCasedLetter,
  validate: (value: string, values?: PreparedValues, index?: number) => {
    const analysed = nameWords(value, values, index);
    if (analysed.parts.length > 1 && hasOrganisationWord(analysed.folded)) return false;
    const shape = shapeScore(analysed.parts);
    // Several words in lower case ("wrong ward") are a name only when every word is one.
    if (isLastName(analysed)) return analysed.parts.length === 1 || shape > 0 || analysed.folded.every(isKnownNameWord) ? 1 : 0;
    const words = analysed.folded.filter((w) => !NAME_PARTICLES.has(w)).length;
    return words > MAX_UNKNOWN_FAMILY_NAME_WORDS ? 0 : shape;
  },
  adjustColumn: categoryList(isLastName),
});

export const fullNameRecognizer = defineRecognizer({
  id: 'full-name',
  category: CATEGORY.name,
  noun: 'full person names',
  // Necessary shape: words of letters separated by spaces.
  gate: { all: TRAIT.space, none: TRAIT.digit | TRAIT.at | TRAIT.colon | TRAIT.slash },
  patterns: [{ name: 'two to four words of letters', regex: FULL_NAME, score: 1 }],
  context: ['name', 'full', 'contact'],
  // The pattern has a space between words and nowhere else, and at most five words: texts have more.
  prefilter: (value: string) => value.length >= 4 && value.length <= 80 && value.includes(' ') && spaceCount(value, 5) <= 4,
  judges: hasCasedLetter,
  validate: (value: string, values?: PreparedValues, index?: number) => {
    const { parts, folded } = nameWords(value, values, index);
    if (hasOrganisationWord(folded)) return false;
    // The words after a title (`first` of them on).
    const first = TITLES.has(folded[0]) ? 1 : 0;
    if (parts.length - first < 2) return false;
    // "Smith, John" puts the family name first.
    const comma = value.indexOf(',');
    const familyCount = comma > 0 ? words(value.slice(0, comma)).length : 0;
    const given = comma > 0 ? folded[first + familyCount] : folded[first];
    const family = comma > 0 ? isFoldedLastName(folded, first, Math.min(first + familyCount, folded.length)) : isFoldedLastName(folded, first + 1);
    const hits = Number(given !== undefined && isFoldedFirstName(given)) + Number(family);
    if (hits === 2) return 1;
    // One known part counts when the words are written as names are (capitalised).
    if (hits === 1) return shapeScore(parts, 0.75, first);
    return shapeScore(parts, FULL_NAME_SHAPE_ONLY, first);
  },
  adjustColumn: wordDiversity,
});
