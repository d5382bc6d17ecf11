/**
 * Splits column and table names into lowercase words and expands abbreviations:
 * `CUST_EML_ADDR` → customer email address, `custEmailAddress` → customer email address,
 * `dtBirth` → date birth, `firstname` → first name. Pure and memoised (scans see the same names often).
 */
import { COMPOUND_VOCABULARY, EXPANSIONS } from './vocabulary.js';

const SEPARATORS = /[^\p{L}\p{N}]+/u;
// lower→Upper, UPPER→Upper+lower (IPAddress → IP Address), letter↔digit.
const CASE_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

/** Raw words of an identifier, lowercased, without abbreviation expansion. */
export function splitIdentifier(identifier: string): string[] {
  const words: string[] = [];
  for (const part of identifier.split(SEPARATORS)) {
    if (part === '') continue;
    for (const word of part.split(CASE_BOUNDARY)) if (word !== '') words.push(word.toLowerCase());
  }
  return words;
}

/** Splits a lowercase compound into the fewest vocabulary words, or returns undefined. */
export function splitCompound(word: string): string[] | undefined {
  const n = word.length;
  if (n < 5 || n > 40) return undefined;
  // best[i]: fewest parts covering word[0..i)
  const best: (string[] | undefined)[] = new Array(n + 1);
  best[0] = [];
  for (let end = 2; end <= n; end++) {
    for (let start = 0; start <= end - 2; start++) {
      const prefix = best[start];
      if (!prefix) continue;
      const piece = word.slice(start, end);
      if (!COMPOUND_VOCABULARY.has(piece) && !(piece.length >= 3 && piece in EXPANSIONS)) continue;
      const candidate = [...prefix, piece];
      const current = best[end];
      if (!current || candidate.length < current.length) best[end] = candidate;
    }
  }
  const parts = best[n];
  return parts && parts.length > 1 ? parts : undefined;
}

function expandWord(word: string, out: string[]): void {
  const expansion = EXPANSIONS[word];
  if (expansion) {
    out.push(...expansion);
    return;
  }
  if (!COMPOUND_VOCABULARY.has(word)) {
    const parts = splitCompound(word);
    if (parts) {
      for (const part of parts) out.push(...(EXPANSIONS[part] ?? [part]));
      return;
    }
  }
  out.push(word);
}

const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 20_000;

/** Words of a column or table name with abbreviations and compounds expanded. */
export function tokenizeName(identifier: string): readonly string[] {
  const cached = cache.get(identifier);
  if (cached) return cached;
  const words: string[] = [];
  for (const word of splitIdentifier(identifier)) expandWord(word, words);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const frozen = Object.freeze(words);
  cache.set(identifier, frozen);
  return frozen;
}

/** Index of the first occurrence of `sequence` as consecutive words in `tokens`, or -1. */
export function findSequence(tokens: readonly string[], sequence: readonly string[]): number {
  outer: for (let i = 0; i + sequence.length <= tokens.length; i++) {
    for (let j = 0; j < sequence.length; j++) if (tokens[i + j] !== sequence[j]) continue outer;
    return i;
  }
  return -1;
}
