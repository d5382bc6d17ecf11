/**
 * The canonical order against its definition, written plainly: values sorted by their copy key, then by
 * their string, then by position (the radix sort and the typed-array bookkeeping are only faster).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalOrder, canonicalPositions, stringHash } from '../../../src/classify/canonical-order.js';
import { entropy } from '../../../src/classify/recognizers/uuid.js';
import { prepareValues } from '../../../src/classify/recognizers/recognizer.js';

function copyKey(hash: number, copy: number): number {
  let x = (hash ^ Math.imul(copy, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const byKeyThenString = (keys: readonly number[], strings: readonly string[]) => (a: number, b: number) =>
  keys[a] - keys[b] || (strings[a] < strings[b] ? -1 : strings[a] > strings[b] ? 1 : 0) || a - b;

function referenceOrder(values: readonly string[]): string[] {
  const copies = new Map<string, number>();
  const keys = values.map((v) => {
    const copy = copies.get(v) ?? 0;
    copies.set(v, copy + 1);
    return copyKey(stringHash(v), copy);
  });
  return values.map((_, i) => i).sort(byKeyThenString(keys, values)).map((i) => values[i]);
}

function referencePositions(distinct: readonly string[], counts: readonly number[]): number[] {
  const keys = distinct.map((v, i) => Math.min(...Array.from({ length: counts[i] }, (_, copy) => copyKey(stringHash(v), copy))));
  return distinct.map((_, i) => i).sort(byKeyThenString(keys, distinct));
}

/** Long values that differ only in the middle hash alike (the hash reads 48 + 16 code units): ties broken on the string. */
const SAME_HASH = Array.from({ length: 6 }, (_, i) => `${'a'.repeat(50)}${'xyzuvw'[i]}${'b'.repeat(20)}`);
const value = fc.oneof(fc.constantFrom('a', 'b', 'anna@example.org', ' padded ', '', '漢字', ...SAME_HASH), fc.string({ maxLength: 12 }));

describe('canonical order', () => {
  it('the same rows hash alike, so the tie cases exist', () => {
    expect(new Set(SAME_HASH.map(stringHash)).size).toBe(1);
  });

  it('canonicalOrder sorts by copy key, then string, then position', () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 300 }), (values) => {
      expect(canonicalOrder(values)).toEqual(referenceOrder(values));
    }), { numRuns: 3000, seed: 3 });
  });

  it('canonicalPositions sorts distinct values by their first copy key, then string', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(value, { maxLength: 200 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 200, maxLength: 200 }),
        (distinct, counts) => {
          expect(canonicalPositions(distinct, counts)).toEqual(referencePositions(distinct, counts.slice(0, distinct.length)));
        },
      ),
      { numRuns: 2000, seed: 4 },
    );
  });
});

describe('the rules reuse the count of a sample the model made', () => {
  it('prepareValues after canonicalOrder of the same array equals prepareValues of a fresh copy', () => {
    const row = fc.oneof(value, fc.constantFrom(' ', '\t', ' a', 'a ', '\u00a0b'));
    let reused = 0;
    fc.assert(
      fc.property(fc.array(row, { maxLength: 250 }), (values) => {
        canonicalOrder(values);
        if (!values.some((v) => v !== v.trim())) reused++;
        // The plain parts (two prepared columns' memo slots never compare equal).
        const { distinct, counts, total } = prepareValues(values);
        const fresh = prepareValues([...values]);
        expect({ distinct, counts, total }).toEqual({ distinct: fresh.distinct, counts: fresh.counts, total: fresh.total });
      }),
      { numRuns: 3000, seed: 6 },
    );
    expect(reused).toBeGreaterThan(100);
  });
});

describe('entropy', () => {
  function referenceEntropy(text: string): number {
    const counts = new Map<string, number>();
    for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
    let bits = 0;
    for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
    return bits;
  }

  it('is the Map-counted Shannon entropy to the last bit, ASCII or not', () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40, unit: 'binary' }), fc.stringMatching(/^[A-Za-z0-9+/=_-]{8,40}$/));
    fc.assert(fc.property(text, (t) => Object.is(entropy(t), referenceEntropy(t))), { numRuns: 20000, seed: 5 });
    expect(entropy('aabbbc')).toBe(referenceEntropy('aabbbc'));
  });
});
