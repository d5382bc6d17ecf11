import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { compareDatasetFiles } from '../../src/drift/drift.js';
import { fieldPrefix, type DatasetNames } from '../../src/fides/dataset-file/dataset-names.js';
import { ReviewFile } from '../../src/review/review-file.js';
import { scanFile } from '../helpers/review-scan.js';

describe('field names for people', () => {
  const shopPublic: DatasetNames = { key: 'shop_public', schema: 'public', database: 'shop' };
  const shopCrm: DatasetNames = { key: 'shop_crm', schema: 'crm', database: 'shop' };
  const billingPublic: DatasetNames = { key: 'billing_public', schema: 'public', database: 'billing' };

  it('schema, unless another database in the file has a schema of that name; then database.schema', () => {
    expect(fieldPrefix(shopPublic, [shopPublic, shopCrm])).toBe('public');
    expect(fieldPrefix(shopPublic, [shopPublic, shopCrm, billingPublic])).toBe('shop.public');
    expect(fieldPrefix(shopCrm, [shopPublic, shopCrm, billingPublic])).toBe('crm');
    // The same dataset seen twice (both files of a diff) is no collision.
    expect(fieldPrefix(shopPublic, [shopPublic, shopPublic])).toBe('public');
    // Hand-written datasets without a database: their fides_key.
    expect(fieldPrefix({ key: 'a', schema: 'public' }, [{ key: 'a', schema: 'public' }, { key: 'b', schema: 'public' }])).toBe('a');
  });

  /** The scan helper's file (database shop), plus the same tables from a second database, billing. */
  function twoDatabases(): string {
    const shop = scanFile([{ name: 'users', columns: [{ name: 'email', categories: ['user.contact.email'] }] }]);
    const billing = structuredClone(shop.dataset[0]) as unknown as Record<string, any>;
    billing.fides_key = 'billing_public';
    billing.meta.database_name = 'billing';
    billing.fides_meta.namespace.database_name = 'billing';
    return YAML.stringify({ dataset: [...shop.dataset, billing] });
  }

  it('review and check name fields schema.table.column, with the database when two databases share a schema', () => {
    const single = ReviewFile.parse(YAML.stringify(scanFile([{ name: 'users', columns: [{ name: 'email' }] }])), 'one.yml');
    expect(single.fields().map((f) => f.ref)).toEqual(['public.users.email']);
    const file = ReviewFile.parse(twoDatabases(), 'two.yml');
    expect(file.fields().map((f) => f.ref).sort()).toEqual(['billing.public.users.email', 'shop.public.users.email']);
    expect(file.find('billing.public.users.email').dataset).toBe('billing_public');
    expect(file.refOf(file.find('shop_public.users.email'))).toBe('shop.public.users.email');
    expect(() => file.find('public.users.email')).toThrow('public.users.email is ambiguous: billing.public.users.email, shop.public.users.email');
  });

  it('diff names fields alike in both files, so a second database is new, not a rename', () => {
    const before = YAML.parse(YAML.stringify(scanFile([{ name: 'users', columns: [{ name: 'email', categories: ['user.contact.email'] }] }])));
    const after = YAML.parse(twoDatabases());
    const drift = compareDatasetFiles(before, after);
    expect(drift.newTables).toEqual(['billing.public.users']);
    expect(drift.removedTables).toEqual([]);
    expect(drift.removedColumns).toEqual([]);
    expect(compareDatasetFiles(before, before).newTables).toEqual([]);
  });
});
