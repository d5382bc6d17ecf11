/**
 * The fideslang data-category taxonomy: the default one compiled in, extendable with custom
 * categories from config. Used to check keys, give names to reviewers and find parents.
 */
import { isWithinCategory } from '../core/personal-data.js';
import { DEFAULT_DATA_CATEGORIES } from './taxonomy-data.js';
import { editDistance } from '../util/did-you-mean.js';

export interface TaxonomyEntry {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly parent: string | null;
}

export class Taxonomy {
  readonly #entries: Map<string, TaxonomyEntry>;

  constructor(entries: readonly TaxonomyEntry[]) {
    this.#entries = new Map(entries.map((e) => [e.key, e]));
  }

  static default(): Taxonomy {
    return new Taxonomy(DEFAULT_DATA_CATEGORIES);
  }

  /** A copy with extra (custom) categories; a parent must exist. */
  extend(extra: readonly TaxonomyEntry[]): Taxonomy {
    return new Taxonomy([...this.#entries.values(), ...extra]);
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  get(key: string): TaxonomyEntry | undefined {
    return this.#entries.get(key);
  }

  keys(): string[] {
    return [...this.#entries.keys()];
  }

  entries(): TaxonomyEntry[] {
    return [...this.#entries.values()];
  }

  /** True when `key` equals `ancestor` or lies below it (`user.contact.email` is within `user.contact`). */
  static isWithin(key: string, ancestor: string): boolean {
    return isWithinCategory(key, ancestor);
  }

  /** Top-level category (`user` or `system`). */
  static root(key: string): string {
    return key.split('.')[0];
  }

  /** Closest known keys by edit distance, for did-you-mean hints. */
  suggest(key: string, max = 3): string[] {
    const scored = this.keys().map((k) => ({ k, d: editDistance(key, k) - (k.endsWith('.' + key.split('.').pop()) ? 2 : 0) }));
    scored.sort((a, b) => a.d - b.d || a.k.localeCompare(b.k));
    return scored.slice(0, max).filter((s) => s.d <= Math.max(3, key.length / 2)).map((s) => s.k);
  }
}
