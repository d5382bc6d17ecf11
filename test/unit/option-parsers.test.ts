import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { LIMITS } from '../../src/core/limits.js';
import { fraction, percentage, wholeNumber } from '../../src/cli/option-parsers.js';
import { suggestOption } from '../../src/cli/piiscout-command.js';

describe('option parsers', () => {
  it('take plain whole numbers within the bounds, and nothing else', () => {
    const sampleSize = wholeNumber('--sample-size', LIMITS.sampleSize);
    expect(['0', '200', '007', '10000'].map(sampleSize)).toEqual([0, 200, 7, 10_000]);
    for (const bad of ['10001', '-1', '1e3', '1.0', '1.5', '', ' 5', '5 ', '+5', '0x10', 'Infinity', 'NaN', '١٢']) {
      expect(() => sampleSize(bad), bad).toThrow(UserError);
    }
  });

  it('take decimal fractions and percentages', () => {
    expect(['0', '.9', '0.95', '1', '1.0'].map(fraction('--accept-above'))).toEqual([0, 0.9, 0.95, 1, 1]);
    for (const bad of ['1.01', '-0.1', '1e-1', '', '.', 'half']) expect(() => fraction('--accept-above')(bad), bad).toThrow(UserError);
    expect(['90', '92.5%', '100%', '0'].map(percentage('--coverage'))).toEqual([90, 92.5, 100, 0]);
    for (const bad of ['101', '%', '90%%', '9e1', '-5']) expect(() => percentage('--coverage')(bad), bad).toThrow(UserError);
  });

  it('errors are usage errors (exit 2) that escape control characters', () => {
    let error: unknown;
    try {
      wholeNumber('--seed', LIMITS.seed)('4\u001b[31m2');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect((error as UserError).message).toBe("--seed must be a whole number from 0 to 2,147,483,647, got '4\\x1b[31m2'");
  });
});

describe('did-you-mean for options', () => {
  const known = ['--sample-size', '--seed', '--include', '--include-views', '--exclude', '--statement-timeout'];
  it('completes an abbreviation, else takes the nearest spelling', () => {
    expect(suggestOption('--sample', known)).toEqual(['--sample-size']);
    expect(suggestOption('--sampel-size', known)).toEqual(['--sample-size']);
    expect(suggestOption('--inclde', known)).toEqual(['--include']);
    expect(suggestOption('--include-v', known)).toEqual(['--include-views']);
    expect(suggestOption('--statement-timout=5', known)).toEqual(['--statement-timeout']);
    expect(suggestOption('--zzzzzzzz', known)).toEqual([]);
    expect(suggestOption('-x', known)).toEqual([]);
  });
});
