/** Drift between two dataset files: what appeared, went away, changed, and above all became personal data. */
import { describe, expect, it } from 'vitest';
import { compareDatasetFiles, hasDrift, hasPersonalDrift } from '../../src/drift/drift.js';
import { driftJson, driftSummaryLine, formatDrift } from '../../src/drift/format-drift.js';

interface F {
  name: string;
  data_categories?: string[];
  piiscout?: Record<string, unknown>;
  fields?: F[];
}

const proposed = (name: string, ...categories: string[]): F => ({ name, data_categories: categories, piiscout: { status: 'proposed', confidence: 0.9 } });
const file = (tables: Record<string, F[]>, extra: Record<string, Record<string, unknown>> = {}) => ({
  dataset: [
    {
      fides_key: 'shop_public',
      name: 'public',
      fides_meta: { namespace: { schema: 'public' } },
      collections: Object.entries(tables).map(([name, fields]) => ({ name, ...(extra[name] ? { piiscout: extra[name] } : {}), fields })),
    },
  ],
});

const before = file({
  customers: [proposed('id', 'user.unique_id'), proposed('email', 'user.contact.email'), proposed('notes', 'system.operations'), proposed('fax', 'user.contact.fax_number')],
  orders: [proposed('id', 'system.operations'), proposed('total', 'system.operations')],
  audit: [proposed('at', 'system.operations')],
});

describe('compareDatasetFiles', () => {
  it('reports nothing for the same file', () => {
    const d = compareDatasetFiles(before, structuredClone(before));
    expect(hasDrift(d)).toBe(false);
    expect(formatDrift(d)).toEqual(['No drift: same tables, columns and proposals.']);
    expect(driftSummaryLine(d)).toBe('no drift');
  });

  it('finds new and removed tables and columns, changed proposals, and columns that became personal', () => {
    const after = file({
      customers: [proposed('id', 'user.unique_id'), proposed('email', 'user.contact.email'), proposed('notes', 'user.contact.email'), proposed('nickname', 'user.name')],
      orders: [proposed('id', 'system.operations'), proposed('total', 'user.financial')],
      invoices: [proposed('id', 'system.operations'), proposed('iban', 'user.financial.bank_account')],
    });
    const d = compareDatasetFiles(before, after);
    expect(d.newTables).toEqual(['public.invoices']);
    expect(d.removedTables).toEqual(['public.audit']);
    expect(d.newColumns).toEqual(['public.customers.nickname']); // the new table's columns come with it
    expect(d.removedColumns).toEqual(['public.customers.fax']); // the removed table's too
    expect(d.newPersonalColumns).toEqual(['public.customers.nickname', 'public.invoices.iban']);
    expect(d.becamePersonal).toEqual([
      { column: 'public.customers.notes', old: ['system.operations'], new: ['user.contact.email'], decided: false },
      { column: 'public.orders.total', old: ['system.operations'], new: ['user.financial'], decided: false },
    ]);
    expect(d.changedProposals).toHaveLength(2);
    expect(hasPersonalDrift(d)).toBe(true);
    const text = formatDrift(d);
    expect(text[0]).toBe('! 2 columns became personal data:');
    expect(text[1]).toBe('    public.customers.notes: system.operations → user.contact.email');
    expect(text).toContain('- 1 removed table:');
    expect(text).not.toContain('~ 0 other changed proposals:');
    expect(driftSummaryLine(d)).toBe('drift: 2 became personal, 1 new table, 1 removed table, 1 new column, 1 removed column, 2 changed proposals');
  });

  it('compares the machine proposal beside a human decision, and ignores a decision that matches', () => {
    const decidedBefore = file({ customers: [{ name: 'notes', data_categories: ['system.operations'], piiscout: { status: 'accepted', confidence: 0.4 } }] });
    const decidedAfter = file({
      customers: [{ name: 'notes', data_categories: ['system.operations'], piiscout: { status: 'accepted', confidence: 0.4, proposal: { categories: ['user.contact.email'], confidence: 0.9 } } }],
    });
    const d = compareDatasetFiles(decidedBefore, decidedAfter);
    expect(d.becamePersonal).toEqual([{ column: 'public.customers.notes', old: ['system.operations'], new: ['user.contact.email'], decided: true }]);
    expect(formatDrift(d)[1]).toContain('a person decided this field; the decision is kept, review it');
    // A hand-written field (categories, no piiscout record) counts as decided.
    const hand = file({ customers: [{ name: 'notes', data_categories: ['user.contact.email'] }] });
    expect(compareDatasetFiles(hand, hand).becamePersonal).toEqual([]);
  });

  it('treats removed markers of a merged file as gone, and a column coming back as new', () => {
    const merged = file(
      { customers: [proposed('id', 'user.unique_id'), { ...proposed('fax', 'user.contact.fax_number'), piiscout: { status: 'proposed', removed: true } }], audit: [proposed('at')] },
      { audit: { removed: true } },
    );
    const d = compareDatasetFiles(before, merged);
    expect(d.removedTables).toEqual(['public.audit', 'public.orders']);
    expect(d.removedColumns).toEqual(['public.customers.email', 'public.customers.fax', 'public.customers.notes']);
    const back = compareDatasetFiles(merged, before);
    expect(back.newTables).toEqual(['public.audit', 'public.orders']);
    expect(back.newColumns).toContain('public.customers.fax');
  });

  it('walks nested fields and treats a first file as having nothing before', () => {
    const nested = file({ events: [{ name: 'payload', fields: [proposed('email', 'user.contact.email')] }] });
    expect(compareDatasetFiles(undefined, nested)).toMatchObject({ newTables: ['public.events'], newPersonalColumns: ['public.events.payload.email'] });
    const changed = file({ events: [{ name: 'payload', fields: [proposed('email', 'system.operations'), proposed('ip', 'user.device.ip_address')] }] });
    expect(compareDatasetFiles(nested, changed)).toMatchObject({ newColumns: ['public.events.payload.ip'], becamePersonal: [] });
  });
});

describe('driftJson', () => {
  it('is snake_case with full counts, and caps long lists when asked', () => {
    const many = file({ t: Array.from({ length: 5 }, (_, i) => proposed(`c${i}`, 'user.name')) });
    const d = compareDatasetFiles(file({ t: [] }), many);
    const json = driftJson(d, 2);
    expect(json.new_columns).toEqual(['public.t.c0', 'public.t.c1']);
    expect(json.counts.new_columns).toBe(5);
    expect(json.truncated).toBe(true);
    expect(driftJson(d).truncated).toBeUndefined();
    expect(Object.keys(json)).toEqual(['new_tables', 'removed_tables', 'new_columns', 'removed_columns', 'new_personal_columns', 'changed_proposals', 'became_personal', 'counts', 'truncated']);
  });
});
