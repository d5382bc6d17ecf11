/**
 * Custom patterns from the config file cannot stall a scan (issue 13.14): `^(a+)+$` took 26 s on
 * 30-character values in JavaScript's backtracking engine. Patterns now run on RE2 (linear time); what
 * RE2 cannot run, or runs slowly, is refused when the config loads, naming the recognizer and the
 * pattern; and a custom recognizer does a bounded amount of matching work per column.
 */
import { describe, expect, it } from 'vitest';
import { createHeuristicClassifier } from '../../src/classify/heuristic-classifier.js';
import { classifierOptionsFromConfig, CUSTOM_WORK_PER_COLUMN, toValueRecognizer } from '../../src/config/custom-recognizers.js';
import { compileGlob, compileLinearRegex } from '../../src/config/linear-regex.js';
import { parseConfig } from '../../src/config/load-config.js';
import { UserError } from '../../src/core/errors.js';
import { inputFor } from './classify/column-input.js';

const FILE = 'piiscout.config.yml';

function recognizerConfig(fields: string): string {
  return `classification:\n  recognizers:\n    - id: hostile\n      category: user\n${fields}`;
}

function configError(text: string): UserError {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('the config was accepted');
}

describe('custom patterns that need backtracking or are too large', () => {
  it.each([
    ['a backreference', '^(a+)\\1$', 'a backreference'],
    ['a named backreference', '^(?<x>a)\\k<x>$', 'a backreference'],
    ['a lookahead', '^(?=a)a+$', 'a lookahead or lookbehind'],
    ['a negative lookbehind', '^a+(?<!b)$', 'a lookahead or lookbehind'],
    ['nested large repetitions', '^(?:(?:a|b|ab|ba|aa|bb){1,50}){1,20}$', 'too complex'],
  ])('refuses %s in a value pattern, naming the recognizer and the pattern', (_what, regex, reason) => {
    const error = configError(recognizerConfig(`      value_patterns:\n        - regex: '${regex}'\n`));
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toContain("piiscout.config.yml: classification.recognizers[0].value_patterns[0].regex: recognizer 'hostile': pattern ");
    expect(error.message).toContain(JSON.stringify(regex));
    expect(error.message).toContain(reason);
    expect(error.hint).toBeTruthy();
  });

  it('refuses the same in a /regex/ name pattern', () => {
    const error = configError(recognizerConfig("      name_patterns: ['/^(a)\\1$/']\n"));
    expect(error.message).toMatch(/classification\.recognizers\[0\]\.name_patterns\[0\]: recognizer 'hostile': pattern .* is not accepted: it uses a backreference/);
  });

  it('accepts escaped look-alikes and character classes', () => {
    expect(compileLinearRegex('^\\(\\?=x\\)$').test('(?=x)')).toBe(true);
    expect(compileLinearRegex('^[(?=]+$').test('(?=')).toBe(true);
    expect(compileLinearRegex('^\\\\1$').test('\\1')).toBe(true);
    expect(compileLinearRegex('^(?<word>[a-z]+)-\\u00e9$', 'i').test('ABC-é')).toBe(true);
  });
});

describe('custom patterns run in linear time', () => {
  const config = parseConfig(recognizerConfig("      value_patterns:\n        - regex: '^(a+)+$'\n"), FILE);

  it('does not run config patterns on the backtracking engine', () => {
    const recognizer = toValueRecognizer(config.classification.recognizers[0])!;
    expect(recognizer.patterns[0].regex).not.toBeInstanceOf(RegExp);
  });

  it('judges a column of values that make ^(a+)+$ backtrack exponentially', async () => {
    // 2^40 steps per value for a backtracking engine; a few hundred for RE2.
    const values = Array.from({ length: 200 }, (_, i) => 'a'.repeat(40 + (i % 7)) + '!');
    const [result] = await createHeuristicClassifier(classifierOptionsFromConfig(config)).classify([inputFor('t', { name: 'c1', values })]);
    const evidence = result.evidence.find((e) => e.source === 'hostile');
    expect(evidence).toBeUndefined(); // it found nothing, so it is not among the reasons shown
    expect(result.categories).toEqual(['system.operations']);
  });

  it('matches globs over column names without backtracking', () => {
    const glob = compileGlob('*a*a*a*a*a*a*a*b');
    expect(glob.test('a'.repeat(5000))).toBe(false);
    expect(compileGlob('*_badge*').test('EMP_BADGE_NO')).toBe(true);
    expect(compileGlob('{first,last}_name').test('last_name')).toBe(true);
    expect(compileGlob('[!x]_id').test('x_id')).toBe(false);
    expect(compileGlob('emp?no').test('emp_no')).toBe(true);
  });
});

describe('the matching work of a custom recognizer per column', () => {
  // About 500 instructions: every value costs (length + 1) × 500 units of work.
  const config = parseConfig(recognizerConfig("      value_patterns:\n        - regex: '^[A-Z]{3}-[0-9]{4,500}$'\n"), FILE);
  const recognizer = toValueRecognizer(config.classification.recognizers[0])!;

  it('stops early on long values and says so', async () => {
    const values = Array.from({ length: 200 }, (_, i) => `EMP-${String(i).padStart(4, '0')}${'7'.repeat(480)}`);
    const perValue = (values[0].length + 1) * recognizer.workLimit!.costPerCharacter;
    expect(perValue * values.length).toBeGreaterThan(CUSTOM_WORK_PER_COLUMN);
    const [result] = await createHeuristicClassifier(classifierOptionsFromConfig(config)).classify([inputFor('t', { name: 'c1', values })]);
    const evidence = result.evidence.find((e) => e.source === 'hostile');
    expect(evidence?.reason).toContain('stopped at the work limit of custom patterns');
    const checked = Number(/estimated from (\d+) distinct values/.exec(evidence!.reason)?.[1]);
    expect(checked).toBe(Math.floor(CUSTOM_WORK_PER_COLUMN / perValue));
    expect(checked).toBeLessThan(values.length);
    expect(evidence!.score).toBeGreaterThan(0.5); // what it checked still counts
  });

  it('checks every value of an ordinary column', async () => {
    const values = Array.from({ length: 200 }, (_, i) => `EMP-${String(1000 + i)}`);
    const [result] = await createHeuristicClassifier(classifierOptionsFromConfig(config)).classify([inputFor('t', { name: 'c1', values })]);
    expect(result.categories).toEqual(['user']);
    expect(result.evidence.find((e) => e.source === 'hostile')?.reason).not.toContain('work limit');
  });

  it('does not test custom name patterns on absurdly long column names', async () => {
    const named = parseConfig(recognizerConfig("      name_patterns: ['/^a+$/']\n"), FILE);
    const classify = createHeuristicClassifier(classifierOptionsFromConfig(named));
    expect((await classify.classify([inputFor('t', { name: 'a'.repeat(20) })]))[0].categories).toEqual(['user']);
    expect((await classify.classify([inputFor('t', { name: 'a'.repeat(1_000_000) })]))[0].categories).not.toEqual(['user']);
  });
});
