/**
 * The shape of a domain entry: what rows of a kind of table are about (a patient's conditions, a
 * person's payment instruments, a user's events), the category their descriptive columns take when
 * the rows belong to a person (subject/), and the words that name the domain in table names. Each
 * domain is one declarative entry in this folder, listed in index.ts; adding a domain is one entry.
 */

/**
 * What a column of a person's row holds, as far as domains care (subject/column-roles.ts decides):
 * `code` a short code or label, `lookup` a reference to a code table or vocabulary (which drug, which
 * product), `date` a date or time of the row's event, `quantity` a number, `text` free text, `flag` a
 * yes/no, `secret` a hash, key, salt, token or credential-like string.
 */
export type ColumnKind = 'code' | 'lookup' | 'date' | 'quantity' | 'text' | 'flag' | 'secret';

export interface DomainEntry {
  /** Stable id, in reasons and the scan result (`clinical`). */
  readonly key: string;
  /** English label for reasons ("clinical"). */
  readonly label: string;
  /** The fideslang category the covered columns of a person's rows take. */
  readonly category: string;
  /** Strength of the evidence for a row one hop from its person; weaker with each further hop. */
  readonly score: number;
  /** Which columns of such a row take the category; the others are left to the other evidence. */
  readonly covers: readonly ColumnKind[];
  /**
   * Which columns take the category from names alone (an empty table, no values), when not `covers`:
   * evidence from names is weaker, so a domain whose records are mostly the application's schedule
   * and terms (a loan's due and approval dates) lists here only what describes the person's own data.
   */
  readonly namesOnlyCovers?: readonly ColumnKind[];
  /**
   * Which columns of a person's own row that name the domain take the category, when not `covers`
   * (a customer's `last_purchase_date` or `purchase_count` sums up their purchases).
   */
  readonly ownRowCovers?: readonly ColumnKind[];
  /**
   * Words of table names that name the domain, per language: `en` lists English words, which also
   * match names the tokenizer translated (`diagnose` → diagnosis); the other languages list their
   * own words as written (lowercase, accents folded), for words the name lexicon does not translate.
   */
  readonly words: Readonly<Record<string, readonly string[]>>;
  /**
   * Words that name this domain in some databases and another in others (`visit`: a clinic visit or a
   * web visit, `order`: a clinical or a shop order). They count only when the database's other
   * tables already say this domain (the database profile in subject/domain.ts).
   */
  readonly sharedWords?: Readonly<Record<string, readonly string[]>>;
  /**
   * Data subjects (fideslang keys) whose linked rows are in this domain even when the table's name
   * says nothing (every row about a patient is health data).
   */
  readonly subjects?: readonly string[];
  /**
   * Words of table names whose rows are the organisation's administration of the domain rather than
   * the person's data (a student's enrolment: which school, course and year): they count for the
   * database's profile when they are also `words`, but such tables take neither the domain by that
   * word nor from their person's data subject (`subjects`).
   */
  readonly administrativeWords?: Readonly<Record<string, readonly string[]>>;
  /** Domains that imply a data subject for a generic person table (`person`, `user`) of the database. */
  readonly impliesSubject?: string;
  /**
   * Narrower categories by words (English, as translated) of the column's name, else of the table's
   * (a bank-account row's `number` is a bank account number; a `cvn` is card data), first match wins.
   */
  readonly specific?: readonly { readonly words: readonly string[]; readonly category: string }[];
  /**
   * Words of the columns of such a row that name an entry rather than hold the person's data (a
   * preference row's `key`, `app` or `section`: the application's names for its settings). Only for
   * rows of a table the domain names, not for a column on a person's own row.
   */
  readonly entryKeyWords?: readonly string[];
}
