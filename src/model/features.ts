/**
 * Column features for the column model, shared by training (training/) and inference (model-classifier).
 * Sherlock-style: character-class and shape statistics over the values, hashed words of the values,
 * hashed name tokens and trigrams of the column and table names, the type one-hot and key flags.
 * Everything is computed in one pass over at most MAX_VALUES values. No recognizer output goes in, so
 * the model stays an independent second opinion and its features do not drift when rules change.
 * Change anything here → bump FEATURE_SCHEMA_VERSION and retrain (the loader refuses a mismatch).
 */
import type { NormalizedType } from '../core/metadata.js';

export const FEATURE_SCHEMA_VERSION = 1;

/** Values looked at per column: the statistics settle well before this (see docs/model-card.md). */
export const MAX_VALUES = 100;

const TYPES: readonly NormalizedType[] = [
  'string', 'integer', 'decimal', 'float', 'boolean', 'date', 'time', 'timestamp',
  'interval', 'uuid', 'json', 'binary', 'enum', 'inet', 'geometry', 'other',
];
const NAME_BUCKETS = 512;
const TABLE_BUCKETS = 128;
const SHAPE_BUCKETS = 64;
const WORD_BUCKETS = 256;
const FLAGS = 4;

/** What the features are computed from: metadata and sampled values of one column (values stay in memory). */
export interface ModelColumn {
  readonly name: string;
  readonly table: string;
  readonly type: NormalizedType;
  readonly isPrimaryKey: boolean;
  readonly isForeignKey: boolean;
  readonly isArray: boolean;
  /** Non-null sampled values as text. */
  readonly values: readonly string[];
  readonly nullCount: number;
}

// Character classes, looked up per char code (ASCII table + a branch for the rest).
const C_DIGIT = 0, C_UPPER = 1, C_LOWER = 2, C_SPACE = 3, C_AT = 4, C_DOT = 5, C_DASH = 6, C_SLASH = 7,
  C_COLON = 8, C_PLUS = 9, C_PAREN = 10, C_COMMA = 11, C_UNDERSCORE = 12, C_OTHER_PUNCT = 13, C_NON_ASCII = 14;
const CLASS_COUNT = 15;
const ASCII_CLASS = new Int8Array(128).fill(C_OTHER_PUNCT);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = C_DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = C_UPPER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = C_LOWER;
for (const [ch, k] of [[' ', C_SPACE], ['\t', C_SPACE], ['\n', C_SPACE], ['@', C_AT], ['.', C_DOT], ['-', C_DASH], ['/', C_SLASH], [':', C_COLON], ['+', C_PLUS], ['(', C_PAREN], [')', C_PAREN], [',', C_COMMA], ['_', C_UNDERSCORE]] as const) {
  ASCII_CLASS[ch.charCodeAt(0)] = k;
}
/** Shape symbol per class (digits 9, letters a/A, the rest as themselves), hashed over collapsed runs. */
const SHAPE_CODE = [57, 65, 97, 32, 64, 46, 45, 47, 58, 43, 40, 44, 95, 35, 117];

const STAT_NAMES = [
  'nullShare', 'distinctRatio', 'lenMean', 'lenStd', 'lenMin', 'lenMax', 'fixedLength', 'wordsMean',
  'numeric', 'integer', 'negative', 'magnitude', 'decimalPlaces', 'isoDate', 'hasTime', 'yearMean', 'yearSpread',
  'oldYear', 'capitalised', 'allUpper', 'allLower', 'boolLike', 'hexLike', 'scheme', 'startsPlus', 'digitsMean',
  'letterDigitMix', 'sentence', 'valueCountLog', 'uuidLike', 'twoLetterCode', 'multiWordCapitalised',
] as const;
const STATS = STAT_NAMES.length;

const OFF_TYPE = 0;
const OFF_FLAGS = OFF_TYPE + TYPES.length;
const OFF_NAME = OFF_FLAGS + FLAGS;
const OFF_TABLE = OFF_NAME + NAME_BUCKETS;
const OFF_CLASS_FRACTION = OFF_TABLE + TABLE_BUCKETS;
const OFF_CLASS_PRESENCE = OFF_CLASS_FRACTION + CLASS_COUNT;
const OFF_STATS = OFF_CLASS_PRESENCE + CLASS_COUNT;
const OFF_SHAPE = OFF_STATS + STATS;
const OFF_WORDS = OFF_SHAPE + SHAPE_BUCKETS;
export const FEATURE_SIZE = OFF_WORDS + WORD_BUCKETS;

/** FNV-1a over a string with a salt, so name tokens and trigrams fall into different buckets. */
function hash(text: string, salt: number): number {
  let h = (2166136261 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** Lower-case tokens of an identifier: snake, kebab, dotted, camelCase and digits split apart. */
export function identifierTokens(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
}

/** Hashed tokens and character trigrams of a name, each bucket weighted 1/√n (so long names weigh the same). */
function addNameFeatures(out: Float32Array, offset: number, buckets: number, name: string): void {
  const tokens = identifierTokens(name);
  const keys: number[] = [];
  for (const t of tokens) keys.push(hash(/^\d+$/.test(t) ? '#num' : t, 1) % buckets);
  const joined = `^${tokens.filter((t) => !/^\d+$/.test(t)).join('')}$`;
  for (let i = 0; i + 3 <= joined.length; i++) keys.push(hash(joined.slice(i, i + 3), 2) % buckets);
  if (tokens.length === 0) return;
  const w = 1 / Math.sqrt(keys.length);
  for (const k of keys) out[offset + k] += w;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const OTHER_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b/;
const HAS_TIME = /\d{1,2}:\d{2}/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const HEX = /^(0x)?[0-9a-fA-F]{16,}$/;
const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;
const BOOL = new Set(['true', 'false', 't', 'f', 'yes', 'no', 'y', 'n', '0', '1']);

/** The feature vector of one column, FEATURE_SIZE long. */
export function columnFeatures(column: ModelColumn): Float32Array {
  const out = new Float32Array(FEATURE_SIZE);
  out[OFF_TYPE + Math.max(0, TYPES.indexOf(column.type))] = 1;
  out[OFF_FLAGS] = column.isPrimaryKey ? 1 : 0;
  out[OFF_FLAGS + 1] = column.isForeignKey ? 1 : 0;
  out[OFF_FLAGS + 2] = column.isArray ? 1 : 0;
  addNameFeatures(out, OFF_NAME, NAME_BUCKETS, column.name);
  addNameFeatures(out, OFF_TABLE, TABLE_BUCKETS, column.table);
  addValueFeatures(out, column.values, column.nullCount);
  return out;
}

function addValueFeatures(out: Float32Array, allValues: readonly string[], nullCount: number): void {
  const n = Math.min(allValues.length, MAX_VALUES);
  const sampled = allValues.length + nullCount;
  out[OFF_FLAGS + 3] = n === 0 ? 1 : 0;
  const s = new Float64Array(STATS);
  s[0] = sampled > 0 ? nullCount / sampled : 0;
  if (n === 0) {
    writeStats(out, s);
    return;
  }
  const fraction = new Float64Array(CLASS_COUNT);
  const presence = new Float64Array(CLASS_COUNT);
  const classCounts = new Int32Array(CLASS_COUNT);
  const distinct = new Set<string>();
  const lengths = new Int32Array(66);
  let lenSum = 0, lenSq = 0, lenMin = Infinity, lenMax = 0, words = 0;
  let numeric = 0, integer = 0, negative = 0, magnitude = 0, decimals = 0, isoDate = 0, hasTime = 0;
  let years = 0, yearSum = 0, yearSq = 0, oldYear = 0, capitalised = 0, allUpper = 0, allLower = 0;
  let boolLike = 0, hexLike = 0, scheme = 0, startsPlus = 0, digitsSum = 0, mix = 0, sentence = 0;
  let uuidLike = 0, twoLetter = 0, multiCap = 0;
  let counted = 0;
  for (let v = 0; v < n; v++) {
    const value = allValues[v].trim();
    distinct.add(value);
    const len = value.length;
    lenSum += len;
    lenSq += len * len;
    if (len < lenMin) lenMin = len;
    if (len > lenMax) lenMax = len;
    lengths[Math.min(len, 65)]++;
    if (len === 0) continue;
    counted++;
    classCounts.fill(0);
    // Rolling FNV hashes of the collapsed shape and of each lower-cased word: no strings built per char.
    let shapeHash = 2166136261 ^ 3, shapeLen = 0, lastClass = -1;
    let wordHash = 2166136261 ^ 4, wordLen = 0, wordCount = 0, capWords = 0, wordCapital = false;
    const limit = Math.min(len, 64);
    for (let i = 0; i <= limit; i++) {
      const code = i < limit ? value.charCodeAt(i) : 32;
      const k = code < 128 ? ASCII_CLASS[code] : code >= 0xc0 && (code < 0x2000 || code > 0x206f) ? C_NON_ASCII : C_OTHER_PUNCT;
      const letter = k === C_UPPER || k === C_LOWER || k === C_NON_ASCII;
      if (i < limit) {
        classCounts[k]++;
        if (k !== lastClass && shapeLen < 12) {
          shapeHash = Math.imul(shapeHash ^ SHAPE_CODE[k], 16777619);
          shapeLen++;
        }
        lastClass = k;
      }
      if (letter && i < limit) {
        if (wordLen === 0) wordCapital = k === C_UPPER;
        wordHash = Math.imul(wordHash ^ (k === C_UPPER ? code + 32 : code), 16777619);
        wordLen++;
      } else if (wordLen > 0) {
        if (wordLen > 1 && wordCount < 8) out[OFF_WORDS + ((wordHash >>> 0) % WORD_BUCKETS)] += 1;
        if (wordCapital) capWords++;
        wordCount++;
        wordHash = 2166136261 ^ 4;
        wordLen = 0;
      }
    }
    words += 1 + classCounts[C_SPACE];
    for (let k = 0; k < CLASS_COUNT; k++) {
      fraction[k] += classCounts[k] / limit;
      if (classCounts[k] > 0) presence[k]++;
    }
    out[OFF_SHAPE + ((shapeHash >>> 0) % SHAPE_BUCKETS)] += 1;
    const letters = classCounts[C_UPPER] + classCounts[C_LOWER] + classCounts[C_NON_ASCII];
    const digits = classCounts[C_DIGIT];
    digitsSum += digits;
    if (letters > 0 && digits > 0) mix++;
    if (letters > 0 && classCounts[C_LOWER] === 0 && classCounts[C_NON_ASCII] === 0) allUpper++;
    if (letters > 0 && classCounts[C_UPPER] === 0) allLower++;
    const first = value.charCodeAt(0);
    if (first >= 65 && first <= 90 && classCounts[C_LOWER] > 0) capitalised++;
    if (wordCount >= 2 && capWords === wordCount) multiCap++;
    if (wordCount >= 5 && classCounts[C_SPACE] >= 4) sentence++;
    if (first === 43) startsPlus++;
    if (len === 2 && classCounts[C_UPPER] === 2) twoLetter++;
    if (len <= 5 && BOOL.has(value.toLowerCase())) boolLike++;
    if (classCounts[C_COLON] > 0 && classCounts[C_SLASH] > 1 && value.includes('://')) scheme++;
    if (len >= 32 && len <= 36 && UUID.test(value)) uuidLike++;
    else if (len >= 16 && letters + digits === len && HEX.test(value)) hexLike++;
    const x = digits > 0 && len <= 40 && letters <= 1 && NUMBER.test(value) ? Number(value) : NaN;
    if (Number.isFinite(x)) {
      numeric++;
      if (Number.isInteger(x) && !value.includes('.')) integer++;
      if (x < 0) negative++;
      magnitude += Math.log10(1 + Math.abs(x));
      const dot = value.indexOf('.');
      if (dot >= 0) decimals += Math.min(value.length - dot - 1, 10);
    } else if (digits >= 6 && letters <= 2) {
      let year = 0;
      const iso = ISO_DATE.exec(value);
      if (iso) {
        isoDate++;
        year = Number(iso[1]);
      } else {
        const other = OTHER_DATE.exec(value);
        if (other) year = Number(other[3]);
      }
      if (year >= 1850 && year <= 2100) {
        years++;
        yearSum += year;
        yearSq += year * year;
        if (year < 2005) oldYear++;
      }
      if (classCounts[C_COLON] > 0 && HAS_TIME.test(value)) hasTime++;
    }
  }
  const c = Math.max(1, counted);
  for (let k = 0; k < CLASS_COUNT; k++) {
    out[OFF_CLASS_FRACTION + k] = fraction[k] / c;
    out[OFF_CLASS_PRESENCE + k] = presence[k] / c;
  }
  for (let k = 0; k < SHAPE_BUCKETS; k++) out[OFF_SHAPE + k] /= c;
  if (counted > 0) {
    let norm = 0;
    for (let k = 0; k < WORD_BUCKETS; k++) norm += out[OFF_WORDS + k] * out[OFF_WORDS + k];
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < WORD_BUCKETS; k++) out[OFF_WORDS + k] /= norm;
  }
  const lenMean = lenSum / n;
  let modeCount = 0;
  for (let i = 0; i < lengths.length; i++) modeCount = Math.max(modeCount, lengths[i]);
  const yearMean = years > 0 ? yearSum / years : 0;
  s[1] = distinct.size / n;
  s[2] = Math.log1p(lenMean) / 6;
  s[3] = Math.log1p(Math.sqrt(Math.max(0, lenSq / n - lenMean * lenMean))) / 6;
  s[4] = Math.log1p(lenMin) / 6;
  s[5] = Math.log1p(lenMax) / 6;
  s[6] = modeCount / n;
  s[7] = Math.log1p(words / c) / 4;
  s[8] = numeric / c;
  s[9] = integer / c;
  s[10] = negative / c;
  s[11] = numeric > 0 ? magnitude / numeric / 10 : 0;
  s[12] = numeric > 0 ? decimals / numeric / 10 : 0;
  s[13] = isoDate / c;
  s[14] = hasTime / c;
  s[15] = years > 0 ? (yearMean - 1850) / 250 : 0;
  s[16] = years > 1 ? Math.sqrt(Math.max(0, yearSq / years - yearMean * yearMean)) / 30 : 0;
  s[17] = years > 0 ? oldYear / years : 0;
  s[18] = capitalised / c;
  s[19] = allUpper / c;
  s[20] = allLower / c;
  s[21] = boolLike / c;
  s[22] = hexLike / c;
  s[23] = scheme / c;
  s[24] = startsPlus / c;
  s[25] = Math.log1p(digitsSum / c) / 4;
  s[26] = mix / c;
  s[27] = sentence / c;
  s[28] = Math.log1p(n) / Math.log1p(MAX_VALUES);
  s[29] = uuidLike / c;
  s[30] = twoLetter / c;
  s[31] = multiCap / c;
  writeStats(out, s);
}

function writeStats(out: Float32Array, s: Float64Array): void {
  for (let i = 0; i < STATS; i++) out[OFF_STATS + i] = s[i];
}

/** Features of many columns in one row-major buffer, ready for a [rows, FEATURE_SIZE] tensor. */
export function featureMatrix(columns: readonly ModelColumn[]): Float32Array {
  const out = new Float32Array(columns.length * FEATURE_SIZE);
  columns.forEach((c, i) => out.set(columnFeatures(c), i * FEATURE_SIZE));
  return out;
}

/** Layout, for the model card and metadata.json. */
export const FEATURE_LAYOUT = {
  type: TYPES.length, flags: FLAGS, nameHash: NAME_BUCKETS, tableHash: TABLE_BUCKETS,
  charClassFraction: CLASS_COUNT, charClassPresence: CLASS_COUNT, stats: STATS, shapeHash: SHAPE_BUCKETS, valueWordHash: WORD_BUCKETS,
} as const;
