/**
 * The combination policy's steps that use the subject graph (classify/combine.ts; issue 15 class 2):
 * a strong name on a person's row whose values merely did not confirm it keeps its category at lower
 * confidence, saying so; values that clearly are another category still win; tables without people
 * damp personal proposals; and every proposal records the weights it applied, so that a reviewer can
 * recompute its confidence from the file.
 */
import { describe, expect, it } from 'vitest';
import { combineEvidence, DEFAULT_COMBINE_CONFIG, STRONG_NAME_KEEP } from '../../../src/classify/combine.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import type { Evidence, Factor, FieldClassification } from '../../../src/classify/types.js';

const ev = (factor: Factor, category: string, score: number, extra: Partial<Evidence> = {}): Evidence => ({
  factor,
  category,
  score,
  source: `test-${factor}`,
  reason: `${factor} says ${category}`,
  ...extra,
});
const HEALTH = 'user.health_and_medical';
const PERSON_ROWS = 'table customers holds people';

/** Σ weight·score / Σ weight over the recorded factors, as a reviewer reads them from the file. */
function recomputed(result: FieldClassification): number {
  const weights = result.weights ?? {};
  let sum = 0;
  let weightSum = 0;
  for (const [factor, score] of Object.entries(result.factors)) {
    const weight = weights[factor as Factor];
    expect(weight, `weight of ${factor}`).toBeDefined();
    sum += weight! * (score ?? 0);
    weightSum += weight!;
  }
  return Math.round((sum / weightSum) * 100) / 100;
}

describe('strong names on a person\'s row (class 2)', () => {
  // A phone column of test data: the name says phone, the values fail the phone check.
  const failedPhone = [ev('name', CATEGORY.phone, 0.95), ev('values', CATEGORY.phone, 0, { reason: '0% of 40 sampled values are valid phone numbers' })];

  it('keeps the name\'s category at lower confidence when values did not confirm it, and says why', () => {
    const alone = combineEvidence(failedPhone);
    expect(alone.categories).toEqual([CATEGORY.operations]);
    const kept = combineEvidence(failedPhone, DEFAULT_COMBINE_CONFIG, { personRows: PERSON_ROWS });
    expect(kept.categories).toEqual([CATEGORY.phone]);
    expect(kept.confidence).toBe(Math.round(0.95 * STRONG_NAME_KEEP * 100) / 100);
    expect(kept.confidence).toBeLessThan(0.95);
    const note = kept.evidence.find((e) => e.source === 'combine-policy');
    expect(note?.reason).toContain(`values did not confirm '${CATEGORY.phone}'`);
    expect(note?.reason).toContain(PERSON_ROWS);
    expect(kept.weights).toEqual({ name: STRONG_NAME_KEEP });
  });

  it('keeps a last name whose synthetic values look a little like user names', () => {
    const evidence = [ev('name', CATEGORY.lastName, 0.9), ev('values', CATEGORY.username, 0.4)];
    expect(combineEvidence(evidence, DEFAULT_COMBINE_CONFIG, { personRows: PERSON_ROWS }).categories).toEqual([CATEGORY.lastName]);
  });

  it('lets values that clearly are another category win (emails in a column named phone)', () => {
    const evidence = [...failedPhone, ev('values', CATEGORY.email, 0.98)];
    expect(combineEvidence(evidence, DEFAULT_COMBINE_CONFIG, { personRows: PERSON_ROWS }).categories).toEqual([CATEGORY.email]);
  });

  it('does not keep a weak name', () => {
    const evidence = [ev('name', CATEGORY.phone, 0.6), ev('values', CATEGORY.phone, 0)];
    expect(combineEvidence(evidence, DEFAULT_COMBINE_CONFIG, { personRows: PERSON_ROWS }).categories).toEqual([CATEGORY.operations]);
  });
});

describe('tables without people', () => {
  it("damps a place's contact details, but not a reference the graph resolved to a person", () => {
    const notPerson = { score: 0.8, because: 'table warehouses is a list of places' };
    const phone = combineEvidence([ev('name', CATEGORY.phone, 0.9), ev('values', CATEGORY.phone, 0.9)], DEFAULT_COMBINE_CONFIG, { notPerson });
    expect(phone.categories).toEqual([CATEGORY.operations]);
    expect(phone.evidence[0].reason).toContain('table warehouses is a list of places');
    const reference = combineEvidence([ev('subject', CATEGORY.uniqueId, 0.85)], DEFAULT_COMBINE_CONFIG, { notPerson });
    expect(reference.categories).toEqual([CATEGORY.uniqueId]);
  });
});

describe('recorded weights', () => {
  it.each([
    ['name and values', [ev('name', CATEGORY.email, 0.9), ev('values', CATEGORY.email, 1), ev('type', CATEGORY.email, 0.6)]],
    ['the graph and a name', [ev('subject', CATEGORY.uniqueId, 0.85), ev('name', CATEGORY.uniqueId, 0.7), ev('values', CATEGORY.uniqueId, 0.5)]],
    ['a domain category', [ev('subject', HEALTH, 0.8), ev('values', HEALTH, 0.6)]],
  ])('give back the confidence from factors and weights (%s)', (_label, evidence) => {
    const result = combineEvidence(evidence);
    expect(Object.keys(result.weights ?? {}).sort()).toEqual(Object.keys(result.factors).sort());
    expect(recomputed(result)).toBe(result.confidence);
  });

  it('weights the subject graph as one more factor', () => {
    expect(DEFAULT_COMBINE_CONFIG.weights.subject).toBeGreaterThan(0);
    const result = combineEvidence([ev('subject', HEALTH, 0.8), ev('values', HEALTH, 0.6)]);
    expect(result.weights).toEqual({ values: DEFAULT_COMBINE_CONFIG.weights.values, subject: DEFAULT_COMBINE_CONFIG.weights.subject });
  });
});
