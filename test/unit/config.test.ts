import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { createHeuristicClassifier } from '../../src/classify/heuristic-classifier.js';
import { CATEGORY } from '../../src/classify/categories.js';
import { classifierOptionsFromConfig, compileValueRegex } from '../../src/config/custom-recognizers.js';
import { loadConfig, parseConfig } from '../../src/config/load-config.js';
import { STARTER_CONFIG } from '../../src/config/starter-config.js';
import { mod97Valid, NAMED_VALIDATORS } from '../../src/config/validators.js';
import { UserError } from '../../src/core/errors.js';
import { inputFor } from './classify/column-input.js';

const FILE = 'piiscout.config.yml';
const BADGE_CONFIG = `
classification:
  threshold: 0.55
  categories:
    - key: user.employee_badge
      name: Employee badge
      description: Badge numbers of our staff
      parent: user
  recognizers:
    - id: employee-badge
      category: user.employee_badge
      name_patterns: [badge, "*_badge_*", "/^bdg\\\\d*$/i"]
      value_patterns:
        - name: badge number
          regex: 'EMP-\\d{6}'
          score: 0.95
      context: [badge]
  disable: [phone, "name:fax"]
`;

function errorOf(text: string): UserError {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected the config to be rejected');
}

/** Appends the Luhn check digit. */
function withLuhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const badges = (n: number) => Array.from({ length: n }, (_, i) => `EMP-${String(100000 + i * 7919).slice(0, 6)}`);

describe('config file', () => {
  it('parses a valid config with defaults filled in', () => {
    const config = parseConfig(BADGE_CONFIG, FILE);
    expect(config.classification.threshold).toBe(0.55);
    expect(config.classification.recognizers[0]).toMatchObject({ id: 'employee-badge', category: 'user.employee_badge' });
    expect(config.classification.recognizers[0].value_patterns?.[0].score).toBe(0.95);
    expect(parseConfig('', FILE)).toEqual({ classification: { recognizers: [], disable: [], categories: [] }, sources: [] });
    expect(parseConfig('classification: {}', FILE).classification.disable).toEqual([]);
  });

  it.each([
    ['classification:\n  recognizers: [\n', /^piiscout\.config\.yml: invalid YAML at line \d+, column \d+: /],
    ['classifcation: {}', "piiscout.config.yml: unknown key 'classifcation' (did you mean 'classification'?)"],
    ['classification:\n  recognizers:\n    - id: a\n      category: user\n      valu_patterns: []', "piiscout.config.yml: classification.recognizers[0]: unknown key 'valu_patterns' (did you mean 'value_patterns'?)"],
    ['classification:\n  threshold: 2', 'piiscout.config.yml: classification.threshold: must be between 0 and 1'],
    ['classification:\n  disable: phone', 'piiscout.config.yml: classification.disable: must be a list'],
    ['classification:\n  recognizers:\n    - category: user\n      name_patterns: [x]', 'piiscout.config.yml: classification.recognizers[0].id: is required (string)'],
    [
      'classification:\n  recognizers:\n    - {id: a, category: user, name_patterns: [a]}\n    - {id: b, category: user, name_patterns: [b]}\n    - id: c\n      category: user\n      value_patterns:\n        - regex: "EMP-(\\\\d{6}"',
      /^piiscout\.config\.yml: classification\.recognizers\[2\]\.value_patterns\[0\]\.regex: recognizer 'c': pattern "EMP-\(\\\\d\{6\}" is not accepted: missing closing \)/,
    ],
    ['classification:\n  recognizers:\n    - {id: a, category: user.contact.emial, name_patterns: [a]}', "piiscout.config.yml: classification.recognizers[0].category: unknown category 'user.contact.emial' (did you mean 'user.contact.email'?); declare custom ones under classification.categories"],
    ['classification:\n  disable: [emial]', "piiscout.config.yml: classification.disable[0]: unknown recognizer 'emial' (did you mean 'email'?)"],
    ['classification:\n  recognizers:\n    - {id: a, category: user, value_patterns: [{regex: x}], validator: lunh}', /classification\.recognizers\[0\]\.validator: unknown validator 'lunh' \(did you mean 'luhn'\?\); known: luhn, iban, mod97/],
    ['classification:\n  recognizers:\n    - {id: a, category: user}', 'piiscout.config.yml: classification.recognizers[0]: needs name_patterns or value_patterns (or both)'],
    ['classification:\n  recognizers:\n    - {id: email, category: user, name_patterns: [x]}', "piiscout.config.yml: classification.recognizers[0].id: 'email' is a built-in recognizer; pick another id (and disable the built-in one to replace it)"],
    ['classification:\n  categories:\n    - {key: user.badge, name: Badge, parent: usr}', "piiscout.config.yml: classification.categories[0].parent: unknown category 'usr' (did you mean 'user'?)"],
  ])('rejects %j with one clear line', (text, expected) => {
    const error = errorOf(text);
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.hint).toBeTruthy();
    if (typeof expected === 'string') expect(error.message).toBe(expected);
    else expect(error.message).toMatch(expected);
  });

  it('mentions how many more problems there are', () => {
    const error = errorOf('classification:\n  disable: [emial, phnoe, adress]');
    expect(error.message).toMatch(/^piiscout\.config\.yml: classification\.disable\[0\]: unknown recognizer 'emial'.* \(and 2 more problems: /);
  });

  it('loads ./piiscout.config.yml by default and only when it exists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-config-'));
    expect(loadConfig(undefined, dir)).toBeUndefined();
    fs.writeFileSync(path.join(dir, FILE), BADGE_CONFIG);
    expect(loadConfig(undefined, dir)?.file).toBe(FILE);
    expect(() => loadConfig('missing.yml', dir)).toThrow('Cannot read config file missing.yml: no such file');
  });
});

describe('custom recognizers', () => {
  const options = classifierOptionsFromConfig(parseConfig(BADGE_CONFIG, FILE));
  const custom = createHeuristicClassifier(options);
  const builtin = createHeuristicClassifier();

  it('classifies values matching a custom pattern as the custom category', async () => {
    const [byValues] = await custom.classify([inputFor('t1', { name: 'c7', values: badges(100) })]);
    expect(byValues.categories).toEqual(['user.employee_badge']);
    expect(byValues.evidence.some((e) => e.source === 'employee-badge' && e.reason.includes("recognizer 'employee-badge'"))).toBe(true);
    const [before] = await builtin.classify([inputFor('t1', { name: 'c7', values: badges(100) })]);
    expect(before.categories).toEqual([CATEGORY.operations]);
  });

  it('matches column names by words, globs and regexes', async () => {
    for (const name of ['badge', 'Badge_No', 'emp_badge_code', 'BDG2']) {
      const [result] = await custom.classify([inputFor('staff', { name })]);
      expect(result.categories, name).toEqual(['user.employee_badge']);
    }
  });

  it('disables built-in value recognizers and name rules', async () => {
    faker.seed(11);
    const phones = Array.from({ length: 100 }, () => faker.phone.number({ style: 'international' }));
    expect((await builtin.classify([inputFor('t', { name: 'c3', values: phones })]))[0].categories).toEqual([CATEGORY.phone]);
    expect((await custom.classify([inputFor('t', { name: 'c3', values: phones })]))[0].categories).not.toContain(CATEGORY.phone);
    expect((await builtin.classify([inputFor('customers', { name: 'fax' })]))[0].categories).toEqual(['user.contact.fax_number']);
    expect((await custom.classify([inputFor('customers', { name: 'fax' })]))[0].categories).toEqual([CATEGORY.operations]);
  });

  it('applies the configured threshold', () => {
    expect(options.threshold).toBe(0.55);
  });

  it('gives the built-in defaults for a config that declares no classification', async () => {
    for (const text of ['', 'sources: []', 'classification:\n  disable: []\n  recognizers: []\n  categories: []', STARTER_CONFIG]) {
      expect(classifierOptionsFromConfig(parseConfig(text, FILE)), text).toEqual({});
    }
  });

  it('names the evidence sources it declares, for the column model (and nothing else)', () => {
    expect(options.configSources).toEqual(['employee-badge', 'config:employee-badge']);
    expect(options.configRecognizers?.map((r) => r.id)).toEqual(['employee-badge']);
    expect(options.recognizers).toBeUndefined();
  });

  it('runs named validators on matches', async () => {
    const config = parseConfig(
      'classification:\n  recognizers:\n    - id: card-like\n      category: user.financial\n      value_patterns: [{regex: "\\\\d{16}", score: 1}]\n      validator: luhn',
      FILE,
    );
    const classifier = createHeuristicClassifier({ ...classifierOptionsFromConfig(config), disabledRecognizers: ['credit-card'] });
    const valid = Array.from({ length: 50 }, () => withLuhnDigit(`4${faker.string.numeric(14)}`));
    const invalid = valid.map((v) => v.slice(0, 15) + String((Number(v[15]) + 1) % 10));
    const score = async (values: string[]) => (await classifier.classify([inputFor('t', { name: 'c9', values })]))[0].evidence.find((e) => e.source === 'card-like')?.score ?? 0;
    expect(await score(valid)).toBeGreaterThan(0.9);
    expect(await score(invalid)).toBe(0);
  });
});

describe('named validators', () => {
  it.each([
    ['luhn', '4111 1111 1111 1111', true],
    ['luhn', '4111 1111 1111 1112', false],
    ['iban', 'DE89 3704 0044 0532 0130 00', true],
    ['iban', 'DE89 3704 0044 0532 0130 01', false],
    ['mod97', 'GB82WEST12345698765432', true],
    ['mod97', 'GB82WEST12345698765433', false],
    ['verhoeff', '2363', true],
    ['verhoeff', '2364', false],
    ['elfproef', '111222333', true],
    ['elfproef', '111222334', false],
  ] as const)('%s(%s) → %s', (name, value, valid) => {
    expect(NAMED_VALIDATORS[name](value)).toBe(valid);
  });

  it('mod97 rejects what is not letters and digits', () => {
    expect(mod97Valid('GB82-WEST!')).toBe(false);
  });

  it('anchors value regexes unless the author did', () => {
    expect(compileValueRegex('EMP-\\d{6}').test('xEMP-123456')).toBe(false);
    expect(compileValueRegex('EMP-\\d{6}').test('EMP-123456')).toBe(true);
    expect(compileValueRegex('^EMP').test('EMP-1')).toBe(true);
  });
});
