/**
 * Table names as the graph compares them: the meaningful words (translated, singular, without fillers)
 * minus the prefix an application puts on every table (`llx_`, `dtb_`, `oc_`, `wp_`) and one-letter
 * markers (`llx_c_country`, a dictionary), plus the raw words as written, for abbreviations (`fk_soc` →
 * `llx_societe`). An index from those words to tables resolves the table a column's name refers to.
 */
import { singular, tokenizeName, splitIdentifier } from '../name/tokenize.js';
import { tableWords } from '../name/table-context.js';
import { FOREIGN_WORDS } from '../name/lexicon.js';
import { isEnglishWord } from '../name/vocabulary.js';
import type { TableId } from './types.js';

/**
 * A first word on this share of a database's tables (and on at least MIN_PREFIX_TABLES) is the
 * application's prefix when it is short and means nothing (`llx`, `dtb`, `mtb`, `oc`, `wp`): a word that
 * means something (`customer_address`, `customer_notes`) stays.
 */
const PREFIX_SHARE = 0.05;
const MIN_PREFIX_TABLES = 3;
const MAX_PREFIX_LENGTH = 4;

export interface TableName {
  readonly id: TableId;
  readonly schema: string;
  readonly name: string;
  /** Translated meaningful words, singular (`dtb_customer` → ['customer'] once `dtb` is the prefix). */
  readonly core: readonly string[];
  /** Raw words as written, folded and singular, without the prefix (`llx_societe` → ['societe']). */
  readonly raw: readonly string[];
}

/** First raw words shared by many tables: the application's table prefixes. */
export function commonPrefixes(names: readonly string[]): ReadonlySet<string> {
  const counts = new Map<string, number>();
  for (const name of names) {
    const words = splitIdentifier(name);
    if (words.length >= 2) counts.set(words[0], (counts.get(words[0]) ?? 0) + 1);
  }
  const needed = Math.max(MIN_PREFIX_TABLES, Math.ceil(names.length * PREFIX_SHARE));
  const meaningless = (w: string) => w.length <= MAX_PREFIX_LENGTH && tokenizeName(w).join(' ') === w && !isEnglishWord(w) && !FOREIGN_WORDS.has(w);
  return new Set([...counts].filter(([w, n]) => n >= needed && meaningless(w)).map(([w]) => w));
}

const meaningful = (w: string) => w.length > 1 && !/^\d+$/.test(w);

export function tableName(id: TableId, schema: string, name: string, prefixes: ReadonlySet<string>): TableName {
  const raw = splitIdentifier(name);
  const prefix = raw.length >= 2 && prefixes.has(raw[0]) ? raw[0] : undefined;
  const rawCore = (prefix ? raw.slice(1) : raw).map(singular).filter(meaningful);
  // The translated words of the name without the prefix (tokenize it alone so it is not read as a word).
  const rest = prefix ? name.slice(name.toLowerCase().indexOf(prefix) + prefix.length).replace(/^[^\p{L}\p{N}]+/u, '') : name;
  const core = tableWords(rest).filter(meaningful);
  return { id, schema, name, core: core.length > 0 ? core : rawCore, raw: rawCore };
}

/** Translated words of a column or reference name, singular. */
export function nameWords(name: string, languages: readonly string[] = []): string[] {
  return tokenizeName(name, languages).map(singular);
}

const key = (words: readonly string[]) => words.join(' ');

/**
 * Tables by their core words and raw words (exact), and by raw last word (for abbreviations). Answers
 * without walking every table: a generated estate has tens of thousands of tables of the same name
 * (`customers_00001` ... are all `customer`), and a lookup per column that walked them was quadratic.
 */
export class TableNameIndex {
  readonly #exact = new Map<string, TableId[]>();
  /** Of #exact, the tables whose raw name is the key, in the same order. */
  readonly #exactRaw = new Map<string, TableId[]>();
  /** One-word tables (raw) by their word, and the words sorted (for the words an abbreviation starts). */
  readonly #oneWord = new Map<string, TableId[]>();
  readonly #words: readonly string[];
  readonly #schemas = new Map<TableId, string>();

  constructor(names: Iterable<TableName>) {
    const push = (map: Map<string, TableId[]>, k: string, id: TableId) => {
      const list = map.get(k);
      if (list) list.push(id);
      else map.set(k, [id]);
    };
    for (const t of names) {
      this.#schemas.set(t.id, t.schema);
      for (const k of new Set([key(t.core), key(t.raw)])) if (k !== '') push(this.#exact, k, t.id);
      if (key(t.raw) !== '') push(this.#exactRaw, key(t.raw), t.id);
      if (t.raw.length === 1) push(this.#oneWord, t.raw[0], t.id);
    }
    this.#words = [...this.#oneWord.keys()].sort();
  }

  /**
   * Tables whose whole core (or raw) name is `words`; of several, those whose raw name is it too
   * (`order` names `dtb_order`, not `dtb_order_temp`, whose core drops the filler `temp`).
   */
  exact(words: readonly string[]): readonly TableId[] {
    const found = this.#exact.get(key(words)) ?? [];
    if (found.length <= 1) return found;
    const raw = this.#exactRaw.get(key(words)) ?? [];
    return raw.length > 0 ? raw : found;
  }

  /**
   * The one-word table whose name starts with `abbreviation` (3+ letters), shortest first
   * (`soc` → `societe` before `socpeople`), of the schema's tables when it has one; undefined when
   * none or when two are equally short.
   */
  abbreviated(abbreviation: string, schema?: string): TableId | undefined {
    if (abbreviation.length < 3) return undefined;
    const words = this.#words;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid] < abbreviation) lo = mid + 1;
      else hi = mid;
    }
    const longer: string[] = [];
    for (let i = lo; i < words.length && words[i].startsWith(abbreviation); i++) if (words[i].length > abbreviation.length) longer.push(words[i]);
    longer.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    // The first two tables in that order, of the schema's and of all.
    const own: { word: string; id: TableId }[] = [];
    const all: { word: string; id: TableId }[] = [];
    for (const word of longer) {
      for (const id of this.#oneWord.get(word)!) {
        if (all.length < 2) all.push({ word, id });
        if (schema !== undefined && this.#schemas.get(id) === schema) own.push({ word, id });
        if (own.length === 2 || (schema === undefined && all.length === 2)) break;
      }
      if (own.length === 2 || (schema === undefined && all.length === 2)) break;
    }
    const found = own.length > 0 ? own : all;
    if (found.length === 0) return undefined;
    if (found.length > 1 && found[1].word.length === found[0].word.length) return undefined;
    return found[0].id;
  }
}
