import { describe, expect, it } from 'vitest';
import { combineEvidence, DEFAULT_COMBINE_CONFIG, explainFallback } from '../../../src/classify/combine.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import type { Evidence, Factor } from '../../../src/classify/types.js';

const ev = (factor: Factor, category: string, score: number, veto = false): Evidence => ({
  factor,
  category,
  score,
  source: `test-${factor}`,
  reason: `${factor} says ${category}`,
  ...(veto ? { veto } : {}),
});

describe('combineEvidence', () => {
  it('weights factors and keeps the per-factor breakdown and evidence', () => {
    const result = combineEvidence([ev('name', CATEGORY.email, 0.9), ev('values', CATEGORY.email, 1)]);
    const { name, values } = DEFAULT_COMBINE_CONFIG.weights;
    expect(result.categories).toEqual([CATEGORY.email]);
    expect(result.confidence).toBeCloseTo((name * 0.9 + values * 1) / (name + values), 2);
    expect(result.factors).toEqual({ name: 0.9, values: 1 });
    expect(result.evidence.map((e) => e.factor)).toEqual(['name', 'values']);
  });

  it('renormalises over the factors that had input (a cryptic name with clear values)', () => {
    const result = combineEvidence([ev('values', CATEGORY.email, 0.97)]);
    expect(result.categories).toEqual([CATEGORY.email]);
    expect(result.confidence).toBe(0.97);
    expect(result.factors).toEqual({ values: 0.97 });
  });

  it('caps confidence from metadata alone (an empty table)', () => {
    const result = combineEvidence([ev('name', CATEGORY.email, 0.95)]);
    expect(result.categories).toEqual([CATEGORY.email]);
    expect(result.confidence).toBe(DEFAULT_COMBINE_CONFIG.metadataOnlyCap);
  });

  it('counts values that were checked and did not match as a zero', () => {
    const result = combineEvidence([ev('name', CATEGORY.email, 0.95), ev('values', CATEGORY.email, 0)]);
    expect(result.categories).toEqual([CATEGORY.operations]);
    expect(result.alternatives[0]).toMatchObject({ category: CATEGORY.email, factors: { name: 0.95, values: 0 } });
    expect(result.evidence.some((e) => e.factor === 'values' && e.score === 0)).toBe(true);
  });

  it('lets a name that names something else count against other categories', () => {
    const result = combineEvidence([ev('name', CATEGORY.phone, 0.9), ev('values', CATEGORY.phone, 0), ev('values', CATEGORY.email, 1)]);
    expect(result.categories).toEqual([CATEGORY.email]);
    expect(result.factors).toEqual({ name: 0, values: 1 });
  });

  it('respects vetoes and reports them', () => {
    const result = combineEvidence([ev('name', CATEGORY.email, 0.95), ev('type', CATEGORY.email, 0, true)]);
    expect(result.categories).toEqual([CATEGORY.operations]);
    expect(result.alternatives).toEqual([]);
    expect(result.evidence.some((e) => e.veto)).toBe(true);
  });

  it('falls back to system.operations with low confidence below the threshold', () => {
    const result = combineEvidence([ev('values', CATEGORY.postalCode, 0.2)]);
    expect(result.categories).toEqual([CATEGORY.operations]);
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.alternatives).toEqual([{ category: CATEGORY.postalCode, confidence: 0.2, factors: { values: 0.2 } }]);
    expect(result.evidence).toHaveLength(1);
    expect(combineEvidence([]).categories).toEqual([CATEGORY.operations]);
  });

  it('type only supports; it does not propose on its own', () => {
    const result = combineEvidence([ev('type', CATEGORY.ipAddress, 1)]);
    expect(result.categories).toEqual([CATEGORY.operations]);
    const supported = combineEvidence([ev('values', CATEGORY.ipAddress, 0.8), ev('type', CATEGORY.ipAddress, 1)]);
    expect(supported.confidence).toBeGreaterThan(0.8);
  });

  it('lists at most three alternatives, best first, ties broken by category key', () => {
    const result = combineEvidence([
      ev('values', CATEGORY.firstName, 0.9),
      ev('values', CATEGORY.lastName, 0.4),
      ev('values', CATEGORY.city, 0.4),
      ev('values', CATEGORY.state, 0.3),
      ev('values', CATEGORY.country, 0.1),
    ]);
    expect(result.categories).toEqual([CATEGORY.firstName]);
    expect(result.alternatives.map((a) => a.category)).toEqual([CATEGORY.city, CATEGORY.lastName, CATEGORY.state]);
  });

  it('honours a custom threshold and weights', () => {
    const config = { ...DEFAULT_COMBINE_CONFIG, threshold: 0.95, weights: { ...DEFAULT_COMBINE_CONFIG.weights, name: 1, values: 1 } };
    const result = combineEvidence([ev('name', CATEGORY.email, 0.8), ev('values', CATEGORY.email, 1)], config);
    expect(result.categories).toEqual([CATEGORY.operations]);
    expect(result.alternatives[0].confidence).toBe(0.9);
  });

  it('counts corroborating evidence (right shape, failed checksum) only for a category the name names', () => {
    const shapeOnly: Evidence = { ...ev('values', CATEGORY.nationalId, 0.5), corroborating: true };
    const named = combineEvidence([ev('name', CATEGORY.nationalId, 0.9), ev('values', CATEGORY.nationalId, 0), shapeOnly]);
    expect(named.categories).toEqual([CATEGORY.nationalId]);
    expect(named.factors).toEqual({ name: 0.9, values: 0.5 });
    expect(named.evidence).toContain(shapeOnly);
    // Without the name it proposes nothing and is not shown.
    const unnamed = combineEvidence([ev('values', CATEGORY.nationalId, 0), shapeOnly]);
    expect(unnamed.categories).toEqual([CATEGORY.operations]);
    expect(unnamed.alternatives).toEqual([]);
    expect(unnamed.evidence).not.toContain(shapeOnly);
    // A name that names another category does not make it count either.
    const other = combineEvidence([ev('name', CATEGORY.phone, 0.9), shapeOnly]);
    expect(other.evidence).not.toContain(shapeOnly);
    expect(other.alternatives.map((a) => a.category)).not.toContain(CATEGORY.nationalId);
  });
});

describe('explainFallback', () => {
  const examined = { type: 'integer', judgedValues: 200 };

  it('gives a field where nothing personal was found a reason and a factor', () => {
    const nothing = combineEvidence([ev('values', CATEGORY.email, 0)]);
    expect(nothing).toMatchObject({ categories: [CATEGORY.operations], factors: {}, evidence: [] });
    const explained = explainFallback(nothing, examined);
    expect(explained.factors).toEqual({ values: nothing.confidence });
    expect(explained.evidence).toEqual([
      { factor: 'values', category: CATEGORY.operations, score: nothing.confidence, source: 'threshold', reason: 'no personal data found in the column name, its type (integer) or 200 sampled values' },
    ]);
    expect(explainFallback(nothing, { type: 'text', judgedValues: 0 }).evidence[0]).toMatchObject({
      factor: 'name',
      reason: 'no personal data found in the column name or its type (text); no values to judge',
    });
  });

  it('names the closest category when one fell short of the threshold, and keeps what was considered', () => {
    const short = combineEvidence([ev('values', CATEGORY.phone, 0.3)]);
    const explained = explainFallback(short, examined);
    expect(explained.evidence[0].reason).toBe(`no category reached the threshold 0.5 (closest: ${CATEGORY.phone} at 0.3)`);
    expect(explained.evidence.slice(1)).toEqual(short.evidence);
  });

  it('says what was ruled out', () => {
    const vetoed = combineEvidence([ev('name', CATEGORY.email, 0.9), ev('type', CATEGORY.email, 0, true)]);
    expect(explainFallback(vetoed, examined).evidence[0].reason).toBe(`nothing personal left once ${CATEGORY.email} was ruled out`);
  });

  it('leaves proposals with their own factors alone', () => {
    const found = combineEvidence([ev('values', CATEGORY.email, 0.97)]);
    expect(explainFallback(found, examined)).toBe(found);
  });
});
