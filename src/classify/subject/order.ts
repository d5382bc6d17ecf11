/**
 * The order tables are classified in, so that each table's graph context is built from finished
 * tables only and is the same whatever the concurrency (sampling still runs concurrently; one query
 * per table). Rules:
 * - Referenced before referencing: a table waits for the tables its declared and name-inferred
 *   references lead to (its dependencies). Tables that reference each other (a strongly connected
 *   component) are classified without each other's facts.
 * - A table with key-like columns that no declared key or name resolves (`subj_no`, `c007` of a masked
 *   schema) may reference a person table by its values: it waits for every table before it in the
 *   order (a barrier), so it sees every person table's key sketch that comes before it. Such tables
 *   come after the others; tables whose names say people come first.
 * - A table's context uses the facts of the tables it waited for (`visible`): its dependencies, their
 *   dependencies (to MAX_HOPS and one more), and for a barrier table every table before it.
 */
import { tableId, type TableMetadata } from '../../core/metadata.js';
import { MAX_HOPS, type SubjectGraph } from './graph.js';
import type { TableId, VisibleTables } from './types.js';
import { MinHeap } from '../../util/min-heap.js';
import { components } from '../../util/components.js';

export interface ClassificationPlan {
  /** Indices into the planned tables, in classification order. */
  readonly order: readonly number[];
  /** Per table index: the indices it waits for (dependencies in the plan); barrier tables wait for all before them. */
  readonly waitsFor: readonly (readonly number[])[];
  /** Per table index: whether it waits for every table before it in `order`. */
  readonly barrier: readonly boolean[];
  /** Per table index: its position in `order`. */
  readonly position: readonly number[];
}

/**
 * Kahn's topological order over items with `remaining[i]` unmet dependencies, `dependants[i]` the items
 * waiting for i; among ready items the smallest `rank` goes first (ties: the smaller item).
 */
export function kahnOrder(rank: readonly number[], dependants: readonly (readonly number[])[], remaining: number[]): number[] {
  const ready = new MinHeap((i) => rank[i]);
  remaining.forEach((count, i) => count === 0 && ready.push(i));
  const order: number[] = [];
  for (let next = ready.pop(); next !== undefined; next = ready.pop()) {
    order.push(next);
    for (const d of dependants[next]) if (--remaining[d] === 0) ready.push(d);
  }
  return order;
}

/** The classification order of `tables` (the ones this scan classifies) over the graph. */
export function planClassification(graph: SubjectGraph, tables: readonly TableMetadata[]): ClassificationPlan {
  const ids = tables.map(tableId);
  const at = new Map<TableId, number>(ids.map((id, i) => [id, i]));
  const deps = ids.map((id) => graph.dependencies(id).flatMap((d) => (at.has(d) ? [at.get(d)!] : [])));
  const barrier = ids.map((id) => graph.hasUnresolvedKeyColumns(id));
  const personFirst = ids.map((id) => graph.person(id).isPerson);
  const comps = components(tables.length, deps);
  const compOf = new Array<number>(tables.length);
  comps.forEach((c, i) => c.forEach((m) => (compOf[m] = i)));
  // Kahn over the components (kahnOrder), ranked below.
  const compDeps = comps.map((c, i) => new Set(c.flatMap((m) => deps[m].map((d) => compOf[d])).filter((d) => d !== i)));
  const dependants = comps.map(() => [] as number[]);
  compDeps.forEach((set, i) => set.forEach((d) => dependants[d].push(i)));
  const remaining = compDeps.map((s) => s.size);
  // One number per component for (barrier last, people first, first table index): a total order, so a heap
  // gives the order a sort of the ready list did, in n log n rather than n² at 100,000 tables.
  const n = tables.length;
  const rank = comps.map((members) => ((members.some((m) => barrier[m]) ? 2 : 0) + (members.some((m) => personFirst[m]) ? 0 : 1)) * n + members[0]);
  const order = kahnOrder(rank, dependants, remaining).flatMap((c) => comps[c]);
  const position = new Array<number>(tables.length);
  order.forEach((t, p) => (position[t] = p));
  // Wait for dependencies outside the own component (the component's members go without each other).
  const waitsFor = deps.map((list, i) => [...new Set(list.filter((d) => compOf[d] !== compOf[i]))].sort((a, b) => a - b));
  return { order, waitsFor, barrier, position };
}

/**
 * The tables a table's context may see (see the module rules): what it waited for, transitively to
 * MAX_HOPS + 1 references, and for a barrier table every table before it. The tables before it are a
 * prefix of the order, answered by position rather than listed: a barrier table late in a 100,000-table
 * order would otherwise copy tens of thousands of ids, per table (quadratic).
 */
export class PlanVisibility {
  readonly #plan: ClassificationPlan;
  readonly #ids: readonly TableId[];
  readonly #positionOf: ReadonlyMap<TableId, number>;

  constructor(plan: ClassificationPlan, ids: readonly TableId[]) {
    this.#plan = plan;
    this.#ids = ids;
    this.#positionOf = new Map(ids.map((id, i) => [id, plan.position[i]]));
  }

  /** What the table at `index` (of the planned tables) may see. */
  of(index: number): VisibleTables {
    const plan = this.#plan;
    const before = plan.barrier[index] ? plan.position[index] : 0;
    const positionOf = this.#positionOf;
    const inPrefix = (id: TableId) => (positionOf.get(id) ?? before) < before;
    const listed = new Set<TableId>();
    let frontier = [index];
    for (let depth = 0; depth <= MAX_HOPS && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const t of frontier) {
        for (const d of plan.waitsFor[t]) {
          const id = this.#ids[d];
          if (inPrefix(id) || listed.has(id)) continue;
          listed.add(id);
          next.push(d);
        }
      }
      frontier = next;
    }
    const orderIds = (p: number) => this.#ids[plan.order[p]];
    return {
      size: before + listed.size,
      has: (id) => inPrefix(id) || listed.has(id),
      rank: (id) => (inPrefix(id) ? positionOf.get(id)! : listed.has(id) ? before + [...listed].indexOf(id) : undefined),
      *[Symbol.iterator]() {
        for (let p = 0; p < before; p++) yield orderIds(p);
        yield* listed;
      },
    };
  }
}
