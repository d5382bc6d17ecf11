import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fnv1a32, inShard, parseShard, restrictToShard, shardOfTable } from '../../src/scan/shard.js';
import { createTableFilter } from '../../src/scan/filters.js';

const tables = Array.from({ length: 3000 }, (_, i) => ({ schema: `s${i % 7}`, name: `table_${i}` }));

describe('shards', () => {
  it('uses FNV-1a 32 (known vectors), so the split is the same everywhere', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(shardOfTable('public', 'users', 3)).toBe((fnv1a32('public.users') % 3) + 1);
  });

  it('parses 1-based i/n and rejects the rest', () => {
    expect(parseShard('1/3')).toEqual({ index: 1, count: 3 });
    expect(parseShard(' 3 / 3 ')).toEqual({ index: 3, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', '3', 'a/b', '1/3/4', '-1/3', '1.5/3']) expect(() => parseShard(bad), bad).toThrow(/--shard/);
  });

  it('is disjoint and complete: every table is in exactly one shard', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 50 }), (n, names) => {
        for (const [schema, table] of names) {
          const owners = Array.from({ length: n }, (_, i) => i + 1).filter((i) => inShard({ index: i, count: n }, schema, table));
          expect(owners).toHaveLength(1);
        }
      }),
    );
  });

  it('is deterministic and balanced', () => {
    for (const n of [2, 3, 8]) {
      const counts = new Array(n).fill(0);
      for (const t of tables) counts[shardOfTable(t.schema, t.name, n) - 1]++;
      const expected = tables.length / n;
      for (const c of counts) expect(Math.abs(c - expected) / expected).toBeLessThan(0.1);
      expect(tables.map((t) => shardOfTable(t.schema, t.name, n))).toEqual(tables.map((t) => shardOfTable(t.schema, t.name, n)));
    }
  });

  it('narrows a filter to its shard, keeping the filter and every schema', () => {
    const base = createTableFilter([], ['s1.*']);
    const shard = { index: 2, count: 3 };
    const f = restrictToShard(base, shard);
    for (const t of tables) expect(f.includeTable(t.schema, t.name)).toBe(base.includeTable(t.schema, t.name) && shardOfTable(t.schema, t.name, 3) === 2);
    expect(f.includeSchema('s0')).toBe(true);
    expect(restrictToShard(base, { index: 1, count: 1 })).toBe(base);
  });
});
