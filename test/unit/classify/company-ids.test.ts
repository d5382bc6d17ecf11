/**
 * Company registration and tax numbers (BR CNPJ, the RFC of a Mexican company, the PAN of an Indian
 * firm) have the form and checksums of national ids but are not personal: whatever the column is
 * called, a column of them is not proposed as a national id, while the personal numbers of the same
 * systems (CPF, a person's RFC or PAN) are.
 */
import { describe, expect, it } from 'vitest';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { validCnpj } from '../../../src/classify/recognizers/br-cnpj.js';
import { validCpf } from '../../../src/classify/recognizers/br-cpf.js';
import { inputFor } from './column-input.js';

const classifier = createHeuristicClassifier();
const classify = async (table: string, name: string, values: readonly string[]) => (await classifier.classify([inputFor(table, { name, values })]))[0];
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const checked = (body: string, valid: (v: string) => boolean) => [...Array(100).keys()].map((n) => body + pad(n, 2)).find(valid)!;
const cnpjs = Array.from({ length: 40 }, (_, i) => {
  const c = checked(`${pad(10000000 + i * 7919, 8)}0001`, validCnpj);
  return `${c.slice(0, 2)}.${c.slice(2, 5)}.${c.slice(5, 8)}/${c.slice(8, 12)}-${c.slice(12)}`;
});
const cpfs = Array.from({ length: 40 }, (_, i) => checked(pad(314159 + i * 7919, 9), validCpf));
const companyRfcs = ['VSM140430NQA', 'CCM650122I06', 'AAA390128530', 'AAM090224BC2', '&JE040614N51', 'AA&0607148I0'];
const personRfcs = ['GODE561231GR8', 'AAAL730401TE0', 'AACA700913KZ0', 'AACC421231BH1', 'AALC680929LH8', 'AARR621113SN7'];
const entityPans = ['AAKFD7113K', 'AABCT1234Q', 'AAATA1234B', 'AAGCS5678M', 'AAHFR4321L', 'AAJCM2468N'];
const personPans = ['ABCPE1234F', 'AAPPV8261K', 'ABMPA3211G', 'ACUPA7085R', 'AFZPK7190K', 'BBLPK9753Q'];

describe('company numbers that look like national ids', () => {
  it.each([
    ['fornecedores', 'cnpj', cnpjs],
    ['fornecedores', 'documento', cnpjs],
    ['t1', 'c7', cnpjs],
    ['proveedores', 'rfc', companyRfcs],
    ['vendors', 'pan', entityPans],
  ])('%s.%s of company numbers is not personal', async (table, name, values) => {
    const result = await classify(table, name, values);
    expect(result.categories).toEqual([CATEGORY.operations]);
    expect(result.alternatives.map((a) => a.category)).not.toContain(CATEGORY.nationalId);
  });

  it.each([
    ['clientes', 'documento', cpfs],
    ['clientes', 'rfc', personRfcs],
    ['customers', 'pan', personPans],
  ])('%s.%s of the personal numbers of the same systems is a national id', async (table, name, values) => {
    expect((await classify(table, name, values)).categories).toEqual([CATEGORY.nationalId]);
  });
});
