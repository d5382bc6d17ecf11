import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { corporaDir } from '../helpers/fixture-paths.js';
import { loadTaxonomyKeys, validateFidesDatasetFile } from '../helpers/fideslang-validator.js';

const readYaml = (file: string): unknown => parse(readFileSync(path.join(corporaDir, file), 'utf8'));

/** A small valid dataset; each invalid case below breaks one rule of it. */
function validDoc(): any {
  return {
    dataset: [
      {
        fides_key: 'shop_public',
        name: 'public',
        meta: { database_name: 'shop', 'piiscout:': { anything: ['goes', 1] } },
        data_categories: [],
        collections: [
          {
            name: 'customer',
            fields: [
              { name: 'address', fides_meta: { data_type: 'object' }, fields: [{ name: 'zip' }, { name: 'city' }] },
              { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email', data_type: 'string', length: 40 } },
              { name: 'id', data_categories: ['user.unique_id'], fides_meta: { primary_key: true } },
              { name: 'tags', 'piiscout:': { confidence: 0.9 }, fides_meta: { data_type: 'string[]', return_all_elements: true } },
            ],
          },
          {
            name: 'order_item',
            fields: [{ name: 'order_id', fides_meta: { references: [{ dataset: 'shop_public', field: 'orders.id', direction: 'to' }] } }],
          },
          { name: 'orders', fides_meta: { after: ['shop_public.customer'] }, fields: [] },
        ],
      },
    ],
  };
}

function violationsAfter(change: (doc: any) => void): string[] {
  const doc = validDoc();
  change(doc);
  return validateFidesDatasetFile(doc);
}

describe('loadTaxonomyKeys', () => {
  it('loads the 85 default data categories', () => {
    const keys = loadTaxonomyKeys();
    expect(keys.size).toBe(85);
    expect(keys.has('user.contact.email')).toBe(true);
    expect(keys.has('user.contact.address.state')).toBe(true);
    expect(keys.has('user.contact.state')).toBe(false); // the stale fideslang 1.x key
  });
});

describe('validateFidesDatasetFile', () => {
  it('accepts a valid dataset with extra piiscout keys and nested fields', () => {
    expect(validateFidesDatasetFile(validDoc())).toEqual([]);
  });

  it('accepts an empty collections list and a file with several datasets', () => {
    const doc = validDoc();
    doc.dataset.push({ fides_key: 'other', collections: [] });
    expect(validateFidesDatasetFile(doc)).toEqual([]);
  });

  it.each<[string, (doc: any) => void, RegExp]>([
    ['no dataset list', (doc) => delete doc.dataset, /top-level `dataset:` list/],
    ['missing fides_key', (doc) => delete doc.dataset[0].fides_key, /dataset\[0\]\.fides_key: is required/],
    ['fides_key with a space', (doc) => (doc.dataset[0].fides_key = 'shop public'), /must be a FidesKey/],
    ['fides_key with a placeholder', (doc) => (doc.dataset[0].fides_key = '<instance_fides_key>'), /must be a FidesKey/],
    ['duplicate fides_key', (doc) => doc.dataset.push({ fides_key: 'shop_public', collections: [] }), /duplicate fides_key "shop_public"/],
    ['missing collections', (doc) => delete doc.dataset[0].collections, /collections: is required/],
    ['unsorted collections', (doc) => doc.dataset[0].collections.reverse(), /collections must be sorted by name: "orders" comes before "order_item"/],
    ['duplicate collection', (doc) => doc.dataset[0].collections.push({ name: 'orders', fields: [] }), /duplicate collection names: orders/],
    ['collection without name', (doc) => delete doc.dataset[0].collections[2].name, /collections\[2\]\.name: is required/],
    ['missing fields', (doc) => delete doc.dataset[0].collections[2].fields, /\(orders\)\.fields: is required/],
    ['unsorted fields', (doc) => doc.dataset[0].collections[0].fields.reverse(), /fields must be sorted by name: "tags" comes before "id"/],
    ['duplicate field', (doc) => doc.dataset[0].collections[0].fields.push({ name: 'tags' }), /duplicate field names: tags/],
    ['unknown category', (doc) => (doc.dataset[0].collections[0].fields[1].data_categories = ['user.contact.state']), /unknown data category "user.contact.state"/],
    ['category not a list', (doc) => (doc.dataset[0].collections[0].fields[1].data_categories = 'user.contact.email'), /data_categories: must be a list/],
    ['unknown dataset category', (doc) => (doc.dataset[0].data_categories = ['pii']), /dataset\[0\] \(shop_public\)\.data_categories\[0\]: unknown data category/],
    ['unsupported data_type', (doc) => (doc.dataset[0].collections[0].fields[1].fides_meta.data_type = 'varchar'), /"varchar" is not supported/],
    ['datetime data_type', (doc) => (doc.dataset[0].collections[0].fields[1].fides_meta.data_type = 'datetime'), /"datetime" is not supported/],
    ['return_all_elements on a scalar', (doc) => (doc.dataset[0].collections[0].fields[3].fides_meta.data_type = 'string'), /return_all_elements: can only be set on array fields/],
    ['zero length', (doc) => (doc.dataset[0].collections[0].fields[1].fides_meta.length = 0), /length: must be a positive integer/],
    ['fractional length', (doc) => (doc.dataset[0].collections[0].fields[1].fides_meta.length = 2.5), /length: must be a positive integer/],
    ['string primary_key', (doc) => (doc.dataset[0].collections[0].fields[2].fides_meta.primary_key = 'yes'), /primary_key: must be true or false/],
    ['non-string identity', (doc) => (doc.dataset[0].collections[0].fields[1].fides_meta.identity = 7), /identity: must be a string/],
    ['sub-fields under a string', (doc) => (doc.dataset[0].collections[0].fields[0].fides_meta.data_type = 'string'), /"string" cannot have sub-fields/],
    ['bad reference direction', (doc) => (doc.dataset[0].collections[1].fields[0].fides_meta.references[0].direction = 'both'), /direction: must be "from" or "to"/],
    ['reference dataset not a key', (doc) => (doc.dataset[0].collections[1].fields[0].fides_meta.references[0].dataset = 'a b'), /references\[0\]\.dataset: must be a FidesKey/],
    ['reference without field', (doc) => delete doc.dataset[0].collections[1].fields[0].fides_meta.references[0].field, /references\[0\]\.field: is required/],
    ['collection after without a dot', (doc) => (doc.dataset[0].collections[2].fides_meta.after = ['customer']), /must be a collection key/],
    ['fides_meta not a mapping', (doc) => (doc.dataset[0].collections[0].fields[2].fides_meta = 'pk'), /fides_meta: must be a mapping/],
    ['meta not a mapping', (doc) => (doc.dataset[0].meta = ['x']), /\.meta: must be a mapping/],
  ])('reports %s', (_name, change, expected) => {
    const violations = violationsAfter(change);
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toMatch(expected);
  });

  it('accepts object[] parents and allows unsorted or repeated names in nested fields, as fideslang does', () => {
    const violations = violationsAfter((doc) => {
      const address = doc.dataset[0].collections[0].fields[0];
      address.fides_meta.data_type = 'object[]';
      address.fields.push({ name: 'zip' });
    });
    expect(violations).toEqual([]);
  });

  it('checks nested fields like top-level ones otherwise', () => {
    const violations = violationsAfter((doc) => {
      doc.dataset[0].collections[0].fields[0].fields[1] = { name: 'city', data_categories: ['not.a.category'], fides_meta: { data_type: 'text' } };
    });
    expect(violations).toHaveLength(2);
    expect(violations[0]).toContain('fields[0] (address).fields[1] (city).data_categories[0]');
  });

  it('uses a custom taxonomy when given one', () => {
    expect(validateFidesDatasetFile(validDoc(), new Set(['user.unique_id']))).toEqual([
      'dataset[0] (shop_public).collections[0] (customer).fields[1] (email).data_categories[0]: unknown data category "user.contact.email" (not in the Fides taxonomy)',
    ]);
  });
});

describe("Fides' own example datasets", () => {
  const files = [
    'fides-cookie-house-postgres/postgres_example_test_dataset.yml',
    'fides-cookie-house-postgres/postgres_example_test_extended_dataset.yml',
    'fides-cookie-house-postgres/postgres_example_custom_request_field_dataset.yml',
    'fides-cookie-house-mariadb/mariadb_example_test_dataset.yml',
    'fides-app-schema/db_dataset.yml',
  ];

  // All their category keys are current; they are only not always sorted, which fideslang accepts
  // because it re-sorts on load (FORMAT.md §6). piiscout's own output must be sorted.
  it.each(files)('%s is valid fideslang', (file) => {
    expect(validateFidesDatasetFile(readYaml(file), undefined, { requireSorted: false })).toEqual([]);
  });

  it('reports where the Cookie House files are not sorted', () => {
    expect(validateFidesDatasetFile(readYaml(files[0]))).toEqual([
      'dataset[0] (postgres_example_test_dataset).collections: collections must be sorted by name: "orders" comes before "order_item"',
    ]);
    expect(validateFidesDatasetFile(readYaml(files[1]))).toEqual([]);
    expect(validateFidesDatasetFile(readYaml(files[2]))).toEqual([
      'dataset[0] (postgres_example_custom_request_field_dataset).collections[0] (dynamic_email_address_config).fields: fields must be sorted by name: "id" comes before "email_address"',
    ]);
  });

  it('finds a stale category key put into a real dataset', () => {
    const doc = readYaml(files[0]) as any;
    doc.dataset[0].collections[0].fields[3].data_categories = ['user.contact.state'];
    expect(validateFidesDatasetFile(doc, undefined, { requireSorted: false })).toEqual([
      'dataset[0] (postgres_example_test_dataset).collections[0] (address).fields[3] (state).data_categories[0]: unknown data category "user.contact.state" (not in the Fides taxonomy)',
    ]);
  });
});
