/**
 * Review actions spliced into the file (review-splice.ts) against the whole-Document path
 * (ReviewFile): on generated files with comments, unknown keys, nested fields, decisions and the
 * cases the splice must leave to the Document (a table or dataset key given twice), every action
 * writes the same bytes, returns the same undo and fails the same way; the files Fides loads.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import YAML, { type YAMLMap, type YAMLSeq } from 'yaml';
import { applyAction, type AppliedAction } from '../../src/review/review-actions.js';
import { ConflictError, ReviewFile, type FieldAddress } from '../../src/review/review-file.js';
import { loadForReview, SplicedReviewFile, type ReviewEditor } from '../../src/review/review-splice.js';
import type { ActionRequest } from '../../src/review/api-types.js';
import { fidesLoadProblems } from '../helpers/fides-load-check.js';
import { scanYaml, type SimpleTable } from '../helpers/review-scan.js';

const CATEGORIES = ['system.operations', 'user.contact.email', 'user.name', 'user.unique_id', 'user.contact.phone_number'];
const TABLES = ['accounts', 'orders', 'people', 'tickets', 'v1.users'];
const COLUMNS = ['email', 'id', 'name', 'note', 'phone', 'e.mail'];

const tableArb: fc.Arbitrary<SimpleTable> = fc.record({
  name: fc.constantFrom(...TABLES),
  columns: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom(...COLUMNS),
      categories: fc.option(fc.uniqueArray(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 2 }), { nil: undefined }),
      confidence: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
      nested: fc.option(
        fc.uniqueArray(fc.record({ path: fc.constantFrom('a', 'b', 'a.c'), categories: fc.constant(['user.name']), confidence: fc.constant(0.5) }), {
          minLength: 1,
          maxLength: 2,
          selector: (n) => n.path,
        }),
        { nil: undefined, freq: 4 },
      ),
    }),
    { minLength: 1, maxLength: 4, selector: (c) => c.name },
  ),
});

/** What a person did to the file by hand before reviewing on the page. */
interface Decoration {
  readonly comments: { readonly pick: number; readonly text: string; readonly before: boolean }[];
  readonly unknownKeys: { readonly pick: number; readonly level: 'dataset' | 'collection' | 'field' }[];
  /** Append a copy of a collection (a hand-merged file): the splice leaves that table to the Document. */
  readonly duplicateCollection: number | null;
  /** Append a copy of the first dataset under the same key: the splice leaves that dataset to the Document. */
  readonly duplicateDataset: boolean;
  /** Fields and tables a re-scan found gone from the database (`piiscout.removed`), for --remove. */
  readonly removedMarks: { readonly pick: number; readonly level: 'collection' | 'field' }[];
}

type Op = { readonly op: 'accept' | 'ignore' | 'set' | 'restore' | 'remove'; readonly picks: number[]; readonly categories: string[] };
const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom('accept' as const, 'ignore' as const, 'set' as const, 'restore' as const, 'remove' as const),
  picks: fc.array(fc.nat(1000), { minLength: 1, maxLength: 3 }),
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES, 'user.not_a_category'), { minLength: 1, maxLength: 2 }),
});

const caseArb = fc.record({
  tables: fc.uniqueArray(tableArb, { minLength: 1, maxLength: 4, selector: (t) => t.name }),
  twoSchemas: fc.boolean(),
  decoration: fc.record({
    comments: fc.array(fc.record({ pick: fc.nat(1000), text: fc.constantFrom(' checked by Ana', ' TODO legal', ' see ticket #12'), before: fc.boolean() }), { maxLength: 4 }),
    unknownKeys: fc.array(fc.record({ pick: fc.nat(1000), level: fc.constantFrom('dataset' as const, 'collection' as const, 'field' as const) }), { maxLength: 3 }),
    duplicateCollection: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat(1000) }),
    duplicateDataset: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    removedMarks: fc.array(fc.record({ pick: fc.nat(1000), level: fc.constantFrom('collection' as const, 'field' as const, 'field' as const) }), { maxLength: 6 }),
  }) as fc.Arbitrary<Decoration>,
  ops: fc.array(opArb, { minLength: 1, maxLength: 8 }),
});

/** The file: a scan of the tables, decorated through the Document, written as the Document writes it. */
function buildFile(tables: readonly SimpleTable[], twoSchemas: boolean, decoration: Decoration): string {
  const schemas = twoSchemas ? ['public', 'crm'] : ['public'];
  const withSchemas = twoSchemas ? [...tables, ...tables.map((t) => ({ ...t, schema: 'crm' }))] : tables;
  const doc = ReviewFile.parse(scanYaml(withSchemas, schemas)).document;
  const datasets = (doc.contents as YAMLMap).get('dataset') as YAMLSeq<YAMLMap>;
  const collections = datasets.items.flatMap((d) => ((d.get('collections') as YAMLSeq<YAMLMap> | undefined)?.items ?? []));
  const fields: YAMLMap[] = [];
  const walk = (seq: unknown): void => {
    if (!YAML.isSeq(seq)) return;
    for (const f of seq.items as YAMLMap[]) {
      fields.push(f);
      walk(f.get('fields'));
    }
  };
  for (const c of collections) walk(c.get('fields'));
  for (const c of decoration.comments) {
    const node = fields[c.pick % fields.length].get('data_categories', true) as YAML.Node | undefined;
    const target = node ?? fields[c.pick % fields.length];
    if (c.before) fields[c.pick % fields.length].commentBefore = c.text;
    else target.comment = c.text;
  }
  decoration.unknownKeys.forEach((k, i) => {
    const list = k.level === 'dataset' ? datasets.items : k.level === 'collection' ? collections : fields;
    list[k.pick % list.length].set(`x_owner_${i}`, 'team data');
  });
  for (const mark of decoration.removedMarks) {
    const node = (mark.level === 'collection' ? collections : fields)[mark.pick % (mark.level === 'collection' ? collections.length : fields.length)];
    const record = node.get('piiscout');
    if (YAML.isMap(record)) record.set('removed', true);
    else node.set('piiscout', doc.createNode({ removed: true }));
  }
  if (decoration.duplicateCollection !== null) {
    const original = collections[decoration.duplicateCollection % collections.length];
    const dataset = datasets.items.find((d) => (d.get('collections') as YAMLSeq).items.includes(original))!;
    const copy = original.clone() as YAMLMap;
    // A field only the second copy has: the whole Document finds it there, so the splice must not look only at the first.
    (copy.get('fields') as YAMLSeq).items.push(doc.createNode({ name: 'only_in_copy', data_categories: ['user.name'] }));
    (dataset.get('collections') as YAMLSeq).items.push(copy);
  }
  if (decoration.duplicateDataset) datasets.items.push(datasets.items[0].clone() as YAMLMap);
  return ReviewFile.parse(doc.toString()).toString();
}

/** Every field's address (from the whole Document, the reference). */
const addressesOf = (text: string): FieldAddress[] => ReviewFile.parse(text).fields().map((f) => f.address);
/** The addresses of the fields marked removed, and one more that is not when the first pick asks for it (an error case). */
const removalCandidates = (text: string, op: Op): FieldAddress[] => {
  const fields = ReviewFile.parse(text).fields();
  const marked = fields.filter((f) => f.isRemoved).map((f) => f.address);
  return op.picks[0] % 5 === 0 || marked.length === 0 ? fields.map((f) => f.address) : marked;
};

const pickedAddresses = (op: Op, addresses: readonly FieldAddress[]): FieldAddress[] => [
  ...new Map(op.picks.map((p) => addresses[p % addresses.length]).map((a) => [JSON.stringify(a), a])).values(),
];

function requestFor(op: Op, addresses: readonly FieldAddress[], version: string, lastUndo: AppliedAction['undo'] | undefined): ActionRequest | undefined {
  const picked = pickedAddresses(op, addresses);
  switch (op.op) {
    case 'remove':
      return undefined;
    case 'accept':
    case 'ignore':
      return { action: op.op, addresses: picked, expectedVersion: version };
    case 'set':
      return { action: 'set', addresses: picked, categories: op.categories, expectedVersion: version };
    case 'restore':
      return lastUndo && { action: 'restore', restores: lastUndo, expectedVersion: version };
  }
}

/** As `review --remove A B ...` does: every removal, then one save; the error's message when one fails (nothing saved). */
function removeAll(file: ReviewEditor, addresses: readonly FieldAddress[]): { saved: true } | { error: string } {
  try {
    for (const a of addresses) file.remove(a);
    file.save();
    return { saved: true };
  } catch (error) {
    return { error: (error as Error).message.replaceAll(file.path, '<file>') };
  }
}

/** Applies the request; the result or the error's message. */
function attempt(file: ReviewEditor, request: ActionRequest): { applied: AppliedAction } | { error: string } {
  try {
    return { applied: applyAction(file, request) };
  } catch (error) {
    return { error: (error as Error).message.replaceAll(path.dirname(file.path), '<dir>') };
  }
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-splice-'));
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

const RUNS = Number(process.env.PIISCOUT_PROPERTY_RUNS ?? 100);

describe('review actions spliced into the file', () => {
  it(`write what the whole Document writes, on ${RUNS} generated files and action sequences, and Fides loads the results`, () => {
    let spliced = 0;
    let whole = 0;
    const removed = { spliced: 0, whole: 0 };
    let run = 0;
    const finals: string[] = [];
    fc.assert(
      fc.property(caseArb, ({ tables, twoSchemas, decoration, ops }) => {
        run++;
        const text = buildFile(tables, twoSchemas, decoration);
        const fileA = path.join(dir, `whole-${run}.yml`);
        const fileB = path.join(dir, `spliced-${run}.yml`);
        fs.writeFileSync(fileA, text);
        fs.writeFileSync(fileB, text);
        let a: ReviewEditor = ReviewFile.load(fileA);
        let b = loadForReview(fileB);
        expect(b).toBeInstanceOf(SplicedReviewFile);
        expect(b.version).toBe(a.version);
        let lastUndo: AppliedAction['undo'] | undefined;
        ops.forEach((op, step) => {
          const addresses = addressesOf(fs.readFileSync(fileA, 'utf8'));
          if (addresses.length === 0) return;
          if (op.op === 'remove') {
            const picked = pickedAddresses(op, removalCandidates(fs.readFileSync(fileA, 'utf8'), op));
            const resultA = removeAll(a, picked);
            const resultB = removeAll(b, picked);
            expect(resultB).toEqual(resultA);
            if ('saved' in resultB) {
              lastUndo = undefined;
              if ((b as SplicedReviewFile).lastSaveSpliced) removed.spliced++;
              else removed.whole++;
            }
            // As the CLI does: every command reads the file anew.
            a = ReviewFile.load(fileA);
            b = loadForReview(fileB);
            expect(fs.readFileSync(fileB, 'utf8')).toBe(fs.readFileSync(fileA, 'utf8'));
            return;
          }
          const request = requestFor(op, addresses, a.version, lastUndo);
          if (!request) return;
          vi.setSystemTime(new Date(Date.UTC(2026, 0, 2, 0, 0, step)));
          const resultA = attempt(a, request);
          const resultB = attempt(b, { ...request });
          expect(resultB).toEqual(resultA);
          if ('applied' in resultB) {
            lastUndo = resultB.applied.undo;
            if ((b as SplicedReviewFile).lastSaveSpliced) spliced++;
            else whole++;
          } else {
            // As the review server does after a failed action: read the file again.
            a = ReviewFile.load(fileA);
            b = loadForReview(fileB);
          }
          expect(fs.readFileSync(fileB, 'utf8')).toBe(fs.readFileSync(fileA, 'utf8'));
        });
        // A hand-merged file (a table or dataset twice) is one Fides refuses before any review.
        if (finals.length < 20 && decoration.duplicateCollection === null && !decoration.duplicateDataset) finals.push(fileB);
      }),
      { numRuns: RUNS },
    );
    // Both paths must be exercised: most actions spliced, the duplicated keys through the Document.
    expect(spliced).toBeGreaterThan(RUNS);
    expect(whole).toBeGreaterThan(0);
    expect(removed.spliced).toBeGreaterThan(RUNS / 10);
    expect(removed.whole).toBeGreaterThan(0);
    console.log(
      `review splice: ${RUNS} files, ${spliced} actions spliced, ${whole} through the whole Document; ` +
        `removals: ${removed.spliced} spliced, ${removed.whole} through the whole Document`,
    );
    expect(finals.length).toBeGreaterThan(5);
    expect(fidesLoadProblems(finals)).toEqual([]);
  }, 60_000 + RUNS * 500);

  it('keeps every byte outside the edited table, where the whole Document would rewrite the file', () => {
    const canonical = scanYaml([
      { name: 'customers', columns: [{ name: 'email', categories: ['user.contact.email'], confidence: 0.95 }] },
      { name: 'orders', columns: [{ name: 'note', categories: ['system.operations'], confidence: 0.4 }] },
    ]);
    // A person's own spacing and comments in another table and in the header: not how the writer writes them.
    const handWritten = canonical
      .replace('dataset:\n', '# inventory, kept by hand\ndataset:\n')
      .replace(/( {6}- name: orders\n)/, '$1        # owner:   billing team\n        x_retention:    "7 years"\n');
    expect(ReviewFile.parse(handWritten).toString()).not.toBe(handWritten);
    const file = path.join(dir, 'hand.yml');
    fs.writeFileSync(file, handWritten);
    const editor = loadForReview(file);
    expect(editor).toBeInstanceOf(SplicedReviewFile);
    applyAction(editor, { action: 'accept', addresses: [{ dataset: 'shop_public', collection: 'customers', field: 'email' }], expectedVersion: editor.version });
    const written = fs.readFileSync(file, 'utf8');
    const ordersAt = handWritten.indexOf('      - name: orders');
    expect(written.slice(written.indexOf('      - name: orders'))).toBe(handWritten.slice(ordersAt));
    expect(written).toContain('# inventory, kept by hand\ndataset:\n');
    expect(ReviewFile.parse(written).fields()[0]).toMatchObject({ status: 'accepted', categories: ['user.contact.email'] });
  });

  it('leaves files in another layout to the whole Document', () => {
    const text = scanYaml([{ name: 'customers', columns: [{ name: 'email', categories: ['user.contact.email'] }] }]);
    for (const other of [text.replaceAll('\n', '\r\n'), YAML.stringify(YAML.parse(text), { indentSeq: false }), text.replace('    collections:\n', '    collections: # tables\n')]) {
      const file = path.join(dir, 'other.yml');
      fs.writeFileSync(file, other);
      expect(loadForReview(file)).toBeInstanceOf(ReviewFile);
    }
  });

  it('refuses to write over a file changed on disk since it was read, and writes nothing', () => {
    const text = scanYaml([{ name: 'customers', columns: [{ name: 'email', categories: ['user.contact.email'] }] }]);
    const file = path.join(dir, 'changed.yml');
    fs.writeFileSync(file, text);
    const editor = loadForReview(file);
    expect(editor).toBeInstanceOf(SplicedReviewFile);
    const changed = text.replace('status: proposed', 'status: ignored');
    fs.writeFileSync(file, changed);
    const accept = { action: 'accept' as const, addresses: [{ dataset: 'shop_public', collection: 'customers', field: 'email' }], expectedVersion: editor.version };
    expect(() => applyAction(editor, accept)).toThrow(ConflictError);
    expect(fs.readFileSync(file, 'utf8')).toBe(changed);
  });
});
