/**
 * A person table's key sketch keeps integer keys compactly (src/classify/subject/facts.ts): the scan
 * holds every person table's sketch until it ends. The compact set must hold exactly the strings the
 * Set of sampled keys held, for any value a referencing column may show.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ColumnMetadata, TableMetadata } from '../../../src/core/metadata.js';
import { IntegerKeys, keySketch } from '../../../src/classify/subject/facts.js';

function table(): TableMetadata {
  const id: ColumnMetadata = { name: 'id', ordinal: 1, rawType: 'integer', normalizedType: 'integer', isArray: false, isNullable: false, isPrimaryKey: true };
  return { schema: 'public', name: 'customers', kind: 'table', columns: [id], primaryKey: ['id'], foreignKeys: [] } as unknown as TableMetadata;
}

const integerText = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('0', '-0', '007', '+5', '5 ', '1e2', '1.0', '', 'x', '999999999999999', '9007199254740993'),
);

describe('key sketches', () => {
  it('keeps integer keys that print as numbers in an IntegerKeys, other keys in a Set', () => {
    const sketch = (keys: string[]) => keySketch(table(), () => keys, keys.length)!.values;
    expect(sketch(['3', '1', '2', '10'])).toBeInstanceOf(IntegerKeys);
    expect(sketch(['3', '1', '2', '10']).size).toBe(4);
    expect(sketch(['1', '007'])).toBeInstanceOf(Set);
    expect(sketch(['1', '-0'])).toBeInstanceOf(Set);
    expect(sketch(['a1', 'b2'])).toBeInstanceOf(Set);
  });

  it('holds exactly what the Set of the same keys holds', () => {
    const keyLists = fc.uniqueArray(fc.integer({ min: -500, max: 5000 }), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(keyLists, fc.array(integerText, { maxLength: 60 }), (keys, probes) => {
        const set = new Set(keys.map(String));
        const compact = IntegerKeys.of(set)!;
        expect(compact.size).toBe(set.size);
        for (const probe of [...probes, ...set]) expect(compact.has(probe), probe).toBe(set.has(probe));
      }),
    );
  });

  it('holds exactly what the Set holds for every integer of a range, and for keys beyond 32 bits', () => {
    const ranges = fc.tuple(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: 1, max: 300 }));
    const nearby = fc.array(fc.integer({ min: -3400, max: 3400 }), { maxLength: 40 });
    const edges = fc.constantFrom(2 ** 31 - 2, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 40);
    fc.assert(
      fc.property(ranges, fc.array(edges, { maxLength: 2 }), nearby, ([first, count], far, probes) => {
        const set = new Set([...Array.from({ length: count }, (_, i) => String(first + i)), ...far.map(String)]);
        const compact = IntegerKeys.of(set)!;
        expect(compact.size).toBe(set.size);
        const around = [first - 1, first + count, ...far.flatMap((n) => [n - 1, n, n + 1])].map(String);
        for (const probe of [...probes.map(String), ...around, ...set, '-0', '1.5']) expect(compact.has(probe), probe).toBe(set.has(probe));
      }),
    );
  });

  it('is not made from keys that do not print as the numbers they are', () => {
    for (const odd of ['007', '-0', '1e3', ' 4', '9007199254740993']) expect(IntegerKeys.of(new Set(['1', odd])), odd).toBeUndefined();
  });
});
