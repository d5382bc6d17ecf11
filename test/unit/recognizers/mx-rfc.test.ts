import { describe, expect, it } from 'vitest';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { COMPANY_ID_DAMPING } from '../../../src/classify/recognizers/company-id.js';
import { mxRfcRecognizer, rfcCheckCharacter, rfcValidity } from '../../../src/classify/recognizers/mx-rfc.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { reasonsFreeOf, run } from './column-options.js';

describe('Mexican RFC recognizer', () => {
  it.each([
    // published personal codes (persona física), spaced and lower case too
    ['GODE561231GR8', 1],
    ['AAAL730401TE0', 1],
    ['ZUTA 770215 LK0', 1],
    ['gode561231gr8', 1],
    // a wrong check character counts at half: about 1.5% of issued codes have one
    ['GODE561231GR9', 0.5],
    // not a date; the generic codes of the public and of foreigners
    ['GODE561331GR8', 0],
    ['XAXX010101000', 0],
    ['XEXX010101000', 0],
    // company codes (persona moral) are not personal ids
    ['VSM140430NQA', 0],
    ['CCM650122I06', 0],
    // look-alikes: a CURP, a product code, an order number, a date, a ledger code
    ['HEGG560427MVZRRL04', 0],
    ['SKU-561231-GR8', 0],
    ['PED2024011500', 0],
    ['2024-01-15', 0],
    ['4000-10', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(mxRfcRecognizer, value)).toBe(expected);
  });

  it('computes the mod-11 check character, a company code padded with a space', () => {
    expect(rfcCheckCharacter('GODE561231GR')).toBe('8');
    expect(rfcCheckCharacter('VSM140430NQ')).toBe('A');
    expect(rfcValidity('VSM140430NQA')).toBe(1);
    expect(rfcValidity('SIN9311169P8')).toBe(0.5);
  });

  it('reports personal codes as national ids and company codes as system.operations', () => {
    const people = ['GODE561231GR8', 'AAAL730401TE0', 'AACA700913KZ0', 'AACC421231BH1', 'AALC680929LH8', 'AARR621113SN7'];
    const companies = ['VSM140430NQA', 'CCM650122I06', 'AAA390128530', 'AAM090224BC2', '&JE040614N51', 'AA&0607148I0'];
    const [personal, ...none] = run(mxRfcRecognizer, 'clientes', { name: 'rfc', values: people });
    expect(personal).toMatchObject({ category: CATEGORY.nationalId, score: 1 });
    expect(none).toEqual([]);
    const [zero, company] = run(mxRfcRecognizer, 'proveedores', { name: 'rfc', values: companies });
    expect(zero).toMatchObject({ category: CATEGORY.nationalId, score: 0 });
    expect(company).toMatchObject({ category: CATEGORY.operations, score: COMPANY_ID_DAMPING });
    expect(company.reason).toMatch(/numbers of companies, not of people/);
    expect(reasonsFreeOf([personal, zero, company], [...people, ...companies])).toBe(true);
  });
});
