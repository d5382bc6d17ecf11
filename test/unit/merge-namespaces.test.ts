/**
 * Decisions stay with their schema. Keys derived from names collide (`клиенты` and `заказы` both
 * cleaned to the same key; `a b`, `a;b`, `a_b`) and used to shift when a schema appeared, moving
 * decisions to another schema's dataset. Merging matches datasets by namespace and keeps each
 * dataset's key once written; files from before namespaces were recorded still merge.
 */
import { describe, expect, it } from 'vitest';
import YAML, { type YAMLMap, type YAMLSeq } from 'yaml';
import { buildDatasetFile, datasetFileToYaml } from '../../src/fides/dataset-writer.js';
import { mergeShardTexts } from '../../src/fides/dataset-file/merge-shards.js';
import { ReviewFile, type ReviewField } from '../../src/review/review-file.js';
import { scanResult, type SimpleTable } from '../helpers/review-scan.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';

const SCHEMAS = ['клиенты', 'заказы', 'a b', 'a;b', 'a_b'];
/** What a person decided per schema for `people.email`. */
const DECISIONS: Record<string, { status: ReviewField['status']; categories: string[] }> = {
  клиенты: { status: 'accepted', categories: ['user.contact.email'] },
  заказы: { status: 'edited', categories: ['user.name'] },
  'a b': { status: 'ignored', categories: ['user.contact.email'] },
  'a;b': { status: 'edited', categories: ['user.contact.phone_number'] },
  a_b: { status: 'edited', categories: ['user.unique_id'] },
};

const tablesIn = (schemas: readonly string[]): SimpleTable[] =>
  schemas.flatMap((schema) => [
    { schema, name: 'people', columns: [{ name: 'email', categories: ['user.contact.email'] }, { name: 'id', pk: true }] },
    { schema, name: 'orders', columns: [{ name: 'people_id', references: 'people.id' }, { name: 'total' }] },
  ]);
const options = (scannedAt: string) => ({ scannedAt, toolVersion: '0.0.0-test', sampleSize: 100, keyPrefix: 'shop' });

function scanText(schemas: readonly string[]): string {
  return datasetFileToYaml(buildDatasetFile(scanResult(tablesIn(schemas), schemas), options('2026-01-01T00:00:00.000Z')));
}

/** What `piiscout scan` does with an existing file: keys from the file, then the merge. */
function rescan(review: ReviewFile, schemas: readonly string[]) {
  const file = buildDatasetFile(scanResult(tablesIn(schemas), schemas), { ...options('2026-02-01T00:00:00.000Z'), existingKeys: review.datasetKeys() });
  return review.mergeScan(file);
}

function decide(review: ReviewFile): void {
  for (const f of review.fields()) {
    if (f.address.collection !== 'people' || f.address.field !== 'email') continue;
    const d = DECISIONS[f.schema];
    if (d.status === 'accepted') review.accept(f.address);
    else if (d.status === 'ignored') review.ignore(f.address);
    else review.set(f.address, d.categories);
  }
}

/** schema → its people.email field, by the dataset's namespace schema. */
function emailBySchema(review: ReviewFile): Map<string, ReviewField> {
  return new Map(review.fields().filter((f) => f.address.collection === 'people' && f.address.field === 'email').map((f) => [f.schema, f]));
}

function expectDecisionsKept(review: ReviewFile): void {
  const emails = emailBySchema(review);
  for (const schema of SCHEMAS) expect(emails.get(schema), schema).toMatchObject({ ...DECISIONS[schema], isRemoved: false });
  expect(review.fields().filter((f) => f.isRemoved)).toEqual([]);
  expect(validateFidesDatasetFile(YAML.parse(review.toString()))).toEqual([]);
}

/** Each dataset's key, by its namespace schema. */
function keysBySchema(text: string): Map<string, string> {
  const doc = YAML.parse(text) as { dataset: { fides_key: string; fides_meta: { namespace: { schema: string } } }[] };
  return new Map(doc.dataset.map((d) => [d.fides_meta.namespace.schema, d.fides_key]));
}

/**
 * The file as piiscout wrote it before namespaces were recorded: keys from the old cleaning (in
 * schema order: `shop_a_b`, `shop_a_b_2`, `shop_a_b_3`, `shop`, `shop_2`) and no `meta.piiscout.namespace`.
 */
function oldStyleFile(text: string, keepFidesNamespace: boolean): string {
  const doc = YAML.parseDocument(text);
  const datasets = (doc.contents as YAMLMap).get('dataset') as YAMLSeq<YAMLMap>;
  const oldKeys: Record<string, string> = { 'a b': 'shop_a_b', 'a;b': 'shop_a_b_2', a_b: 'shop_a_b_3', заказы: 'shop', клиенты: 'shop_2' };
  const renamed = new Map<string, string>();
  for (const d of datasets.items) {
    const schema = String(d.getIn(['fides_meta', 'namespace', 'schema']));
    renamed.set(String(d.get('fides_key')), oldKeys[schema]);
    d.set('fides_key', oldKeys[schema]);
    d.deleteIn(['meta', 'piiscout', 'namespace']);
    if (!keepFidesNamespace) d.delete('fides_meta');
  }
  return doc.toString({ lineWidth: 0 }).replace(/dataset: (shop_\S+)/g, (m, key: string) => `dataset: ${renamed.get(key) ?? key}`);
}

describe('merging matches datasets by namespace', () => {
  it('keeps every decision with its schema when schemas whose names clean up alike appear, and keeps the keys', () => {
    const review = ReviewFile.parse(scanText(SCHEMAS));
    const keys = keysBySchema(review.toString());
    expect(new Set(keys.values()).size).toBe(SCHEMAS.length);
    decide(review);

    // New schemas that sort before the others and clean up to the same keys as them.
    const summary = rescan(review, ['архив', 'a a', 'a:b', ...SCHEMAS]);
    expect(summary.removedFields).toEqual([]);
    expect(summary.removedTables).toEqual([]);
    expect(summary.decisionsKept).toBe(SCHEMAS.length);
    expect(summary.newDatasets).toHaveLength(3);
    expectDecisionsKept(review);
    const after = keysBySchema(review.toString());
    for (const schema of SCHEMAS) expect(after.get(schema), schema).toBe(keys.get(schema));
    expect(new Set(after.values()).size).toBe(SCHEMAS.length + 3);

    // A later scan without the new schemas marks only them removed.
    const later = rescan(review, SCHEMAS);
    expect(new Set(later.removedTables.map((t) => t.dataset))).toEqual(new Set([after.get('архив'), after.get('a a'), after.get('a:b')]));
    const emails = emailBySchema(review);
    for (const schema of SCHEMAS) expect(emails.get(schema)).toMatchObject({ ...DECISIONS[schema], isRemoved: false });
  });

  it('references follow the keys the file gives its datasets', () => {
    const review = ReviewFile.parse(scanText(SCHEMAS));
    rescan(review, ['архив', ...SCHEMAS]);
    const doc = YAML.parse(review.toString()) as {
      dataset: {
        fides_key: string;
        collections: {
          name: string;
          fields: { name: string; fides_meta?: { references?: { dataset: string }[] } }[];
        }[];
      }[];
    };
    for (const d of doc.dataset) {
      const ref = d.collections.find((c) => c.name === 'orders')!.fields.find((f) => f.name === 'people_id')!.fides_meta!.references!;
      expect(ref.map((r) => r.dataset), d.fides_key).toEqual([d.fides_key]);
    }
  });

  it('merges into a file written before namespaces were recorded, by its fides_meta.namespace, keeping its keys', () => {
    const old = oldStyleFile(scanText(SCHEMAS), true);
    const review = ReviewFile.parse(old);
    decide(review);
    const summary = rescan(review, ['архив', 'a a', ...SCHEMAS]);
    expect(summary.removedFields).toEqual([]);
    expectDecisionsKept(review);
    const keys = keysBySchema(review.toString());
    expect(Object.fromEntries(SCHEMAS.map((s) => [s, keys.get(s)]))).toEqual({ 'a b': 'shop_a_b', 'a;b': 'shop_a_b_2', a_b: 'shop_a_b_3', заказы: 'shop', клиенты: 'shop_2' });
    // The namespace is recorded from now on.
    expect(review.toString()).toContain('namespace:\n          database: shop\n          schema: клиенты');
  });

  it('falls back to the fides_key for datasets without any namespace', () => {
    // Keys as this version writes them, but neither namespace recorded: the key is all there is.
    const text = scanText(SCHEMAS).replace(/\n {8}namespace:\n {10}database: shop\n {10}schema: .*/g, '').replace(/\n {4}fides_meta:\n {6}namespace:\n {8}database_name: shop\n {8}schema: .*/g, '');
    expect(text).not.toContain('namespace');
    const review = ReviewFile.parse(text);
    decide(review);
    const summary = rescan(review, SCHEMAS);
    expect(summary.newDatasets).toEqual([]);
    expectDecisionsKept(review);
  });

  it('does not merge a scanned schema into a hand-written dataset of another namespace that has its key', () => {
    const scanned = scanText(['клиенты']);
    const key = keysBySchema(scanned).get('клиенты')!;
    const handWritten = `dataset:\n  - fides_key: ${key}\n    meta:\n      piiscout: {namespace: {database: other, schema: клиенты}}\n    collections:\n      - name: people\n        fields:\n          - name: email\n            data_categories: [user.name]\n            piiscout: {status: accepted}\n`;
    const review = ReviewFile.parse(handWritten);
    const summary = rescan(review, ['клиенты']);
    expect(summary.newDatasets).toEqual([`${key}_2`]);
    const kept = review.fields().find((f) => f.address.dataset === key && f.address.field === 'email');
    expect(kept).toMatchObject({ status: 'accepted', categories: ['user.name'] });
  });
});

describe('shard merge matches datasets by namespace', () => {
  it('joins the same namespace under different keys into one dataset, and keeps different namespaces with one key apart', () => {
    const a = scanText(['клиенты']);
    const key = keysBySchema(a).get('клиенты')!;
    const b = a.replaceAll(key, 'renamed_key').replace('- name: people\n', '- name: zz_people\n');
    const c = a.replaceAll('schema: клиенты', 'schema: other').replace(/name: клиенты/, 'name: other').replace('- name: people\n', '- name: yy_people\n');
    const merged = YAML.parse(
      mergeShardTexts([
        { name: 'a', text: a },
        { name: 'b', text: b },
        { name: 'c', text: c },
      ]).yaml,
    ) as {
      dataset: {
        fides_key: string;
        name: string;
        collections: {
          name: string;
          fields: { name: string; fides_meta?: { references?: { dataset: string }[] } }[];
        }[];
      }[];
    };
    expect(merged.dataset.map((d) => [d.name, d.fides_key])).toEqual([
      ['other', `${key}_2`],
      ['клиенты', key],
    ]);
    const klienty = merged.dataset[1];
    const other = merged.dataset[0];
    expect(klienty.collections.map((c) => c.name)).toEqual(['orders', 'people', 'zz_people']);
    expect(other.collections.map((c) => c.name)).toEqual(['orders', 'yy_people']);
    const ref = other.collections.find((c) => c.name === 'orders')!.fields.find((f) => f.name === 'people_id')!.fides_meta!.references!;
    expect(ref).toEqual([{ dataset: `${key}_2`, field: 'people.id' }]);
  });
});
