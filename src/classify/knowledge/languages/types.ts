/**
 * The shape of a language's column- and table-name vocabulary. Each language is one declarative
 * entry (one file in this folder, listed in index.ts) that translates its words into the English
 * words the name rules speak. Keys are lowercase and accent-folded (`prénom` → `prenom`).
 */

/** Foreign word → the English words it stands for. */
export type WordMap = Readonly<Record<string, readonly string[]>>;

/** A multi-word phrase (after folding, without connector words) → English words. */
export type Phrase = readonly [readonly string[], readonly string[]];

export interface LanguageEntry {
  /** BCP 47 code: `de`, `pt-BR`. */
  readonly code: string;
  /** English name, for reasons ("'vorname' is German for 'first name'"). */
  readonly name: string;
  /** Words that mean one thing in any name: always translated. */
  readonly words: WordMap;
  /** Phrases replaced as a whole before word translation (`mot de passe` → password). */
  readonly phrases?: readonly Phrase[];
  /** Small words joining the parts of a name (`date_de_naissance`), dropped between two words. */
  readonly connectors?: readonly string[];
}
