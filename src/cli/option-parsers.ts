/**
 * Parsers of option values. Numbers are plain decimals only (`1e3`, `0x10`, `1.5` for a whole number
 * and an empty string are refused), within the documented bounds of src/core/limits.ts. A bad value
 * is one usage line (exit 2) that shows the value escaped and cut.
 */
import { ExitCode, UserError } from '../core/errors.js';
import { describeRange, type Range } from '../core/limits.js';
import { printable } from '../util/printable.js';

const HINT = 'run the command with --help for its options and their limits';

function invalid(flag: string, value: string, expected: string): UserError {
  return new UserError(`${flag} must be ${expected}, got '${printable(value, 40)}'`, { hint: HINT, exitCode: ExitCode.usage });
}

/** A whole number within `range`, written as plain digits. */
export function wholeNumber(flag: string, range: Range, unit = '') {
  return (value: string): number => {
    const n = /^\d{1,16}$/.test(value) ? Number(value) : NaN;
    if (!(n >= range.min && n <= range.max)) throw invalid(flag, value, `a whole number${unit} from ${describeRange(range)}`);
    return n;
  };
}

const DECIMAL = /^(?:\d{1,16}(?:\.\d{0,16})?|\.\d{1,16})$/;

/** A decimal number between 0 and 1 (`0.9`, `.9`, `1`). */
export function fraction(flag: string) {
  return (value: string): number => {
    const n = DECIMAL.test(value) ? Number(value) : NaN;
    if (!(n >= 0 && n <= 1)) throw invalid(flag, value, 'a number from 0 to 1 (such as 0.9)');
    return n;
  };
}

/** A percentage between 0 and 100, with or without `%` (`90`, `92.5%`). */
export function percentage(flag: string) {
  return (value: string): number => {
    const text = value.endsWith('%') ? value.slice(0, -1) : value;
    const n = DECIMAL.test(text) ? Number(text) : NaN;
    if (!(n >= 0 && n <= 100)) throw invalid(flag, value, 'a percentage from 0 to 100 (such as 90)');
    return n;
  };
}

/** Repeatable options: every value, in order. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
