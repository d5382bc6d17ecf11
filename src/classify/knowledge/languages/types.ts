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
  /**
   * Words that also mean something else (an English word, a code, another language's word: `ad`,
   * `sei`, `gate`, `uf`): translated only in a table whose other names are clearly in this language
   * (see name/language-signal.ts), and only as the whole column name when they are English words
   * too (`by`). Here they win over `words` of other languages (pt-BR `apelido` is a nickname).
   */
  readonly ambiguous?: WordMap;
  /**
   * What some ambiguous words mean when they follow another word of the name: Japanese `mei` alone
   * is a given name, `kokyaku_mei` and `shohin_mei` are the customer's and the product's name.
   */
  readonly ambiguousAfterWord?: WordMap;
  /**
   * Personal names are written family name first (Japanese, Korean, Chinese): a name split into numbered
   * columns (`name1`, `name2`) holds the family name in its first part and the given name in its second.
   */
  readonly familyNameFirst?: boolean;
  /** Letters that accent folding does not reach (`ł` → `l`, `ø` → `o`, `æ` → `ae`, `ı` → `i`). */
  readonly letters?: Readonly<Record<string, string>>;
  /**
   * Plural and case endings → what replaces them, tried on a word nobody knows (`musteriler` →
   * `musteri`, `clienti` → `cliente`); the result must be one of this language's `words`.
   */
  readonly endings?: readonly (readonly [string, string])[];
  /**
   * Spelling variants folded away before looking a word up in this language (romanized Japanese
   * `ou` → `o`: `juusho` and `jusho` are one word). Applied to `words` keys and to names alike.
   */
  readonly respellings?: readonly (readonly [string, string])[];
}
