/** Stable-key discovery in sampled JSON documents (engine-neutral, used for VARIANT columns). */
import { describe, expect, it } from 'vitest';
import { discoverJsonFields } from '../../src/core/json-fields.js';

const paths = (docs: unknown[], minShare?: number) =>
  discoverJsonFields(docs, { maxValueLength: 64, minShare }).map((n) => `${n.path.join('.')}:${n.normalizedType}${n.isArray ? '[]' : ''}`);

describe('discoverJsonFields', () => {
  it('proposes keys present in most objects, recursing into objects and arrays of objects', () => {
    const docs = Array.from({ length: 10 }, (_, i) => ({
      user: { email: `u${i}@x.org`, age: i },
      items: [{ sku: `S${i}`, price: i + 0.5 }],
      tags: ['a', 'b'],
      ...(i < 2 ? { rare: true } : {}),
    }));
    expect(paths(docs)).toEqual(['items:json[]', 'items.price:float', 'items.sku:string', 'tags:string[]', 'user:json', 'user.age:integer', 'user.email:string']);
    expect(paths(docs, 0.1)).toContain('rare:boolean');
  });

  it('parses JSON text, ignores nulls and unparseable values, and needs at least three objects', () => {
    expect(paths(['{"a":1}', '{"a":2}', null, 'not json'])).toEqual([]);
    expect(paths(['{"a":1}', '{"a":2}', '{"a":null}'])).toEqual(['a:integer']);
    const [a] = discoverJsonFields(['{"a":"x"}', '{"a":"y"}', '{"a":null}'], { maxValueLength: 64 });
    expect(a.sample).toMatchObject({ values: ['x', 'y'], nullCount: 1 });
  });

  it('stays bounded: depth and field count', () => {
    const deep = Array.from({ length: 3 }, () => ({ a: { b: { c: { d: { e: 1 } } } } }));
    expect(paths(deep)).toEqual(['a:json', 'a.b:json', 'a.b.c:json', 'a.b.c.d:json']);
    const wide = Array.from({ length: 3 }, () => Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i])));
    expect(discoverJsonFields(wide, { maxValueLength: 64 })).toHaveLength(100);
  });
});
