import { describe, expect, it } from 'vitest';
import { scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import { COMPANY_ID_DAMPING } from '../../../src/classify/recognizers/company-id.js';
import { inPanRecognizer } from '../../../src/classify/recognizers/in-pan.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { run } from './column-options.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);

describe('Indian PAN recognizer', () => {
  it.each([
    // individuals (fourth letter P), spaced or lower case too
    ['ABCPE1234F', 0.85],
    ['AAPPV8261K', 0.85],
    ['abmpa3211g', 0.85],
    ['ACUPA 7085R', 0.85],
    // entities: company, firm, trust, HUF are not personal (scored by the column check below)
    ['AAKFD7113K', 0],
    ['AABCT1234Q', 0],
    ['AAATA1234B', 0],
    // no holder type M or S; digits 0000
    ['DJPMS1234Z', 0],
    ['AAASA1111R', 0],
    ['ABCPE0000F', 0],
    // wrong shape
    ['ABCD1234', 0],
    ['A1111DFSFS', 0],
    ['ABCPE12345', 0],
    // look-alikes: a vehicle number, a GSTIN, an IFSC code, an order code, a ledger code
    ['MH12AB1234', 0],
    ['27ABCPE1234F1Z5', 0],
    ['SBIN0001234', 0],
    ['ORDER1234A', 0],
    ['GL4000-10', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(inPanRecognizer, value)).toBe(expected);
  });

  it('reports individuals as national ids and entities as system.operations', () => {
    expect(scoreValue(inPanRecognizer, 'ABCPE1234F', inContext(inPanRecognizer))).toBe(1);
    const people = ['ABCPE1234F', 'AAPPV8261K', 'ABMPA3211G', 'ACUPA7085R', 'AFZPK7190K'];
    const firms = ['AAKFD7113K', 'AABCT1234Q', 'AAATA1234B', 'AAGCS5678M', 'AAHFR4321L'];
    expect(run(inPanRecognizer, 'customers', { name: 'pan', values: people })).toMatchObject([{ category: CATEGORY.nationalId, score: 1 }]);
    const [zero, entity] = run(inPanRecognizer, 'vendors', { name: 'pan', values: firms });
    expect(zero).toMatchObject({ category: CATEGORY.nationalId, score: 0 });
    expect(entity).toMatchObject({ category: CATEGORY.operations, score: COMPANY_ID_DAMPING });
  });
});
