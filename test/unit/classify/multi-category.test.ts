import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { combineEvidence } from '../../../src/classify/combine.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import type { Evidence, Factor } from '../../../src/classify/types.js';
import { inputFor } from './column-input.js';

const ev = (factor: Factor, category: string, score: number, source = `test-${factor}-${category}`): Evidence => ({ factor, category, score, source, reason: `${factor} says ${category}` });

describe('several categories for one field', () => {
  it('proposes every category one recognizer found in the same values, weakest confidence first to last', () => {
    const result = combineEvidence([ev('values', CATEGORY.email, 0.85, 'free-text'), ev('values', CATEGORY.phone, 0.7, 'free-text'), ev('values', CATEGORY.name, 0.3, 'free-text')]);
    expect(result.categories).toEqual([CATEGORY.email, CATEGORY.phone]);
    expect(result.confidence).toBe(0.7);
    expect(result.alternatives.map((a) => a.category)).toEqual([CATEGORY.name]);
    expect(result.evidence.map((e) => e.category)).toEqual([CATEGORY.email, CATEGORY.phone]);
  });

  it('keeps one category when different recognizers disagree', () => {
    const result = combineEvidence([ev('values', CATEGORY.firstName, 0.9, 'first-name'), ev('values', CATEGORY.lastName, 0.8, 'last-name')]);
    expect(result.categories).toEqual([CATEGORY.firstName]);
    expect(result.alternatives.map((a) => a.category)).toEqual([CATEGORY.lastName]);
  });

  it('never pairs a personal category with system.operations', () => {
    const result = combineEvidence([ev('values', CATEGORY.uniqueId, 0.9, 'uuid'), ev('values', CATEGORY.operations, 0.8, 'uuid')]);
    expect(result.categories).toEqual([CATEGORY.uniqueId]);
  });

  it('classifies a notes column holding emails and phone numbers as both', async () => {
    faker.seed(91);
    const phone = () => {
      for (;;) {
        const p = faker.phone.number({ style: 'international' });
        if (parsePhoneNumberFromString(p)?.isValid()) return p;
      }
    };
    const values = Array.from({ length: 200 }, (_, i) =>
      i < 40 ? `Customer asked us to use ${faker.internet.email()} from now on.`
        : i < 70 ? `Call back on ${phone()} after lunch regarding the refund.`
          : `Asked about the ${faker.commerce.productName()} delivery times again.`);
    const [result] = await createHeuristicClassifier().classify([inputFor('support_tickets', { name: 'notes', values })]);
    expect(result.categories).toEqual([CATEGORY.email, CATEGORY.phone]);
    expect(result.evidence.some((e) => e.reason === '20% of 200 sampled texts contain an email address')).toBe(true);
    const [plain] = await createHeuristicClassifier().classify([inputFor('customers', { name: 'email', values: Array.from({ length: 200 }, () => faker.internet.email()) })]);
    expect(plain.categories).toEqual([CATEGORY.email]);
  });
});
