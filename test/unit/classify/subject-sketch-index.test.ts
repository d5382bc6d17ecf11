/**
 * References inferred from values through the sketch index (src/classify/subject/sketch-index.ts) must be
 * exactly those the straightforward judgement finds: every column compared with every visible person
 * table's sketch, in table-id order, the first match taken. Generated estates: integer keys in random
 * ranges (overlapping, nested, disjoint, dense and sparse), text keys, columns whose values are keys of
 * one table, of a range, or noise; and a barrier table's visibility answered by position must be the set
 * of every table before it (src/classify/subject/order.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ColumnMetadata, NormalizedType, TableMetadata } from '../../../src/core/metadata.js';
import { tableId } from '../../../src/core/metadata.js';
import { SubjectGraph } from '../../../src/classify/subject/graph.js';
import { keySketch } from '../../../src/classify/subject/facts.js';
import { PlanVisibility, type ClassificationPlan } from '../../../src/classify/subject/order.js';
import { isActorColumn, meaningless, namedAsKey, namesPerson, valuesReference } from '../../../src/classify/subject/references.js';
import { SketchIndex } from '../../../src/classify/subject/sketch-index.js';
import type { KeySketch, TableFacts, TableId } from '../../../src/classify/subject/types.js';
import { mulberry32 } from '../../../src/util/seeded-random.js';

function column(name: string, normalizedType: NormalizedType, ordinal: number, isPrimaryKey = false): ColumnMetadata {
  return { name, ordinal, rawType: normalizedType, normalizedType, isArray: false, isNullable: !isPrimaryKey, isPrimaryKey } as ColumnMetadata;
}

function table(name: string, columns: ColumnMetadata[]): TableMetadata {
  return { schema: 'public', name, kind: 'table', columns, primaryKey: columns.filter((c) => c.isPrimaryKey).map((c) => c.name), foreignKeys: [] } as unknown as TableMetadata;
}

type Random = () => number;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** Distinct keys: integers in a random range (dense or sparse), or text codes. */
function keys(random: Random, text: boolean): string[] {
  const count = int(random, 3, 60);
  if (text) return Array.from({ length: count }, (_, i) => `K${int(random, 0, 40)}-${i % 7}`);
  const start = pick(random, [1, 1, 1, int(random, 1, 500), int(random, 1000, 100000)]);
  const spread = pick(random, [1, 1, 2, 5, 20]);
  return [...new Set(Array.from({ length: count }, () => String(start + int(random, 0, count * spread))))];
}

/** A referencing column's distinct values: some table's keys (all or a share), a range, text, or noise. */
function columnValues(random: Random, pool: readonly string[][]): string[] {
  const kind = int(random, 0, 4);
  const from = pick(random, pool);
  if (kind === 0) return [...from];
  if (kind === 1) return from.filter(() => random() < 0.7);
  if (kind === 2) {
    const start = int(random, 1, 600);
    return [...new Set(Array.from({ length: int(random, 3, 40) }, () => String(start + int(random, 0, 300))))];
  }
  if (kind === 3) return [...new Set([...from.slice(0, int(random, 0, from.length)), ...pick(random, pool)])];
  return [...new Set(Array.from({ length: int(random, 2, 30) }, () => `x${int(random, 0, 50)}`))];
}

const REFERRING_COLUMNS: readonly [string, NormalizedType][] = [
  ['c001', 'integer'],
  ['c002', 'string'],
  ['subj_no', 'integer'],
  ['poster_id', 'string'],
  ['c3', 'uuid'],
  ['amount_c', 'decimal'],
];

const byId = (a: readonly [TableId, KeySketch], b: readonly [TableId, KeySketch]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

describe('the sketch index', () => {
  it('offers every sketch a column may reference, in table-id order', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = mulberry32(seed);
      const index = new SketchIndex();
      const all: [TableId, KeySketch][] = [];
      const pool: string[][] = [];
      for (let t = 0; t < 80; t++) {
        const text = random() < 0.25;
        const values = keys(random, text);
        pool.push(values);
        const sketch = keySketch(table(`p${t}`, [column('id', text ? 'string' : 'integer', 1, true)]), () => values, int(random, values.length, values.length * 3))!;
        const id = `public.p${String(int(random, 0, 999)).padStart(3, '0')}_${t}`;
        index.set(id, sketch);
        all.push([id, sketch]);
      }
      all.sort(byId);
      for (let c = 0; c < 200; c++) {
        const [name, type] = pick(random, REFERRING_COLUMNS);
        const col = column(name, type, 2);
        const distinct = columnValues(random, pool);
        const named = random() < 0.5;
        const personish = random() < 0.7;
        const matching = all.filter(([, sketch]) => valuesReference(col, distinct, sketch, named, personish));
        const offered = index.candidates(col, distinct, named, personish);
        expect([...offered].sort(byId)).toEqual(offered);
        const offeredIds = new Set(offered.map(([id]) => id));
        for (const [id] of matching) expect(offeredIds.has(id), `seed ${seed}: ${name} should be offered ${id}`).toBe(true);
      }
    }
  });

  it('gives the references the all-pairs judgement gives, to tables a context sees', () => {
    let references = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const random = mulberry32(seed * 7919);
      const persons: TableMetadata[] = [];
      const pool: string[][] = [];
      const sketches = new Map<TableId, KeySketch>();
      for (let t = 0; t < 320; t++) {
        const text = random() < 0.2;
        // Most hold people; some are things with a key sketch all the same (the judgement must leave them out).
        const kind = random() < 0.85 ? 'customers' : 'widgets';
        persons.push(table(`${kind}_${String(t).padStart(3, '0')}`, [column('id', text ? 'string' : 'integer', 1, true), column('email', 'string', 2), column('full_name', 'string', 3)]));
        pool.push(keys(random, text));
      }
      const referring = Array.from({ length: 60 }, (_, t) =>
        table(`events_${String(t).padStart(2, '0')}`, [column('id', 'integer', 1, true), ...REFERRING_COLUMNS.map(([name, type], i) => column(name, type, i + 2))]),
      );
      const graph = new SubjectGraph([...persons, ...referring]);
      persons.forEach((p, i) => {
        const sketch = keySketch(p, () => pool[i], pool[i].length)!;
        sketches.set(tableId(p), sketch);
        const facts: TableFacts = { rowsSampled: pool[i].length, personOnlyColumns: ['full_name'], contactColumns: ['email'], identityColumns: ['email'], keySketch: sketch };
        graph.addFacts(tableId(p), facts);
      });
      const people = [...sketches].filter(([id]) => graph.person(id).isPerson).sort(byId);
      expect(people.length).toBeGreaterThan(200);
      expect(people.length).toBeLessThan(persons.length);
      for (const r of referring) {
        const values = new Map(REFERRING_COLUMNS.map(([name]) => [name, columnValues(random, pool)]));
        // Sees everything, a prefix of the persons (more than the index threshold), or a few.
        const limit = pick(random, [persons.length, 300, 40]);
        const visible = random() < 0.3 && limit === persons.length ? undefined : new Set(persons.slice(0, limit).map(tableId));
        const context = graph.contextFor(r, (name) => values.get(name), visible);
        const found = context.references.filter((ref) => ref.origin === 'values').map((ref) => `${ref.columns[0]} → ${ref.target}`);
        const expected = r.columns.slice(1).flatMap((col) => {
          const distinct = values.get(col.name)!;
          const named = namedAsKey(col);
          const personish = namesPerson(col) || isActorColumn(col.name) || meaningless(col);
          const match = people.find(([id, sketch]) => (!visible || visible.has(id)) && valuesReference(col, distinct, sketch, named, personish));
          return match ? [`${col.name} → ${match[0]}`] : [];
        });
        expect(found, `seed ${seed}, ${r.name}, seeing ${visible?.size ?? 'all'}`).toEqual(expected);
        references += found.length;
      }
    }
    // The generated columns do reference person tables (the comparison is not of empty lists).
    expect(references).toBeGreaterThan(40);
  });
});

/** The straightforward visibility (the set order.ts built per table before): every table before a barrier, then what it waited for. */
function visibleSet(plan: ClassificationPlan, ids: readonly TableId[], index: number, maxHops: number): Set<TableId> {
  const visible = new Set<TableId>();
  if (plan.barrier[index]) for (let p = 0; p < plan.position[index]; p++) visible.add(ids[plan.order[p]]);
  let frontier = [index];
  for (let depth = 0; depth <= maxHops && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const t of frontier) {
      for (const d of plan.waitsFor[t]) {
        if (visible.has(ids[d])) continue;
        visible.add(ids[d]);
        next.push(d);
      }
    }
    frontier = next;
  }
  return visible;
}

describe('a plan\'s visibility', () => {
  it('is the set of every table before a barrier table and what a table waited for, without listing them', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = mulberry32(seed);
      const n = int(random, 1, 120);
      const order = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
      const position = new Array<number>(n);
      order.forEach((t, p) => (position[t] = p));
      // Dependencies come earlier in the order.
      const earlier = (t: number) => (position[t] > 0 ? order[int(random, 0, position[t] - 1)] : -1);
      const waitsFor = Array.from({ length: n }, (_, t) => [...new Set(Array.from({ length: int(random, 0, 3) }, () => earlier(t)).filter((d) => d >= 0))]);
      const barrier = Array.from({ length: n }, () => random() < 0.3);
      const plan: ClassificationPlan = { order, waitsFor, barrier, position };
      const ids = Array.from({ length: n }, (_, i) => `s.t${i}`);
      const visibility = new PlanVisibility(plan, ids);
      for (let t = 0; t < n; t++) {
        const expected = visibleSet(plan, ids, t, 3);
        const visible = visibility.of(t);
        expect([...visible]).toEqual([...expected]);
        expect(visible.size).toBe(expected.size);
        for (const id of [...ids, 's.other']) expect(visible.has(id)).toBe(expected.has(id));
        [...expected].forEach((id, i) => expect(visible.rank?.(id)).toBe(i));
      }
    }
  });
});
