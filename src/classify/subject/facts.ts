/**
 * A finished table's facts for the graph (types.ts TableFacts): which of its columns came out as
 * things only people have, contact details or identities (from the proposals, so a reused checkpoint
 * result gives the same facts), and for a person table a bounded sketch of its sampled key values
 * (for references inferred from values; memory only, never written anywhere, and absent for a table
 * reused from a checkpoint, whose values were not read again).
 */
import { orNone } from '../../util/none.js';
import type { TableMetadata } from '../../core/metadata.js';
import type { FieldClassification } from '../types.js';
import { CATEGORY } from '../categories.js';
import { isContactCategory, isPersonOnlyCategory } from './person-tables.js';
import { referenceKey } from './references.js';
import type { KeySketch, KeyValues, TableFacts } from './types.js';

/** At most this many key values per person table are kept (the scan holds them until it ends). */
export const MAX_SKETCH_VALUES = 1000;
/** A proposal below this confidence says nothing about the table. */
const MIN_CONFIDENCE = 0.6;

const IDENTITY_CATEGORIES = new Set<string>([CATEGORY.email, CATEGORY.phone, CATEGORY.username, CATEGORY.uniqueId]);

export interface FinishedTable {
  readonly table: TableMetadata;
  readonly rowsSampled: number;
  readonly fields: ReadonlyMap<string, FieldClassification>;
  /** Sampled values of a column (raw, non-null), when the sample is still at hand. */
  readonly values?: (column: string) => readonly string[] | undefined;
}

/** Whether the proposal was confirmed by values (or came from them): a category the table's values show. */
const fromValues = (f: FieldClassification) => (f.factors.values ?? 0) > 0 || (f.factors.model ?? 0) > 0;

/**
 * `alternateKeys`: the columns of the table that may be alternate keys (see SubjectGraph.alternateKeyColumns);
 * each gets a sketch when the table holds people and the column's sampled values are distinct integers.
 */
export function tableFacts(finished: FinishedTable, isPerson: (facts: TableFacts) => boolean, alternateKeys: readonly string[] = []): TableFacts {
  const personOnly: string[] = [];
  const contact: string[] = [];
  const identity: string[] = [];
  for (const [column, f] of finished.fields) {
    if (f.confidence < MIN_CONFIDENCE) continue;
    const confirmed = fromValues(f);
    if (confirmed && f.categories.some(isPersonOnlyCategory)) personOnly.push(column);
    else if (confirmed && f.categories.some(isContactCategory)) contact.push(column);
    if (f.categories.some((c) => IDENTITY_CATEGORIES.has(c))) identity.push(column);
  }
  const facts: TableFacts = {
    rowsSampled: finished.rowsSampled,
    personOnlyColumns: orNone(personOnly),
    contactColumns: orNone(contact),
    identityColumns: orNone(identity),
  };
  if (!finished.values || !isPerson(facts)) return facts;
  const sketch = keySketch(finished.table, finished.values, finished.rowsSampled);
  const alternates = alternateKeys.flatMap((column) => alternateSketch(finished.table, column, finished.values!, finished.rowsSampled) ?? []);
  return { ...facts, ...(sketch ? { keySketch: sketch } : {}), ...(alternates.length > 0 ? { alternateSketches: alternates } : {}) };
}

/** Fewer sampled values than this say nothing about whether a column is a key. */
const MIN_ALTERNATE_VALUES = 5;

/** A sketch of a column whose sampled values are distinct integers (an alternate key), else undefined. */
export function alternateSketch(
  table: TableMetadata,
  column: string,
  values: (column: string) => readonly string[] | undefined,
  rowsSampled: number,
): KeySketch | undefined {
  const sampled = values(column)?.map((v) => v.trim());
  if (!sampled || sampled.length < MIN_ALTERNATE_VALUES || !sampled.every((v) => /^-?\d{1,15}$/.test(v))) return undefined;
  if (new Set(sampled).size !== sampled.length) return undefined;
  return keySketchOf(column, sampled, Math.max(rowsSampled, table.rowEstimate ?? 0));
}

/** The sampled values of a table's single-column key, capped at MAX_SKETCH_VALUES. */
export function keySketch(table: TableMetadata, values: (column: string) => readonly string[] | undefined, rowsSampled: number): KeySketch | undefined {
  const key = referenceKey(table);
  const sampled = key && values(key.name);
  if (!key || !sampled || sampled.length === 0) return undefined;
  return keySketchOf(key.name, sampled, Math.max(rowsSampled, table.rowEstimate ?? 0));
}

function keySketchOf(column: string, sampled: readonly string[], tableRows: number): KeySketch {
  const set = new Set<string>();
  for (const v of sampled) {
    if (set.size >= MAX_SKETCH_VALUES) break;
    set.add(v.trim());
  }
  let min: number | undefined;
  let max: number | undefined;
  if ([...set].every((v) => /^-?\d{1,15}$/.test(v))) {
    for (const v of set) {
      const n = Number(v);
      min = min === undefined ? n : Math.min(min, n);
      max = max === undefined ? n : Math.max(max, n);
    }
  }
  const rows = Math.max(tableRows, set.size);
  return { column, values: (min !== undefined && IntegerKeys.of(set)) || set, ...(min !== undefined ? { min, max } : {}), rows };
}

/**
 * Integer keys written the way numbers print (`42`, not `042` or `-0`), compactly: the scan keeps every
 * person table's sketch until it ends. As a Set of strings 200 keys took about 10 kB of heap; sorted in
 * a Float64Array 1.6 kB, an Int32Array when they fit (0.8 kB), and nothing but the bounds when they are
 * every integer of a range (a table no larger than its sample, keyed 1..n: a large estate's usual case).
 * Holds exactly the strings the Set held: a value is in it when it prints as one of the numbers.
 */
export class IntegerKeys implements KeyValues {
  /** The keys, sorted; undefined when they are every integer from `#first` to `#first + size - 1`. */
  readonly #sorted: Float64Array | Int32Array | undefined;
  readonly #first: number;
  readonly #size: number;

  private constructor(sorted: Float64Array) {
    this.#size = sorted.length;
    this.#first = sorted[0];
    const last = sorted[sorted.length - 1];
    const dense = sorted.length > 0 && last - this.#first + 1 === sorted.length;
    const int32 = sorted.length > 0 && this.#first >= -0x80000000 && last <= 0x7fffffff;
    this.#sorted = dense ? undefined : int32 ? Int32Array.from(sorted) : sorted;
  }

  /** The compact form of `values`, or undefined when one of them is not an integer as it prints. */
  static of(values: ReadonlySet<string>): IntegerKeys | undefined {
    const sorted = new Float64Array(values.size);
    let i = 0;
    for (const v of values) {
      const n = Number(v);
      if (!Number.isSafeInteger(n) || String(n) !== v) return undefined;
      sorted[i++] = n;
    }
    return new IntegerKeys(sorted.sort());
  }

  get size(): number {
    return this.#size;
  }

  has(value: string): boolean {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || String(n) !== value) return false;
    const sorted = this.#sorted;
    if (!sorted) return this.#size > 0 && n >= this.#first && n < this.#first + this.#size;
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] === n) return true;
      if (sorted[mid] < n) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
