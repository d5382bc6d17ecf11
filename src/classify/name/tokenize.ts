/**
 * Splits column and table names into lowercase English words: `CUST_EML_ADDR` → customer email
 * address, `custEmailAddress` → customer email address, `strName` → name, `Vorname` → first name,
 * `date_de_naissance` → date of birth, `num_phones` → count phone, `adress` → address (a typo).
 * Pure and memoised per distinct name (scans see the same names often).
 */
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { ambiguousReading, AMBIGUOUS_WORDS, CONNECTOR_WORDS, foldLetters, foreignVariant, PHRASES, truncatedPhrase, truncatedWord, type Language } from './lexicon.js';
import { COMPOUND_VOCABULARY, EXPANSIONS, FUZZY_TARGETS, HUNGARIAN_PREFIXES, isEnglishWord, startsEnglishWord, UNSPLIT_WORDS } from './vocabulary.js';

const SEPARATORS = /[^\p{L}\p{N}]+/u;
// lower→Upper, UPPER→Upper+lower (IPAddress → IP Address), letter↔digit.
const CASE_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

/** How a word of the name was read, for reasons ("'adress' ≈ 'address'", "'vorname' is German"). */
export interface WordNote {
  readonly kind: 'typo' | 'synonym';
  readonly from: string;
  readonly to: string;
  readonly languages?: readonly Language[];
}

export interface NameAnalysis {
  readonly tokens: readonly string[];
  readonly notes: readonly WordNote[];
}

/** Lowercase without accents: `Prénom` → `prenom`, `Straße` → `strasse`, `città` → `citta`, `Płeć` → `plec`. */
export function foldWord(word: string): string {
  return foldLetters(word.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}+/gu, ''));
}

/** Raw words of an identifier, lowercased and accent-folded, without abbreviation expansion. */
export function splitIdentifier(identifier: string): string[] {
  const words: string[] = [];
  for (const part of identifier.split(SEPARATORS)) {
    if (part === '') continue;
    for (const word of part.split(CASE_BOUNDARY)) if (word !== '') words.push(foldWord(word));
  }
  return words;
}

/** Pieces a compound may be made of: known English words, and abbreviations of three letters or more. */
function isPiece(piece: string): boolean {
  if (piece.length < 3) return piece === 'of' || piece === 'ip' || piece === 'id' || piece === 'no' || piece === 'nr';
  if (COMPOUND_VOCABULARY.has(piece)) return true;
  const expansion = EXPANSIONS.get(piece);
  // Short foreign words (`ort`, `rue`) hide inside English words (`report`): whole words only.
  return expansion !== undefined && (piece.length >= 5 || expansion.languages.length === 0);
}

/** Splits a lowercase compound into the fewest known pieces, or returns undefined. */
export function splitCompound(word: string): string[] | undefined {
  const n = word.length;
  if (n < 5 || n > 40 || UNSPLIT_WORDS.has(word)) return undefined;
  // best[i]: fewest parts covering word[0..i)
  const best: (string[] | undefined)[] = new Array(n + 1);
  best[0] = [];
  for (let end = 2; end <= n; end++) {
    for (let start = 0; start <= end - 2; start++) {
      const prefix = best[start];
      if (!prefix) continue;
      const piece = word.slice(start, end);
      if (!isPiece(piece)) continue;
      const candidate = [...prefix, piece];
      const current = best[end];
      if (!current || candidate.length < current.length) best[end] = candidate;
    }
  }
  const parts = best[n];
  return parts && parts.length > 1 ? parts : undefined;
}

/** Naive English singular: customers → customer, addresses → address, cities → city. */
export function singular(word: string): string {
  if (word.length <= 3 || word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

const isKnown = (word: string) => COMPOUND_VOCABULARY.has(word) || EXPANSIONS.has(word);

/** Porter stem → the one known word with that stem (`telephones` → telephone); ambiguous stems are dropped. */
const STEM_INDEX: ReadonlyMap<string, string> = (() => {
  const index = new Map<string, string | null>();
  for (const word of COMPOUND_VOCABULARY) {
    if (word.length < 4) continue;
    const stem = porter.stem(word);
    index.set(stem, index.has(stem) && index.get(stem) !== word ? null : word);
  }
  return new Map([...index].filter((e): e is [string, string] => e[1] !== null));
})();

/** Optimal-string-alignment distance (edits plus adjacent swaps), for short words. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}

/** Jaro-Winkler at or above this (0.94 for five-letter words) and one edit (two from nine letters) count as a typo. */
export const TYPO_SIMILARITY = 0.92;

/** The vocabulary word a misspelt token stands for (`adress` → address), or undefined. Conservative. */
export function correctTypo(token: string): string | undefined {
  if (token.length < 5 || /\d/.test(token)) return undefined;
  const minSimilarity = token.length === 5 ? 0.94 : TYPO_SIMILARITY;
  const maxEdits = token.length >= 9 ? 2 : 1;
  let best: string | undefined;
  let bestScore = 0;
  for (const target of FUZZY_TARGETS) {
    if (target === token) return undefined;
    if (Math.abs(target.length - token.length) > maxEdits) continue;
    const score = JaroWinklerDistance(token, target);
    if (score < minSimilarity || score <= bestScore) continue;
    if (editDistance(token, target) > maxEdits) continue;
    best = target;
    bestScore = score;
  }
  return best;
}

/** Pushes the words `word` stands for when it is an abbreviation, a synonym or a known word. */
function pushKnown(word: string, out: string[], notes: WordNote[]): boolean {
  const expansion = EXPANSIONS.get(word);
  if (expansion) {
    out.push(...expansion.words);
    if (expansion.languages.length > 0) notes.push({ kind: 'synonym', from: word, to: expansion.words.join(' '), languages: expansion.languages });
    return true;
  }
  if (COMPOUND_VOCABULARY.has(word)) {
    out.push(word);
    return true;
  }
  return false;
}

/** A foreign word in another form or spelling (`musteriler`, `juusho`), once English has had its say. */
function pushVariant(word: string, out: string[], notes: WordNote[]): boolean {
  const variant = COMPOUND_VOCABULARY.has(word) ? undefined : foreignVariant(word);
  if (!variant) return false;
  out.push(...variant.words);
  notes.push({ kind: 'synonym', from: word, to: variant.words.join(' '), languages: variant.languages });
  return true;
}

function pushCompound(word: string, out: string[], notes: WordNote[]): boolean {
  const parts = splitCompound(word);
  if (!parts) return false;
  for (const part of parts) pushKnown(part, out, notes);
  return true;
}

/** The languages a name is read in beyond the unambiguous words, and whether the word is the whole name. */
interface Reading {
  readonly languages: ReadonlySet<Language>;
  readonly wholeName: boolean;
}

const CONTEXT_FREE: Reading = { languages: new Set(), wholeName: false };

/** An ambiguous word of an active language; one that is English too (`by`) only as the whole name. */
function pushAmbiguous(word: string, reading: Reading, afterWord: boolean, out: string[], notes: WordNote[]): boolean {
  const found = reading.languages.size > 0 ? ambiguousReading(word, reading.languages) : undefined;
  if (!found || (!reading.wholeName && isEnglishWord(word))) return false;
  const words = (afterWord && found.afterWord) || found.words;
  out.push(...words);
  notes.push({ kind: 'synonym', from: word, to: words.join(' '), languages: [found.language] });
  return true;
}

/** A word of the table's language cut short is read from this many letters (see truncatedWord). */
const MIN_CUT_WORD = 4;

/**
 * A word of the table's languages cut short, as old and DBF-style schemas write them to fit 8–10
 * characters (`prac` → pracownik). Not a word that also starts an English word of the vocabulary
 * (`pass` may be a password as well as a passeport).
 */
function pushTruncated(word: string, reading: Reading, out: string[], notes: WordNote[]): boolean {
  if (reading.languages.size === 0 || !/^\p{L}+$/u.test(word) || startsEnglishWord(word)) return false;
  const piece = truncatedWord(word, reading.languages);
  if (!piece) return false;
  out.push(...piece.english);
  notes.push({ kind: 'synonym', from: `${word} (${piece.word})`, to: piece.english.join(' '), languages: [piece.language] });
  return true;
}

/** Expands one raw word: ambiguous word in context, abbreviation or synonym, known word, plural, compound, stem, typo. */
function expandWord(word: string, out: string[], notes: WordNote[], reading: Reading, afterWord: boolean): void {
  if (pushAmbiguous(word, reading, afterWord, out, notes)) return;
  if (/^\d+$/.test(word) || word.length < 2) {
    out.push(word);
    return;
  }
  const one = singular(word);
  if (pushKnown(word, out, notes) || (one !== word && pushKnown(one, out, notes)) || pushVariant(word, out, notes)) return;
  if (pushCompound(word, out, notes) || (one !== word && pushCompound(one, out, notes))) return;
  const stemmed = STEM_INDEX.get(porter.stem(word));
  // Only towards a shorter form (`telephones` → telephone), never `update` → updated.
  if (stemmed && stemmed.length <= word.length) {
    out.push(stemmed);
    return;
  }
  const corrected = correctTypo(word);
  if (corrected && (pushKnown(corrected, out, notes) || pushCompound(corrected, out, notes))) {
    notes.push({ kind: 'typo', from: word, to: corrected });
    return;
  }
  if (pushTruncated(word, reading, out, notes)) return;
  out.push(word);
}

const COUNT_WORDS = new Set(['num', 'nbr', 'no', 'nr', 'number', 'cnt', 'count', 'total', 'n', 'nb', 'qty']);

/** Raw-word clean-up before expansion: `e mail` → email, Hungarian tags, `num_phones` → count phone. */
function normalizeRawWords(raw: string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const word = raw[i];
    const next = raw[i + 1];
    if (word === 'e' && next !== undefined && (next === 'mail' || next === 'mails' || EXPANSIONS.has(`e${next}`))) {
      // `e_mail`, Scandinavian `e_post`, Turkish `e_posta`.
      words.push(next === 'mails' ? 'email' : `e${next}`);
      i++;
    } else if (COUNT_WORDS.has(word) && next !== undefined && (next === 'of' || (singular(next) !== next && isKnown(singular(next))))) {
      // `number_of_x`, `num_phones`: a count of things, not a number that identifies one.
      words.push('count');
      if (next === 'of') i++;
    } else if (CONNECTOR_WORDS.has(word) && i > 0 && i < raw.length - 1) {
      // `date_de_naissance` → date naissance; the phrase table and rules work without the connector.
      continue;
    } else words.push(word);
  }
  // Hungarian notation and one-letter table tags (`strName`, `txtNotes`, `c_email`): drop when more follows.
  if (words.length >= 2 && (HUNGARIAN_PREFIXES.has(words[0]) || (words[0].length === 1 && /\p{L}/u.test(words[0])))) words.shift();
  return words;
}

function applyPhrases(words: readonly string[], out: string[], notes: WordNote[], reading: Reading): void {
  for (let i = 0; i < words.length; ) {
    const phrase =
      PHRASES.find(([from]) => from.every((w, j) => words[i + j] === w)) ??
      (reading.languages.size > 0 ? truncatedPhrase(words, i, reading.languages) : undefined);
    if (phrase) {
      out.push(...phrase[1]);
      notes.push({ kind: 'synonym', from: phrase[0].join(' '), to: phrase[1].join(' ') });
      i += phrase[0].length;
    } else {
      expandWord(words[i], out, notes, reading, i > 0);
      i++;
    }
  }
}

const cache = new Map<string, NameAnalysis>();
/** Analyses with ambiguous words read in a table's languages, by languages and name. */
const languageCache = new Map<string, NameAnalysis>();
const CACHE_LIMIT = 20_000;

function analyze(identifier: string, raw: readonly string[], reading: Reading): NameAnalysis {
  const tokens: string[] = [];
  const notes: WordNote[] = [];
  applyPhrases(raw, tokens, notes, reading);
  // `telphone` → tel + phone → phone phone: one word is enough.
  for (let i = tokens.length - 1; i > 0; i--) if (tokens[i] === tokens[i - 1] && !/^\d+$/.test(tokens[i])) tokens.splice(i, 1);
  return Object.freeze({ tokens: Object.freeze(tokens), notes: Object.freeze(notes) });
}

function cached(map: Map<string, NameAnalysis>, key: string, compute: () => NameAnalysis): NameAnalysis {
  let analysis = map.get(key);
  if (!analysis) {
    if (map.size >= CACHE_LIMIT) map.clear();
    map.set(key, (analysis = compute()));
  }
  return analysis;
}

/**
 * Words of a column or table name with abbreviations, synonyms, compounds and typos resolved, and how.
 * `languages` (the table's, from name/language-signal.ts) also translates those languages' ambiguous
 * words (`sei`, `ad`); a name without such a word gets the same analysis object as without them.
 */
export function analyzeName(identifier: string, languages: readonly Language[] = []): NameAnalysis {
  const plain = cached(cache, identifier, () => analyze(identifier, normalizeRawWords(splitIdentifier(identifier)), CONTEXT_FREE));
  if (languages.length === 0) return plain;
  const raw = normalizeRawWords(splitIdentifier(identifier));
  const active = new Set(languages);
  const ambiguous = raw.some((w) => AMBIGUOUS_WORDS.get(w)?.some((r) => active.has(r.language)));
  // A word left as written may be a cut or run-together word of the table's language.
  const unread = raw.some((w) => w.length >= MIN_CUT_WORD && plain.tokens.includes(w));
  if (!ambiguous && !unread) return plain;
  const read = cached(languageCache, `${languages.join(',')}\0${identifier}`, () => analyze(identifier, raw, { languages: active, wholeName: raw.length === 1 }));
  return read.notes.length === plain.notes.length && read.tokens.join(' ') === plain.tokens.join(' ') ? plain : read;
}

/** Words of a column or table name with abbreviations and compounds expanded (see analyzeName). */
export function tokenizeName(identifier: string, languages: readonly Language[] = []): readonly string[] {
  return analyzeName(identifier, languages).tokens;
}

/** Index of the first occurrence of `sequence` as consecutive words in `tokens`, or -1. */
export function findSequence(tokens: readonly string[], sequence: readonly string[]): number {
  outer: for (let i = 0; i + sequence.length <= tokens.length; i++) {
    for (let j = 0; j < sequence.length; j++) if (tokens[i + j] !== sequence[j]) continue outer;
    return i;
  }
  return -1;
}

const contextCache = new Map<string, readonly string[]>();

/**
 * The expanded words plus the raw words of a name, for value recognizers' context words: a
 * recognizer may list `plz` or `rijbewijs` as written, or `postal` as translated.
 */
export function contextWords(identifier: string): readonly string[] {
  let words = contextCache.get(identifier);
  if (!words) {
    words = Object.freeze([...new Set([...tokenizeName(identifier), ...splitIdentifier(identifier)])]);
    if (contextCache.size >= CACHE_LIMIT) contextCache.clear();
    contextCache.set(identifier, words);
  }
  return words;
}
