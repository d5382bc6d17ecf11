/**
 * Property: whatever the sequence of scans, schema changes and human review actions, a scan never
 * loses or changes a human decision (status + categories), never deletes a field (vanished ones are
 * only marked), and the file stays valid, sorted fideslang that reloads. `payload` is a JSON column:
 * its keys (`payload.email`, ...) come and go as nested fields, which carry decisions of their own.
 * The drift each merge reports (from what it changed) is the drift between the file before and after.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { compareDatasetFiles, driftOfMerge } from '../../src/drift/drift.js';
import type { MergeScope, MergeSummary } from '../../src/fides/dataset-file/merge-scan.js';
import { addressKey, ReviewFile, type FieldAddress, type FieldState } from '../../src/review/review-file.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';
import { mergeStreamed, scanFile, type SimpleNestedField, type SimpleTable } from '../helpers/review-scan.js';

const CATEGORIES = ['system.operations', 'user.contact.email', 'user.name', 'user.unique_id', 'user.contact.phone_number'];
const TABLES = ['accounts', 'orders', 'people', 'tickets'];
const COLUMNS = ['email', 'id', 'name', 'note', 'phone', 'ref', 'payload', 'payload.email', 'payload.ip'];
/** A key inside the JSON column `payload`, stored in the database model as a column named `payload.key`. */
const isNested = (column: string): boolean => column.includes('.');
const SCHEMAS = ['crm', 'public'];

type Proposal = { categories: string[]; confidence: number };
/** The database: schema → table → column → what the classifier proposes for it. */
type Db = Map<string, Map<string, Map<string, Proposal>>>;

type Step =
  | { kind: 'addTable'; schema: string; table: string; columns: string[]; proposal: Proposal }
  | { kind: 'dropTable'; pick: number }
  | { kind: 'addColumn'; pick: number; column: string; proposal: Proposal }
  | { kind: 'dropColumn'; pick: number; col: number }
  | { kind: 'repropose'; pick: number; col: number; proposal: Proposal }
  | { kind: 'scan'; skip: number | null; outOfScope: number | null }
  | { kind: 'human'; op: 'accept' | 'set' | 'ignore' | 'restore' | 'remove'; pick: number; categories: string[] };

const proposalArb: fc.Arbitrary<Proposal> = fc.record({
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 2 }),
  confidence: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
});
const pick = fc.nat(1000);
/** A table pick about once in `n` scans, else null. */
const sometimes = (n: number): fc.Arbitrary<number | null> => fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: pick });

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addTable' as const), schema: fc.constantFrom(...SCHEMAS), table: fc.constantFrom(...TABLES), columns: fc.uniqueArray(fc.constantFrom(...COLUMNS), { minLength: 1, maxLength: 4 }), proposal: proposalArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropTable' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addColumn' as const), pick, column: fc.constantFrom(...COLUMNS), proposal: proposalArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dropColumn' as const), pick, col: pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('repropose' as const), pick, col: pick, proposal: proposalArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('scan' as const), skip: sometimes(3), outOfScope: sometimes(4) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('human' as const),
      op: fc.constantFrom('accept' as const, 'set' as const, 'ignore' as const, 'restore' as const, 'remove' as const),
      pick,
      categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 3 }),
    }),
  },
);

function tableList(db: Db): { schema: string; table: string; columns: Map<string, Proposal> }[] {
  return [...db].flatMap(([schema, tables]) => [...tables].map(([table, columns]) => ({ schema, table, columns })));
}

function toScan(db: Db, skipped: string | undefined, excluded: string | undefined): SimpleTable[] {
  return tableList(db)
    .filter((t) => `${t.schema}.${t.table}` !== excluded)
    .map((t) => ({
      schema: t.schema,
      name: t.table,
      skipped: `${t.schema}.${t.table}` === skipped,
      columns: [...t.columns]
        .filter(([name]) => !isNested(name))
        .map(([name, p]) => ({ name, categories: p.categories, confidence: p.confidence, nested: nestedOf(t.columns, name, `${t.schema}.${t.table}` === skipped) })),
    }));
}

/** A merge summary with its lists sorted: the streamed merge lists in file order, the whole-Document one in scan order. */
function inAnyOrder(summary: MergeSummary): Record<string, unknown> {
  return Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => JSON.stringify(x)).sort() : v]));
}

/** The keys a sample of `column` finds (none in a table that could not be sampled). */
function nestedOf(columns: Map<string, Proposal>, column: string, skipped: boolean): SimpleNestedField[] | undefined {
  if (skipped) return undefined;
  const inside = [...columns].filter(([name]) => name.startsWith(`${column}.`));
  return inside.length === 0
    ? undefined
    : inside.map(([name, p]) => ({
        path: name.slice(column.length + 1),
        categories: p.categories,
        confidence: p.confidence,
      }));
}

class Run {
  readonly db: Db = new Map();
  file = ReviewFile.parse(YAML.stringify(scanFile([], ['public'])), 'prop.yml');
  /** What people decided, by address: the ground truth no scan may change. */
  readonly decisions = new Map<string, { address: FieldAddress; state: FieldState }>();
  readonly undo: { address: FieldAddress; previous: FieldState }[] = [];
  scans = 0;
  humanActions = 0;

  apply(step: Step): void {
    const tables = tableList(this.db);
    const table = tables.length > 0 && 'pick' in step ? tables[step.pick % tables.length] : undefined;
    switch (step.kind) {
      case 'addTable': {
        const schema = this.db.get(step.schema) ?? new Map();
        this.db.set(step.schema, schema);
        if (!schema.has(step.table)) schema.set(step.table, new Map(step.columns.map((c) => [c, step.proposal])));
        break;
      }
      case 'dropTable':
        if (table) this.db.get(table.schema)!.delete(table.table);
        break;
      case 'addColumn':
        if (table && !table.columns.has(step.column)) table.columns.set(step.column, step.proposal);
        break;
      case 'dropColumn':
        if (table && table.columns.size > 1) table.columns.delete([...table.columns.keys()][step.col % table.columns.size]);
        break;
      case 'repropose':
        if (table) table.columns.set([...table.columns.keys()][step.col % table.columns.size], step.proposal);
        break;
      case 'scan':
        this.scan(step, tables);
        break;
      case 'human':
        this.human(step);
        break;
    }
  }

  private scan(step: Extract<Step, { kind: 'scan' }>, tables: ReturnType<typeof tableList>): void {
    const name = (i: number | null): string | undefined => (i === null || tables.length === 0 ? undefined : `${tables[i % tables.length].schema}.${tables[i % tables.length].table}`);
    const skipped = name(step.skip);
    const excluded = name(step.outOfScope);
    const scope: MergeScope = { coversTable: (s, t) => `${s}.${t}` !== excluded, coversColumn: () => true };
    const before = this.file.fields();
    // Save, then merge as the CLI does: streamed, into the saved text.
    const saved = this.file.toString();
    const scanned = toScan(this.db, skipped, excluded);
    const streamed = mergeStreamed(saved, scanned, ['public'], { scope });
    // The same as the whole-Document merge, text and summary.
    const whole = ReviewFile.parse(saved, 'prop.yml');
    const wholeSummary = whole.mergeScan(scanFile(scanned, ['public']), { scope });
    expect(streamed.text).toBe(whole.toString());
    expect(inAnyOrder(streamed.summary)).toEqual(inAnyOrder(wholeSummary));
    // The drift a merge reports (scheduled sources) is the drift between the file before and after, in both merges.
    const fileDrift = compareDatasetFiles(YAML.parse(saved), YAML.parse(streamed.text));
    expect(driftOfMerge(mergeStreamed(saved, scanned, ['public'], { scope, trackChanges: true }).summary.changes!)).toEqual(fileDrift);
    const tracked = ReviewFile.parse(saved, 'prop.yml').mergeScan(scanFile(scanned, ['public']), { scope, trackChanges: true });
    expect(driftOfMerge(tracked.changes!)).toEqual(fileDrift);
    this.file = ReviewFile.parse(streamed.text, 'prop.yml');
    this.scans++;
    const text = this.file.toString();
    const after = new Map(this.file.fields().map((f) => [addressKey(f.address), f]));

    // 1. Every human decision is still there, exactly.
    for (const [key, { state }] of this.decisions) {
      const f = after.get(key);
      expect(f, `decided field ${key} was dropped`).toBeDefined();
      expect({ status: f!.status, categories: f!.categories }, `decision on ${key} changed`).toEqual({ status: state.status, categories: state.categories });
    }
    // 2. Nothing is deleted by a scan: vanished fields are only marked.
    for (const f of before) expect(after.has(addressKey(f.address)), `${addressKey(f.address)} was deleted`).toBe(true);
    // 3. The file reflects the database where the scan looked.
    for (const t of tableList(this.db)) {
      const id = `${t.schema}.${t.table}`;
      if (id === excluded) continue;
      for (const [column, p] of t.columns) {
        // A key is only seen where its column is and the table was sampled.
        if (isNested(column) && (!t.columns.has(column.split('.')[0]) || id === skipped)) continue;
        const f = after.get(addressKey({ dataset: `shop_${t.schema}`, collection: t.table, field: column }));
        expect(f, `${id}.${column} missing`).toBeDefined();
        expect(f!.isRemoved).toBe(false);
        if (f!.status === 'proposed' && id !== skipped) expect(f!.categories).toEqual(p.categories);
      }
    }
    for (const f of after.values()) {
      const id = `${f.schema}.${f.address.collection}`;
      const columns = this.db.get(f.schema)?.get(f.address.collection);
      const inDb = columns?.has(f.address.field) ?? false;
      if (isNested(f.address.field)) {
        // A vanished key is known to be gone when its column was sampled and held other keys.
        const parent = f.address.field.split('.')[0];
        const sampledKeys = columns?.has(parent) === true && [...columns.keys()].some((c) => c.startsWith(`${parent}.`));
        if (!inDb && sampledKeys && id !== excluded && id !== skipped) expect(f.isRemoved, `${addressKey(f.address)} not marked removed`).toBe(true);
        continue;
      }
      if (!inDb && id !== excluded && id !== skipped) expect(f.isRemoved, `${addressKey(f.address)} not marked removed`).toBe(true);
    }
    // 4. Valid, sorted fideslang that loads again to the same thing.
    expect(validateFidesDatasetFile(YAML.parse(text))).toEqual([]);
    expect(ReviewFile.parse(text).toString()).toBe(text);
  }

  private human(step: Extract<Step, { kind: 'human' }>): void {
    const fields = this.file.fields();
    if (step.op === 'restore') {
      const last = this.undo.pop();
      if (!last || !fields.some((f) => addressKey(f.address) === addressKey(last.address))) return;
      this.file.restore(last.address, last.previous);
      this.record(last.address, last.previous);
      this.humanActions++;
      return;
    }
    if (fields.length === 0) return;
    const f = fields[step.pick % fields.length];
    const a = f.address;
    this.humanActions++;
    if (step.op === 'remove') {
      if (!f.isRemoved) return;
      this.file.remove(a);
      // The person removed the field with whatever is inside it.
      for (const key of [...this.decisions.keys()]) {
        const d = this.decisions.get(key)!.address;
        if (d.dataset === a.dataset && d.collection === a.collection && (d.field === a.field || d.field.startsWith(`${a.field}.`))) this.decisions.delete(key);
      }
      return;
    }
    if (step.op === 'accept' && f.categories.length === 0) return;
    const previous = step.op === 'accept' ? this.file.accept(a) : step.op === 'set' ? this.file.set(a, step.categories) : this.file.ignore(a);
    expect(previous).toMatchObject({ status: f.status, categories: f.categories });
    this.undo.push({ address: a, previous });
    const status = step.op === 'accept' ? 'accepted' : step.op === 'set' ? 'edited' : 'ignored';
    this.record(a, { status, categories: step.op === 'set' ? step.categories : f.categories });
  }

  private record(address: FieldAddress, state: FieldState): void {
    if (state.status === 'proposed') this.decisions.delete(addressKey(address));
    else this.decisions.set(addressKey(address), { address, state: { status: state.status, categories: [...state.categories] } });
  }
}

/** Raise for a longer hunt: PIISCOUT_PROPERTY_RUNS=2000 npx vitest run test/unit/merge-property.test.ts */
const RUNS = Number(process.env.PIISCOUT_PROPERTY_RUNS ?? 100);
const MAX_STEPS = 40;

describe('merge property: no human decision is ever lost or changed by a scan', () => {
  it(`holds for ${RUNS} random sequences of up to ${MAX_STEPS} scans, schema changes and review actions`, () => {
    let scans = 0;
    let actions = 0;
    let steps = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 5, maxLength: MAX_STEPS, size: 'max' }), (sequence) => {
        const run = new Run();
        // Start from a scanned database, so review actions have fields to work on from the first step.
        run.apply({ kind: 'addTable', schema: 'public', table: 'people', columns: ['email', 'id', 'name'], proposal: { categories: ['user.name'], confidence: 0.9 } });
        run.apply({ kind: 'scan', skip: null, outOfScope: null });
        for (const step of sequence) run.apply(step);
        run.apply({ kind: 'scan', skip: null, outOfScope: null }); // every sequence ends with a full scan
        scans += run.scans;
        actions += run.humanActions;
        steps += sequence.length + 3;
      }),
      { numRuns: RUNS },
    );
    // The sequences must actually exercise decisions and scans, or the property proves little.
    expect(scans).toBeGreaterThan(RUNS * 4);
    expect(actions).toBeGreaterThan(RUNS * 5);
    console.log(`merge property: ${RUNS} sequences, ${steps} steps, ${scans} scans, ${actions} review actions`);
  }, 60_000 + RUNS * 1_000);
});
