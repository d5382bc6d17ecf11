import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { mergeShardTexts } from '../../src/fides/dataset-file/merge-shards.js';

const file = (
  scannedAt: string,
  datasets: {
    key: string;
    tables: { name: string; status?: string; fields: { name: string; cats: string[]; status?: string }[] }[];
  }[],
): string =>
  YAML.stringify({
    dataset: datasets.map((d) => ({
      fides_key: d.key,
      name: d.key,
      meta: {
        piiscout: {
          scanned_at: scannedAt,
          tables: d.tables.length,
          tables_scanned: d.tables.length,
          tables_skipped: 0,
        },
      },
      collections: d.tables.map((t) => ({
        name: t.name,
        piiscout: { status: t.status ?? 'scanned' },
        fields: t.fields.map((f) => ({
          name: f.name,
          data_categories: f.cats,
          piiscout: { status: f.status ?? 'proposed', confidence: 0.5 },
        })),
      })),
    })),
  });

describe('shard merge', () => {
  it('joins disjoint tables in name order, adds datasets found only later, recounts tables', () => {
    const a = file('2026-01-01T00:00:00Z', [{ key: 'shop', tables: [{ name: 'orders', fields: [{ name: 'id', cats: ['system.operations'] }] }] }, { key: 'empty', tables: [] }]);
    const b = file('2026-01-02T00:00:00Z', [
      { key: 'shop', tables: [{ name: 'customers', status: 'skipped', fields: [{ name: 'email', cats: ['user.contact.email'] }] }] },
      { key: 'crm', tables: [{ name: 'leads', fields: [] }] },
      { key: 'empty', tables: [] },
    ]);
    const { yaml, summary } = mergeShardTexts([{ name: 'a', text: a }, { name: 'b', text: b }]);
    const merged = YAML.parse(yaml);
    expect(merged.dataset.map((d: { fides_key: string }) => d.fides_key)).toEqual(['crm', 'empty', 'shop']);
    const shop = merged.dataset[2];
    expect(shop.collections.map((c: { name: string }) => c.name)).toEqual(['customers', 'orders']);
    expect(shop.meta.piiscout).toMatchObject({ tables: 2, tables_scanned: 1, tables_skipped: 1, scanned_at: '2026-01-02T00:00:00Z' });
    expect(summary).toMatchObject({ files: 2, datasets: 3, tables: 3, fields: 2, overlappingFields: 0 });
    expect(yaml).not.toMatch(/collections: \[ *\w/); // a filled list is written as a block list
  });

  it('same field twice: the decision wins whichever file is later; else the later scan', () => {
    const decided = file('2026-01-01T00:00:00Z', [{ key: 'shop', tables: [{ name: 't', fields: [{ name: 'a', cats: ['user.name'], status: 'accepted' }, { name: 'b', cats: ['user.name'] }] }] }]);
    const later = file('2026-02-01T00:00:00Z', [{ key: 'shop', tables: [{ name: 't', fields: [{ name: 'a', cats: ['system.operations'] }, { name: 'b', cats: ['user.contact.email'] }] }] }]);
    for (const order of [[decided, later], [later, decided]]) {
      const { yaml, summary } = mergeShardTexts(order.map((text, i) => ({ name: `f${i}`, text })));
      const fields = YAML.parse(yaml).dataset[0].collections[0].fields;
      expect(fields[0]).toMatchObject({ name: 'a', data_categories: ['user.name'], piiscout: { status: 'accepted' } });
      expect(fields[1]).toMatchObject({ name: 'b', data_categories: ['user.contact.email'] });
      expect(summary).toMatchObject({ overlappingFields: 2, decisionsKept: 1 });
    }
  });

  it('refuses two different decisions, and files that are not datasets', () => {
    const one = file('2026-01-01T00:00:00Z', [{ key: 's', tables: [{ name: 't', fields: [{ name: 'a', cats: ['user.name'], status: 'edited' }] }] }]);
    const two = file('2026-01-02T00:00:00Z', [{ key: 's', tables: [{ name: 't', fields: [{ name: 'a', cats: ['user.contact.email'], status: 'edited' }] }] }]);
    expect(() => mergeShardTexts([{ name: '1', text: one }, { name: '2', text: two }])).toThrow(/different human decisions.*s\.t\.a/);
    expect(() => mergeShardTexts([{ name: 'x.yml', text: 'foo: 1\n' }])).toThrow(/x\.yml is not a Fides dataset file/);
    expect(() => mergeShardTexts([{ name: 'y.yml', text: 'a: [\n' }])).toThrow(/y\.yml is not valid YAML/);
  });
});
