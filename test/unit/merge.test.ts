import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { formatMergeSummary, type MergeScope } from '../../src/fides/dataset-file/merge-scan.js';
import { ReviewFile, type ReviewField } from '../../src/review/review-file.js';
import { validateFidesDatasetFile } from '../helpers/fideslang-validator.js';
import { mergeStreamed, scanFile, scanYaml, type SimpleTable } from '../helpers/review-scan.js';

type Column = SimpleTable['columns'][number];
const CUSTOMER_COLUMNS: Column[] = [
  { name: 'email', categories: ['user.contact.email'], confidence: 0.95 },
  { name: 'id', pk: true, type: 'integer', confidence: 0.9 },
  { name: 'name', categories: ['user.name'], confidence: 0.9 },
  { name: 'notes', confidence: 0.3 },
  { name: 'phone', categories: ['user.contact.phone_number'], confidence: 0.7 },
];
/** The customers table, with columns changed or added (`changes`, by name) and dropped. */
const customers = (changes: Record<string, Column> = {}, drop: string[] = []): SimpleTable => ({
  name: 'customers',
  comment: 'customers table',
  columns: [
    ...CUSTOMER_COLUMNS.map((c) => changes[c.name] ?? c),
    ...Object.values(changes).filter((c) => !CUSTOMER_COLUMNS.some((x) => x.name === c.name)),
  ].filter((c) => !drop.includes(c.name)),
});

const V1: SimpleTable[] = [
  { name: 'audit_log', columns: [{ name: 'actor' }, { name: 'at', type: 'timestamp' }] },
  customers(),
  { name: 'orders', columns: [{ name: 'customer_id', type: 'integer', references: 'customers.id' }, { name: 'total', type: 'decimal' }] },
];

/** V1 as a person left it: decisions, comments and Fides keys written by hand. */
function reviewedV1(): ReviewFile {
  const file = ReviewFile.parse(scanYaml(V1), 'shop.yml');
  file.accept(file.find('customers.email'));
  file.set(file.find('customers.notes'), ['user.content.private']);
  file.ignore(file.find('orders.total'));
  let text = file.toString();
  const edit = (from: string, to: string): void => {
    expect(text).toContain(from);
    text = text.replace(from, to);
  };
  edit('  - fides_key: shop_public\n', '  - fides_key: shop_public # owned by the data team\n    organization_fides_key: default_organization\n    data_categories: [user]\n');
  edit('description: PostgreSQL schema public of shop, classified by piiscout', 'description: Shop database, reviewed by Ana');
  edit('      - name: customers\n        description: customers table\n', '      - name: customers # the important one\n        description: People who buy things\n        fides_meta:\n          after: [shop_public.audit_log]\n');
  // phone: still proposed, but a person added a description, an identity, their own key and a comment.
  edit(
    '          - name: phone\n            data_categories: [user.contact.phone_number]\n            fides_meta:\n              data_type: string\n',
    '          - name: phone\n            description: Mobile number\n            data_categories: [user.contact.phone_number] # check the CRM\n            fides_meta:\n              data_type: string\n              identity: phone_number\n            x_owner: crm-team\n',
  );
  // name: a decision written by hand, without a piiscout record.
  edit(/ {10}- name: name\n[\s\S]*?(?= {10}- name: notes)/.exec(text)![0], '          - name: name\n            data_categories: [user.name.first]\n');
  // customer_id: a reference a person added beside the scan's foreign key.
  edit('                - dataset: shop_public\n                  field: customers.id\n', '                - dataset: shop_public\n                  field: customers.id\n                - dataset: crm_main\n                  field: people.id\n');
  return ReviewFile.parse(text, 'shop.yml');
}

const V2: SimpleTable[] = [
  // audit_log is gone; addresses is new
  { name: 'addresses', columns: [{ name: 'city', categories: ['user.contact.address.city'] }, { name: 'street', categories: ['user.contact.address.street'] }] },
  customers(
    {
      email: { name: 'email', categories: ['user.contact.email', 'user.name'], confidence: 0.6 },
      phone: { name: 'phone', categories: ['user.contact.phone_number'], confidence: 0.92 },
      birth_date: { name: 'birth_date', type: 'date', categories: ['user.demographic.date_of_birth'] },
    },
    ['id'],
  ),
  { name: 'orders', columns: [{ name: 'customer_id', type: 'integer', references: 'customers.id', categories: ['user.unique_id'] }] },
  { schema: 'crm', name: 'people', columns: [{ name: 'id', pk: true, type: 'integer' }] },
];

const byRef = (file: ReviewFile): Map<string, ReviewField> =>
  new Map(file.fields().map((f) => [`${f.address.dataset}.${f.address.collection}.${f.address.field}`, f]));

const decisions = (file: ReviewFile): Record<string, { status: string; categories: string[] }> =>
  Object.fromEntries(
    file
      .fields()
      .filter((f) => f.status !== 'proposed')
      .map((f) => [`${f.address.collection}.${f.address.field}`, { status: f.status, categories: f.categories }]),
  );

const valid = (file: ReviewFile): string[] => validateFidesDatasetFile(YAML.parse(file.toString()));

describe('mergeScan', () => {
  it('keeps every human decision exactly, and records a differing machine proposal beside it', () => {
    const file = reviewedV1();
    const before = decisions(file);
    expect(Object.keys(before).sort()).toEqual(['customers.email', 'customers.name', 'customers.notes', 'orders.total']);
    const summary = file.mergeScan(scanFile(V2));
    expect(decisions(file)).toEqual(before);
    const f = byRef(file);
    expect(f.get('shop_public.customers.email')?.machineProposal).toEqual({ categories: ['user.contact.email', 'user.name'], confidence: 0.6 });
    expect(f.get('shop_public.customers.name')?.machineProposal).toEqual({ categories: ['user.name'], confidence: 0.9 });
    expect(f.get('shop_public.customers.notes')?.machineProposal?.categories).toEqual(['system.operations']);
    expect(summary.decisionsKept).toBe(4);
    expect(summary.proposalsBesideDecisions.map((p) => p.address.field).sort()).toEqual(['email', 'name', 'notes']);
    expect(summary.proposalsBesideDecisions.find((p) => p.address.field === 'email')).toMatchObject({ old: ['user.contact.email'], new: ['user.contact.email', 'user.name'] });
    expect(file.toString()).toContain('proposal: {categories: [user.contact.email, user.name], confidence: 0.6}');
  });

  it('drops a recorded proposal once the scan agrees with the decision again', () => {
    const file = reviewedV1();
    file.mergeScan(scanFile(V2));
    file.mergeScan(scanFile(V1.map((t) => (t.name === 'customers' ? customers({ name: { name: 'name', categories: ['user.name.first'] } }) : t))));
    const f = byRef(file);
    expect(f.get('shop_public.customers.email')?.machineProposal).toBeUndefined();
    expect(f.get('shop_public.customers.name')?.machineProposal).toBeUndefined();
    expect(f.get('shop_public.customers.notes')?.machineProposal).toBeDefined();
  });

  it('gives proposed fields the new proposal but keeps what a person wrote beside it', () => {
    const file = reviewedV1();
    const summary = file.mergeScan(scanFile(V2));
    const out = file.toString();
    const f = byRef(file);
    expect(f.get('shop_public.customers.phone')).toMatchObject({ status: 'proposed', confidence: 0.92, description: 'Mobile number' });
    expect(out).toContain('data_categories: [user.contact.phone_number] # check the CRM');
    expect(out).toContain('identity: phone_number');
    expect(out).toContain('x_owner: crm-team');
    expect(f.get('shop_public.orders.customer_id')?.categories).toEqual(['user.unique_id']);
    expect(summary.changedProposals).toEqual([{ address: { dataset: 'shop_public', collection: 'orders', field: 'customer_id' }, old: ['system.operations'], new: ['user.unique_id'] }]);
    const refs = YAML.parse(out).dataset.find((d: { fides_key: string }) => d.fides_key === 'shop_public').collections.find((c: { name: string }) => c.name === 'orders').fields[0].fides_meta.references;
    expect(refs).toEqual([{ dataset: 'shop_public', field: 'customers.id' }, { dataset: 'crm_main', field: 'people.id' }]);
  });

  it('keeps dataset- and collection-level keys and comments a person wrote', () => {
    const file = reviewedV1();
    file.mergeScan(scanFile(V2, undefined, '2026-02-02T00:00:00.000Z'));
    const out = file.toString();
    for (const kept of [
      '# Fides dataset file written by piiscout',
      '- fides_key: shop_public # owned by the data team',
      'organization_fides_key: default_organization',
      'data_categories: [user]',
      'description: Shop database, reviewed by Ana',
      '- name: customers # the important one',
      'description: People who buy things',
      'after: [shop_public.audit_log]',
    ]) {
      expect(out).toContain(kept);
    }
    expect(out).toContain('scanned_at: "2026-02-02T00:00:00.000Z"');
    expect(valid(file)).toEqual([]);
  });

  it('adds new tables, columns and datasets in name order, marked new for one scan', () => {
    const file = reviewedV1();
    const summary = file.mergeScan(scanFile(V2));
    const doc = YAML.parse(file.toString());
    expect(doc.dataset.map((d: { fides_key: string }) => d.fides_key)).toEqual(['shop_crm', 'shop_public']);
    const pub = doc.dataset[1];
    expect(pub.collections.map((c: { name: string }) => c.name)).toEqual(['addresses', 'audit_log', 'customers', 'orders']);
    const cust = pub.collections[2];
    expect(cust.fields.map((x: { name: string }) => x.name)).toEqual(['birth_date', 'email', 'id', 'name', 'notes', 'phone']);
    expect(cust.fields[0].piiscout).toMatchObject({ status: 'proposed', new: true });
    expect(pub.collections[0].piiscout.new).toBe(true);
    expect(pub.collections[0].fields.every((x: { piiscout: { new?: boolean } }) => x.piiscout.new)).toBe(true);
    expect(summary.newDatasets).toEqual(['shop_crm']);
    expect(summary.newTables.map((t) => `${t.dataset}.${t.collection}`).sort()).toEqual(['shop_crm.people', 'shop_public.addresses']);
    expect(summary.newFields.map((a) => `${a.collection}.${a.field}`).sort()).toEqual(['addresses.city', 'addresses.street', 'customers.birth_date', 'people.id']);
    expect(valid(file)).toEqual([]);

    const again = file.mergeScan(scanFile(V2));
    expect(again.newFields).toEqual([]);
    expect(file.fields().some((x) => x.isNew)).toBe(false);
    expect(file.toString()).not.toContain('new: true');
  });

  it('marks vanished tables and columns removed instead of deleting them; returning ones lose the marker', () => {
    const file = reviewedV1();
    const summary = file.mergeScan(scanFile(V2));
    const f = byRef(file);
    expect(f.get('shop_public.audit_log.actor')?.isRemoved).toBe(true);
    expect(f.get('shop_public.customers.id')?.isRemoved).toBe(true);
    expect(f.get('shop_public.orders.total')).toMatchObject({ isRemoved: true, status: 'ignored' }); // decision kept
    expect(summary.removedTables).toEqual([{ dataset: 'shop_public', collection: 'audit_log' }]);
    expect(summary.removedFields.map((a) => `${a.collection}.${a.field}`).sort()).toEqual(['audit_log.actor', 'audit_log.at', 'customers.id', 'orders.total']);
    expect(YAML.parse(file.toString()).dataset[1].collections[1].piiscout.removed).toBe(true);

    const again = file.mergeScan(scanFile(V2));
    expect(again.removedFields).toEqual([]); // already marked

    const back = file.mergeScan(scanFile(V1));
    const g = byRef(file);
    expect(g.get('shop_public.audit_log.actor')?.isRemoved).toBe(false);
    expect(g.get('shop_public.orders.total')).toMatchObject({ isRemoved: false, status: 'ignored', categories: ['system.operations'] });
    expect(back.reappearedFields.map((a) => `${a.collection}.${a.field}`).sort()).toEqual(['audit_log.actor', 'audit_log.at', 'customers.id', 'orders.total']);
    expect(YAML.parse(file.toString()).dataset[1].collections[1].piiscout.removed).toBeUndefined();
    expect(valid(file)).toEqual([]);
  });

  it('leaves a skipped table alone: earlier proposals kept, nothing marked removed, new columns added', () => {
    const file = reviewedV1();
    const skippedOrders: SimpleTable = { name: 'orders', skipped: true, columns: [{ name: 'customer_id', type: 'integer', categories: ['user.name'] }, { name: 'placed_at', type: 'timestamp' }] };
    const summary = file.mergeScan(scanFile(V1.map((t) => (t.name === 'orders' ? skippedOrders : t))));
    const f = byRef(file);
    expect(f.get('shop_public.orders.customer_id')?.categories).toEqual(['system.operations']); // the sampled proposal stays
    expect(f.get('shop_public.orders.total')).toMatchObject({ isRemoved: false, status: 'ignored' });
    expect(f.get('shop_public.orders.placed_at')?.isNew).toBe(true);
    expect(summary.skippedTables).toEqual([{ dataset: 'shop_public', collection: 'orders' }]);
    expect(summary.removedFields).toEqual([]);
    expect(YAML.parse(file.toString()).dataset[0].collections[2].piiscout.status).toBe('skipped');
  });

  it('does not mark what the scan did not look at: filtered tables and columns, views, hand-written datasets', () => {
    const text = scanYaml([...V1, { name: 'v_customers', kind: 'view', columns: [{ name: 'email', categories: ['user.contact.email'] }] }]);
    const handWritten = '  - fides_key: mailchimp\n    collections:\n      - name: members\n        fields:\n          - name: email\n            data_categories: [user.contact.email]\n';
    const file = ReviewFile.parse(text + handWritten, 'x.yml');
    const scope: MergeScope = {
      coversTable: (_s, table, kind) => table !== 'audit_log' && kind !== 'view',
      coversColumn: (_s, table, column) => !(table === 'customers' && column === 'notes'),
    };
    const summary = file.mergeScan(scanFile([customers({}, ['notes']), V1[2]]), { scope });
    expect(summary.removedFields).toEqual([]);
    expect(file.fields().some((x) => x.isRemoved)).toBe(false);
    expect(file.toString()).toContain(handWritten);

    const unscoped = ReviewFile.parse(text + handWritten, 'x.yml').mergeScan(scanFile([customers({}, ['notes']), V1[2]]));
    expect(unscoped.removedTables.map((t) => t.collection).sort()).toEqual(['audit_log', 'v_customers']);
    expect(unscoped.removedFields.map((a) => `${a.collection}.${a.field}`)).toContain('customers.notes');
  });

  it('summarises in one line', () => {
    const summary = reviewedV1().mergeScan(scanFile(V2));
    expect(formatMergeSummary(summary)).toBe(
      'merged: 2 new tables, 4 new fields, 1 removed table, 4 removed fields, 1 changed proposal, 4 decisions kept, 3 where the scan now proposes otherwise',
    );
  });
});

/** A merge summary with its lists sorted: the streamed merge lists in file order, the whole-Document one in scan order. */
const sorted = (summary: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => JSON.stringify(x)).sort() : v]));

describe('the streamed merge (scan into an existing file)', () => {
  it('keeps comments, keys it does not know and every decision, and writes what the whole-Document merge writes', () => {
    const text = reviewedV1().toString();
    const streamed = mergeStreamed(text, V2);
    const whole = ReviewFile.parse(text, 'shop.yml');
    const wholeSummary = whole.mergeScan(scanFile(V2));
    expect(streamed.text).toBe(whole.toString());
    expect(sorted(streamed.summary)).toEqual(sorted(wholeSummary));

    const merged = ReviewFile.parse(streamed.text, 'shop.yml');
    expect(decisions(merged)).toEqual(decisions(reviewedV1()));
    for (const kept of [
      '  - fides_key: shop_public # owned by the data team\n    organization_fides_key: default_organization\n',
      'description: Shop database, reviewed by Ana',
      '      - name: customers # the important one\n        description: People who buy things\n        fides_meta:\n          after: [shop_public.audit_log]\n',
      '            description: Mobile number\n            data_categories: [user.contact.phone_number] # check the CRM\n',
      '              identity: phone_number\n',
      '            x_owner: crm-team\n',
      '                - dataset: crm_main\n                  field: people.id\n',
    ]) {
      expect(streamed.text).toContain(kept);
    }
    expect(valid(merged)).toEqual([]);
  });

  it('keeps the text of a collection the scan did not look at byte for byte, where a whole Document rewrites it', () => {
    const audit = '      - name: audit_log   # kept as written\n        fields:\n          - {name: actor, data_categories: [user.unique_id]}\n          - name:   "at"\n';
    const text = scanYaml(V1).replace(/ {6}- name: audit_log\n[\s\S]*?(?= {6}- name: customers)/, audit);
    expect(text).toContain(audit);
    const scope: MergeScope = { coversTable: (_s, table) => table !== 'audit_log', coversColumn: () => true };
    const scanned = V1.filter((t) => t.name !== 'audit_log');
    const streamed = mergeStreamed(text, scanned, undefined, { scope });
    expect(streamed.text).toContain(audit);
    const whole = ReviewFile.parse(text, 'shop.yml');
    whole.mergeScan(scanFile(scanned), { scope });
    expect(whole.toString()).not.toContain(audit);
    expect(sorted(streamed.summary)).toMatchObject({ decisionsKept: 1, removedTables: [], removedFields: [] });
  });

  it('leaves a file in another layout to the whole-Document merge', () => {
    const text = scanYaml(V1).replace(/^ {4}collections:\n/m, '    collections: # tables\n');
    expect(() => mergeStreamed(text, V2)).toThrow('the streamed merge did not take this file');
  });
});
