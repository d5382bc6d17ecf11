import { describe, expect, it } from 'vitest';
import { createHeuristicClassifier, type HeuristicClassifierOptions } from '../../src/classify/heuristic-classifier.js';
import { CATEGORY } from '../../src/classify/categories.js';
import { builtinRecognizers } from '../../src/classify/recognizers/registry.js';
import { validCpf } from '../../src/classify/recognizers/br-cpf.js';
import { classifierOptionsFromConfig } from '../../src/config/custom-recognizers.js';
import { parseConfig } from '../../src/config/load-config.js';
import { countryOfLocale } from '../../src/config/locales.js';
import { UserError } from '../../src/core/errors.js';
import { inputFor } from './classify/column-input.js';

const FILE = 'piiscout.config.yml';
const options = (text: string) => classifierOptionsFromConfig(parseConfig(text, FILE));
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const cpfs = Array.from({ length: 40 }, (_, i) => [...Array(100).keys()].map((n) => pad(314159 + i * 7919, 9) + pad(n, 2)).find(validCpf)!);
const ssns = Array.from({ length: 40 }, (_, i) => `${pad(100 + i * 7, 3)}-${pad(10 + i, 2)}-${pad(1000 + i * 37, 4)}`);
const emails = Array.from({ length: 40 }, (_, i) => `person${i}@example.com`);

async function categoryOf(heuristic: HeuristicClassifierOptions, values: readonly string[]): Promise<readonly string[]> {
  const [result] = await createHeuristicClassifier(heuristic).classify([inputFor('t1', { name: 'c7', values })]);
  return result.categories;
}

describe('classification.locales', () => {
  it.each([
    ['br', 'br'],
    ['BR', 'br'],
    ['pt-BR', 'br'],
    ['pt_BR', 'br'],
    ['uk', 'gb'],
    ['zh-Hant-TW', 'tw'],
    ['en', undefined],
    ['ja', undefined],
    ['es-419', undefined],
    ['xy', undefined],
  ])('%s names country %s', (locale, country) => {
    expect(countryOfLocale(locale)).toBe(country);
  });

  it('every country-specific built-in recognizer names a country the setting accepts', () => {
    const countries = builtinRecognizers.flatMap((r) => (r.country ? [r.country] : []));
    expect(countries.length).toBeGreaterThanOrEqual(18);
    for (const country of countries) expect(countryOfLocale(country)).toBe(country);
  });

  it('reads countries and locales into lowercase country codes, and leaves options alone without the key', () => {
    expect(options('classification:\n  locales: [br, es-ES, UK]\n').locales).toEqual(['br', 'es', 'gb']);
    const without = options('classification:\n  threshold: 0.5\n');
    expect(without).not.toHaveProperty('locales');
    expect(options('classification:\n  threshold: 0.5\n  locales: [br]\n')).toEqual({ ...without, locales: ['br'] });
  });

  it('rejects an entry that names no country, with its path', () => {
    let message = '';
    try {
      parseConfig('classification:\n  locales: [br, en]\n', FILE);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      message = (error as Error).message;
    }
    expect(message).toContain("piiscout.config.yml: classification.locales[1]: 'en' names no country");
  });

  it('runs only the listed countries\' id recognizers; recognizers of no country always run', async () => {
    const brazil = options('classification:\n  locales: [pt-BR]\n');
    expect(await categoryOf(brazil, cpfs)).toEqual([CATEGORY.nationalId]);
    expect(await categoryOf(brazil, ssns)).toEqual([CATEGORY.operations]);
    expect(await categoryOf(brazil, emails)).toEqual([CATEGORY.email]);
    // Default (no setting): every country, as before.
    expect(await categoryOf({}, ssns)).toEqual([CATEGORY.nationalId]);
    expect(await categoryOf({}, cpfs)).toEqual([CATEGORY.nationalId]);
    expect(await categoryOf(options('classification:\n  locales: [us]\n'), cpfs)).toEqual([CATEGORY.operations]);
  });
});
