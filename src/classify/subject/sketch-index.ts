/**
 * Person tables' key sketches, indexed for references inferred from values (graph.ts): which sketches a
 * column's sampled values can be keys of (references.ts valuesReference), without comparing the column
 * with every sketch. A table that may reference a person table by values waits for every table before
 * it (order.ts), so in a large estate it would otherwise be compared with tens of thousands of sketches,
 * and the scan was quadratic in the tables. What makes the index exact: valuesReference holds only when
 * - integer keys: the column's values are integers that fit the sketch's key range (fitsKeyRange, which
 *   depends on the range alone: sketches are grouped by range and each group judged once);
 * - text keys: the sketch holds at least one of the column's values (an inverted index from each value
 *   to the sketches holding it).
 * Candidates are returned in table-id order, the order the graph picks the first match in.
 */
import type { ColumnMetadata } from '../../core/metadata.js';
import { fitsKeyRange, integerKeyValues, mayHoldTextKeys } from './references.js';
import type { KeySketch, TableId } from './types.js';

interface RangeGroup {
  readonly min: number;
  readonly max: number;
  readonly slots: number[];
}

export class SketchIndex {
  /** Per slot: the table and its sketch (undefined once replaced by a later sketch of the table). */
  readonly #tables: TableId[] = [];
  readonly #sketches: (KeySketch | undefined)[] = [];
  readonly #slotOf = new Map<TableId, number>();
  /** Integer sketches by key range (`min:max`). */
  readonly #ranges = new Map<string, RangeGroup>();
  /** Text sketches by each value they hold. */
  readonly #byText = new Map<string, number[]>();
  /** Text sketches whose values cannot be listed (a KeyValues that is not a Set): always candidates. */
  readonly #unlisted: number[] = [];

  get size(): number {
    return this.#slotOf.size;
  }

  set(id: TableId, sketch: KeySketch): void {
    const previous = this.#slotOf.get(id);
    if (previous !== undefined) this.#sketches[previous] = undefined;
    const slot = this.#tables.length;
    this.#tables.push(id);
    this.#sketches.push(sketch);
    this.#slotOf.set(id, slot);
    if (sketch.min !== undefined && sketch.max !== undefined) {
      const key = `${sketch.min}:${sketch.max}`;
      const group = this.#ranges.get(key);
      if (group) group.slots.push(slot);
      else this.#ranges.set(key, { min: sketch.min, max: sketch.max, slots: [slot] });
    } else if (sketch.values instanceof Set) {
      for (const value of sketch.values as ReadonlySet<string>) {
        const list = this.#byText.get(value);
        if (list) list.push(slot);
        else this.#byText.set(value, [slot]);
      }
    } else this.#unlisted.push(slot);
  }

  /**
   * The tables whose sketch the column's distinct values may be keys of (a superset of those for which
   * valuesReference holds, with the same `named` and `personish`), in table-id order, with their sketches.
   */
  candidates(column: ColumnMetadata, distinct: readonly string[], named: boolean, personish: boolean): (readonly [TableId, KeySketch])[] {
    const slots = new Set<number>();
    const numbers = integerKeyValues(column, distinct, personish);
    if (numbers) {
      for (const group of this.#ranges.values()) if (fitsKeyRange(numbers, group.min, group.max, named)) for (const s of group.slots) slots.add(s);
    }
    if (mayHoldTextKeys(column)) {
      for (const value of distinct) for (const s of this.#byText.get(value) ?? []) slots.add(s);
      for (const s of this.#unlisted) slots.add(s);
    }
    const out: (readonly [TableId, KeySketch])[] = [];
    for (const s of slots) {
      const sketch = this.#sketches[s];
      if (sketch) out.push([this.#tables[s], sketch]);
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}
