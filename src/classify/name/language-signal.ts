/**
 * The languages a table's names are written in, from its own name and its column names: the signal
 * that turns on a language's ambiguous words (`sei`, `ad`, `uf`, `gate`). Each word known to one
 * language counts 1 for it (a word several languages share counts for each), an ambiguous word
 * counts half; English words count for none. Cheap, deterministic and per table, so a Turkish
 * `musteriler` table reads `ad` as a name while `ads.ad_campaign` stays English.
 */
import { AMBIGUOUS_WORDS, FOREIGN_WORDS, foreignVariant, type Language } from './lexicon.js';
import { splitCompound, splitIdentifier } from './tokenize.js';
import { isEnglishWord as isEnglish } from './vocabulary.js';

/** What a table needs before a language's ambiguous words are read in it: two words, or one and a half. */
export const LANGUAGE_SIGNAL_NEEDED = 1.5;
const AMBIGUOUS_WEIGHT = 0.5;


/** The languages one raw word belongs to, with its weight for each. */
function wordLanguages(word: string, add: (language: Language, weight: number) => void): void {
  if (word.length < 2 || /\d/.test(word) || isEnglish(word)) return;
  for (const reading of AMBIGUOUS_WORDS.get(word) ?? []) add(reading.language, AMBIGUOUS_WEIGHT);
  const known = FOREIGN_WORDS.get(word) ?? foreignVariant(word);
  if (known) {
    for (const language of known.languages) add(language, 1);
    return;
  }
  // `denwabango`, `kundenadresse`: the languages of the pieces, once per word.
  const pieces = splitCompound(word)?.flatMap((p) => (isEnglish(p) ? [] : (FOREIGN_WORDS.get(p)?.languages ?? [])));
  for (const language of new Set(pieces)) add(language, 1);
}

/** Languages whose signal in these names reaches LANGUAGE_SIGNAL_NEEDED, strongest first. */
export function namesLanguages(names: readonly string[]): readonly Language[] {
  const words = new Set(names.flatMap((n) => splitIdentifier(n)));
  const score = new Map<Language, number>();
  for (const word of words) wordLanguages(word, (language, weight) => score.set(language, (score.get(language) ?? 0) + weight));
  return [...score].filter(([, s]) => s >= LANGUAGE_SIGNAL_NEEDED).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l);
}

/** The languages of a table: its name and its columns' names. */
export function tableLanguages(tableName: string, columnNames: readonly string[]): readonly Language[] {
  return namesLanguages([tableName, ...columnNames]);
}
