/**
 * The classification order's Kahn step with a heap gives the order the former "sort the ready list,
 * take the first" loop gave (kept here as the reference), on random dependency graphs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kahnOrder } from '../../../src/classify/subject/order.js';

function referenceOrder(rank: readonly number[], dependants: readonly (readonly number[])[], remaining: number[]): number[] {
  const ready = remaining.flatMap((n, i) => (n === 0 ? [i] : []));
  const order: number[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => rank[a] - rank[b] || a - b);
    const next = ready.shift()!;
    order.push(next);
    for (const d of dependants[next]) if (--remaining[d] === 0) ready.push(d);
  }
  return order;
}

/** A random DAG: item i may depend on items before it in a random permutation. */
const dagArb = fc.integer({ min: 0, max: 60 }).chain((n) =>
  fc.record({
    rank: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
    edges: fc.array(fc.tuple(fc.nat(Math.max(0, n - 1)), fc.nat(Math.max(0, n - 1))), { maxLength: n * 3 }),
    n: fc.constant(n),
  }),
);

describe('kahnOrder', () => {
  it('orders like sorting the ready list each step, on random DAGs with tied ranks', () => {
    fc.assert(
      fc.property(dagArb, ({ rank, edges, n }) => {
        const dependants = Array.from({ length: n }, () => [] as number[]);
        const remaining = new Array<number>(n).fill(0);
        const seen = new Set<string>();
        for (const [a, b] of edges) {
          if (a >= b || seen.has(`${a}>${b}`)) continue; // a before b: no cycles
          seen.add(`${a}>${b}`);
          dependants[a].push(b);
          remaining[b]++;
        }
        const heap = kahnOrder(rank, dependants, [...remaining]);
        expect(heap).toEqual(referenceOrder(rank, dependants, [...remaining]));
        expect(heap).toHaveLength(n);
      }),
      { numRuns: 300 },
    );
  });

  it('puts the smallest rank first among ready items and respects dependencies', () => {
    // 0 → 2; ranks make 1 first, then 0, then 2 (which waited for 0).
    expect(kahnOrder([5, 1, 0], [[2], [], []], [0, 0, 1])).toEqual([1, 0, 2]);
  });
});
