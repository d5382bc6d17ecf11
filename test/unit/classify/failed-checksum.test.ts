/**
 * Issue 15, failure class 2: a column named for a national id or a phone number whose values have the
 * right shape but fail the checksum (test data, invalid area numbers) keeps the category its name
 * gives, at lower confidence, with evidence saying the check failed. Values of another kind still
 * count against the name, and the same values under a neutral name are not ids.
 */
import { describe, expect, it } from 'vitest';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { validCpf } from '../../../src/classify/recognizers/br-cpf.js';
import { validPesel } from '../../../src/classify/recognizers/pl-pesel.js';
import type { FieldClassification } from '../../../src/classify/types.js';
import { inputFor } from './column-input.js';

const classifier = createHeuristicClassifier();
const classify = async (table: string, name: string, values: readonly string[]): Promise<FieldClassification> =>
  (await classifier.classify([inputFor(table, { name, values })]))[0];
const N = 60;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Eleven digits from nine: the first check digit pair for which `valid` gives `wanted`. */
const withChecks = (nine: string, valid: (v: string) => boolean, wanted: boolean) =>
  [...Array(100).keys()].map((n) => nine + pad(n, 2)).find((v) => valid(v) === wanted)!;
const cpfPrinted = (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;

/** Per column name: values of the right shape that fail the check, and valid ones of the same shape. */
const COLUMNS: Record<string, { category: string; failing: string[]; valid: string[] }> = {
  cpf: {
    category: CATEGORY.nationalId,
    failing: Array.from({ length: N }, (_, i) => cpfPrinted(withChecks(pad(314159 + i * 7919, 9), validCpf, false))),
    valid: Array.from({ length: N }, (_, i) => cpfPrinted(withChecks(pad(314159 + i * 7919, 9), validCpf, true))),
  },
  ssn: {
    category: CATEGORY.nationalId,
    // Area numbers 900-999 are never issued (the usual fake-SSN range).
    failing: Array.from({ length: N }, (_, i) => `9${pad(i, 2)}-${pad(10 + i, 2)}-${pad(1000 + i * 37, 4)}`),
    valid: Array.from({ length: N }, (_, i) => `${pad(100 + i * 7, 3)}-${pad(10 + i, 2)}-${pad(1000 + i * 37, 4)}`),
  },
  pesel: {
    category: CATEGORY.nationalId,
    // Real birth dates, wrong check digit.
    failing: Array.from({ length: N }, (_, i) => withChecks(`${pad(50 + (i % 40), 2)}${pad(1 + (i % 12), 2)}${pad(1 + (i % 28), 2)}${pad(100 + i, 3)}`, validPesel, false)),
    valid: Array.from({ length: N }, (_, i) => withChecks(`${pad(50 + (i % 40), 2)}${pad(1 + (i % 12), 2)}${pad(1 + (i % 28), 2)}${pad(100 + i, 3)}`, validPesel, true)),
  },
  national_id: {
    category: CATEGORY.nationalId,
    failing: Array.from({ length: N }, (_, i) => `000-${pad(10 + i, 2)}-${pad(1000 + i * 37, 4)}`),
    valid: Array.from({ length: N }, (_, i) => `${pad(100 + i * 7, 3)}-${pad(10 + i, 2)}-${pad(1000 + i * 37, 4)}`),
  },
  phone: {
    category: CATEGORY.phone,
    // NANP area codes never start with 0 or 1.
    failing: Array.from({ length: N }, (_, i) => `(1${pad(i % 100, 2)}) ${pad(200 + i, 3)}-${pad(1000 + i * 37, 4)}`),
    valid: Array.from({ length: N }, (_, i) => `(212) ${pad(200 + i, 3)}-${pad(1000 + i * 37, 4)}`),
  },
};

describe('a column name for an id or phone number, with values that fail its check', () => {
  it.each(Object.keys(COLUMNS))('%s: keeps the named category at lower confidence, saying the check failed', async (name) => {
    const { category, failing, valid } = COLUMNS[name];
    const withValid = await classify('customers', name, valid);
    const result = await classify('customers', name, failing);
    expect(withValid.categories).toEqual([category]);
    expect(result.categories).toEqual([category]);
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
    expect(result.confidence).toBeLessThan(withValid.confidence - 0.2);
    const failed = result.evidence.find((e) => e.corroborating);
    expect(failed).toMatchObject({ factor: 'values', category });
    expect(failed!.reason).toMatch(/have the shape of .* but fail .*: test data or invalid numbers/);
    const text = result.evidence.map((e) => e.reason).join('\n');
    for (const v of failing) expect(text).not.toContain(v);
  });

  it.each(Object.keys(COLUMNS))('%s: the same failing values under a neutral name are not personal', async (name) => {
    const result = await classify('t1', 'c7', COLUMNS[name].failing);
    expect(result.categories).toEqual([CATEGORY.operations]);
    expect(result.evidence.some((e) => e.corroborating)).toBe(false);
  });

  it('values of a clearly different kind still count against the name (emails in a column named ssn)', async () => {
    const emails = Array.from({ length: N }, (_, i) => `person${i}@example.com`);
    const result = await classify('customers', 'ssn', emails);
    expect(result.categories).toEqual([CATEGORY.email]);
  });
});

describe('ledger account and posting codes (failure class 5)', () => {
  const chart = ['4000-10', '4000-20', '1200.001', '6100-200-300', '2100', '5000.10'];
  const codes = {
    printed: Array.from({ length: 120 }, (_, i) => chart[i % chart.length]),
    nineDigits: Array.from({ length: 120 }, (_, i) => String(400010000 + (i % 40) * 1013)),
    elevenDigits: Array.from({ length: 120 }, (_, i) => String(40001000000 + (i % 40) * 1013)),
  };
  it.each([
    ['gl_postings', 'posting_code', 'printed'],
    ['gl_postings', 'posting_code', 'elevenDigits'],
    ['ledger_entries', 'gl_account', 'nineDigits'],
    ['buchungen', 'konto', 'nineDigits'],
  ] as const)('%s.%s of %s ledger codes is not personal', async (table, name, kind) => {
    expect((await classify(table, name, codes[kind])).categories).toEqual([CATEGORY.operations]);
  });

  it.each(['printed', 'nineDigits', 'elevenDigits'] as const)('account_no of %s ledger codes is no id, card or phone number', async (kind) => {
    const result = await classify('ledger', 'account_no', codes[kind]);
    for (const category of [CATEGORY.nationalId, CATEGORY.creditCard, CATEGORY.phone, CATEGORY.bankAccount]) expect(result.categories).not.toContain(category);
  });
});
