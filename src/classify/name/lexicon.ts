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

/** Multi-word phrases of every language, replaced as a whole before word translation. */
export const PHRASES: readonly Phrase[] = LANGUAGES.flatMap((l) => l.phrases ?? []);

/** Small words joining the parts of a Romance, Dutch or German name (`date_de_naissance`, `nom_van`). */
export const CONNECTOR_WORDS: ReadonlySet<string> = new Set(LANGUAGES.flatMap((l) => l.connectors ?? []));
