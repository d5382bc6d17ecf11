import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { CATEGORY } from '../../../src/classify/categories.js';
import { apiTokenRecognizer } from '../../../src/classify/recognizers/api-token.js';
import { evaluateRecognizer, prepareValues, scoreValue } from '../../../src/classify/recognizers/recognizer.js';

faker.seed(71);
const alnum = (n: number) => faker.string.alphanumeric(n);
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('API token recognizer', () => {
  it.each([
    [`ghp_${alnum(36)}`, 1],
    [`gho_${alnum(36)}`, 1],
    [`xoxb-${faker.string.numeric(12)}-${faker.string.numeric(12)}-${alnum(24)}`, 1],
    [`sk_live_${alnum(24)}`, 1],
    [`pk_test_${alnum(24)}`, 1],
    ['AKIAIOSFODNN7EXAMPLE', 1], // AWS's documented example key id
    [`AIza${alnum(35)}`, 1],
    [`glpat-${alnum(20)}`, 1],
    [`${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: '1234567890', iat: 1516239022 })}.${alnum(43)}`, 1],
    // high-entropy strings need a token/secret column name
    [alnum(40), 0],
    [faker.string.hexadecimal({ length: 64, prefix: '' }), 0],
    // look-alikes
    ['ghp_short', 0],
    ['AKIA1234', 0],
    ['eyJhbGciOiJIUzI1NiJ9', 0],
    ['The quick brown fox jumps over the lazy dog', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(apiTokenRecognizer, value)).toBe(expected);
  });

  it('finds prefixed tokens under any column name', () => {
    const values = Array.from({ length: 100 }, () => `ghp_${alnum(36)}`);
    expect(evaluateRecognizer(apiTokenRecognizer, prepareValues(values))).toMatchObject({ category: CATEGORY.credentials, score: 1 });
  });

  it('counts random strings only under a token/secret/api key column name', () => {
    const values = prepareValues(Array.from({ length: 100 }, () => alnum(40)));
    expect(evaluateRecognizer(apiTokenRecognizer, values)!.score).toBe(0);
    for (const tokens of [['api', 'key'], ['access', 'token'], ['client', 'secret'], ['session']]) {
      expect(evaluateRecognizer(apiTokenRecognizer, values, { nameTokens: tokens })!.score, tokens.join(' ')).toBe(0.9);
    }
    const words = prepareValues(Array.from({ length: 100 }, (_, i) => `customer-reference-number-${i}`));
    expect(evaluateRecognizer(apiTokenRecognizer, words, { nameTokens: ['token'] })!.score).toBe(0);
  });
});
