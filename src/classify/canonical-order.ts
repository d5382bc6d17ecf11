/**
 * A sample's values in an order that depends only on which values it holds (and how often), never on
 * the order the database returned them in. Recognizers and the column model each look at a bounded part
 * of a column (the first 20, 40 or 120 distinct values, the first 100 values): in row order, the same
 * rows read back in another physical order (after a VACUUM, under another plan) gave other proposals.
 * The order is a hash of the content, so the part looked at is still a fair pick of the sample.
 */

/**
 * FNV-1a over the length and at most the first 48 and last 16 UTF-16 code units (long texts cost no
 * more than short ones; values that differ only in between tie, and ties are broken on the string).
 */
export function stringHash(value: string): number {
  let h = Math.imul(0x811c9dc5 ^ value.length, 16777619);
  const n = value.length;
  const head = Math.min(n, 48);
  for (let i = 0; i < head; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
  for (let i = Math.max(head, n - 16); i < n; i++) h = Math.imul(h ^ value.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The sort key of the `copy`-th copy of a value whose hash is `hash` (murmur3's finaliser). */
function copyKey(hash: number, copy: number): number {
  let x = (hash ^ Math.imul(copy, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Radix of the sort: one byte of the 32-bit key per pass. */
const RADIX = 256;

/** Positions 0..n-1 sorted by `keys`, equal keys (rare: different strings, same hash) by their string. */
function sortedPositions(keys: Uint32Array, strings: readonly string[]): number[] {
  const n = keys.length;
  // A least-significant-byte radix sort (four passes, no comparator calls): stable, so equal keys stay in
  // position order, as a sort of key·2²¹+position kept them before.
  let from = new Int32Array(n);
  let to = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  const starts = new Int32Array(RADIX);
  for (let shift = 0; shift < 32; shift += 8) {
    starts.fill(0);
    for (let i = 0; i < n; i++) starts[(keys[i] >>> shift) & 0xff]++;
    let sum = 0;
    for (let b = 0; b < RADIX; b++) {
      const count = starts[b];
      starts[b] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i++) {
      const p = from[i];
      to[starts[(keys[p] >>> shift) & 0xff]++] = p;
    }
    const sorted = to;
    to = from;
    from = sorted;
  }
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = from[i];
  for (let i = 1; i < n; i++) {
    if (keys[out[i]] !== keys[out[i - 1]]) continue;
    let end = i + 1;
    while (end < n && keys[out[end]] === keys[out[i]]) end++;
    const group = out.slice(i - 1, end).sort((a, b) => (strings[a] < strings[b] ? -1 : strings[a] > strings[b] ? 1 : 0));
    out.splice(i - 1, group.length, ...group);
    i = end - 1;
  }
  return out;
}

/**
 * Positions of `distinct` (pairwise different strings, occurring `counts` times) in the order of their
 * first copy in `canonicalOrder` of the whole sample: a frequent value comes early as often as it would
 * in a sample read in random order, so the distinct values looked at first stand for the rows.
 */
export function canonicalPositions(distinct: readonly string[], counts: ArrayLike<number>, hashes?: ArrayLike<number>): number[] {
  const keys = new Uint32Array(distinct.length);
  for (let i = 0; i < distinct.length; i++) {
    const hash = hashes ? hashes[i] : stringHash(distinct[i]);
    let key = copyKey(hash, 0);
    for (let copy = 1; copy < counts[i]; copy++) key = Math.min(key, copyKey(hash, copy));
    keys[i] = key;
  }
  return sortedPositions(keys, distinct);
}

/** A sample's different values (as read, first-seen order), each one's `stringHash` and count. */
export interface SampleDistinct {
  readonly distinct: readonly string[];
  readonly hashes: Uint32Array;
  readonly counts: Uint32Array;
}

/**
 * What `canonicalOrder` found out about a sample, by its values array: the rules' column preparation
 * (prepareValues) reads the same array after the model, and need not count its values again. Weak: a
 * sample's entry goes with it.
 */
const distinctOfSample = new WeakMap<readonly string[], SampleDistinct>();

/** The different values `canonicalOrder` found in `values`, when it ordered this very array. */
export function knownDistinct(values: readonly string[]): SampleDistinct | undefined {
  return distinctOfSample.get(values);
}

/**
 * `values` (with repeats) in canonical order. The k-th copy of a value has its own key, so the copies of
 * a frequent value spread over the order instead of filling its start.
 */
export function canonicalOrder(values: readonly string[]): string[] {
  const n = values.length;
  // Each different value's slot, hash and copies so far: typed arrays, not an object per value (this runs on every sampled row).
  const slots = new Map<string, number>();
  const distinct: string[] = [];
  const hashes = new Uint32Array(n);
  const copies = new Uint32Array(n);
  const keys = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    let slot = slots.get(value);
    if (slot === undefined) {
      slot = distinct.length;
      slots.set(value, slot);
      distinct.push(value);
      hashes[slot] = stringHash(value);
    }
    keys[i] = copyKey(hashes[slot], copies[slot]++);
  }
  distinctOfSample.set(values, { distinct, hashes: hashes.subarray(0, distinct.length), counts: copies.subarray(0, distinct.length) });
  // Copies of one value with equal keys are interchangeable: the tie-break on the string is enough.
  const order = sortedPositions(keys, values);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = values[order[i]];
  return out;
}
