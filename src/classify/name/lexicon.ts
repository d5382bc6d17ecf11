/**
 * The language entries (knowledge/languages) compiled into the lookups the tokenizer uses: which
 * foreign word means which English words and in which languages, the phrases, the connector words.
 */
import { LANGUAGES } from '../knowledge/languages/index.js';
import type { Phrase } from '../knowledge/languages/index.js';

/** A language code of knowledge/languages (`de`, `pt-BR`). */
export type Language = string;

const NAMES: ReadonlyMap<Language, string> = new Map(LANGUAGES.map((l) => [l.code, l.name]));

/** "German", "Spanish/Italian": for reasons. */
export function languageLabel(languages: readonly Language[]): string {
  return languages.map((l) => NAMES.get(l) ?? l).join('/');
}

export interface ForeignWord {
  /** The English words it stands for (those of the first language listing it). */
  readonly words: readonly string[];
  /** Every language that has the word. */
  readonly languages: readonly Language[];
}

/** Foreign word → its translation, over all languages. */
export const FOREIGN_WORDS: ReadonlyMap<string, ForeignWord> = (() => {
  const map = new Map<string, { words: readonly string[]; languages: Language[] }>();
  for (const language of LANGUAGES) {
    for (const [word, english] of Object.entries(language.words)) {
      const current = map.get(word);
      if (current) current.languages.push(language.code);
      else map.set(word, { words: english, languages: [language.code] });
    }
  }
  return map;
})();

/** Languages whose personal names put the family name first (a `familyNameFirst` entry). */
export const FAMILY_NAME_FIRST: ReadonlySet<Language> = new Set(LANGUAGES.filter((l) => l.familyNameFirst).map((l) => l.code));

/** Multi-word phrases of every language, replaced as a whole before word translation. */
export const PHRASES: readonly Phrase[] = LANGUAGES.flatMap((l) => l.phrases ?? []);

/** Small words joining the parts of a Romance, Dutch or German name (`date_de_naissance`, `nom_van`). */
export const CONNECTOR_WORDS: ReadonlySet<string> = new Set(LANGUAGES.flatMap((l) => l.connectors ?? []));

/** One language's reading of an ambiguous word. */
export interface AmbiguousReading {
  readonly language: Language;
  readonly words: readonly string[];
  /** What it means after another word of the name, when that differs. */
  readonly afterWord?: readonly string[];
}

/** Ambiguous word → its readings, in the order of the language list. */
export const AMBIGUOUS_WORDS: ReadonlyMap<string, readonly AmbiguousReading[]> = (() => {
  const map = new Map<string, AmbiguousReading[]>();
  for (const language of LANGUAGES) {
    for (const [word, words] of Object.entries(language.ambiguous ?? {})) {
      const readings = map.get(word) ?? [];
      readings.push({ language: language.code, words, afterWord: language.ambiguousAfterWord?.[word] });
      map.set(word, readings);
    }
  }
  return map;
})();

/** The reading of an ambiguous word in the first of `languages` that has it, or undefined. */
export function ambiguousReading(word: string, languages: ReadonlySet<Language>): AmbiguousReading | undefined {
  return AMBIGUOUS_WORDS.get(word)?.find((r) => languages.has(r.language));
}

const LETTERS: ReadonlyMap<string, string> = new Map(LANGUAGES.flatMap((l) => Object.entries(l.letters ?? {})));
const LETTER_PATTERN = LETTERS.size > 0 ? new RegExp(`[${[...LETTERS.keys()].join('')}]`, 'gu') : undefined;

/** Replaces the letters accent folding leaves alone (`ł`, `ø`, `æ`, `ı`) with what the languages say. */
export function foldLetters(word: string): string {
  return LETTER_PATTERN ? word.replace(LETTER_PATTERN, (c) => LETTERS.get(c) ?? c) : word;
}

function respell(word: string, respellings: readonly (readonly [string, string])[]): string {
  let out = word;
  for (const [from, to] of respellings) out = out.split(from).join(to);
  return out;
}

/** Per language with respellings: respelt key → translation (`jusho` for `juusho` and `jusho`). */
const RESPELT: readonly { language: Language; respellings: readonly (readonly [string, string])[]; words: ReadonlyMap<string, readonly string[]> }[] =
  LANGUAGES.filter((l) => l.respellings?.length).map((l) => ({
    language: l.code,
    respellings: l.respellings!,
    words: new Map(Object.entries(l.words).map(([word, english]) => [respell(word, l.respellings!), english])),
  }));

/**
 * A base word must keep this many letters after an ending is cut off (`fodder` is not `fodd` + `er`);
 * after a long, telling ending (Turkish `-ler`) three are enough (`uyeler` → `uye`).
 */
const MIN_BASE_LENGTH = 5;
const MIN_BASE_LENGTH_LONG_ENDING = 3;

function variantOf(word: string): ForeignWord | undefined {
  for (const { language, respellings, words } of RESPELT) {
    const english = words.get(respell(word, respellings));
    if (english) return { words: english, languages: [language] };
  }
  for (const language of LANGUAGES) {
    for (const [ending, replacement] of language.endings ?? []) {
      if (!word.endsWith(ending)) continue;
      const base = word.slice(0, word.length - ending.length) + replacement;
      if (base.length < (ending.length >= 3 ? MIN_BASE_LENGTH_LONG_ENDING : MIN_BASE_LENGTH)) continue;
      const english = Object.hasOwn(language.words, base) ? language.words[base] : undefined;
      if (english) return { words: english, languages: [language.code] };
    }
  }
  return undefined;
}

const variants = new Map<string, ForeignWord | null>();
const VARIANT_CACHE_LIMIT = 20_000;

/**
 * A word one language knows in another spelling or form: a plural or case ending (`musteriler` →
 * `musteri`, `fornecedores` → `fornecedor`) or a respelling (`juusho` → `jusho`). Only for words
 * that are not known as written; ambiguous words never take endings.
 */
export function foreignVariant(word: string): ForeignWord | undefined {
  let found = variants.get(word);
  if (found === undefined) {
    if (variants.size >= VARIANT_CACHE_LIMIT) variants.clear();
    variants.set(word, (found = variantOf(word) ?? null));
  }
  return found ?? undefined;
}

/** The word of a language a word cut short stands for. */
export interface LanguagePiece {
  readonly language: Language;
  /** The language's word the piece stands for (`pracownik` for `prac`). */
  readonly word: string;
  readonly english: readonly string[];
}

/**
 * Names of old and DBF-style schemas cut words short to fit 8–10 characters (`prac` for `pracownik`,
 * `kontr` for `kontrahent`): a cut word keeps this many letters, and this share of the whole word.
 */
const MIN_TRUNCATED_LENGTH = 4;
const MIN_TRUNCATED_SHARE = 0.4;

const WORDS_OF: ReadonlyMap<Language, readonly (readonly [string, readonly string[]])[]> = new Map(
  LANGUAGES.map((l) => [l.code, Object.entries(l.words).sort((a, b) => a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))]),
);

/**
 * The word of one of `languages` that `word` is the start of (`prac` → `pracownik`), or undefined:
 * only for cut words of MIN_TRUNCATED_LENGTH letters or more; the shortest word it may be cut from
 * (the least cut), and none when two such words of that length mean different things. A phrase cut
 * short is read first (`kod_poczt` is kod pocztowy, postal code, though `poczt` alone is poczta, the town).
 */
export function truncatedWord(word: string, languages: ReadonlySet<Language>): LanguagePiece | undefined {
  // A word cut to fit stops mid-syllable, on a consonant; one that ends on a vowel is more likely a
  // whole word of its own (German `laenge`, length, is no cut `laengengrad`).
  if (word.length < MIN_TRUNCATED_LENGTH || /[aeiouy]$/.test(word)) return undefined;
  const found: LanguagePiece[] = [];
  for (const language of languages) {
    for (const [full, english] of WORDS_OF.get(language) ?? []) {
      if (found.length > 0 && full.length > found[0].word.length) break;
      if (full.length <= word.length || !full.startsWith(word) || word.length < full.length * MIN_TRUNCATED_SHARE) continue;
      if (found.length > 0 && full.length < found[0].word.length) found.length = 0;
      found.push({ language, word: full, english });
    }
  }
  const meanings = new Set(found.map((f) => f.english.join(' ')));
  return meanings.size === 1 ? found[0] : undefined;
}

/** Per language, its phrases (`kod pocztowy`), for names that cut their words short (`kod_poczt`). */
const PHRASES_OF: readonly { language: Language; phrase: Phrase }[] = LANGUAGES.flatMap((l) =>
  (l.phrases ?? []).map((phrase) => ({ language: l.code, phrase })),
);
/** A phrase's first word cut short keeps this many letters, the others this many (`miejsc_ur`: miejsce urodzenia). */
const MIN_PHRASE_LEAD = 3;
const MIN_PHRASE_REST = 2;

/**
 * A phrase of one of `languages` that `words` start with when some of them are cut short
 * (`kod_poczt`, `miejsc_zam`, `data_ur`), with the words it spans; undefined without one.
 */
export function truncatedPhrase(words: readonly string[], at: number, languages: ReadonlySet<Language>): Phrase | undefined {
  for (const { language, phrase } of PHRASES_OF) {
    if (!languages.has(language)) continue;
    const [from] = phrase;
    let cut = false;
    const matches = from.every((full, j) => {
      const word = words[at + j];
      if (word === undefined) return false;
      if (word === full) return true;
      cut = true;
      return word.length >= (j === 0 ? MIN_PHRASE_LEAD : MIN_PHRASE_REST) && full.startsWith(word) && /^\p{L}+$/u.test(word);
    });
    if (matches && cut) return phrase;
  }
  return undefined;
}
