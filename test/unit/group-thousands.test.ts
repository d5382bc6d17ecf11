/** groupThousands (src/core/limits.ts) writes integers as toLocaleString('en-US') does, without loading ICU. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeRange, groupThousands, LIMITS } from '../../src/core/limits.js';

it('groups the digits of any safe integer as toLocaleString("en-US")', () => {
  fc.assert(fc.property(fc.maxSafeInteger(), (n) => groupThousands(n) === n.toLocaleString('en-US')));
  expect(groupThousands(0)).toBe('0');
  expect(groupThousands(999)).toBe('999');
  expect(groupThousands(1000)).toBe('1,000');
  expect(groupThousands(-1234567)).toBe('-1,234,567');
});

it('describes every limit as before', () => {
  for (const range of Object.values(LIMITS)) {
    expect(describeRange(range)).toBe(`${range.min.toLocaleString('en-US')} to ${range.max.toLocaleString('en-US')}`);
  }
});
