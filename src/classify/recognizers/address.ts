/**
 * Street addresses and postal codes. Streets: a house number plus a street word in English, French,
 * Spanish, Italian, German or Dutch, number first ("12 rue de la Paix") or last ("Hauptstraße 5").
 * Postal codes: distinctive national formats count; bare digit runs count only with a name context.
 */
import { CATEGORY } from '../categories.js';
import { tableQualifiedTokens } from '../name/table-context.js';
import { percent, round3 } from './column-context.js';
import { defineRecognizer, evaluateRecognizer, type EvaluateOptions, type PreparedValues, type ValueRecognizer } from './recognizer.js';
import { isWhitespaceCode } from './text.js';
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
/** A house number of 7+ digits: no real street has one, generated test data does ("4608499546 Dell Way"). */
const LONG_NUMBER_FIRST = /^\d{7,12}\s+[\p{L} .'’-]{2,60}$/u;
/** Words only ("Example Street", "rue de la Paix"): a street name without its house number. */
const WORDS_ONLY = /^[\p{L}][\p{L} .'’-]{3,60}$/u;
/** Street words that open a street name in Romance languages ("Calle Mayor", "Via Roma"). */
const LEADING_STREET_WORDS = new Set(['rue', 'allee', 'allée', 'impasse', 'chemin', 'quai', 'boulevard', 'avenue', 'calle', 'avenida', 'avda', 'paseo', 'camino', 'carrera', 'carretera', 'travesia', 'travesía', 'rambla', 'carrer', 'passeig', 'viale', 'piazza', 'corso', 'vicolo', 'strada', 'rua', 'praça', 'praca', 'travessa', 'estrada']);
const PO_BOX = /^(?:p\.?\s?o\.?\s?box|post\s?box|postfach|apartado(?: de correos)?|bo[iî]te postale|casella postale)\s*\d+/i;

/** STREET_SUFFIXES by the code of their last character, so a word is compared only with those it can end in. */
const SUFFIXES_BY_LAST = new Map<number, string[]>();
for (const s of STREET_SUFFIXES) {
  const last = s.charCodeAt(s.length - 1);
  SUFFIXES_BY_LAST.set(last, [...(SUFFIXES_BY_LAST.get(last) ?? []), s]);
}
const STREET_WORD_LENGTHS = [...STREET_WORDS].map((w) => w.length);
const SHORTEST_STREET_WORD = Math.min(...STREET_WORD_LENGTHS);
const LONGEST_STREET_WORD = Math.max(...STREET_WORD_LENGTHS);

/** A street word, or a word ending in a street suffix, among the words (split at white space and commas). */
function hasStreetWord(value: string): boolean {
  const lower = value.toLowerCase();
  // Words as `lower.split(/[\s,]+/)` gives them, by position (empty ones match nothing).
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 44;
    const separator = code === 44 || isWhitespaceCode(code);
    if (!separator) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    if (isStreetWordAt(lower, start, i)) return true;
    start = -1;
  }
  return false;
}

/** `lower.slice(start, end)` is a street word (a trailing dot aside) or ends in a street suffix. */
function isStreetWordAt(lower: string, start: number, end: number): boolean {
  const last = lower.charCodeAt(end - 1);
  const wordEnd = last === 46 ? end - 1 : end; // without a trailing '.'
  const length = wordEnd - start;
  if (length >= SHORTEST_STREET_WORD && length <= LONGEST_STREET_WORD && STREET_WORDS.has(lower.slice(start, wordEnd))) return true;
  const suffixes = SUFFIXES_BY_LAST.get(last);
  if (suffixes) for (const s of suffixes) if (end - start > s.length + 2 && lower.endsWith(s, end)) return true;
  return false;
}

const DISTINCT_SUFFIXES = ['strasse', 'straße', 'straat', 'gasse', 'gracht', 'laan', 'plein', 'weg'];

const withoutTrailingDot = (word: string) => (word.endsWith('.') ? word.slice(0, -1) : word);

/** "Example Street", "Hauptstraße", "rue de la Paix": a street word where street names put it (last, or first in Romance languages). */
function isStreetName(value: string): boolean {
  // The first and last of the words `split(/\s+/)` gives (empty at a leading or trailing space), without a trailing dot.
  const lower = value.toLowerCase();
  let firstEnd = -1;
  let lastStart = 0;
  for (let i = 0; i < lower.length; i++) {
    if (!isWhitespaceCode(lower.charCodeAt(i))) continue;
    if (firstEnd < 0) firstEnd = i;
    lastStart = i + 1;
  }
  const last = withoutTrailingDot(lower.slice(lastStart));
  if (firstEnd >= 0 && (STREET_WORDS.has(last) || LEADING_STREET_WORDS.has(withoutTrailingDot(lower.slice(0, firstEnd))))) return true;
  // A last word with a suffix few other words end in ("Hauptstraße", "Am Rosenweg"; not "Spring" for -ring).
  return DISTINCT_SUFFIXES.some((s) => last.endsWith(s) && last.length > s.length + 2);
}

const streetAddresses = defineRecognizer({
  id: 'street-address',
  category: CATEGORY.street,
  noun: 'street addresses',
  // Necessary shape: words (a house number is usual, not necessary: "Example Street").
  gate: { any: TRAIT.letter | TRAIT.nonAscii },
  // Pattern gates: a number needs digits (ASCII: \p{L} has none), a street name has none.
  patterns: [
    { name: 'PO box', regex: PO_BOX, score: 0.9, gate: { minDigits: 1 } },
    { name: 'house number first', regex: NUMBER_FIRST, score: 1, gate: { minDigits: 1 } },
    { name: 'house number last', regex: NUMBER_LAST, score: 1, gate: { minDigits: 1 } },
    // Both need a street word (validate): a long number or no number alone says nothing.
    { name: 'implausibly long house number (test data?)', regex: LONG_NUMBER_FIRST, score: 0.6, contextScore: 0.8, gate: { minDigits: 7, maxDigits: 12 } },
    { name: 'street name without house number', regex: WORDS_ONLY, score: 0.6, contextScore: 0.8, gate: { maxDigits: 0 } },
  ],
  context: ['address', 'street', 'line'],
  prefilter: (value: string) => value.length >= 5 && value.length <= 120 && /\p{L}/u.test(value),
  // A number and words without a street word may be anything ("3 Little Pigs"): weak.
  validate: (value: string) => {
    if (!/\d/.test(value)) return isStreetName(value);
    if (/^\d{7}/.test(value)) return hasStreetWord(value);
    if (PO_BOX.test(value) || hasStreetWord(value)) return true;
    if (/^\d/.test(value)) return 0.4;
    return /\p{L}, \d/u.test(value) ? 0.4 : 0.15; // "Name, 6" is how many European addresses end
  },
});

/** A house number as stored on its own: "12", "7a", "12-14". */
const HOUSE_NUMBER_ONLY = new RegExp(`^${HOUSE_NUMBER}$`);
const HOUSE_NUMBER_SCORE = 0.7;
const FULL_TRUST_DISTINCT = 5;

/** True when the column's name (or a generic name read with its table's: `address.house`) says house number. */
function namesHouseNumber(options: EvaluateOptions): boolean {
  const says = (words: readonly string[]) => words.includes('house') || (words.includes('number') && (words.includes('street') || words.includes('address')));
  const tokens = options.nameTokens ?? [];
  if (says(tokens)) return true;
  const qualified = options.column ? tableQualifiedTokens(tokens, options.column.input.table.name) : undefined;
  return qualified !== undefined && says(qualified);
}

/** A house-number column holds the number part of street addresses: whole-address patterns cannot judge it. */
function recognizeStreets(values: PreparedValues, options: EvaluateOptions) {
  const found = evaluateRecognizer(streetAddresses, values, options);
  if (!namesHouseNumber(options)) return found ? [found] : [];
  let matched = 0;
  let distinct = 0;
  for (let i = 0; i < values.distinct.length; i++) {
    if (!HOUSE_NUMBER_ONLY.test(values.distinct[i])) continue;
    matched += values.counts[i];
    distinct++;
  }
  const trust = distinct >= FULL_TRUST_DISTINCT ? 1 : 0.6 + (0.4 * distinct) / FULL_TRUST_DISTINCT;
  const score = round3(HOUSE_NUMBER_SCORE * (matched / values.total) * trust);
  if (distinct === 0 || (found && found.score >= score)) return found ? [found] : [];
  const few = distinct < FULL_TRUST_DISTINCT ? `; only ${distinct} distinct` : '';
  return [{ factor: 'values' as const, category: CATEGORY.street, source: streetAddresses.id, score, reason: `${percent(matched / values.total)} of ${values.total} sampled values have the shape of house numbers, in a column named for them${few}` }];
}

export const streetAddressRecognizer: ValueRecognizer = { ...streetAddresses, recognizeColumn: recognizeStreets };

export const postalCodeRecognizer = defineRecognizer({
  id: 'postal-code',
  category: CATEGORY.postalCode,
  noun: 'postal codes',
  // Necessary shape: every postal code form has digits.
  gate: { all: TRAIT.digit, none: TRAIT.at | TRAIT.dot | TRAIT.colon | TRAIT.slash | TRAIT.comma | TRAIT.symbol },
  // Pattern gates: the letters, dash and digit counts each format has (so digit runs skip the lettered formats).
  patterns: [
    { name: 'US ZIP+4', regex: /^\d{5}-\d{4}$/, score: 0.9, gate: { all: TRAIT.dash, minDigits: 9, maxDigits: 9 } },
    { name: 'UK postcode', regex: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}$/i, score: 0.9, gate: { all: TRAIT.letter } },
    { name: 'Canadian postal code', regex: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, score: 0.9, gate: { all: TRAIT.letter } },
    { name: 'Dutch postcode', regex: /^[1-9]\d{3} ?[A-Z]{2}$/, score: 0.8, gate: { all: TRAIT.upper } },
    { name: 'Brazilian/Portuguese code', regex: /^\d{5}-\d{3}$|^\d{4}-\d{3}$/, score: 0.6, gate: { all: TRAIT.dash } },
    { name: 'Polish code', regex: /^\d{2}-\d{3}$/, score: 0.5, gate: { all: TRAIT.dash } },
    { name: 'five digits (weak)', regex: /^\d{5}$/, score: 0.2, contextScore: 0.9, gate: { minDigits: 5, maxDigits: 5 } },
    { name: 'four or six digits (weak)', regex: /^\d{4}$|^\d{6}$/, score: 0.1, contextScore: 0.8, gate: { minDigits: 4, maxDigits: 6 } },
  ],
  context: ['zip', 'postal', 'post', 'postcode', 'plz', 'cp', 'cap'],
  prefilter: (value: string) => value.length >= 4 && value.length <= 10,
});
