/**
 * Personal data inside free text (notes, comments, messages): for a column whose values are sentences,
 * the share of values that contain an email address, a phone number (libphonenumber's
 * findPhoneNumbersInText, only on digit runs long enough to be one) or a person's name in a name-like
 * position ("Dear Anna", "Mr. Smith", "spoke with John", "Anna Meyer called"), an IP address, a street
 * address or a national id (text-findings.ts). A notes column is
 * personal data when a meaningful share of its values holds some: each kind found in at least about
 * 10% of the values is proposed on its own, so one column may get several categories; when only the
 * kinds together reach that share, the column is proposed as private content.
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import { CATEGORY } from '../categories.js';
import { FIRST_NAMES, LAST_NAMES } from './data/person-names.js';
import { percent, round3 } from './column-context.js';
import { foldName } from './person-name.js';
import { wordBoundaries } from './text.js';
import { containsIpAddress, containsNationalId, containsStreetAddress } from './text-findings.js';
import { TRAIT, valueTraits } from './value-traits.js';
import { defineRecognizer, type EvaluateOptions, type PreparedValues, type ValueRecognizer } from './recognizer.js';
import type { Evidence } from '../types.js';

export interface FreeTextRecognizerOptions {
  /** Regions tried for national phone numbers (international ones parse on their own). */
  readonly regions?: readonly CountryCode[];
}

type Kind = 'email' | 'phone' | 'name' | 'ip' | 'street' | 'nationalId';
const KINDS: readonly { kind: Kind; category: string; noun: string }[] = [
  { kind: 'email', category: CATEGORY.email, noun: 'an email address' },
  { kind: 'phone', category: CATEGORY.phone, noun: 'a phone number' },
  { kind: 'name', category: CATEGORY.name, noun: "a person's name" },
  { kind: 'ip', category: CATEGORY.ipAddress, noun: 'an IP address' },
  { kind: 'street', category: CATEGORY.street, noun: 'a street address' },
  { kind: 'nationalId', category: CATEGORY.nationalId, noun: 'a US social security number' },
];

/** Text, not codes or names: at least this many words, on average this long. */
const MIN_WORDS = 4;
const MIN_MEAN_LENGTH = 25;
const MIN_SENTENCE_SHARE = 0.5;
/** Distinct values looked at; the share is estimated from them. */
const MAX_CHECKED = 200;
/** Values with a digit run checked with libphonenumber (≈0.15 ms each); the rest is estimated. */
const MAX_PHONE_CHECKS = 25;
/** Decide early that a column is not free text. */
const PROBE = 20;

const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}/u;
// A digit run with separators, long enough for a phone number (digit count checked after).
const PHONE_CANDIDATE = /(?:\+|\b)\d[\d \t()./-]{5,22}\d/g;
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** . ! ? ; : */
const SENTENCE_END_CODES: ReadonlySet<number> = new Set([46, 33, 63, 59, 58]);

const TITLES: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'herr', 'frau', 'mme', 'mlle', 'madame', 'monsieur', 'sr',
  'sra', 'srta', 'senor', 'senora', 'sig', 'signor', 'signora', 'dhr', 'mevr', 'meneer', 'mevrouw',
]);
const SALUTATIONS: ReadonlySet<string> = new Set([
  'dear', 'hi', 'hello', 'hey', 'hallo', 'liebe', 'lieber', 'bonjour', 'cher', 'chere', 'hola', 'estimado', 'estimada',
  'querido', 'querida', 'caro', 'cara', 'gentile', 'ciao', 'beste', 'geachte', 'ola', 'prezado', 'prezada', 'thanks',
]);
/** Words after which a first name is a person being talked about ("spoke with Anna", "per John"). */
const BEFORE_NAME: ReadonlySet<string> = new Set([
  'called', 'call', 'spoke', 'talked', 'told', 'asked', 'met', 'emailed', 'contacted', 'phoned', 'per', 'cc', 'attn',
  'with', 'from', 'by', 'mit', 'von', 'avec', 'con', 'met', 'contact',
]);
/** Words after a sentence-initial first name that make it the subject ("Anna called"). */
const AFTER_NAME: ReadonlySet<string> = new Set([
  'called', 'phoned', 'said', 'says', 'asked', 'asks', 'wants', 'wanted', 'wrote', 'emailed', 'requested', 'mentioned',
  'complained', 'reported', 'prefers', 'needs', 'requests', 'confirmed', 'cancelled', 'canceled', 'rief', 'hat', 'ist',
  'a', 'est', 'ha', 'is', 'was', 'has', 'will', 'would',
]);
/** First names that are also common capitalised words or places mid-sentence. */
const AMBIGUOUS: ReadonlySet<string> = new Set([
  'will', 'may', 'june', 'april', 'august', 'mark', 'grace', 'rose', 'ruby', 'amber', 'iris', 'lily', 'holly',
  'christian', 'frank', 'king', 'price', 'young', 'jordan', 'austin', 'florence', 'victoria', 'virginia', 'madison',
  'georgia', 'paris', 'angel', 'sun', 'so', 'la', 'le', 'li', 'ma', 'al', 'van', 'hope', 'joy', 'faith', 'summer',
  'dawn', 'eve', 'ray', 'guy', 'rich', 'max', 'page', 'miles', 'chance', 'bill', 'art', 'pat', 'sue', 'don', 'dean',
  'lane', 'love', 'star', 'sky', 'penny', 'crystal', 'jasmine', 'autumn', 'sunny', 'jean', 'sandy', 'ed', 'an', 'ana',
  'ava', 'bobby', 'ben', 'do', 'ha', 'ho', 'so', 'su', 'ye', 'mo',
]);

// Token positions of the text being read (two per character suffice), reused from text to text.
let bounds = new Int32Array(1024);

/** The word lists that place a name (for tests that hold containsPersonName to its definition). */
export const NAME_CONTEXT_WORDS = { titles: TITLES, salutations: SALUTATIONS, before: BEFORE_NAME, after: AFTER_NAME, ambiguous: AMBIGUOUS } as const;

/** True when the text names a person in a name-like position. */
export function containsPersonName(text: string): boolean {
  if (bounds.length < 2 * text.length) bounds = new Int32Array(2 * text.length);
  const b = bounds;
  const count = wordBoundaries(text, b);
  // Words are sliced out of the text (and folded) only when looked at: most words of a text never are.
  let prevAt = -1;
  let prevFolded: string | undefined = '';
  let sentenceStart = true;
  for (let k = 0; k < count; k++) {
    const start = b[2 * k];
    if (b[2 * k + 1] - start === 1 && SENTENCE_END_CODES.has(text.charCodeAt(start))) {
      prevFolded ??= foldName(token(text, b, prevAt));
      if (!TITLES.has(prevFolded)) sentenceStart = true; // "Mr." does not end a sentence
      continue;
    }
    if (isCapitalisedAt(text, k, b)) {
      prevFolded ??= foldName(token(text, b, prevAt));
      if (TITLES.has(prevFolded)) return true;
      const folded = foldName(token(text, b, k));
      const first = FIRST_NAMES.has(folded);
      if (first || LAST_NAMES.has(folded)) {
        if (SALUTATIONS.has(prevFolded)) return true;
        if (first && BEFORE_NAME.has(prevFolded)) return true;
        const hasNext = k + 1 < count;
        if (first && hasNext && isCapitalisedAt(text, k + 1, b) && LAST_NAMES.has(foldName(token(text, b, k + 1)))) return true;
        if (first && !AMBIGUOUS.has(folded)) {
          if (!sentenceStart) return true;
          if (hasNext && AFTER_NAME.has(token(text, b, k + 1))) return true;
        }
      }
      prevFolded = folded;
    } else prevFolded = undefined;
    prevAt = k;
    sentenceStart = false;
  }
  return false;
}

/** Token k of the text. */
function token(text: string, b: Int32Array, k: number): string {
  return text.slice(b[2 * k], b[2 * k + 1]);
}

/** `CAPITALISED.test(token k)`, from the character codes for ASCII letters. */
function isCapitalisedAt(text: string, k: number, b: Int32Array): boolean {
  const start = b[2 * k];
  const end = b[2 * k + 1];
  const first = text.charCodeAt(start);
  if (first < 128) {
    if (first < 65 || first > 90) return false;
    if (end - start < 2) return false; // a capital alone is not followed by a lowercase letter
    const second = text.charCodeAt(start + 1);
    if (second < 128) return second >= 97 && second <= 122;
  }
  return CAPITALISED.test(text.slice(start, end));
}

export function containsEmail(text: string): boolean {
  return text.includes('@') && EMAIL_IN_TEXT.test(text);
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Digit runs that could be phone numbers (7-15 digits, not dates); empty for most text. */
export function phoneCandidates(text: string): string[] {
  if (digitCount(text) < 7) return [];
  const out: string[] = [];
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const run = m[0].trim();
    const digits = digitCount(run);
    if (digits >= 7 && digits <= 15 && !DATE_LIKE.test(run)) out.push(run);
  }
  return out;
}

const NO_CANDIDATES: readonly string[] = [];

const NANP = new Set<CountryCode>(['US', 'CA']);
/** A bare digit run in prose is an order or ticket number more often than a phone number. */
const MIN_BARE_DIGITS = 10;

function isPhone(candidates: readonly string[], regions: readonly CountryCode[]): boolean {
  for (const run of candidates) {
    if (/^\d+$/.test(run) && run.length < MIN_BARE_DIGITS) continue;
    // International numbers parse with any default region; a trunk 0 means a non-NANP national number.
    const international = run.startsWith('+') || run.startsWith('00');
    const tries = international ? regions.slice(0, 1) : regions.filter((r) => NANP.has(r) !== run.startsWith('0'));
    const text = run.startsWith('00') ? `+${run.slice(2)}` : run;
    for (const region of tries) if (findPhoneNumbersInText(text, region).length > 0) return true;
  }
  return false;
}

/** Share ≥ 10% → above the default threshold; ≥ 24% → 0.95. */
export function shareScore(share: number): number {
  return share <= 0.1 ? 6 * share : Math.min(0.95, 0.6 + 2.5 * (share - 0.1));
}
const MEANINGFUL_SHARE = 0.1;

function isSentence(value: string): boolean {
  let spaces = 0;
  for (let i = 0; i < value.length && spaces < MIN_WORDS - 1; i++) if (value.charCodeAt(i) === 32) spaces++;
  return spaces >= MIN_WORDS - 1;
}

/** Share of values (by count) that are sentences and their mean length, with an early exit. */
function textShape(values: PreparedValues, limit: number): { sentences: number; meanLength: number } | undefined {
  let counted = 0;
  let sentences = 0;
  let length = 0;
  for (let i = 0; i < limit; i++) {
    const count = values.counts[i];
    counted += count;
    length += values.distinct[i].length * count;
    if (isSentence(values.distinct[i])) sentences += count;
    if (i === PROBE - 1 && sentences / counted < MIN_SENTENCE_SHARE / 2) return undefined;
  }
  return { sentences: sentences / counted, meanLength: length / counted };
}

function share(found: Record<Kind, number>, counted: number): Record<Kind, number> {
  return Object.fromEntries(Object.entries(found).map(([kind, n]) => [kind, n / counted])) as Record<Kind, number>;
}

export function createFreeTextRecognizer(options: FreeTextRecognizerOptions = {}): ValueRecognizer {
  const regions = options.regions ?? ['US', 'GB', 'DE', 'FR'];
  const containsPersonalData = (text: string) =>
    containsEmail(text) ||
    containsPersonName(text) ||
    isPhone(phoneCandidates(text), regions) ||
    containsIpAddress(text) ||
    containsStreetAddress(text) ||
    containsNationalId(text);
  const shape = defineRecognizer({
    id: 'free-text',
    category: CATEGORY.privateContent,
    noun: 'texts containing an email address, phone number, person name, IP address, street address or national id',
    patterns: [{ name: 'text of several words', regex: /\S+\s+\S+\s+\S+\s+\S+/, score: 1 }],
    prefilter: (value: string) => value.length >= 15,
    validate: containsPersonalData,
  });

  function recognizeText(values: PreparedValues, _options: EvaluateOptions): Evidence[] {
    const limit = Math.min(values.distinct.length, MAX_CHECKED);
    const shapeOf = textShape(values, limit);
    if (!shapeOf || shapeOf.sentences < MIN_SENTENCE_SHARE || shapeOf.meanLength < MIN_MEAN_LENGTH) return [];
    let counted = 0;
    const found: Record<Kind, number> = { email: 0, phone: 0, name: 0, ip: 0, street: 0, nationalId: 0 };
    let any = 0;
    let withDigits = 0;
    let phoneCalls = 0;
    let phoneChecked = 0;
    let phoneHits = 0;
    const traits = valueTraits(values, limit);
    for (let i = 0; i < limit; i++) {
      const text = values.distinct[i];
      const count = values.counts[i];
      counted += count;
      const email = (traits.bits[i] & TRAIT.at) !== 0 && containsEmail(text);
      const name = containsPersonName(text);
      let phone = false;
      // Fewer than 7 digits in the whole text: no phone candidate (phoneCandidates would say so after counting them).
      const candidates = traits.digits[i] < 7 ? NO_CANDIDATES : phoneCandidates(text);
      if (candidates.length > 0) {
        withDigits += count;
        if (phoneCalls < MAX_PHONE_CHECKS) {
          phoneCalls++;
          phoneChecked += count;
          phone = isPhone(candidates, regions);
          if (phone) phoneHits += count;
        }
      }
      const bits = traits.bits[i];
      const digits = traits.digits[i];
      const ip = digits >= 4 && (bits & TRAIT.dot) !== 0 && containsIpAddress(text);
      const street = digits >= 1 && containsStreetAddress(text);
      const nationalId = digits >= 9 && (bits & TRAIT.dash) !== 0 && containsNationalId(text);
      if (email) found.email += count;
      if (name) found.name += count;
      if (ip) found.ip += count;
      if (street) found.street += count;
      if (nationalId) found.nationalId += count;
      if (email || name || phone || ip || street || nationalId) any += count;
    }
    // Digit runs beyond the phone budget count at the rate of those checked.
    const phoneShare = withDigits === 0 ? 0 : (phoneHits / phoneChecked) * (withDigits / counted);
    const shares: Record<Kind, number> = { ...share(found, counted), phone: phoneShare };
    const scope = limit < values.distinct.length ? ` (estimated from ${limit} distinct texts)` : '';
    const evidence = (category: string, share: number, what: string): Evidence => ({
      factor: 'values',
      category,
      score: round3(shareScore(share)),
      source: shape.id,
      reason: `${percent(share)} of ${values.total} sampled texts contain ${what}${scope}`,
    });
    const out = KINDS.filter((k) => shares[k.kind] > 0).map((k) => evidence(k.category, shares[k.kind], k.noun));
    const anyShare = Math.max(any / counted, phoneShare);
    if (!KINDS.some((k) => shares[k.kind] >= MEANINGFUL_SHARE) && anyShare >= MEANINGFUL_SHARE) {
      out.push(evidence(CATEGORY.privateContent, anyShare, 'personal data (an email address, phone number, name, IP or street address, national id)'));
    }
    return out;
  }

  return { ...shape, recognizeColumn: recognizeText };
}

export const freeTextRecognizer = createFreeTextRecognizer();
