import { describe, expect, it } from 'vitest';
import { CATEGORY } from '../../../src/classify/categories.js';
import { genderRecognizer } from '../../../src/classify/recognizers/gender.js';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { reasonsFreeOf, run } from './column-options.js';

const repeat = (terms: readonly string[], n = 200) => Array.from({ length: n }, (_, i) => terms[i % terms.length]);

describe('gender recognizer', () => {
  it.each([
    ['male', 1],
    ['Female', 1],
    ['männlich', 1],
    ['weiblich', 1],
    ['divers', 1],
    ['homme', 1],
    ['Femme', 1],
    ['hombre', 1],
    ['mujer', 1],
    ['masculino', 1],
    ['feminino', 1],
    ['uomo', 1],
    ['donna', 1],
    ['man', 1],
    ['vrouw', 1],
    ['non-binary', 1],
    // single letters need a gender column name
    ['M', 0],
    ['f', 0],
    // look-alikes
    ['maleficent', 0],
    ['XL', 0],
    ['active', 0],
    ['manager', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(genderRecognizer, value)).toBe(expected);
  });

  it.each([
    ['gender', ['male', 'female', 'non-binary']],
    ['geschlecht', ['männlich', 'weiblich', 'divers']],
    ['sexe', ['homme', 'femme']],
    ['sexo', ['Hombre', 'Mujer']],
    ['geslacht', ['man', 'vrouw']],
    ['c4', ['Male', 'Female']],
  ])('finds a %s column of gender terms without damping for few distinct values', (name, terms) => {
    const values = repeat(terms);
    const evidence = run(genderRecognizer, 'people', { name, values });
    expect(evidence).toMatchObject([{ category: CATEGORY.gender }]);
    expect(evidence[0].score).toBeGreaterThan(0.95);
    expect(reasonsFreeOf(evidence, values)).toBe(true);
  });

  it('counts single letters only under a gender column name', () => {
    const values = repeat(['m', 'w', 'd']);
    expect(run(genderRecognizer, 'kunden', { name: 'geschlecht', values })[0].score).toBeGreaterThan(0.85);
    expect(run(genderRecognizer, 'kunden', { name: 'kennung', values })[0].score).toBe(0);
    expect(run(genderRecognizer, 'products', { name: 'size', values: repeat(['S', 'M', 'L', 'XL']) })[0].score).toBe(0);
  });

  it('rejects high-cardinality columns and columns of only "other/unknown"', () => {
    const many = Array.from({ length: 200 }, (_, i) => (i < 150 ? `code ${i}` : 'male'));
    expect(run(genderRecognizer, 'people', { name: 'c1', values: many })[0].score).toBe(0);
    expect(run(genderRecognizer, 'tickets', { name: 'category', values: repeat(['other', 'unknown']) })[0].score).toBeLessThan(0.5);
  });
});
