/**
 * Glob matching for --include/--exclude in time linear in the name for a given pattern, whatever the
 * pattern and the names are (both come from outside: the user and the scanned database). A regex
 * translation (picomatch) backtracks: `*a*a*a*a*b` took seconds on one 140-character name.
 *
 * Syntax: `*` any run within a level, `**` as a whole level any levels, `?` one character, `[abc]`,
 * `[a-z]`, `[!a]`/`[^a]` one character of a set, `{a,b}` alternatives, `\` makes the next character
 * literal; anything else is itself. Case is ignored. Levels are separated by `SEP`.
 */
import { ExitCode, UserError } from '../core/errors.js';
import { printable } from '../util/printable.js';

/** Joins the levels of a name (schema, table, column) for matching; never part of a name. */
export const SEP = '\u0000';

/** A pattern expands to at most this many alternatives (`{a,b}{c,d}` is 4). */
export const MAX_ALTERNATIVES = 256;

type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'any' } // ?
  | { readonly kind: 'set'; readonly negated: boolean; readonly items: readonly (readonly [string, string])[] }
  | { readonly kind: 'star' } // * within a level
  /** `**` as a whole level: any run across levels, or no level at all (`a.**` matches `a`). */
  | { readonly kind: 'globstar'; readonly wholeLevel: true };

export type GlobMatcher = (name: string) => boolean;

function invalid(pattern: string, why: string): UserError {
  return new UserError(`Invalid pattern '${printable(pattern)}': ${why}`, {
    hint: 'Patterns are schema, schema.table or schema.table.column; globs like public.*, *.users, *.*.email, crm.{users,orders}',
    exitCode: ExitCode.usage,
  });
}

/** `a{b,c}d` → [`abd`, `acd`]; nested braces work; `\{` is literal. */
export function expandBraces(pattern: string, original = pattern): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === ',' && depth === 1) commas.push(i);
    else if (c === '}' && depth > 0 && --depth === 0) {
      if (commas.length === 0) continue; // `{a}` is literal, as in shells
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      const cuts = [open, ...commas, i];
      const out: string[] = [];
      for (let k = 0; k + 1 < cuts.length; k++) {
        for (const expanded of expandBraces(head + pattern.slice(cuts[k] + 1, cuts[k + 1]) + tail, original)) {
          out.push(expanded);
          if (out.length > MAX_ALTERNATIVES) throw invalid(original, `more than ${MAX_ALTERNATIVES} alternatives`);
        }
      }
      return out;
    }
  }
  return [pattern];
}

function tokenize(pattern: string, original: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) tokens.push({ kind: 'char', char: pattern[++i].toLowerCase() });
    else if (c === '*') {
      let stars = 1;
      while (pattern[i + 1] === '*') {
        i++;
        stars++;
      }
      // `**` crosses levels only as a whole level (`a.**.b`); otherwise (`a**`, `***`) it is a `*`, as in shells.
      const previous = tokens[tokens.length - 1];
      const levelStart = previous === undefined || (previous.kind === 'char' && previous.char === SEP);
      const levelEnd = i + 1 === pattern.length || pattern[i + 1] === SEP;
      tokens.push(stars === 2 && levelStart && levelEnd ? { kind: 'globstar', wholeLevel: true } : { kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) throw invalid(original, "'[' without a matching ']'");
      tokens.push(parseClass(pattern.slice(i + 1, end)));
      i = end;
    } else tokens.push({ kind: 'char', char: c.toLowerCase() });
  }
  return tokens;
}

function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '!' || pattern[i] === '^') i++;
  if (pattern[i] === ']') i++; // a leading ] is a member
  for (; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  return -1;
}

function parseClass(body: string): Token {
  const negated = body[0] === '!' || body[0] === '^';
  const chars: string[] = [];
  for (let i = negated ? 1 : 0; i < body.length; i++) chars.push(body[i] === '\\' && i + 1 < body.length ? body[++i] : body[i]);
  const items: [string, string][] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      items.push([chars[i].toLowerCase(), chars[i + 2].toLowerCase()]);
      items.push([chars[i].toUpperCase(), chars[i + 2].toUpperCase()]);
      i += 2;
    } else items.push([chars[i].toLowerCase(), chars[i].toLowerCase()]);
  }
  return { kind: 'set', negated, items };
}

/** `c` is lower case already (the name is lowered once). */
function inSet(token: Extract<Token, { kind: 'set' }>, c: string): boolean {
  return token.items.some(([from, to]) => c >= from && c <= to) !== token.negated;
}

/** Simulates all positions in the pattern at once (no backtracking): O(name × pattern). */
function matchTokens(tokens: readonly Token[], name: string): boolean {
  const n = tokens.length;
  let current = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  const wholeLevel = (i: number): boolean => {
    const t = tokens[i];
    return t !== undefined && t.kind === 'globstar' && t.wholeLevel;
  };
  const isSep = (i: number): boolean => {
    const t = tokens[i];
    return t !== undefined && t.kind === 'char' && t.char === SEP;
  };
  const close = (states: Uint8Array, atStart: boolean): void => {
    // Moves that consume nothing, all forward, so one pass in order reaches every state.
    for (let i = 0; i < n; i++) {
      if (!states[i]) continue;
      const t = tokens[i];
      // A star may match nothing: reaching it reaches what follows it.
      if (t.kind === 'star' || t.kind === 'globstar') states[i + 1] = 1;
      // A whole-level `**` may stand for no level: skip it with one of the separators around it.
      if (isSep(i) && wholeLevel(i + 1)) states[i + 2] = 1;
      // Leading `**.` levels stand for no level only before anything is read.
      if (atStart && wholeLevel(i) && isSep(i + 1)) states[i + 2] = 1;
    }
  };
  current[0] = 1;
  close(current, true);
  const lower = name.toLowerCase();
  for (let k = 0; k < lower.length; k++) {
    const c = lower[k];
    next.fill(0);
    for (let i = 0; i < n; i++) {
      if (!current[i]) continue;
      const t = tokens[i];
      if (t.kind === 'star') {
        if (c !== SEP) next[i] = 1;
      } else if (t.kind === 'globstar') next[i] = 1;
      else if (t.kind === 'char' ? t.char === c : t.kind === 'any' ? c !== SEP : c !== SEP && inSet(t, c)) next[i + 1] = 1;
    }
    close(next, false);
    if (!next.includes(1)) return false;
    [current, next] = [next, current];
  }
  return current[n] === 1;
}

/** Compiles one glob (after escaping and level joining by the caller); throws a usage error on bad syntax. */
export function compileGlob(pattern: string, original = pattern): GlobMatcher {
  const alternatives = expandBraces(pattern, original).map((p) => tokenize(p, original));
  return (name) => alternatives.some((tokens) => matchTokens(tokens, name));
}
