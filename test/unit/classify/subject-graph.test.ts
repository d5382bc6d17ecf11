/**
 * The subject graph (classify/subject/, issue 15 class 1): person tables from names in several
 * languages, references by declared keys, names and values, person-linked rows at most three hops
 * away, attribute tables, code tables; one domain per kind of person-owned rows, whose descriptive
 * columns take the domain's category with the path in the evidence; the same context whatever order
 * a concurrent scan finishes tables in.
 */
import { describe, expect, it } from 'vitest';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import { SubjectGraph, tableFacts } from '../../../src/classify/subject/index.js';
import type { ColumnInput, FieldClassification } from '../../../src/classify/types.js';
import { tableId, type ForeignKey, type TableMetadata } from '../../../src/core/metadata.js';
import { database, table, type ColumnSpec } from './column-input.js';

const fk = (column: string, referencedTable: string, referencedColumn: string): ForeignKey => ({
  name: `fk_${column}`,
  columns: [column],
  referencedSchema: 'public',
  referencedTable,
  referencedColumns: [referencedColumn],
});
const key = (name: string): ColumnSpec => ({ name, type: 'integer', rawType: 'integer', primaryKey: true });
const int = (name: string): ColumnSpec => ({ name, type: 'integer', rawType: 'integer' });
const text = (name: string): ColumnSpec => ({ name });

const patients = table('patients', [key('patient_id'), text('first_name'), text('last_name'), text('email')]);
const customers = table('customers', [key('customer_id'), text('first_name'), text('email')]);

describe('person tables', () => {
  it.each([
    ['patients', 'patient'],
    ['kunden', 'customer'],
    ['clientes', 'customer'],
    ['pacientes', 'patient'],
    ['klanten', 'customer'],
    ['pazienti', 'patient'],
    ['mitarbeiter', 'employee'],
    ['medewerkers', 'employee'],
    ['kokyaku', 'customer'],
  ])('%s holds people (%s), from its name in its language', (name, subject) => {
    const t = table(name, [key('id'), text('nom'), text('email')]);
    const context = new SubjectGraph([t]).contextFor(t);
    expect(context.person?.subject).toBe(subject);
    expect(context.person?.because).toMatch(new RegExp(`table ${name} holds people`));
  });

  it('a table of places or codes holds no people', () => {
    const countries = table('countries', [key('id'), text('label')]);
    const context = new SubjectGraph([countries]).contextFor(countries);
    expect(context.person).toBeUndefined();
    expect(context.notPerson?.score).toBeGreaterThan(0.5);
  });

  it('a table with a meaningless name holds people once its values showed what only people have', () => {
    const t2 = table('t2', [key('c1'), text('c2'), text('c3'), text('c4')]);
    const graph = new SubjectGraph([t2]);
    expect(graph.person(tableId(t2)).isPerson).toBe(false);
    graph.addFacts(tableId(t2), { rowsSampled: 20, personOnlyColumns: ['c2', 'c3'], contactColumns: ['c4'], identityColumns: ['c4'] });
    expect(graph.person(tableId(t2)).isPerson).toBe(true);
  });
});

describe('references', () => {
  it('by a declared key: a person reference, and the rows belong to that person', () => {
    const visits = table('visits', [key('visit_id'), int('patient_id'), text('notes')], [fk('patient_id', 'patients', 'patient_id')]);
    const context = new SubjectGraph([patients, visits]).contextFor(visits);
    expect(context.references).toMatchObject([{ columns: ['patient_id'], origin: 'declared', targetKind: 'person', target: 'public.patients' }]);
    expect(context.linked).toMatchObject({ person: 'public.patients', subject: 'patient', hops: 1, path: 'visits.patient_id → patients.patient_id' });
  });

  it("by name: 'customer_id' without a declared key references customers", () => {
    const orders = table('orders', [key('order_id'), int('customer_id'), text('status')]);
    const context = new SubjectGraph([customers, orders]).contextFor(orders);
    expect(context.references).toMatchObject([{ columns: ['customer_id'], origin: 'name', targetKind: 'person' }]);
    expect(context.linked?.path).toBe('orders.customer_id → customers.customer_id');
  });

  const ids = ['1001', '1008', '1015', '1022', '1029', '1036', '1043', '1050'];
  /** A graph whose patients table finished with sampled keys `ids` (and what only people have). */
  function graphWithPatients(other: TableMetadata): SubjectGraph {
    const graph = new SubjectGraph([patients, other]);
    const values = (column: string) => (column === 'patient_id' ? ids : column === 'email' ? ids.map((i) => `p${i}@example.org`) : undefined);
    const fields = new Map<string, FieldClassification>([
      ['first_name', { categories: ['user.name.first'], confidence: 0.9, alternatives: [], factors: { values: 0.9 }, evidence: [] }],
      ['email', { categories: ['user.contact.email'], confidence: 0.95, alternatives: [], factors: { values: 1 }, evidence: [] }],
    ]);
    graph.addFacts(tableId(patients), tableFacts({ table: patients, rowsSampled: ids.length, fields, values }, () => true));
    return graph;
  }

  // `uid` (a user's id) and `subj_no` (a study's subject) abbreviate a person's key.
  it.each(['member_ref', 'subj_no', 'uid'])("by values: '%s' whose sampled values are keys of a finished person table", (column) => {
    const diagnoses = table('diagnoses', [key('diagnosis_id'), int(column), text('icd_code')]);
    const refs = ['1008', '1015', '1015', '1043', '1001', '1050', '1029', '1022'];
    const context = graphWithPatients(diagnoses).contextFor(diagnoses, (c) => (c === column ? refs : undefined), new Set([tableId(patients)]));
    expect(context.references).toMatchObject([{ columns: [column], origin: 'values', targetKind: 'person' }]);
    expect(context.linked?.path).toBe(`diagnoses.${column} → patients.patient_id`);
  });

  it('draws no reference from values that are not the person table\'s keys, nor from small integers under a name that names no person', () => {
    const diagnoses = table('diagnoses', [key('diagnosis_id'), int('member_ref'), int('quantity'), text('icd_code')]);
    const unrelated = graphWithPatients(diagnoses).contextFor(
      diagnoses,
      (c) => (c === 'member_ref' ? ['7', '9', '12', '31', '44', '58', '61', '77'] : c === 'quantity' ? ['1008', '1015', '1043', '1001', '1050', '1029'] : undefined),
      new Set([tableId(patients)]),
    );
    expect(unrelated.references).toEqual([]);
    expect(unrelated.linked).toBeUndefined();
  });

  // Made-up schemas: a one-to-one extension is keyed by the person's key (no declared key).
  it.each([
    [table('students', [key('student_id'), text('first_name'), text('email')]), table('scholarships', [key('student_id'), int('award_amount'), text('awarded_on')]), 'scholarships.student_id → students.student_id'],
    [table('clients', [key('client_id'), text('name'), text('phone')]), table('loyalty_cards', [key('client_id'), text('tier'), text('valid_until')]), 'loyalty_cards.client_id → clients.client_id'],
    [table('users', [key('user_id'), text('login'), text('email')]), table('user_profiles', [key('user_id'), text('bio'), text('avatar_url')]), 'user_profiles.user_id → users.user_id'],
  ])('a one-to-one extension whose own key names a person table (%#) is that person\'s rows', (person, extension, path) => {
    const context = new SubjectGraph([person, extension]).contextFor(extension);
    expect(context.person).toBeUndefined();
    expect(context.references).toMatchObject([{ columns: [extension.primaryKey[0]], origin: 'name', targetKind: 'person', target: tableId(person) }]);
    expect(context.references[0].because).toMatch(/one-to-one extension/);
    expect(context.linked).toMatchObject({ person: tableId(person), hops: 1, path });
  });

  it('a key named `id`, or named for its own table, references nothing; an extension of a thing is linked to that thing only', () => {
    const settings = table('settings', [key('id'), text('value')]);
    const invoices = table('invoices', [key('invoice_id'), text('status'), int('total'), text('issued_on'), text('currency')]);
    const invoiceTotals = table('invoice_totals', [key('invoice_id'), int('net'), int('tax')]);
    const graph = new SubjectGraph([customers, settings, invoices, invoiceTotals]);
    expect(graph.contextFor(settings).references).toEqual([]);
    expect(graph.contextFor(invoices).references).toEqual([]);
    expect(graph.contextFor(invoiceTotals).references).toMatchObject([{ columns: ['invoice_id'], target: 'public.invoices', targetKind: 'entity' }]);
    expect(graph.contextFor(invoiceTotals).linked).toBeUndefined();
  });

  it('links rows at most three references away from the person, each hop weaker', () => {
    const chain = ['a', 'b', 'c', 'd'].map((step, i) =>
      table(`step_${step}`, [key(`${step}_id`), int(`up_ref`)], [i === 0 ? fk('up_ref', 'patients', 'patient_id') : fk('up_ref', `step_${'abc'[i - 1]}`, `${'abc'[i - 1]}_id`)]),
    );
    const graph = new SubjectGraph([patients, ...chain]);
    const links = chain.map((t) => graph.contextFor(t).linked);
    expect(links.map((l) => l?.hops)).toEqual([1, 2, 3, undefined]);
    expect(links[2]?.path).toBe('step_c.up_ref → step_b.b_id; step_b.up_ref → step_a.a_id; step_a.up_ref → patients.patient_id');
    expect(links[1]!.strength).toBeLessThan(links[0]!.strength);
  });

  it("a person's row points at its attribute table (an address) and at code tables (a gender), which are no one's rows", () => {
    const persons = table('persons', [key('person_id'), text('first_name'), text('last_name'), int('address_id'), int('gender_id')], [fk('address_id', 'addresses', 'address_id'), fk('gender_id', 'genders', 'id')]);
    const addresses = table('addresses', [key('address_id'), text('street'), text('city'), text('postal_code')]);
    const genders = table('genders', [key('id'), text('label')]);
    const graph = new SubjectGraph([persons, addresses, genders]);
    expect(graph.contextFor(addresses).attributeOf).toMatchObject({ person: 'public.persons', path: 'persons.address_id → addresses.address_id' });
    const genderContext = graph.contextFor(genders);
    expect(genderContext.attributeOf).toBeUndefined();
    expect(genderContext.linked).toBeUndefined();
    expect(graph.contextFor(persons).references.find((r) => r.columns[0] === 'gender_id')?.targetKind).toBe('lookup');
  });

  // Made-up schemas: a facility a person's row points at keeps its own address; a person's location row does not.
  it.each([
    ['warehouses', false],
    ['clinics', false],
    ['filialen', false],
    ['locations', true],
  ])("a person's row points at %s (attribute table: %s)", (name, isAttribute) => {
    const staff = table('staff', [key('staff_id'), text('first_name'), text('last_name'), int('place_id')], [fk('place_id', name, 'place_id')]);
    const places = table(name, [key('place_id'), text('street'), text('city'), text('postal_code'), text('phone')]);
    const context = new SubjectGraph([staff, places]).contextFor(places);
    expect(Boolean(context.attributeOf), JSON.stringify(context.attributeOf)).toBe(isAttribute);
  });

  it('gives a table the same context whatever unrelated tables finished before it (concurrent scans)', () => {
    const people = table('patients', [key('c1'), text('c2'), text('c3')]);
    const t3 = table('t3', [key('c1'), int('c2'), text('c3'), text('c4'), text('c5')]);
    const t4 = table('t4', [key('c1'), int('c2')], [fk('c2', 't3', 'c1')]);
    const t5 = table('t5', [key('c1'), int('c2'), text('c3')]);
    const keys = Array.from({ length: 40 }, (_, i) => String(500 + i * 3));
    const personFacts = { rowsSampled: 40, personOnlyColumns: ['c2', 'c3'], contactColumns: [], identityColumns: [], keySketch: { column: 'c1', values: new Set(keys), min: 500, max: 617, rows: 40 } };
    const byValues = (column: string) => (column === 'c2' ? keys.slice(0, 30) : undefined);
    const contextOfT4 = (t5First: boolean) => {
      const graph = new SubjectGraph([people, t3, t4, t5]);
      graph.addFacts(tableId(people), personFacts);
      // t3 references the people by its values; t4 waits for t3 (and sees what t3 saw); t5, which also
      // references the people by values, is no dependency of t4 and may finish before or after it.
      graph.contextFor(t3, byValues, new Set([tableId(people)]));
      graph.addFacts(tableId(t3), { rowsSampled: 8, personOnlyColumns: [], contactColumns: [], identityColumns: [] });
      if (t5First) graph.contextFor(t5, byValues, new Set([tableId(people), tableId(t3)]));
      return graph.contextFor(t4, undefined, new Set([tableId(t3), tableId(people)]));
    };
    const first = contextOfT4(true);
    expect(first.linked?.path).toBe('t4.c2 → t3.c1; t3.c2 → patients.c1');
    expect(contextOfT4(false)).toEqual(first);
  });
});

describe('domains: descriptive columns of rows that belong to a person', () => {
  const classifier = createHeuristicClassifier();

  async function classifyLinked(
    person: TableMetadata,
    rows: TableMetadata,
    specs: Record<string, readonly string[]>,
  ): Promise<Map<string, FieldClassification>> {
    const graph = new SubjectGraph([person, rows]);
    const context = graph.contextFor(rows);
    const db = database([person, rows]);
    const count = Math.max(...Object.values(specs).map((v) => v.length));
    const inputs: ColumnInput[] = rows.columns.map((column) => ({
      database: db,
      table: rows,
      column,
      sample: {
        values: specs[column.name] ?? [],
        nullCount: count - (specs[column.name]?.length ?? 0),
        truncatedCount: 0,
      },
      rowsSampled: count,
      subject: context,
    }));
    const results = await classifier.classify(inputs);
    return new Map(rows.columns.map((c, i) => [c.name, results[i]]));
  }
  const reasons = (f: FieldClassification | undefined) => (f?.evidence ?? []).map((e) => e.reason).join('\n');
  const repeat = (values: readonly string[], n = 24) => Array.from({ length: n }, (_, i) => values[i % values.length]);
  const personIds = repeat(['1001', '1008', '1015', '1022']);

  // Made-up schemas: the row's domain (or "free text about people") reaches only columns that hold something.
  it.each([
    ['a spare note slot of a patient\'s visits', table('visits', [key('visit_id'), int('patient_id'), text('remarks'), text('extra_note_3')], [fk('patient_id', 'patients', 'patient_id')]), 'remarks', 'extra_note_3'],
    ['an unused comment field of a customer\'s tickets', table('tickets', [key('ticket_id'), int('customer_id'), text('comment'), text('comment_internal')], [fk('customer_id', 'customers', 'customer_id')]), 'comment', 'comment_internal'],
  ])('%s, empty in every sampled row, takes no category from its row; the filled one does', async (_what, rows, filled, empty) => {
    const person = rows.name === 'visits' ? patients : customers;
    const ownerKey = rows.foreignKeys[0].columns[0];
    const out = await classifyLinked(person, rows, {
      [rows.primaryKey[0]]: repeat(['1', '2', '3', '4', '5', '6']),
      [ownerKey]: personIds,
      [filled]: repeat(['Called back about the results, will come in next week', 'Asked for a copy of the last letter we sent out']),
    });
    expect(out.get(filled)?.categories, reasons(out.get(filled))).not.toEqual(['system.operations']);
    expect(out.get(empty)?.categories, reasons(out.get(empty))).toEqual(['system.operations']);
    expect(reasons(out.get(empty))).not.toMatch(/rows about people|belong to a person/);
  });

  // Made-up schemas: a flag that picks one of a person's rows is record keeping, other flags are the domain's.
  it.each([
    ['preferred', { name: 'preferred', type: 'boolean', rawType: 'boolean' }],
    ['is_default', { name: 'is_default', type: 'boolean', rawType: 'boolean' }],
    ['default (a 0/1 integer)', { name: 'default', type: 'integer', rawType: 'smallint' }],
  ] as const)('%s on a patient\'s diagnoses is record keeping; its ICD code is clinical', async (_what, flag) => {
    const diagnoses = table('diagnoses', [key('claim_id'), int('patient_id'), flag as ColumnSpec, { name: 'is_smoker', type: 'boolean', rawType: 'boolean' }, text('icd_code')], [fk('patient_id', 'patients', 'patient_id')]);
    const out = await classifyLinked(patients, diagnoses, {
      claim_id: repeat(['1', '2', '3', '4', '5', '6']),
      patient_id: personIds,
      [flag.name]: repeat(flag.type === 'boolean' ? ['true', 'false'] : ['1', '0']),
      is_smoker: repeat(['true', 'false', 'false']),
      icd_code: repeat(['E11.9', 'I10', 'J45.909']),
    });
    expect(out.get(flag.name)?.categories, reasons(out.get(flag.name))).toEqual(['system.operations']);
    expect(out.get('icd_code')?.categories, reasons(out.get('icd_code'))).toEqual(['user.health_and_medical']);
  });

  it('an empty table (names only) still reads a free-text column of a person\'s rows by its name', async () => {
    const visits = table('visits', [key('visit_id'), int('patient_id'), text('remarks')], [fk('patient_id', 'patients', 'patient_id')]);
    const graph = new SubjectGraph([patients, visits]);
    const context = graph.contextFor(visits);
    const db = database([patients, visits]);
    const empty = { values: [], nullCount: 0, truncatedCount: 0 };
    const inputs = visits.columns.map((column) => ({ database: db, table: visits, column, sample: empty, rowsSampled: 0, subject: context }));
    const results = await classifier.classify(inputs);
    expect(results[2].categories, reasons(results[2])).not.toEqual(['system.operations']);
  });

  it('clinical: a patient\'s conditions are health data, with the path', async () => {
    const conditions = table('conditions', [key('condition_id'), int('patient_id'), text('icd_code'), text('onset_date')], [fk('patient_id', 'patients', 'patient_id')]);
    const out = await classifyLinked(patients, conditions, {
      condition_id: repeat(['1', '2', '3', '4', '5', '6']),
      patient_id: personIds,
      icd_code: repeat(['E11.9', 'I10', 'J45.909']),
      onset_date: repeat(['2021-03-04', '2019-11-23']),
    });
    expect(out.get('icd_code')?.categories, reasons(out.get('icd_code'))).toEqual(['user.health_and_medical']);
    expect(reasons(out.get('icd_code'))).toContain('rows of conditions belong to a person: conditions.patient_id → patients.patient_id');
    expect(out.get('patient_id')?.categories).toEqual(['user.unique_id']);
    expect(out.get('condition_id')?.categories).toEqual(['system.operations']);
  });

  it("financial: an employee's payroll rows are financial data", async () => {
    const employees = table('employees', [key('employee_id'), text('first_name'), text('last_name')]);
    const payroll = table('payroll', [key('payroll_id'), int('employee_id'), { name: 'gross_amount', type: 'decimal', rawType: 'numeric(10,2)' }], [fk('employee_id', 'employees', 'employee_id')]);
    const out = await classifyLinked(employees, payroll, { payroll_id: repeat(['1', '2', '3']), employee_id: personIds, gross_amount: repeat(['3120.50', '4410.00', '2890.75']) });
    expect(out.get('gross_amount')?.categories[0]).toMatch(/^user\.financial/);
    expect(reasons(out.get('gross_amount'))).toContain('payroll.employee_id → employees.employee_id');
  });

  it("purchase: what a customer's cart holds is purchase history", async () => {
    const cart = table('cart_items', [key('item_id'), int('customer_id'), int('product_id')], [fk('customer_id', 'customers', 'customer_id'), fk('product_id', 'products', 'product_id')]);
    const products = table('products', [key('product_id'), text('title')]);
    const graph = new SubjectGraph([customers, cart, products]);
    const context = graph.contextFor(cart);
    const db = database([customers, cart, products]);
    const values: Record<string, readonly string[]> = { item_id: repeat(['1', '2', '3']), customer_id: personIds, product_id: repeat(['7', '8', '9']) };
    const results = await classifier.classify(
      cart.columns.map((column) => ({
        database: db,
        table: cart,
        column,
        sample: { values: values[column.name], nullCount: 0, truncatedCount: 0 },
        rowsSampled: 24,
        subject: context,
      })),
    );
    expect(results[2].categories).toEqual(['user.behavior.purchase_history']);
    expect(reasons(results[2])).toContain('cart_items.customer_id → customers.customer_id');
  });

  // Made-up schema: what sums up a customer's purchases on their own row is purchase history; an
  // order's own amount and date stay the shop's records.
  it("purchase: a customer's first and last purchase dates and purchase count are purchase history", async () => {
    const shoppers = table('shoppers', [key('shopper_id'), text('email'), text('first_name'), text('last_purchase_on'), int('purchase_count'), { name: 'total_bought', type: 'decimal', rawType: 'numeric(10,2)' }]);
    const out = await classifyLinked(shoppers, shoppers, {
      shopper_id: repeat(['1', '2', '3', '4']),
      email: repeat(['ana@example.org', 'li@example.net', 'sam@example.com']),
      first_name: repeat(['Ana', 'Li', 'Sam']),
      last_purchase_on: repeat(['2024-02-11', '2023-12-30', '2024-05-02']),
      purchase_count: repeat(['3', '12', '1', '7']),
      total_bought: repeat(['120.50', '33.00', '980.10']),
    });
    for (const column of ['last_purchase_on', 'purchase_count', 'total_bought']) {
      expect(out.get(column)?.categories, `${column}: ${reasons(out.get(column))}`).toEqual(['user.behavior.purchase_history']);
    }
    const sales = table('purchases', [key('purchase_id'), int('shopper_id'), text('purchased_on'), { name: 'amount', type: 'decimal', rawType: 'numeric(10,2)' }], [fk('shopper_id', 'shoppers', 'shopper_id')]);
    const linked = await classifyLinked(shoppers, sales, { purchase_id: repeat(['1', '2', '3']), shopper_id: personIds, purchased_on: repeat(['2024-02-11', '2023-12-30']), amount: repeat(['12.50', '3.99']) });
    expect(linked.get('amount')?.categories, reasons(linked.get('amount'))).toEqual(['system.operations']);
  });

  it("behaviour: what a user's searches are about is behavioural data", async () => {
    const users = table('users', [key('user_id'), text('email'), text('first_name')]);
    const searches = table('searches', [key('search_id'), int('user_id'), int('topic_id')], [fk('user_id', 'users', 'user_id'), fk('topic_id', 'topics', 'topic_id')]);
    const topics = table('topics', [key('topic_id'), text('label')]);
    const graph = new SubjectGraph([users, searches, topics]);
    const context = graph.contextFor(searches);
    const db = database([users, searches, topics]);
    const values: Record<string, readonly string[]> = { search_id: repeat(['1', '2', '3']), user_id: personIds, topic_id: repeat(['1', '2', '3', '4']) };
    const results = await classifier.classify(
      searches.columns.map((column) => ({
        database: db,
        table: searches,
        column,
        sample: { values: values[column.name], nullCount: 0, truncatedCount: 0 },
        rowsSampled: 24,
        subject: context,
      })),
    );
    expect(results[2].categories).toEqual(['user.behavior']);
    expect(reasons(results[2])).toContain('searches.user_id → users.user_id');
  });

  // Made-up schemas: a person's settings rows are their account settings; the application's are not.
  it.each([
    ['notification_preferences', 'channel'],
    ['member_settings', 'layout'],
    ['benutzereinstellungen', 'wert'],
  ])("settings: the rows of a person's %s table are account settings", async (name, column) => {
    const members = table('members', [key('member_id'), text('email'), text('first_name')]);
    const rows = table(name, [key('setting_id'), int('member_id'), text(column)], [fk('member_id', 'members', 'member_id')]);
    const out = await classifyLinked(members, rows, { setting_id: repeat(['1', '2', '3']), member_id: personIds, [column]: repeat(['dark', 'email', 'weekly', 'compact']) });
    expect(out.get(column)?.categories, reasons(out.get(column))).toEqual(['user.account.settings']);
    expect(reasons(out.get(column))).toContain(`${name}.member_id → members.member_id`);
  });

  it("settings: in a person's key-value preferences, the key and the module name the setting; the value is the person's", async () => {
    const members = table('members', [key('member_id'), text('email'), text('first_name')]);
    const prefs = table('member_preferences', [key('pref_id'), int('member_id'), text('module'), text('pref_key'), text('pref_value')], [fk('member_id', 'members', 'member_id')]);
    const out = await classifyLinked(members, prefs, {
      pref_id: repeat(['1', '2', '3']),
      member_id: personIds,
      module: repeat(['mail', 'calendar']),
      pref_key: repeat(['digest', 'week_start', 'reminders']),
      pref_value: repeat(['weekly', 'monday', 'off', 'on']),
    });
    expect(out.get('pref_value')?.categories, reasons(out.get('pref_value'))).toEqual(['user.account.settings']);
    expect(out.get('pref_key')?.categories, reasons(out.get('pref_key'))).toEqual(['system.operations']);
    expect(out.get('module')?.categories, reasons(out.get('module'))).toEqual(['system.operations']);
  });

  it('settings: the application\'s own settings table, linked to nobody, stays system data', async () => {
    const members = table('members', [key('member_id'), text('email'), text('first_name')]);
    const appSettings = table('app_settings', [key('setting_id'), text('setting_key'), text('setting_value')]);
    const out = await classifyLinked(members, appSettings, { setting_id: repeat(['1', '2', '3']), setting_key: repeat(['smtp_host', 'theme']), setting_value: repeat(['mail.example.org', 'dark']) });
    expect(out.get('setting_value')?.categories).toEqual(['system.operations']);
  });

  // Made-up schema: on a person's row the secret is a credential; how it is made is not.
  it.each(['password_hash_algo', 'kdf_algorithm', 'pin_hash_iterations'])("%s says how a person's secret is made, not the secret", async (column) => {
    const accounts = table('accounts', [key('account_id'), text('email'), text('first_name'), text('password_hash'), text(column)]);
    const out = await classifyLinked(accounts, accounts, {
      account_id: repeat(['1', '2', '3']),
      email: repeat(['ana@example.org', 'li@example.net', 'sam@example.com']),
      first_name: repeat(['Ana', 'Li', 'Sam']),
      password_hash: repeat(['$2b$12$Kix0Vd8r1nI7oGm0c5h6WeQk7m3JcBn0tYqQh0P3d4sYl8m2u7e1O', '$2b$12$7dPq5tE2wZ0vL9kR4yH1uOeX3cN8bM6aS2fG5jK1lQ9wE4rT7yU0i']),
      [column]: repeat(column.endsWith('iterations') ? ['100000', '310000'] : ['bcrypt', 'argon2id', 'pbkdf2']),
    });
    expect(out.get(column)?.categories, reasons(out.get(column))).toEqual(['system.operations']);
    expect(out.get('password_hash')?.categories[0], reasons(out.get('password_hash'))).toMatch(/^user\.authorization/);
  });

  it("location: a person's recorded positions are location data", async () => {
    const users = table('users', [key('user_id'), text('email'), text('first_name')]);
    const positions = table('positions', [key('position_id'), int('user_id'), text('recorded_at'), text('accuracy_code')], [fk('user_id', 'users', 'user_id')]);
    const out = await classifyLinked(users, positions, {
      position_id: repeat(['1', '2', '3']),
      user_id: personIds,
      recorded_at: repeat(['2024-05-01 10:00:00', '2024-05-01 10:05:00']),
      accuracy_code: repeat(['A', 'B', 'C']),
    });
    expect(out.get('accuracy_code')?.categories[0]).toMatch(/^user\.location/);
    expect(reasons(out.get('accuracy_code'))).toContain('positions.user_id → users.user_id');
  });
});
