/**
 * FidesKeys: `[A-Za-z0-9_.-]+` (the stricter form from Fides' docs), unique within a file, readable
 * and stable. Cyrillic and Greek are transliterated and accents dropped; when the cleaned key is not
 * the name itself (something was replaced or dropped), a short hash of the real name is appended, so
 * names that clean up alike (`клиенты` and `заказы`, `a b` and `a;b` and `a_b`) never share a key and
 * a name always gets the same key, whatever other names the database has.
 */
import { createHash } from 'node:crypto';

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', ђ: 'dj', ѓ: 'gj', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', ѕ: 'dz', и: 'i',
  і: 'i', ї: 'yi', й: 'y', ј: 'j', к: 'k', ќ: 'kj', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', ћ: 'c', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', џ: 'dz', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e',
  ю: 'yu', я: 'ya',
};
const GREEK: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o',
  π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
const LETTERS: ReadonlyMap<string, string> = new Map(
  [...Object.entries(CYRILLIC), ...Object.entries(GREEK)].flatMap(([lower, latin]) => [
    [lower, latin],
    [lower.toUpperCase(), latin.charAt(0).toUpperCase() + latin.slice(1)],
  ]),
);
const TRANSLITERATED = /[\u0370-\u03ff\u0400-\u04ff]/g;
/** Hex digits of the name's SHA-256 appended to a lossy key. */
const HASH_LENGTH = 6;

/** Cyrillic and Greek letters in Latin ones (others unchanged). */
export function transliterate(text: string): string {
  return text.replace(TRANSLITERATED, (ch) => LETTERS.get(ch) ?? ch);
}

/** The name cleaned to FidesKey characters (may be empty). */
function cleaned(raw: string): string {
  // Before and after decomposing: precomposed letters (й, ї) and accented Greek ones (ά → α + accent).
  return transliterate(transliterate(raw).normalize('NFKD').replace(/\p{M}/gu, ''))
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, HASH_LENGTH);
}

/**
 * The key for a name: the name itself when it is a clean FidesKey, else the cleaned name plus a
 * short hash of the name (`klienty_3f2a9c`, `a_b_51e0d4`; `dataset_…` when nothing is left).
 */
export function fidesKeyFor(raw: string): string {
  const key = cleaned(raw);
  if (key === raw && key !== '') return key;
  return `${key || 'dataset'}_${shortHash(raw)}`;
}

/**
 * Hands out keys for names, never one that is taken (keys already in a file) or given out before;
 * the rare clash left after hashing gets `_2`, `_3`, ... (deterministic for a fixed call order).
 */
export class FidesKeyAllocator {
  readonly #used: Set<string>;
  readonly #byRaw = new Map<string, string>();

  constructor(taken: Iterable<string> = []) {
    this.#used = new Set(taken);
  }

  keyFor(raw: string): string {
    const existing = this.#byRaw.get(raw);
    if (existing) return existing;
    const base = fidesKeyFor(raw);
    let key = base;
    for (let n = 2; this.#used.has(key); n++) key = `${base}_${n}`;
    this.#used.add(key);
    this.#byRaw.set(raw, key);
    return key;
  }
}
