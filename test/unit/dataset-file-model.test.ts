/**
 * The dataset-file model's rules, each in one function (src/fides/dataset-file/): a field's status,
 * decided or not, which schema and namespace a dataset describes, and whether a category is personal
 * data. Each rule is checked on plain data and on YAML nodes alike, and `summarize` (the scan's
 * summary) is checked to count personal data by the same rule.
 */
import { describe, expect, it } from 'vitest';
import YAML, { type YAMLMap } from 'yaml';
import {
  datasetNames,
  datasetNamespaceOf,
  FIELD_STATUSES,
  fieldStatus,
  hasPersonalCategory,
  isDecided,
  isDecidedField,
  isFieldContainer,
  isPersonalCategory,
  namespaceSchemaOf,
  plainAccess,
  statusOf,
  walkCollection,
  yamlAccess,
  type PlainMap,
} from '../../src/fides/dataset-file/index.js';
import { summarize } from '../../src/scan/scan.js';
import { scanResult } from '../helpers/review-scan.js';

/** The same YAML as plain data and as a YAML node, for checking that a rule reads both alike. */
function both(yaml: string): { plain: PlainMap; node: YAMLMap } {
  return { plain: YAML.parse(yaml) as PlainMap, node: YAML.parseDocument(yaml).contents as YAMLMap };
}

describe('field status', () => {
  it('is the recorded status, else edited with categories (a person wrote them), else proposed', () => {
    expect(FIELD_STATUSES).toEqual(['proposed', 'accepted', 'edited', 'ignored']);
    for (const status of FIELD_STATUSES) expect(fieldStatus(status, 0)).toBe(status);
    expect(fieldStatus(undefined, 2)).toBe('edited');
    expect(fieldStatus(undefined, 0)).toBe('proposed');
    // Not a status: the categories decide, as for a field without a record.
    expect(fieldStatus('approved', 1)).toBe('edited');
    expect(fieldStatus(7, 0)).toBe('proposed');
  });

  it('decided means accepted, edited or ignored', () => {
    expect(FIELD_STATUSES.filter(isDecided)).toEqual(['accepted', 'edited', 'ignored']);
  });

  it('reads the same from plain data and YAML nodes', () => {
    const cases: [string, string, boolean][] = [
      ['name: a\ndata_categories: [user.name]\npiiscout: {status: proposed}', 'proposed', false],
      ['name: a\ndata_categories: [user.name]', 'edited', true],
      ['name: a\ndata_categories: []', 'proposed', false],
      ['name: a\npiiscout: {status: ignored}', 'ignored', true],
      ['name: a\ndata_categories: [user.name]\npiiscout: {status: accepted}', 'accepted', true],
      ['name: a\ndata_categories: [user.name]\npiiscout: {status: nonsense}', 'edited', true],
    ];
    for (const [yaml, status, decided] of cases) {
      const { plain, node } = both(yaml);
      expect(statusOf(plain, plainAccess), yaml).toBe(status);
      expect(statusOf(node, yamlAccess), yaml).toBe(status);
      expect(isDecidedField(plain, plainAccess), yaml).toBe(decided);
      expect(isDecidedField(node, yamlAccess), yaml).toBe(decided);
    }
  });
});

describe('what a field is', () => {
  it('walks nested fields by path, passing over containers a person wrote and what has no name', () => {
    const { plain, node } = both(`
name: t
fields:
  - name: doc
    fields:
      - name: email
        data_categories: [user.contact.email]
      - name: inner
        fields: [{name: x}]
  - name: 2021
  - fields: [{name: orphan}]
  - name: tagged
    data_categories: [user]
    fields: [{name: sub}]
`);
    const seen = (collection: unknown, a: typeof plainAccess | typeof yamlAccess): string[] => {
      const paths: string[] = [];
      walkCollection(collection as never, a as never, (path) => paths.push(path));
      return paths;
    };
    const expected = ['doc.email', 'doc.inner.x', '2021', 'tagged', 'tagged.sub'];
    expect(seen(plain, plainAccess)).toEqual(expected);
    expect(seen(node, yamlAccess)).toEqual(expected);
    expect(isFieldContainer((plain.fields as PlainMap[])[0], plainAccess)).toBe(true);
    expect(isFieldContainer((plain.fields as PlainMap[])[3], plainAccess)).toBe(false);
  });
});

describe('which schema a dataset describes', () => {
  it('is fides_meta.namespace.schema, else the name, else the key; the database from the namespace, else meta', () => {
    const cases: [string, { key: string; schema: string; name?: string; database?: string }][] = [
      ['fides_key: shop_public\nname: public\nmeta: {database_name: shop}\nfides_meta: {namespace: {database_name: shop2, schema: sales}}', { key: 'shop_public', schema: 'sales', name: 'public', database: 'shop2' }],
      ['fides_key: shop_public\nname: public\nmeta: {database_name: shop}', { key: 'shop_public', schema: 'public', name: 'public', database: 'shop' }],
      ['fides_key: k\nname: ""', { key: 'k', schema: 'k' }],
      // Files written before names were quoted for YAML 1.1 hold `2021` unquoted.
      ['fides_key: k\nfides_meta: {namespace: {schema: 2021}}', { key: 'k', schema: '2021' }],
      ['name: only', { key: '?', schema: 'only', name: 'only' }],
    ];
    for (const [yaml, names] of cases) {
      const { plain, node } = both(yaml);
      expect(datasetNames(plain, plainAccess), yaml).toEqual(names);
      expect(datasetNames(node, yamlAccess), yaml).toEqual(names);
    }
    expect(namespaceSchemaOf(both('fides_key: k\nname: n').plain, plainAccess)).toBeUndefined();
  });

  it('namespace (what merges match by): meta.piiscout.namespace, else fides_meta.namespace of a dataset piiscout wrote', () => {
    const recorded = 'fides_key: k\nmeta: {piiscout: {namespace: {database: db, schema: s}}}\nfides_meta: {namespace: {database_name: other, schema: t}}';
    const older = 'fides_key: k\nmeta: {piiscout: {version: 0.1.0}}\nfides_meta: {namespace: {database_name: db, schema: s}}';
    const byHand = 'fides_key: k\nfides_meta: {namespace: {database_name: db, schema: s}}';
    for (const yaml of [recorded, older]) {
      const { plain, node } = both(yaml);
      expect(datasetNamespaceOf(plain, plainAccess)).toEqual({ database: 'db', schema: 's' });
      expect(datasetNamespaceOf(node, yamlAccess)).toEqual({ database: 'db', schema: 's' });
    }
    expect(datasetNamespaceOf(both(byHand).plain, plainAccess)).toBeUndefined();
    expect(datasetNamespaceOf(both(byHand).node, yamlAccess)).toBeUndefined();
  });
});

describe('personal data', () => {
  it('is fideslang user and every category below it, nothing else', () => {
    for (const key of ['user', 'user.contact.email', 'user.name', 'user.unique_id']) expect(isPersonalCategory(key), key).toBe(true);
    // `startsWith('user')` took these for personal data: custom top-level categories.
    for (const key of ['users', 'user_generated', 'userland.posts', 'system.operations', 'system', '']) expect(isPersonalCategory(key), key).toBe(false);
    expect(hasPersonalCategory(['system.operations', 'user.name'])).toBe(true);
    expect(hasPersonalCategory(['user_generated'])).toBe(false);
    expect(hasPersonalCategory([])).toBe(false);
  });

  it("the scan summary counts personal columns by that rule (a custom top-level 'user_generated' is not personal)", () => {
    const result = scanResult([
      {
        name: 'posts',
        columns: [
          { name: 'author_email', categories: ['user.contact.email'] },
          { name: 'body', categories: ['user_generated'] },
          { name: 'id', categories: ['system.operations'] },
        ],
      },
    ]);
    expect(summarize(result).personalColumns).toBe(1);
  });
});

describe('nodes a merge creates are written in the writer style', () => {
  it('a collection record replaced by a re-scan writes its data subjects as a fresh scan does', async () => {
    const { createNode } = await import('../../src/fides/dataset-file/yaml-nodes.js');
    const { datasetFileToYaml, YAML_TO_STRING_OPTIONS } = await import('../../src/fides/dataset-writer.js');
    const record = {
      kind: 'table',
      status: 'scanned',
      data_subjects: ['customer', 'employee'],
      factors: { name: 0.9 },
      evidence: [{ factor: 'name', category: 'user.name', score: 0.9 }],
    };
    const doc = new YAML.Document({});
    const merged = new YAML.Document(createNode(doc, { piiscout: record })).toString(YAML_TO_STRING_OPTIONS);
    const fresh = datasetFileToYaml({ dataset: [{ fides_key: 'd', collections: [{ name: 't', piiscout: record, fields: [] }] }] } as never);
    expect(merged).toContain('data_subjects: [customer, employee]');
    for (const line of merged.trim().split('\n').slice(1)) expect(fresh).toContain(line.trim());
  });
});
