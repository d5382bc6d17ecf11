/**
 * The domain of a table's rows (knowledge/domains): by the words of its name, in any supported
 * language. A word that names several domains (`visit`, `order`, `note`) counts only for a domain the
 * database's other tables already name by unambiguous words (the database profile: `orders` in a
 * database of diagnoses and drugs are clinical orders; in a shop they are purchases). A table whose
 * name says nothing takes the domain of its person's data subject (a patient's rows are clinical).
 */
import { DOMAINS, type DomainEntry } from '../knowledge/domains/index.js';
import { DEFAULT_SUBJECT } from '../knowledge/subjects.js';

/** A domain is the database's when this many tables name it unambiguously (or this share of them). */
const PROFILE_MIN_TABLES = 2;
const PROFILE_MIN_SHARE = 0.1;
/** A domain reached through a shared word, or through the data subject, is less certain. */
export const SHARED_WORD_FACTOR = 0.9;
export const SUBJECT_DOMAIN_FACTOR = 0.85;

const strongWords = (entry: DomainEntry) => new Set(Object.values(entry.words).flat());
const sharedWords = (entry: DomainEntry) => new Set(Object.values(entry.sharedWords ?? {}).flat());
const STRONG: readonly (readonly [DomainEntry, ReadonlySet<string>])[] = DOMAINS.map((d) => [d, strongWords(d)]);
const SHARED: readonly (readonly [DomainEntry, ReadonlySet<string>])[] = DOMAINS.map((d) => [d, sharedWords(d)]);

export interface DomainWords {
  /** Domains the name names unambiguously, with the word. */
  readonly strong: readonly { readonly domain: DomainEntry; readonly word: string }[];
  /** Domains a shared word of the name may mean. */
  readonly shared: readonly { readonly domain: DomainEntry; readonly word: string }[];
}

/** The domain words in a table's (or column's) words: translated and as written, and adjacent pairs joined (`two factor` → `twofactor`). */
export function domainWords(words: Iterable<string>): DomainWords {
  const list = [...words];
  const all = [...new Set([...list, ...list.slice(1).map((w, i) => `${list[i]}${w}`)])];
  const strong: { domain: DomainEntry; word: string }[] = [];
  const shared: { domain: DomainEntry; word: string }[] = [];
  for (const [domain, set] of STRONG) {
    const word = all.find((w) => set.has(w));
    if (word) strong.push({ domain, word });
  }
  for (const [domain, set] of SHARED) {
    const word = all.find((w) => set.has(w));
    if (word && !strong.some((s) => s.domain === domain)) shared.push({ domain, word });
  }
  return { strong, shared };
}

/** The domains a database's tables name unambiguously, most named first. */
export class DomainProfile {
  readonly domains: readonly DomainEntry[];

  constructor(tables: readonly DomainWords[]) {
    const counts = new Map<DomainEntry, number>();
    for (const t of tables) for (const s of t.strong) counts.set(s.domain, (counts.get(s.domain) ?? 0) + 1);
    const needed = Math.max(PROFILE_MIN_TABLES, Math.ceil(tables.length * PROFILE_MIN_SHARE));
    this.domains = [...counts]
      .filter(([, n]) => n >= needed)
      .sort((a, b) => b[1] - a[1] || DOMAINS.indexOf(a[0]) - DOMAINS.indexOf(b[0]))
      .map(([d]) => d);
  }

  has(domain: DomainEntry): boolean {
    return this.domains.includes(domain);
  }

  /** The data subject of a person table whose name names nobody in particular (`person`, `user`). */
  defaultSubject(): string {
    return this.domains.find((d) => d.impliesSubject)?.impliesSubject ?? DEFAULT_SUBJECT;
  }
}

export interface NamedDomain {
  readonly domain: DomainEntry;
  readonly word: string;
  /** Through a shared word, confirmed by the profile. */
  readonly shared: boolean;
}

/** The domain a table's name gives it in this database, or undefined. */
export function namedDomain(words: DomainWords, profile: DomainProfile): NamedDomain | undefined {
  const strong = words.strong.find((s) => profile.has(s.domain)) ?? words.strong[0];
  if (strong) return { domain: strong.domain, word: strong.word, shared: false };
  const shared = words.shared.find((s) => profile.has(s.domain));
  return shared ? { domain: shared.domain, word: shared.word, shared: true } : undefined;
}

/**
 * The domain of the rows of a data subject (a patient's rows are clinical), or undefined; none for a
 * table whose words (`tableWords`) name the domain's administration (a student's enrolment).
 */
export function subjectDomain(subject: string, profile: DomainProfile, tableWords: readonly string[] = []): DomainEntry | undefined {
  const domain = profile.domains.find((d) => d.subjects?.includes(subject));
  return domain && tableWords.some((w) => isAdministrativeWord(domain, w)) ? undefined : domain;
}

const ADMINISTRATIVE: ReadonlyMap<DomainEntry, ReadonlySet<string>> = new Map(
  DOMAINS.map((d) => [d, new Set(Object.values(d.administrativeWords ?? {}).flat())]),
);

/** True when the word names the domain's administration (a student's enrolment), not a person's record of it. */
export function isAdministrativeWord(domain: DomainEntry, word: string): boolean {
  return ADMINISTRATIVE.get(domain)?.has(word) ?? false;
}
