import { describe, expect, it } from 'vitest';
import { evaluateRecognizer, prepareValues, scoreValue, type ValueRecognizer } from '../../../src/classify/recognizers/recognizer.js';
import { brCpfRecognizer, validCpf } from '../../../src/classify/recognizers/br-cpf.js';
import { CATEGORY } from '../../../src/classify/categories.js';

/** Pattern scores when the column name carries one of the recognizer's context words. */
const inContext = (r: ValueRecognizer) => r.patterns.map((p) => p.contextScore ?? p.score);
/** The CPF of nine digits: the one pair of check digits that validates. */
const cpfOf = (nine: string) => [...Array(100).keys()].map((n) => nine + String(n).padStart(2, '0')).find(validCpf)!;

describe('Brazilian CPF recognizer', () => {
  it.each([
    // published examples (Receita Federal's worked example, a widely used test number)
    ['111.444.777-35', 1],
    ['529.982.247-25', 1],
    ['52998224725', 0.85],
    ['11144477735', 0.85],
    // other separators
    ['529982247-25', 0.6],
    ['529 982 247 25', 0.6],
    ['529.982.247.25', 0.6],
    // a wrong check digit, either one
    ['529.982.247-24', 0],
    ['529.982.247-15', 0],
    ['11144477734', 0],
    // one digit repeated passes the check but is never issued
    ['111.111.111-11', 0],
    ['00000000000', 0],
    // wrong length or shape
    ['529.982.247-2', 0],
    ['5299822472', 0],
    ['529.98.2247-25', 0],
    // look-alikes: phone numbers, a CNPJ, order numbers, amounts, dates, ledger codes
    ['(11) 98765-4321', 0],
    ['+55 11 98765-4321', 0],
    ['11987654321', 0],
    ['11.222.333/0001-81', 0],
    ['ORD-2024-000123', 0],
    ['1.234.567,89', 0],
    ['2024-01-15', 0],
    ['4000-10', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(brCpfRecognizer, value)).toBe(expected);
  });

  it('checks both mod-11 check digits, a remainder below 2 giving 0', () => {
    expect(validCpf('11144477735')).toBe(true);
    expect(cpfOf('111444777')).toBe('11144477735');
    // 000000001: first remainder 2·1 = 2 → 9; the second over 0000000019 → 1.
    expect(cpfOf('000000001')).toBe('00000000191');
    expect(validCpf('000.000.001-91')).toBe(true);
    expect(scoreValue(brCpfRecognizer, '52998224725', inContext(brCpfRecognizer))).toBe(1);
    expect(brCpfRecognizer.country).toBe('br');
  });

  it('scores a column of CPFs, and not a column of phone numbers', () => {
    const cpfs = Array.from({ length: 40 }, (_, i) => cpfOf(String(314159265 + i * 7919).padStart(9, '0')));
    const found = evaluateRecognizer(brCpfRecognizer, prepareValues(cpfs), { nameTokens: ['cpf'] })!;
    expect(found).toMatchObject({ category: CATEGORY.nationalId, score: 1 });
    const mobiles = Array.from({ length: 40 }, (_, i) => `119${String(87654321 + i * 104729).slice(0, 8)}`);
    expect(evaluateRecognizer(brCpfRecognizer, prepareValues(mobiles))!.score).toBeLessThan(0.1);
  });
});
