/**
 * Per-column memos of per-value work that several recognizers share (value traits, split and folded
 * name words, folded place names, parsed dates). They are kept on the column's prepared values, so
 * they are garbage as soon as the column is: a WeakMap keyed by the column would keep them through
 * young-generation collections (its entries are only cleared by full ones), and a scan allocates a lot.
 */
import type { PreparedValues } from './recognizer.js';

const MEMOS = Symbol('column memos');

interface WithMemos {
  [MEMOS]?: Map<string, unknown>;
}

// Columns that cannot carry a memo (frozen objects from elsewhere).
const fallback = new WeakMap<PreparedValues, Map<string, unknown>>();

/** The column's memo named `key`, made by `create` the first time. */
export function columnMemo<T>(values: PreparedValues, key: string, create: () => T): T {
  const holder = values as PreparedValues & WithMemos;
  let memos = holder[MEMOS];
  if (!memos) {
    memos = new Map();
    if (Object.isExtensible(holder)) holder[MEMOS] = memos;
    else {
      const known = fallback.get(values);
      if (known) memos = known;
      else fallback.set(values, memos);
    }
  }
  let memo = memos.get(key) as T | undefined;
  if (memo === undefined) {
    memo = create();
    memos.set(key, memo);
  }
  return memo;
}

/** A fresh column's memo slot, so that every prepared column has the same object shape. */
export function withMemoSlot<T extends object>(values: T): T {
  (values as T & WithMemos)[MEMOS] = undefined;
  return values;
}
