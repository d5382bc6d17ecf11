/**
 * Regular expressions from the config file, run on RE2 (re2js, pure JavaScript): matching time grows
 * linearly with the input, so a pattern such as `^(a+)+$` cannot backtrack for hours on a hostile value
 * as it does on JavaScript's own engine. RE2 has no lookahead and no backreferences (the constructs that
 * need backtracking); such patterns are refused when the config loads. The cost of one match is at most
 * (characters + 1) × `instructions`, which is what callers budget (see ValueRecognizer.matchBudget).
 */
import { RE2JS } from 're2js';

/**
 * Largest compiled pattern accepted. Most patterns compile to tens of instructions; a few thousand means
 * large repetition counts nested in each other (`(?:[a-z]{0,30}){30}`), whose matching is slow even in
 * linear time, and a work budget would let it look at only a few values.
 */
export const MAX_PATTERN_INSTRUCTIONS = 2000;

export interface LinearRegex {
  /** Whether the pattern matches somewhere in `value` (like RegExp.test). */
  test(value: string): boolean;
  /** The pattern as written in the config. */
  readonly source: string;
  /** Matching work per character of input (RE2 program instructions). */
  readonly instructions: number;
}

const FLAG_BITS: Readonly<Record<string, number>> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, u: 0 };

/** What RE2 cannot run, in the user's words; undefined when the pattern has none of it. */
function unsupportedConstruct(source: string): string | undefined {
  // Skip escaped characters and character classes so that `\(?=` or `[(?=]` are not taken for lookaheads.
  const plain = source.replace(/\\[^1-9k]|\[(?:\\.|[^\]\\])*\]/g, '_');
  if (/\\[1-9]|\\k</.test(plain)) return 'a backreference';
  if (/\(\?<?[=!]/.test(plain)) return 'a lookahead or lookbehind';
  return undefined;
}

/**
 * Compiles `source` (JavaScript syntax without lookaround and backreferences, or RE2 syntax) with
 * JavaScript flags i, m, s, u. Throws a SyntaxError that says what to change.
 */
export function compileLinearRegex(source: string, flags = ''): LinearRegex {
  const construct = unsupportedConstruct(source);
  if (construct) {
    throw new SyntaxError(`it uses ${construct}, which can take exponential time; custom patterns run on a linear-time engine (RE2 syntax: no lookahead, lookbehind or backreferences)`);
  }
  let bits = 0;
  for (const flag of flags) {
    if (!(flag in FLAG_BITS)) throw new SyntaxError(`unknown flag '${flag}' (use i, m, s or u)`);
    bits |= FLAG_BITS[flag];
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(RE2JS.translateRegExp(source), bits);
  } catch (error) {
    throw new SyntaxError((error as Error).message.replace(/^error parsing regexp: /, ''));
  }
  const instructions = Number(compiled.re2().numberOfInstructions());
  if (instructions > MAX_PATTERN_INSTRUCTIONS) {
    throw new SyntaxError(`it is too complex (${instructions} steps per character, at most ${MAX_PATTERN_INSTRUCTIONS}): use smaller repetition counts, or fewer nested ones`);
  }
  return { test: (value) => compiled.test(value), source, instructions };
}

/**
 * A glob over a column name (`*_badge*`, `emp?no`, `[ab]_id`, `{first,last}_name`) as a linear regex
 * matching the whole name, case-insensitively. `*` and `?` match any character.
 */
export function compileGlob(glob: string): LinearRegex {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '\\' && i + 1 < glob.length) out += RE2JS.quote(glob[++i]);
    else if (ch === '*') {
      while (glob[i + 1] === '*') i++;
      out += '.*';
    } else if (ch === '?') out += '.';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += RE2JS.quote(ch);
      else {
        const body = glob.slice(i + 1, end);
        const negated = body[0] === '!' || body[0] === '^';
        out += `[${negated ? '^' : ''}${(negated ? body.slice(1) : body).replace(/[\\\][^]/g, (c) => `\\${c}`)}]`;
        i = end;
      }
    } else if (ch === '{') {
      braces++;
      out += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (ch === ',' && braces > 0) out += '|';
    else out += RE2JS.quote(ch);
  }
  if (braces > 0) throw new SyntaxError(`unbalanced '{' in glob '${glob}'`);
  return { ...compileLinearRegex(`^(?:${out})$`, 'is'), source: glob };
}
