/**
 * The rules of subject-request proposals (src/fides/subject-request.ts) on hand-made graph summaries:
 * identities of person tables and contact identities out of reach, directions as Fides walks, no
 * reference to another person's table or along an actor column, no cycle, details pointed at again.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnMetadata, TableMetadata } from '../../src/core/metadata.js';
import type { FieldClassification } from '../../src/classify/types.js';
import type { TableSubjectSummary } from '../../src/classify/subject/types.js';
import type { ScanResult, TableResult } from '../../src/scan/scan.js';
import { SubjectRequestProposals } from '../../src/fides/subject-request.js';

type Ref = TableSubjectSummary['references'][number];

function column(name: string, isPrimaryKey = false): ColumnMetadata {
  return { name, ordinal: 0, rawType: 'text', normalizedType: 'string', isArray: false, isNullable: true, isPrimaryKey };
}

function proposal(category: string, confidence = 0.9): FieldClassification {
  return { categories: [category], confidence, alternatives: [], factors: {}, evidence: [] } as unknown as FieldClassification;
}

interface TableSpec {
  columns: string[];
  key?: string;
  categories?: Record<string, string | [string, number]>;
  summary: Partial<TableSubjectSummary>;
}

function scanOf(specs: Record<string, TableSpec>): ScanResult {
  const tables: TableResult[] = [];
  const subjects = new Map<string, TableSubjectSummary>();
  for (const [name, spec] of Object.entries(specs)) {
    const table: TableMetadata = {
      schema: 'app',
      name,
      kind: 'table',
      columns: spec.columns.map((c) => column(c, c === spec.key)),
      primaryKey: spec.key ? [spec.key] : [],
      foreignKeys: [],
    };
    const fields = new Map(Object.entries(spec.categories ?? {}).map(([c, v]) => [c, Array.isArray(v) ? proposal(v[0], v[1]) : proposal(v)] as const));
    tables.push({ table, columns: table.columns, status: 'scanned', rowsSampled: 10, queries: 1, fields, unsampledColumns: new Map() });
    subjects.set(`app.${name}`, { isPerson: false, identityColumns: [], references: [], ...spec.summary });
  }
  return {
    database: { engine: 'sqlite', database: 'x', schemas: ['app'], tables: tables.map((t) => t.table) },
    tables,
    timings: { introspectMs: 0, sampleMs: 0, classifyMs: 0, totalMs: 0 },
    subjects,
  };
}

const ref = (columns: string, target: string, targetColumns = 'id', extra: Partial<Ref> = {}): Ref => ({
  columns: [columns],
  target: `app.${target}`,
  targetColumns: [targetColumns],
  direction: 'to',
  origin: 'name',
  ...extra,
});
const linked = (table: string) => ({ linkedTo: { table: `app.${table}`, hops: 1, path: '' }, subject: 'customer' });

/** A shop: customers (with a salesperson), their orders, order items, products, addresses, staff. */
function shop(): SubjectRequestProposals {
  const scan = scanOf({
    customer: {
      columns: ['id', 'email', 'phone', 'address_id', 'rep_id', 'customer_no'],
      key: 'id',
      categories: { email: 'user.contact.email', phone: 'user.contact.phone_number', id: 'user.unique_id', customer_no: 'user.unique_id' },
      summary: { isPerson: true, subject: 'customer', identityColumns: ['email', 'phone', 'id', 'customer_no'], references: [ref('address_id', 'address'), ref('rep_id', 'staff')] },
    },
    staff: {
      columns: ['id', 'email'],
      key: 'id',
      categories: { email: 'user.contact.email' },
      summary: { isPerson: true, subject: 'employee', identityColumns: ['email'] },
    },
    orders: {
      columns: ['id', 'customer_id', 'shipping_address_id', 'created_by'],
      key: 'id',
      summary: { ...linked('customer'), references: [ref('customer_id', 'customer'), ref('shipping_address_id', 'address'), ref('created_by', 'staff', 'id', { actor: true })] },
    },
    order_item: {
      columns: ['order_id', 'product_id'],
      summary: { linkedTo: { table: 'app.customer', hops: 2, path: '' }, subject: 'customer', references: [ref('order_id', 'orders'), ref('product_id', 'product')] },
    },
    product: { columns: ['id', 'name'], key: 'id' },
    inventory: { columns: ['product_id', 'stock'], summary: { references: [ref('product_id', 'product')] } },
    address: { columns: ['id', 'street'], key: 'id' },
    audit: { columns: ['id', 'actor_id'], key: 'id', summary: { references: [ref('actor_id', 'staff', 'id', { actor: true })] } },
    newsletter: { columns: ['email', 'topic'], categories: { email: ['user.contact.email', 0.7] } },
    mailer: { columns: ['email'], categories: { email: ['user.contact.email', 0.3] } },
  });
  return new SubjectRequestProposals(scan, () => 'app_key');
}

const t = (name: string) => ({ schema: 'app', name });

describe('subject-request proposals', () => {
  const p = shop();
  const meta = (table: string, column: string) => p.forTable(t(table)).fields.get(column);

  it('proposes identities on a person table\'s contact, user name and external id columns, not its own key', () => {
    expect(meta('customer', 'email')).toEqual({ identity: 'email' });
    expect(meta('customer', 'phone')).toEqual({ identity: 'phone_number' });
    expect(meta('customer', 'customer_no')).toEqual({ identity: 'external_id' });
    expect(meta('customer', 'id')).toBeUndefined();
    expect(meta('staff', 'email')).toEqual({ identity: 'email' });
  });

  it('gives rows that point at a reached table `from`, and what reached rows point at `to`', () => {
    expect(meta('orders', 'customer_id')).toEqual({ references: [{ dataset: 'app_key', field: 'customer.id', direction: 'from' }] });
    expect(meta('order_item', 'order_id')).toEqual({ references: [{ dataset: 'app_key', field: 'orders.id', direction: 'from' }] });
    expect(meta('order_item', 'product_id')).toEqual({ references: [{ dataset: 'app_key', field: 'product.id', direction: 'to' }] });
    expect(meta('customer', 'address_id')).toEqual({ references: [{ dataset: 'app_key', field: 'address.id', direction: 'to' }] });
  });

  it('points at a detail table again from another reached row (an order\'s own shipping address)', () => {
    expect(meta('orders', 'shipping_address_id')).toEqual({ references: [{ dataset: 'app_key', field: 'address.id', direction: 'to' }] });
  });

  it('never leads to another person\'s table, along an actor column, or from a detail table on to rows that are no one\'s', () => {
    expect(meta('customer', 'rep_id')).toBeUndefined();
    expect(meta('orders', 'created_by')).toBeUndefined();
    expect(meta('audit', 'actor_id')).toBeUndefined();
    expect(meta('inventory', 'product_id')).toBeUndefined();
  });

  it('finds rows out of the graph\'s reach by a sure e-mail or phone column only', () => {
    expect(meta('newsletter', 'email')).toEqual({ identity: 'email' });
    expect(meta('mailer', 'email')).toBeUndefined();
  });

  it('proposes the data subjects of person and person-linked tables, per table and per schema', () => {
    expect(p.forTable(t('order_item')).dataSubjects).toEqual(['customer']);
    expect(p.forTable(t('staff')).dataSubjects).toEqual(['employee']);
    expect(p.forTable(t('product')).dataSubjects).toEqual([]);
    expect(p.forSchema('app')).toEqual(['customer', 'employee']);
  });

  it('proposes nothing without a subject graph', () => {
    const scan = scanOf({ customer: { columns: ['email'], categories: { email: 'user.contact.email' }, summary: { isPerson: true } } });
    const none = new SubjectRequestProposals({ ...scan, subjects: undefined }, () => 'k');
    expect(none.forTable(t('customer')).fields.size).toBe(0);
    expect(none.forSchema('app')).toEqual([]);
  });
});
