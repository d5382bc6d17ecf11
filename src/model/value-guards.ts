/**
 * Where the model's reading of value shapes is not to be trusted, whatever its probability (issue 16):
 * columns whose values are plainly not what the category it proposes would hold. Facts about the
 * sampled values decide it, all read without the model:
 *
 * - machine tokens (random salts, hashes, keys): most distinct values are letters and digits mixed in
 *   a near-random order. A category of words people write (a name, a username, an address, a job
 *   title) cannot be that; the model, trained on generated columns, read 10-character salts as
 *   usernames at 0.97–0.99.
 * - program text (SQL, code, constant names like MAX_LENGTH_CHECK): most distinct values hold
 *   characters that names, addresses and job titles never do (_ = ; * { } < > | \). The model read
 *   SQL statements as addresses at 0.92 and lists of check names at 0.80.
 * - an enumeration: fewer than MIN_DISTINCT_INDIVIDUAL different values, each repeated (on average at
 *   least twice in the sample). That is a code list, not values that belong to one person each (a name,
 *   an email, a street address, a card number); the model read sizes and colours (S, M, L, red, …)
 *   as given names at 0.89. Categories whose values many people share (gender, age range, postal code,
 *   city, country, job title) stay open, and so does a tiny table whose values do not repeat.
 * - numbers too coarse for a coordinate: a precise location (GPS coordinates) pins a person down to
 *   about 100 m, which takes at least MIN_COORDINATE_DECIMALS significant decimals (0.001° of latitude
 *   is 111 m). Money, rates and measures stored at a fixed scale (45.50000000: trailing zeros are not
 *   significant) have two; the model read such hourly and daily rates as coordinates at 0.98.
 * - numbers no person's age reaches: an age range (`18-24`, `65+`, `40`) holds numbers up to MAX_AGE. A column
 *   where most distinct values hold a larger number (an archive's row numbers, amounts) is not one; the model
 *   read such integers as age ranges at 0.83.
 *
 * Pure: values stay in memory, and the reasons name counts, never a value.
 */
import { CATEGORY } from '../classify/categories.js';
import { entropy } from '../classify/recognizers/uuid.js';

/** A value of a personal category held by one person each needs at least this many different values to be told from a code list. */
export const MIN_DISTINCT_INDIVIDUAL = 10;
/** Share of the distinct values that must look like machine tokens (or program text) for the column to be one of them. */
const MACHINE_SHARE = 0.5;
/** Sampled values per distinct value from which a short list of values is an enumeration (each value repeats). */
const MIN_REPEATS = 2;
/** Significant decimals (trailing zeros dropped) a coordinate needs to locate a person to about 100 m. */
export const MIN_COORDINATE_DECIMALS = 3;
/** Share of the distinct values that must hold such a number for the column to be coordinates. */
const COORDINATE_SHARE = 0.5;
/** No person is older: a number above it is not an age. */
export const MAX_AGE = 130;
/** Share of the distinct values that must hold a number above MAX_AGE for the column to be no age range. */
const BEYOND_AGE_SHARE = 0.5;
const DIGIT_RUN = /\d+/g;
/** A number with its decimals: the fractional digits are group 1. */
const DECIMAL_NUMBER = /\d\.(\d+)/g;
/** Values looked at (the model's features read no more either). */
const MAX_DISTINCT = 100;

/** Categories of words people write: never a random token. */
const HUMAN_WORDS: ReadonlySet<string> = new Set([
  'user.name', 'user.name.first', 'user.name.last', 'user.account.username', 'user.job_title',
  'user.contact.address', 'user.contact.address.street', 'user.contact.address.city', 'user.contact.address.state',
  'user.contact.address.country', 'user.location.imprecise', 'user.content.private',
]);

/** Categories of names and places people write: never program text (a username may hold an underscore). */
const PROSE_WORDS: ReadonlySet<string> = new Set([...HUMAN_WORDS].filter((c) => c !== 'user.account.username' && c !== 'user.content.private'));

/** Categories whose values many people share: a short list of them is still that category. */
const SHARED_VALUES: ReadonlySet<string> = new Set([
  CATEGORY.operations, 'user.demographic.gender', 'user.demographic.age_range', 'user.job_title', 'user.financial',
  'user.contact.address.postal_code', 'user.contact.address.city', 'user.contact.address.state', 'user.contact.address.country', 'user.location.imprecise',
]);

const TOKEN_CHARS = /^[A-Za-z0-9+/=_-]{8,}$/;
/** Characters of code, queries and constant names that names, addresses and job titles do not hold. */
const PROGRAM_CHARS = /[_=;*{}<>|\\]/;
/** Random strings switch between digits, lower and upper case often; words and codes ("customer-ref-12") rarely. */
const MIN_CLASS_CHANGES = 0.3;
/** Entropy close to its maximum for the length (nearly every character different): 0.85 × log2(length), at most 3.3 bits. */
const ENTROPY_OF_MAXIMUM = 0.85;
const MAX_ENTROPY_NEEDED = 3.3;

const charClass = (code: number): number => (code >= 48 && code <= 57 ? 0 : code >= 97 && code <= 122 ? 1 : code >= 65 && code <= 90 ? 2 : 3);

/** A value that looks machine-made: token characters only, letters and digits, frequent class changes, near-maximal entropy. */
export function looksLikeMachineToken(value: string): boolean {
  if (!TOKEN_CHARS.test(value) || !/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  let changes = 0;
  for (let i = 1; i < value.length; i++) if (charClass(value.charCodeAt(i)) !== charClass(value.charCodeAt(i - 1))) changes++;
  if (changes / (value.length - 1) < MIN_CLASS_CHANGES) return false;
  return entropy(value) >= Math.min(MAX_ENTROPY_NEEDED, ENTROPY_OF_MAXIMUM * Math.log2(value.length));
}

/** What the guards need to know about a column's sampled values. */
export interface ValueFacts {
  /** Different non-blank values (counted up to MAX_DISTINCT). */
  readonly distinct: number;
  /** Non-blank values sampled (counted up to MAX_DISTINCT × MIN_REPEATS). */
  readonly nonBlank: number;
  /** Share of the distinct values that look like machine tokens. */
  readonly tokenShare: number;
  /** Share of the distinct values that hold program characters. */
  readonly programShare: number;
  /** Share of the distinct values that hold a number with at least MIN_COORDINATE_DECIMALS significant decimals. */
  readonly coordinateShare: number;
  /** Share of the distinct values that hold a number above MAX_AGE. */
  readonly beyondAgeShare: number;
}

/** Whether a value holds a number (a run of digits) above MAX_AGE. */
export function holdsNumberBeyondAge(value: string): boolean {
  for (const match of value.matchAll(DIGIT_RUN)) if (match[0].length > 3 || Number(match[0]) > MAX_AGE) return true;
  return false;
}

/** Whether a value holds a number with at least MIN_COORDINATE_DECIMALS significant decimals (48.85661, not 45.50000000). */
export function holdsFineNumber(value: string): boolean {
  // Most values hold no decimal point: no match iterator for them.
  if (!value.includes('.')) return false;
  for (const match of value.matchAll(DECIMAL_NUMBER)) if (match[1].replace(/0+$/, '').length >= MIN_COORDINATE_DECIMALS) return true;
  return false;
}

export function valueFacts(values: readonly string[]): ValueFacts {
  const distinct = new Set<string>();
  let nonBlank = 0;
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed === '') continue;
    nonBlank++;
    if (distinct.size < MAX_DISTINCT) distinct.add(trimmed);
    else if (nonBlank >= MAX_DISTINCT * MIN_REPEATS) break;
  }
  let tokens = 0;
  let program = 0;
  let fine = 0;
  let beyondAge = 0;
  for (const value of distinct) {
    if (holdsNumberBeyondAge(value)) beyondAge++;
    if (looksLikeMachineToken(value)) tokens++;
    if (PROGRAM_CHARS.test(value)) program++;
    if (holdsFineNumber(value)) fine++;
  }
  const share = (n: number): number => (distinct.size > 0 ? n / distinct.size : 0);
  return {
    distinct: distinct.size,
    nonBlank,
    tokenShare: share(tokens),
    programShare: share(program),
    coordinateShare: share(fine),
    beyondAgeShare: share(beyondAge),
  };
}

/** Why the model may not propose `category` for a column with these values, or undefined where it may. */
export function whyNotFor(category: string, facts: ValueFacts): string | undefined {
  if (HUMAN_WORDS.has(category) && facts.tokenShare >= MACHINE_SHARE)
    return `${percent(facts.tokenShare)} of the distinct values look like machine tokens (random letters and digits), which ${category} never holds`;
  if (PROSE_WORDS.has(category) && facts.programShare >= MACHINE_SHARE)
    return `${percent(facts.programShare)} of the distinct values hold characters of program text (_ = ; * { } < > | \\), which ${category} never holds`;
  if (category === CATEGORY.preciseLocation && facts.coordinateShare < COORDINATE_SHARE)
    return `only ${percent(facts.coordinateShare)} of the distinct values hold a number with ${MIN_COORDINATE_DECIMALS} or more significant decimals, which coordinates precise to about 100 m need`;
  if (category === 'user.demographic.age_range' && facts.beyondAgeShare >= BEYOND_AGE_SHARE)
    return `${percent(facts.beyondAgeShare)} of the distinct values hold a number above ${MAX_AGE}, which no age reaches`;
  if (!SHARED_VALUES.has(category) && facts.distinct < MIN_DISTINCT_INDIVIDUAL && facts.nonBlank >= MIN_REPEATS * facts.distinct)
    return `only ${facts.distinct} different values, repeated over ${facts.nonBlank} sampled: a code list, not ${category}, whose values belong to one person each`;
  return undefined;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;
