import { describe, expect, it } from 'vitest';
import { companyIdEvidence, COMPANY_ID_DAMPING } from '../../../src/classify/recognizers/company-id.js';
import { defineRecognizer, prepareValues } from '../../../src/classify/recognizers/recognizer.js';
import { CATEGORY } from '../../../src/classify/categories.js';

const companies = defineRecognizer({
  id: 'test-company',
  category: CATEGORY.operations,
  noun: 'company numbers',
  patterns: [{ name: 'CO-digits', regex: /^CO-\d{4}$/, score: 1 }],
  validate: (value: string) => value !== 'CO-0000',
});

describe('companyIdEvidence', () => {
  it.each([
    [['CO-1001', 'CO-1002', 'CO-1003', 'CO-1004', 'CO-1005', 'CO-1006'], COMPANY_ID_DAMPING],
    [['CO-1001', 'CO-1002', 'CO-1003', 'CO-1004', 'CO-1005', 'v', 'w', 'x', 'y', 'z'], 0.4],
  ])('scores %j at the share of company numbers, damped: %d', (values, score) => {
    const [found] = companyIdEvidence(companies, prepareValues(values), { maxDistinct: Infinity });
    expect(found).toMatchObject({ factor: 'values', category: CATEGORY.operations, source: 'test-company', score });
    expect(found.reason).toMatch(/are company numbers.*; numbers of companies, not of people$/);
  });

  it.each([
    [['CO-0000', 'CO-0000', 'CO-0000']],
    [['alice', 'bob', 'carol']],
    [['CO-1001', 'CO-1002']],
  ])('gives no evidence without a valid company number (or too few values): %j', (values) => {
    expect(companyIdEvidence(companies, prepareValues(values), {})).toEqual([]);
  });
});
