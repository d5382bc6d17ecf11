import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitWidth, formatDuration, Output, ProgressTracker } from '../../src/cli/output.js';
import { fieldLines } from '../../src/cli/scan-verbose.js';
import type { TableResult } from '../../src/scan/scan.js';

/** A stderr stand-in that records what is written. */
function stream(isTTY: boolean, columns?: number): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, columns, text: '', write: (chunk: string) => ((s.text += chunk), true) };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

let ci: string | undefined;
beforeEach(() => {
  ci = process.env.CI;
  delete process.env.CI;
});
afterEach(() => {
  if (ci !== undefined) process.env.CI = ci;
});

describe('progress line', () => {
  it('always shows the ETA with its unit, also on a terminal that reports no width', () => {
    const tty = stream(true, 0);
    const out = new Output({ quiet: false, verbose: false, stream: tty });
    let now = 0;
    const tracker = new ProgressTracker(out, 14, () => now);
    now = 2_000;
    tracker.update(1);
    expect(tty.text).toBe('\r\x1b[2Kscanning: 1/14 tables (7%), ETA 26s, 0.5 tables/s');
    expect(['7.2s', '42s', '3m05s', '2h04m', 'unknown']).toEqual([7.2, 42, 185, 7440, NaN].map(formatDuration));
  });

  it('a narrow terminal drops the last parts whole, never half a word', () => {
    expect(fitWidth('scanning: 1/14 tables (7%), ETA 26s, 0.5 tables/s', 40)).toBe('scanning: 1/14 tables (7%), ETA 26s');
    expect(fitWidth('short', 40)).toBe('short');
    expect(fitWidth('x'.repeat(50), 40)).toBe('x'.repeat(40));
  });

  it('without a terminal: a first line at once, then every 5 s for a minute, then every 30 s', () => {
    const log = stream(false);
    const out = new Output({ quiet: false, verbose: false, stream: log });
    let now = 1_000;
    const tracker = new ProgressTracker(out, 100, () => now);
    expect(log.text).toBe('scanning: 100 table(s) to scan\n');
    const at = (ms: number, done: number): void => {
      now = 1_000 + ms;
      tracker.update(done);
    };
    at(1_000, 1);
    at(4_999, 2);
    expect(log.text.split('\n')).toHaveLength(2);
    at(5_000, 3);
    expect(log.text.split('\n').at(-2)).toMatch(/^scanning: 3\/100 tables \(3%\), ETA 2m42s, 0\.6 tables\/s$/);
    at(61_000, 50);
    at(80_000, 60);
    at(91_000, 70);
    expect(log.text.split('\n').filter(Boolean).map((l) => l.split(' tables')[0])).toEqual([
      'scanning: 100 table(s) to scan',
      'scanning: 3/100',
      'scanning: 50/100',
      'scanning: 70/100',
    ]);
  });

  it('escapes control characters in names', () => {
    const log = stream(false);
    new Output({ quiet: false, verbose: false, stream: log }).info('table a\u001b[2Jb\nc');
    expect(log.text).toBe('table a\\x1b[2Jb\\x0ac\n');
  });
});

describe('scan -v', () => {
  it('one line per field: schema.table.column → categories (confidence)', () => {
    const classification = (categories: string[], confidence: number) => ({ categories, confidence, alternatives: [], factors: {}, evidence: [] });
    const result = {
      table: { schema: 'public', name: 'customers', kind: 'table', columns: [], primaryKey: [], foreignKeys: [] },
      columns: [],
      status: 'scanned',
      rowsSampled: 10,
      queries: 1,
      fields: new Map([
        ['email', classification(['user.contact.email'], 0.974)],
        ['profile', classification([], 0.5)],
      ]),
      unsampledColumns: new Map(),
      nestedFields: new Map([['profile', [{ path: ['phone'], normalizedType: 'string', isArray: false, classification: classification(['user.contact.phone_number'], 0.8) }]]]),
    } as unknown as TableResult;
    expect(fieldLines(result)).toEqual([
      'scanned public.customers',
      '  public.customers.email → user.contact.email (0.97)',
      '  public.customers.profile → (none) (0.50)',
      '  public.customers.profile.phone → user.contact.phone_number (0.80)',
    ]);
  });
});
