import { describe, expect, it } from 'vitest';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { brCnpjRecognizer, validCnpj } from '../../../src/classify/recognizers/br-cnpj.js';
import { COMPANY_ID_DAMPING } from '../../../src/classify/recognizers/company-id.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { reasonsFreeOf, run } from './column-options.js';

/** The CNPJ of twelve characters: the one pair of check digits that validates. */
const cnpjOf = (twelve: string) => [...Array(100).keys()].map((n) => twelve + String(n).padStart(2, '0')).find(validCnpj)!;
const printed = (c: string) => `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;

describe('Brazilian CNPJ recognizer', () => {
  it.each([
    // published numbers, printed and bare; the alphanumeric example of the Receita Federal (from 2026)
    ['11.222.333/0001-81', 1],
    ['07.195.358/0001-66', 1],
    ['61882613000194', 0.85],
    ['12.ABC.345/01DE-35', 1],
    ['12ABC34501DE35', 0.6],
    // a wrong check digit
    ['11.222.333/0001-82', 0],
    ['61882613000195', 0],
    ['12ABC34501DE36', 0],
    // one digit repeated, all zeros
    ['11.111.111/1111-11', 0],
    ['00000000000000', 0],
    // look-alikes: a CPF, a card number, phone numbers, dates, ledger codes
    ['529.982.247-25', 0],
    ['4111 1111 1111 1111', 0],
    ['+55 11 98765-4321', 0],
    ['2024-01-15', 0],
    ['1200.001', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(brCnpjRecognizer, value)).toBe(expected);
  });

  it('computes both check digits, letters counting as their code minus 48', () => {
    expect(cnpjOf('112223330001')).toBe('11222333000181');
    expect(cnpjOf('12ABC34501DE')).toBe('12ABC34501DE35');
    expect(validCnpj('12abc34501de35')).toBe(true);
  });

  it('reports a column of CNPJs as system.operations, damped, and says nothing about other columns', () => {
    const values = Array.from({ length: 30 }, (_, i) => printed(cnpjOf(`${String(10000000 + i * 7919)}0001`)));
    const [found, ...rest] = run(brCnpjRecognizer, 'fornecedores', { name: 'documento', values });
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ factor: 'values', category: CATEGORY.operations, source: 'br-cnpj', score: COMPANY_ID_DAMPING });
    expect(found.reason).toMatch(/100% of 30 sampled values are valid Brazilian company registration numbers \(CNPJ\); numbers of companies, not of people/);
    expect(reasonsFreeOf([found], values)).toBe(true);
    expect(run(brCnpjRecognizer, 'clientes', { name: 'cpf', values: ['529.982.247-25', '111.444.777-35', '000.000.001-91'] })).toEqual([]);
  });
});
