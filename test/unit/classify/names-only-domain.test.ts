/**
 * Names only (issue 15, names-only corpora): without values to confirm it, a person's row's domain
 * reaches only the columns that describe that person's row, not those that file or define it (a
 * reference to the organisation's things, a dimension every table has, a term copied from a product
 * definition, a loan's schedule dates). The same columns with values keep the domain (values confirm
 * it). Also from names alone: a module word leading many table names says no place, an account that
 * references its owner is that owner's record, and an order that names a full set of contact details
 * is not "a thing, not people". Every schema here is made up.
 */
import { describe, expect, it } from 'vitest';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import { SubjectGraph } from '../../../src/classify/subject/index.js';
import type { ColumnInput, FieldClassification } from '../../../src/classify/types.js';
import { tableId, type TableMetadata } from '../../../src/core/metadata.js';
import { database, fk, int, key, table, type ColumnSpec } from './column-input.js';

const num = (name: string): ColumnSpec => ({ name, type: 'decimal', rawType: 'numeric(19,6)' });
const date = (name: string): ColumnSpec => ({ name, type: 'date', rawType: 'date' });
const text = (name: string): ColumnSpec => ({ name });

const classifier = createHeuristicClassifier();
const reasons = (f: FieldClassification | undefined) => (f?.evidence ?? []).map((e) => e.reason).join('\n');
const personal = (f: FieldClassification | undefined) => (f?.categories ?? []).some((c) => c === 'user' || c.startsWith('user.'));

/** Classifies every column of `rows` in a database of `tables`: names only (empty), or with a few values in each column. */
async function classify(tables: readonly TableMetadata[], rows: TableMetadata, withValues = false): Promise<Map<string, FieldClassification>> {
  const graph = new SubjectGraph(tables);
  const count = withValues ? 24 : 0;
  const context = graph.contextFor(rows, undefined, undefined, count);
  const db = database(tables);
  const inputs: ColumnInput[] = rows.columns.map((column) => ({
    database: db,
    table: rows,
    column,
    sample: { values: withValues ? Array.from({ length: count }, (_, i) => String(1000 + (i % 7))) : [], nullCount: 0, truncatedCount: 0 },
    rowsSampled: count,
    subject: context,
  }));
  const results = await classifier.classify(inputs);
  return new Map(rows.columns.map((c, i) => [c.name, results[i]]));
}

const students = table('students', [key('student_id'), text('first_name'), text('last_name'), date('birth_date')]);

describe('names only: a reference on a person\'s rows to one of the organisation\'s things takes no domain', () => {
  const schools = table('schools', [key(), text('title'), text('address'), text('principal'), int('capacity'), text('website')]);
  const grades = table('grade_scales', [key(), text('title'), num('gpa_value')]);
  const enrolment = table('student_transcripts', [key(), int('student_id'), int('school_id'), int('grade_scale_id'), text('comment')], [
    fk('student_id', 'students', 'student_id'),
    fk('school_id', 'schools'),
    fk('grade_scale_id', 'grade_scales'),
  ]);
  const tables = [students, schools, grades, enrolment];

  it('which school issued a student\'s transcript is the school\'s, not the student\'s education record', async () => {
    const out = await classify(tables, enrolment);
    expect(out.get('school_id')?.categories, reasons(out.get('school_id'))).toEqual(['system.operations']);
    // A reference to a table a domain's own word names (a grade) still describes the student's row.
    expect(personal(out.get('grade_scale_id')), reasons(out.get('grade_scale_id'))).toBe(true);
    expect(personal(out.get('comment'))).toBe(true);
  });

  it('with values the row\'s domain still reaches the reference (values confirm the row is a person\'s)', async () => {
    const out = await classify(tables, enrolment, true);
    expect(personal(out.get('school_id')), reasons(out.get('school_id'))).toBe(true);
  });
});

describe('names only: a number every table is filed by is a dimension, not the person\'s data', () => {
  const filed = (name: string, extra: ColumnSpec[] = []) => table(name, [key(), int('student_id'), { name: 'syear', type: 'decimal', rawType: 'numeric(4,0)' }, ...extra], [fk('student_id', 'students', 'student_id')]);
  const attendance = filed('attendance_day', [int('minutes_present')]);
  const others = ['eligibility', 'student_goal', 'student_report_card_grades', 'student_mp_comments', 'schedule'].map((n) => filed(n));
  const tables = [students, attendance, ...others];

  it('the school year on a student\'s attendance rows takes no domain; the minutes present do', async () => {
    const out = await classify(tables, attendance);
    expect(out.get('syear')?.categories, reasons(out.get('syear'))).toEqual(['system.operations']);
    expect(personal(out.get('minutes_present')), reasons(out.get('minutes_present'))).toBe(true);
  });

  it('in a database where the number is on one table only, it stays the row\'s', async () => {
    const out = await classify([students, attendance], attendance);
    expect(personal(out.get('syear')), reasons(out.get('syear'))).toBe(true);
  });
});

describe('names only: terms a person\'s row copies from the product it references are the product\'s', () => {
  const clients = table('clients', [key(), text('firstname'), text('lastname'), date('date_of_birth')]);
  const terms = [num('annual_nominal_interest_rate'), int('repay_every'), int('number_of_repayments'), int('grace_on_interest_periods')];
  const product = table('loan_products', [key(), text('short_name'), ...terms]);
  const loans = table('loans', [key(), int('client_id'), int('product_id'), num('principal_outstanding'), ...terms, date('expected_maturity_date')], [
    fk('client_id', 'clients'),
    fk('product_id', 'loan_products'),
  ]);
  const tables = [clients, product, loans];

  it('a loan\'s interest rate and repayment terms are its product\'s; its outstanding principal is the client\'s', async () => {
    const out = await classify(tables, loans);
    for (const term of ['annual_nominal_interest_rate', 'repay_every', 'number_of_repayments', 'grace_on_interest_periods']) {
      expect(out.get(term)?.categories, `${term}: ${reasons(out.get(term))}`).toEqual(['system.operations']);
    }
    expect(out.get('principal_outstanding')?.categories, reasons(out.get('principal_outstanding'))).toEqual(['user.financial']);
  });

  it('a loan\'s schedule dates take no financial category from names alone, but do with values', async () => {
    expect((await classify(tables, loans)).get('expected_maturity_date')?.categories).toEqual(['system.operations']);
    expect((await classify(tables, loans, true)).get('expected_maturity_date')?.categories).toEqual(['user.financial']);
  });

  it('two columns shared with a referenced table are no definition (each row has its own)', async () => {
    const fewer = table('loan_products', [key(), text('short_name'), num('annual_nominal_interest_rate'), int('repay_every')]);
    const out = await classify([clients, fewer, loans], loans);
    expect(out.get('annual_nominal_interest_rate')?.categories, reasons(out.get('annual_nominal_interest_rate'))).toEqual(['user.financial']);
  });
});

describe('names only: what the tables\' names say about people', () => {
  it('an account that references its client is the client\'s account, not a person (its key and references to it are no person ids)', () => {
    const clients = table('clients', [key(), text('firstname'), text('lastname')]);
    const accounts = table('savings_accounts', [key(), text('account_no'), int('client_id'), num('account_balance')], [fk('client_id', 'clients')]);
    const graph = new SubjectGraph([clients, accounts]);
    expect(graph.person(tableId(accounts)).isPerson).toBe(false);
    expect(graph.contextFor(accounts).linked?.person).toBe('public.clients');
    // A login account of its own (referencing nobody) still holds people; so does a client's login
    // account (a user name and a password: the person's identity for sign-in and subject requests).
    const users = table('user_accounts', [key(), text('login'), text('email')]);
    expect(new SubjectGraph([users]).person(tableId(users)).isPerson).toBe(true);
    const logins = table('client_accounts', [key(), text('username'), text('password_hash'), int('client_id')], [fk('client_id', 'clients')]);
    expect(new SubjectGraph([clients, logins]).person(tableId(logins)).isPerson).toBe(true);
  });

  it('a module word leading many table names says no place: the shop module\'s orders are orders', () => {
    const shop = ['order', 'cart', 'item', 'coupon', 'wish', 'category'].map((w) => table(`g5_shop_${w}`, [key(), text('title')]));
    const graph = new SubjectGraph(shop);
    expect(graph.contextFor(shop[0]).notPerson?.because ?? '').not.toMatch(/places or facilities/);
    // Alone, `shop_order` still reads as a shop's.
    const alone = table('shop_order', [key(), text('title')]);
    expect(new SubjectGraph([alone]).contextFor(alone).notPerson?.because).toMatch(/places or facilities/);
  });

  it('an empty order table that names a buyer\'s e-mail, phone and address is not "things, not people"', async () => {
    const orders = table('orders', [key(), text('buyer_email'), text('buyer_phone'), text('buyer_address'), text('buyer_zip'), int('total')]);
    const graph = new SubjectGraph([orders]);
    expect(graph.contextFor(orders, undefined, undefined, 0).notPerson).toBeUndefined();
    expect(graph.contextFor(orders, undefined, undefined, 24).notPerson?.because).toMatch(/holds things/);
    const out = await classify([orders], orders);
    expect(out.get('buyer_email')?.categories, reasons(out.get('buyer_email'))).toEqual(['user.contact.email']);
  });
});

describe('names only: a worker\'s rows in a domain about other people', () => {
  const teachers = table('teachers', [key(), text('first_name'), text('last_name')]);
  const assignments = table('gradebook_assignments', [key(), int('teacher_id'), int('points'), text('comment')], [fk('teacher_id', 'teachers')]);
  const grades = table('gradebook_grades', [key(), int('student_id'), int('points'), text('comment')], [fk('student_id', 'students', 'student_id')]);
  const tables = [students, teachers, assignments, grades];

  it('a teacher\'s gradebook assignments are no education record of the teacher; a student\'s grades are the student\'s', async () => {
    const theirs = await classify(tables, assignments);
    expect(theirs.get('points')?.categories, reasons(theirs.get('points'))).toEqual(['system.operations']);
    const students = await classify(tables, grades);
    expect(personal(students.get('points')), reasons(students.get('points'))).toBe(true);
  });
});

describe('names only: a table of switches configures something', () => {
  const flag = (name: string): ColumnSpec => ({ name, type: 'boolean', rawType: 'boolean' });
  const bit = (name: string): ColumnSpec => ({ name, type: 'other', rawType: 'bit(1)' });
  const clients = table('client', [
    key(), text('client_id'), text('name'), text('secret'), text('root_url'), text('base_url'),
    flag('enabled'), flag('consent_required'), flag('public_client'), bit('bearer_only'), bit('standard_flow_enabled'), bit('implicit_flow_enabled'),
  ]);

  it('an OAuth client (a person word, mostly flags, nothing only people have) holds no people; its name and URLs are no one\'s', async () => {
    const graph = new SubjectGraph([clients]);
    expect(graph.person(tableId(clients)).isPerson).toBe(false);
    const out = await classify([clients], clients);
    expect(out.get('name')?.categories, reasons(out.get('name'))).toEqual(['system.operations']);
    expect(out.get('root_url')?.categories, reasons(out.get('root_url'))).toEqual(['system.operations']);
  });

  it('a customer table with a few flags and first and last names still holds people', () => {
    const customers = table('customer', [key(), text('first_name'), text('last_name'), flag('newsletter'), flag('active'), flag('vip'), flag('blocked'), flag('verified')]);
    expect(new SubjectGraph([customers]).person(tableId(customers)).isPerson).toBe(true);
  });
});
