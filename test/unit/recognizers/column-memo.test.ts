import { describe, expect, it } from 'vitest';
import { columnMemo } from '../../../src/classify/recognizers/column-memo.js';
import { prepareValues, type PreparedValues } from '../../../src/classify/recognizers/recognizer.js';

describe('column memos', () => {
  it('are made once per column and name, and kept apart between columns and names', () => {
    const a = prepareValues(['x', 'y']);
    const b = prepareValues(['x', 'y']);
    let made = 0;
    const make = () => ({ n: ++made });
    expect(columnMemo(a, 'k', make)).toBe(columnMemo(a, 'k', make));
    expect(columnMemo(b, 'k', make)).not.toBe(columnMemo(a, 'k', make));
    expect(columnMemo(a, 'other', make)).not.toBe(columnMemo(a, 'k', make));
    expect(made).toBe(3);
  });

  it('work on columns made elsewhere, frozen ones included, and leave what a column says unchanged', () => {
    const frozen: PreparedValues = Object.freeze({ distinct: ['x'], counts: [1], total: 1 });
    const memo = columnMemo(frozen, 'k', () => [1]);
    expect(columnMemo(frozen, 'k', () => [2])).toBe(memo);
    const plain: PreparedValues = { distinct: ['x'], counts: [1], total: 1 };
    columnMemo(plain, 'k', () => [3]);
    expect(JSON.parse(JSON.stringify(plain))).toEqual({ distinct: ['x'], counts: [1], total: 1 });
    expect(Object.keys(prepareValues(['a']))).toEqual(['distinct', 'counts', 'total']);
  });
});
