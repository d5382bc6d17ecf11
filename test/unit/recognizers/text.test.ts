/** The string helpers against the regular-expression idioms they replace: equal on every input. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cjkCharactersAtLeast, hasWordRuns, isWhitespaceCode, splitOnSpaceOrComma, startsUppercase, wordBoundaries } from '../../../src/classify/recognizers/text.js';

/** The tokens wordBoundaries finds, as strings (null for none, as `match` gives). */
function tokens(text: string): string[] | null {
  const bounds = new Int32Array(2 * text.length);
  const count = wordBoundaries(text, bounds);
  const out: string[] = [];
  for (let k = 0; k < count; k++) out.push(text.slice(bounds[2 * k], bounds[2 * k + 1]));
  return count > 0 ? out : null;
}

/** Characters that make the regular-expression idioms differ: separators, marks, apostrophes, astral letters, lone surrogates. */
const TRICKY = [
  ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', ',', '.', '-', "'", '’', '!', '?', ';', ':', '@', '1', '42',
  'a', 'Z', 'é', 'É', 'ß', 'ı', 'ǅ', 'Ω', 'ж', 'Ж', '漢', '\u0301', '𝒜', '𝓏', '😀', '\ud800', '\udc00', 'x', 'Mr', 'Anna', 'smith',
];
const trickyString = fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }).map((parts) => parts.join(''));
const anyString = fc.oneof(trickyString, fc.string({ maxLength: 30, unit: 'binary' }));

describe('text helpers equal the regular expressions they replace', () => {
  it('isWhitespaceCode is \\s for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if (isWhitespaceCode(code) !== /\s/.test(String.fromCharCode(code))) wrong.push(code);
    expect(wrong).toEqual([]);
  });

  it('splitOnSpaceOrComma, startsUppercase, wordBoundaries', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(splitOnSpaceOrComma(value)).toEqual(value.split(/[\s,]+/).filter((w) => w !== ''));
        expect(startsUppercase(value)).toBe(/^\p{Lu}/u.test(value));
        expect(tokens(value)).toEqual(value.match(/\p{L}[\p{L}'’-]*|[.!?;:]/gu));
      }),
      { numRuns: 20000, seed: 1 },
    );
  });
});


describe('trim', () => {
  it('removes exactly the characters isWhitespaceCode accepts (prepareValues skips it otherwise)', () => {
    const wrong: number[] = [];
    for (let code = 0; code <= 0xffff; code++) if ((String.fromCharCode(code).trim() === '') !== isWhitespaceCode(code)) wrong.push(code);
    expect(wrong).toEqual([]);
  });
});

describe('free-text helpers', () => {
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
  const cjkParts = [...TRICKY, 'ひ', 'カ', '한', '\u1100', '\u3005', '\u30fc', '\uff66', '𠀀', '\u10ff', '\u2e80'];
  const cjkString = fc.array(fc.constantFrom(...cjkParts), { maxLength: 20 }).map((parts) => parts.join(''));

  it('hasWordRuns is the word count of split(/\\s+/) on the trimmed value, cjkCharactersAtLeast the length of match', () => {
    fc.assert(
      fc.property(fc.oneof(anyString, cjkString), fc.integer({ min: 1, max: 9 }), (value, min) => {
        if (value.trim() !== '') expect(hasWordRuns(value, min)).toBe(value.trim().split(/\s+/).length >= min);
        expect(cjkCharactersAtLeast(value, CJK, min)).toBe((value.match(CJK)?.length ?? 0) >= min);
      }),
      { numRuns: 20000, seed: 2 },
    );
  });
});
