import { describe, expect, it } from 'vitest';
import { defineRecognizer, evaluateRecognizer, evaluateRecognizerEvidence, prepareValues, SHAPE_ONLY_CREDIT, wilsonHalfWidth } from '../../../src/classify/recognizers/recognizer.js';
import { nameEvidence } from '../../../src/classify/name/name-rules.js';
import { tokenizeName } from '../../../src/classify/name/tokenize.js';

/** A recognizer of `code-<n>` values whose validator passes even numbers only when `evenOnly`. */
function codes(evenOnly: boolean, maxValidated?: number, validates?: string) {
  const calls = { n: 0 };
  const recognizer = defineRecognizer({
    id: 'test-code',
    category: 'user.unique_id',
    noun: 'codes',
    patterns: [{ name: 'code', regex: /^code-\d+$/, score: 1 }],
    validate: (value: string) => {
      calls.n++;
      return !evenOnly || Number(value.slice(5)) % 2 === 0;
    },
    maxValidated,
    validates,
  });
  return { recognizer, calls };
}
const column = (n: number) => prepareValues(Array.from({ length: n }, (_, i) => `code-${i}`));

describe('evaluateRecognizer estimation', () => {
  it.each([
    [1, 40, 0.0438],
    [0.5, 120, 0.0881],
    [0.98, 60, 0.0449],
  ])('Wilson half-width of share %f over %i values is about %f', (share, n, expected) => {
    expect(wilsonHalfWidth(share, n)).toBeCloseTo(expected, 3);
  });

  it('stops once the share is settled, and checks every value when asked to', () => {
    const { recognizer, calls } = codes(false);
    const settled = evaluateRecognizer(recognizer, column(200));
    expect(settled?.score).toBe(1);
    expect(settled?.reason).toMatch(/estimated from 40 distinct values/);
    expect(calls.n).toBe(40);
    const all = evaluateRecognizer(recognizer, column(200), { maxDistinct: Infinity });
    expect(all?.score).toBe(1);
    expect(all?.reason).toBe('100% of 200 sampled values are codes');
  });

  it('keeps checking while the share is uncertain', () => {
    const { recognizer } = codes(true);
    const mixed = evaluateRecognizer(recognizer, column(200));
    expect(mixed?.reason).toMatch(/estimated from 120 distinct values/);
    // 120 of the 200 values, picked in canonical (hash) order: the share is an estimate within its interval.
    expect(Math.abs(mixed!.score - 0.5)).toBeLessThanOrEqual(wilsonHalfWidth(0.5, 120));
  });

  it('validates only the first maxValidated values when they all agree, and estimates the rest', () => {
    const valid = codes(false, 16);
    const found = evaluateRecognizer(valid.recognizer, column(30), { maxDistinct: Infinity });
    expect(valid.calls.n).toBe(16);
    expect(found?.score).toBe(1);
    expect(found?.reason).toMatch(/validity estimated from 16 values/);
    // A mixed pass rate keeps validating: the result is the exact share.
    const mixed = codes(true, 16);
    const share = evaluateRecognizer(mixed.recognizer, column(30), { maxDistinct: Infinity });
    expect(mixed.calls.n).toBe(30);
    expect(share?.score).toBe(0.5);
    expect(share?.reason).not.toMatch(/estimated/);
  });
});

describe('evaluateRecognizerEvidence: values of the right shape that fail the check', () => {
  const oddOnly = (n: number) => prepareValues(Array.from({ length: n }, (_, i) => `code-${2 * i + 1}`));

  it('reports them as corroborating evidence at SHAPE_ONLY_CREDIT, for recognizers that say what they validate', () => {
    const { recognizer } = codes(true, undefined, 'the even rule');
    const [found, shaped] = evaluateRecognizerEvidence(recognizer, oddOnly(50), { maxDistinct: Infinity });
    // Like values that match nothing, they are probed: 20 distinct values without a valid one settle it.
    expect(found).toMatchObject({ score: 0, reason: 'none of 20 of 50 distinct sampled values checked are codes' });
    expect(shaped).toMatchObject({ category: 'user.unique_id', source: 'test-code', score: SHAPE_ONLY_CREDIT, corroborating: true });
    expect(shaped.reason).toMatch(/^100% of 50 sampled values have the shape of codes but fail the even rule \(estimated from 20 distinct values\): test data or invalid numbers/);
    // evaluateRecognizer keeps giving the validity share alone.
    expect(evaluateRecognizer(recognizer, oddOnly(50))).toEqual(found);
  });

  it('gives none without `validates`, and none when valid values say more', () => {
    expect(evaluateRecognizerEvidence(codes(true).recognizer, oddOnly(50))).toHaveLength(1);
    const mixed = evaluateRecognizerEvidence(codes(true, undefined, 'the even rule').recognizer, column(50), { maxDistinct: Infinity });
    expect(mixed.map((e) => e.score)).toEqual([0.5]);
  });

  it('estimates them from the validated values beyond the validation budget', () => {
    const { recognizer, calls } = codes(true, 16, 'the even rule');
    const [, shaped] = evaluateRecognizerEvidence(recognizer, oddOnly(30), { maxDistinct: Infinity });
    expect(calls.n).toBe(16);
    expect(shaped.score).toBe(SHAPE_ONLY_CREDIT);
  });
});

describe('nameEvidence memo', () => {
  it('gives equal but separate evidence for the same column name in different tables', () => {
    const ctx = (tableName: string) => ({ columnName: 'cust_email', tokens: tokenizeName('cust_email'), tableName, tableSubject: 'person' as const });
    const a = nameEvidence(ctx('customers'));
    const b = nameEvidence(ctx('clients'));
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(b[0]).not.toBe(a[0]);
    // Worker tables score some rules differently: they are not served from another table's entry.
    expect(nameEvidence({ ...ctx('employees'), columnName: 'title', tokens: tokenizeName('title') })).not.toEqual(nameEvidence({ ...ctx('customers'), columnName: 'title', tokens: tokenizeName('title') }));
  });
});
