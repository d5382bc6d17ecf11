/**
 * Small string helpers for hot loops, each the exact equivalent of a regular-expression idiom used by
 * the recognizers (checked against it by unit tests), without its allocations.
 */

/** True for the characters `\s` matches: ECMAScript white space and line terminators. */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `value.split(/[\s,]+/).filter((w) => w !== '')`. */
export function splitOnSpaceOrComma(value: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 44 || isWhitespaceCode(code)) {
      if (start >= 0) {
        out.push(value.slice(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(start === 0 ? value : value.slice(start));
  return out;
}

const UPPERCASE_START = /^\p{Lu}/u;

/** `/^\p{Lu}/u.test(value)`, without the regular expression for an ASCII first character. */
export function startsUppercase(value: string): boolean {
  const code = value.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPERCASE_START.test(value);
}

const CASED_LETTER = /[\p{Lu}\p{Ll}\p{Lt}]/u;

/**
 * `/[\p{Lu}\p{Ll}\p{Lt}]/u.test(value)`: a letter of a script with upper and lower case (Latin, Greek,
 * Cyrillic, Armenian...). Names in scripts without case (Han, kana, Hangul, Arabic, Hebrew, Thai) have none.
 */
export function hasCasedLetter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
    } else return CASED_LETTER.test(value.slice(i));
  }
  return false;
}

const LETTER_AT = /\p{L}/uy;

/** Length in code units of the letter (`\p{L}`) starting at `i`, or 0. */
function letterAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 1 : 0;
  LETTER_AT.lastIndex = i;
  return LETTER_AT.test(text) ? LETTER_AT.lastIndex - i : 0;
}

/** Code units of the code point starting at `i` (2 for a surrogate pair). */
function codePointLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return 1;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/** ASCII characters for the tokenizer: 1 a letter, 2 a word-joining ' or -, 4 sentence punctuation . ! ? ; : */
const ASCII_TOKEN_CLASS = Uint8Array.from({ length: 128 }, (_, code) =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
    ? 1
    : code === 39 || code === 45
      ? 2
      : code === 46 || code === 33 || code === 63 || code === 59 || code === 58
        ? 4
        : 0,
);

/** End of the word whose first letter (`letter` code units long) starts at `start`: letters, ' ’ and - follow. */
function wordEnd(text: string, start: number, letter: number): number {
  let end = start + letter;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code < 128) {
      if ((ASCII_TOKEN_CLASS[code] & 3) === 0) break;
      end++;
    } else if (code === 0x2019) end++;
    else {
      const next = letterAt(text, end);
      if (next === 0) break;
      end += next;
    }
  }
  return end;
}

/**
 * The tokens of `text.match(/\p{L}[\p{L}'’-]*|[.!?;:]/gu)` (words and sentence punctuation) as
 * positions: token k is `text.slice(bounds[2k], bounds[2k + 1])`. Returns the token count; `bounds`
 * must hold two numbers per character of the text.
 */
export function wordBoundaries(text: string, bounds: Int32Array): number {
  let count = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    let letter = 0;
    if (code < 128) {
      const kind = ASCII_TOKEN_CLASS[code];
      if (kind === 4) {
        bounds[2 * count] = i;
        bounds[2 * count + 1] = i + 1;
        count++;
        i++;
        continue;
      }
      if (kind !== 1) {
        i++;
        continue;
      }
      letter = 1;
    } else {
      letter = letterAt(text, i);
      if (letter === 0) {
        i += codePointLength(text, i);
        continue;
      }
    }
    const end = wordEnd(text, i, letter);
    bounds[2 * count] = i;
    bounds[2 * count + 1] = end;
    count++;
    i = end;
  }
  return count;
}

/** `value.trim().split(/\s+/).length >= min` for a value that is not blank: at least `min` runs of non-space characters. */
export function hasWordRuns(value: string, min: number): boolean {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < value.length; i++) {
    const space = isWhitespaceCode(value.charCodeAt(i));
    if (!space && !inRun && ++runs >= min) return true;
    inRun = !space;
  }
  return false;
}

/** No character of the Han, Hiragana, Katakana or Hangul scripts is below U+1100 (Hangul Jamo). */
const FIRST_CJK_CODE = 0x1100;

/**
 * `(value.match(cjk)?.length ?? 0) >= min` for `cjk` a global regular expression of single characters of
 * those scripts: a value too short, or without a code unit from U+1100 up, holds none, and no match list is made.
 */
export function cjkCharactersAtLeast(value: string, cjk: RegExp, min: number): boolean {
  if (value.length < min) return false;
  let i = 0;
  while (i < value.length && value.charCodeAt(i) < FIRST_CJK_CODE) i++;
  if (i === value.length) return false;
  return (value.match(cjk)?.length ?? 0) >= min;
}
