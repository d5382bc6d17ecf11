/**
 * Subject-graph rules for conventions of schemas piiscout was not tuned on (the error classes of the
 * blind splits, fixed from general principles, on made-up schemas): a column that carries its table's
 * mark before another table's key name (`CL_CT_ID` → the table keyed `CT_ID`); the table mark is no word
 * of a column's role (`CL_ACTIVE` is `active`); an alternate key of a person table referenced by its
 * own name and found by values (a `pnum` beside the key `id`); a single row is the organisation's own
 * record, not a party that may be a person.
 */
import { describe, expect, it } from 'vitest';
import { SubjectGraph, tableFacts } from '../../../src/classify/subject/index.js';
import { columnMark, columnRole } from '../../../src/classify/subject/column-roles.js';
import type { FieldClassification } from '../../../src/classify/types.js';
import { tableId, type TableMetadata } from '../../../src/core/metadata.js';
import { table, type ColumnSpec } from './column-input.js';
import { analyzeName } from '../../../src/classify/name/tokenize.js';
import { nameEvidence } from '../../../src/classify/name/name-rules.js';
import { subjectEvidence } from '../../../src/classify/subject/evidence.js';

const key = (name: string): ColumnSpec => ({ name, type: 'integer', rawType: 'integer', primaryKey: true });
const int = (name: string): ColumnSpec => ({ name, type: 'integer', rawType: 'integer' });
const flag = (name: string): ColumnSpec => ({ name, type: 'boolean', rawType: 'boolean' });
const text = (name: string): ColumnSpec => ({ name });

describe("a column named with its table's mark and another table's key", () => {
  const contacts = table('crm_contact', [key('CT_ID'), text('CT_FIRST_NAME'), text('CT_LAST_NAME'), text('CT_EMAIL')]);
  const calls = table('crm_call', [key('CL_ID'), int('CL_CT_ID'), text('CL_DATE'), text('CL_SUMMARY')]);
  const plans = table('crm_plan', [key('PL_ID_A'), text('PL_DESC')]);
  const tasks = table('crm_task', [key('TK_ID'), int('TK_ID_A'), text('TK_DESC')]);

  it("references the table keyed by the rest of its name (`CL_CT_ID` → crm_contact.CT_ID), and the rows are that person's", () => {
    const context = new SubjectGraph([contacts, calls]).contextFor(calls);
    expect(context.references).toMatchObject([{ columns: ['CL_CT_ID'], target: tableId(contacts), targetColumns: ['CT_ID'], origin: 'name', targetKind: 'person' }]);
    expect(context.references[0].because).toMatch(/after its table's mark, the name of table crm_contact's key 'CT_ID'/);
    expect(context.linked).toMatchObject({ person: tableId(contacts), hops: 1, path: 'crm_call.CL_CT_ID → crm_contact.CT_ID' });
  });

  it('a column without its table\'s mark, named as another table\'s key, is left to the other rules (`customer_id` is no key-name match)', () => {
    const lookup = table('customer_lookup', [key('customer_id'), text('country')]);
    const orders = table('orders', [key('id'), int('customer_id'), text('status'), int('total')]);
    expect(new SubjectGraph([lookup, orders]).contextFor(orders).references).toEqual([]);
  });

  it('a key named by key words only (`ID_A`) names no table', () => {
    const context = new SubjectGraph([contacts, plans, tasks]).contextFor(tasks);
    expect(context.references).toEqual([]);
  });
});

describe("a table's column mark", () => {
  const visits = table('visit', [key('VST_ID'), int('VST_PAT_ID'), text('VST_DATE'), flag('VST_ACTIVE'), text('VST_NOTE')]);
  const plain = table('visit', [key('id'), int('patient_id'), text('date'), flag('active')]);

  it('is the short first word every column shares, and none when they do not', () => {
    expect(columnMark(visits)).toBe('vst');
    expect(columnMark(plain)).toBeUndefined();
    expect(columnMark(table('users', [key('id'), text('user_name'), text('user_email')]))).toBeUndefined();
  });

  it("is no word of the column's role: `VST_ACTIVE` keeps the record as `active` does", () => {
    const active = visits.columns.find((c) => c.name === 'VST_ACTIVE')!;
    expect(columnRole(visits, active, ['vst', 'active'], [])).toEqual({ kind: 'bookkeeping', word: 'active' });
    const other = table('visit', [key('id'), int('patient_id'), flag('vst_active')]);
    expect(columnRole(other, other.columns[2], ['vst', 'active'], [])).toEqual({ kind: 'descriptive', as: 'flag' });
  });
});

describe("a person table's alternate key, referenced by its own name", () => {
  const patients = table('patient_record', [key('id'), int('pnum'), text('first_name'), text('last_name'), text('birth_date')]);
  const allergies = table('allergy', [key('id'), int('pnum'), text('substance'), text('reaction')]);
  const keys = Array.from({ length: 40 }, (_, i) => String(i + 1));
  const personFields = new Map<string, FieldClassification>([
    ['first_name', { categories: ['user.name.first'], confidence: 0.9, alternatives: [], factors: { values: 0.9 }, evidence: [] }],
    ['last_name', { categories: ['user.name.last'], confidence: 0.9, alternatives: [], factors: { values: 0.9 }, evidence: [] }],
  ]);

  function graphWith(pnums: readonly string[]): SubjectGraph {
    const graph = new SubjectGraph([patients, allergies]);
    const values = (column: string) => (column === 'id' ? keys.map((k) => String(Number(k) + 5000)) : column === 'pnum' ? pnums : undefined);
    const finished = { table: patients, rowsSampled: keys.length, fields: personFields, values };
    const facts = tableFacts(finished, () => true, graph.alternateKeyColumns(tableId(patients)));
    graph.addFacts(tableId(patients), facts);
    return graph;
  }
  const refs = ['3', '7', '7', '12', '19', '22', '31', '38', '40', '1'];

  it('is a candidate when its name recurs in another table, and the referring table waits for the person tables', () => {
    const graph = new SubjectGraph([patients, allergies]);
    expect(graph.alternateKeyColumns(tableId(patients))).toEqual(['pnum']);
    expect(graph.hasUnresolvedKeyColumns(tableId(allergies))).toBe(true);
  });

  it('an integer not named as an identifier (`type`, `created_unix`) is no candidate, so tables sharing it do not wait', () => {
    const people = table('users', [key('id'), int('type'), int('created_unix'), text('first_name'), text('last_name')]);
    const tokens = table('tokens', [key('id'), int('type'), int('created_unix'), text('scope')]);
    const graph = new SubjectGraph([people, tokens]);
    expect(graph.alternateKeyColumns(tableId(people))).toEqual([]);
    expect(graph.hasUnresolvedKeyColumns(tableId(tokens))).toBe(false);
  });

  it('links the rows when their values are among the sampled distinct values of that column', () => {
    const context = graphWith(keys).contextFor(allergies, (c) => (c === 'pnum' ? [...new Set(refs)] : undefined), new Set([tableId(patients)]));
    expect(context.references).toMatchObject([{ columns: ['pnum'], target: tableId(patients), targetColumns: ['pnum'], origin: 'values', targetKind: 'person' }]);
    expect(context.linked?.path).toBe('allergy.pnum → patient_record.pnum');
  });

  it('not when the column repeats in the person table (no key) or the values are elsewhere', () => {
    const repeated = keys.map((k) => String(Number(k) % 10));
    expect(graphWith(repeated).contextFor(allergies, (c) => (c === 'pnum' ? [...new Set(refs)] : undefined), new Set([tableId(patients)])).references).toEqual([]);
    const elsewhere = ['900', '912', '933', '954', '987', '999'];
    expect(graphWith(keys).contextFor(allergies, (c) => (c === 'pnum' ? elsewhere : undefined), new Set([tableId(patients)])).references).toEqual([]);
  });
});

describe("a single row is the organisation's own record", () => {
  // A party table's shape: contact details and a tax id (only people have one... or the company itself).
  const ownCompany: TableMetadata = table('company_info', [key('id'), text('name'), text('tax_id'), text('phone'), text('email'), text('city'), text('street')]);

  it('holds no people when one row was sampled, though its columns would make it a party that may be a person', () => {
    const graph = new SubjectGraph([ownCompany]);
    const single = graph.contextFor(ownCompany, undefined, undefined, 1);
    expect(single.person).toBeUndefined();
    expect(single.notPerson?.because).toMatch(/single row/);
    expect(new SubjectGraph([ownCompany]).contextFor(ownCompany, undefined, undefined, 40).person).toBeDefined();
  });

  it('unless its name says people', () => {
    const customer = table('customer', [key('id'), text('name'), text('tax_id'), text('phone'), text('email')]);
    expect(new SubjectGraph([customer]).contextFor(customer, undefined, undefined, 1).person).toBeDefined();
  });
});

describe('consent flags in Spanish and Portuguese column names', () => {
  it.each([
    ['aceptaprivacidad', 'es'],
    ['acepta_privacidad', 'es'],
    ['receber_novidades', 'pt'],
  ])('%s (%s) on a person row → user.privacy_preferences', (name, language) => {
    const tokens = analyzeName(name, [language]).tokens;
    const found = nameEvidence({ columnName: name, tokens, tableName: 'clientes', tableSubject: 'person', languages: [language] }).filter((e) => !e.veto && e.score >= 0.5);
    expect(found.map((e) => e.category)).toContain('user.privacy_preferences');
  });
});

describe('a column named for a kind of record', () => {
  const patients = table('patients', [key('patient_id'), text('first_name'), text('last_name'), text('birth_date')]);
  const encounters = table('clinic_encounter', [key('id'), int('patient_id'), int('encounter'), text('reason')]);
  const prescriptions = table('prescriptions', [key('id'), int('patient_id'), int('encounter'), text('drug')]);

  it("references the one table whose name's head word it is: another record, no clinical data", () => {
    const context = new SubjectGraph([patients, encounters, prescriptions]).contextFor(prescriptions);
    expect(context.references.find((r) => r.columns[0] === 'encounter')).toMatchObject({ target: tableId(encounters), origin: 'name', targetKind: 'linked' });
  });

  it("is the row's own number in the table named for it", () => {
    const graph = new SubjectGraph([patients, encounters, prescriptions]);
    const encounter = encounters.columns.find((c) => c.name === 'encounter')!;
    expect(graph.contextFor(encounters).references.map((r) => r.columns[0])).toEqual(['patient_id']);
    expect(columnRole(encounters, encounter, ['encounter'], [], ['clinic', 'encounter'])).toEqual({ kind: 'own-key' });
  });
});

describe("a student's enrolment is the school's administration", () => {
  const students = table('students', [key('student_id'), text('first_name'), text('last_name'), text('birth_date')]);
  const enrolments = table('enrolments', [key('id'), int('student_id'), int('school_year'), int('course_ref')]);
  const grades = table('grades', [key('id'), int('student_id'), int('score')]);
  const attendance = table('attendance', [key('id'), int('student_id'), int('days_absent')]);
  const housing = table('student_housing', [key('id'), int('student_id'), int('rooms')]);

  it('gives enrolment rows no education domain, while grades, attendance and a student\'s other rows keep it', () => {
    const graph = new SubjectGraph([students, enrolments, grades, attendance, housing]);
    expect(graph.profile.domains.map((d) => d.key)).toContain('education');
    expect(graph.contextFor(enrolments).linked).toBeDefined();
    expect(graph.contextFor(enrolments).domain).toBeUndefined();
    expect(graph.contextFor(grades).domain?.key).toBe('education');
    expect(graph.contextFor(housing).domain?.key).toBe('education');
  });
});

describe("the business's accounting on a person's clinical rows", () => {
  const patients = table('patients', [key('patient_id'), text('first_name'), text('last_name'), text('birth_date')]);
  const visits = table('diagnoses', [key('diagnosis_id'), int('patient_id'), text('diagnosis_code'), text('bill_date'), int('invoice_refno'), flag('authorized')]);
  const loans = table('loan_payments', [key('id'), int('patient_id'), text('bill_date')]);
  const domainCategory = (rows: TableMetadata, name: string) => {
    const context = new SubjectGraph([patients, visits, loans]).contextFor(rows);
    const column = rows.columns.find((c) => c.name === name)!;
    const found = subjectEvidence({ context, table: rows, column, tokens: analyzeName(name).tokens, languages: [] });
    return found.evidence.find((e) => e.source === 'subject-domain')?.category;
  };

  it('is not clinical data; the rows\' codes are', () => {
    expect(domainCategory(visits, 'diagnosis_code')).toBe('user.health_and_medical');
    expect(domainCategory(visits, 'bill_date')).toBeUndefined();
    expect(domainCategory(visits, 'invoice_refno')).toBeUndefined();
    expect(domainCategory(visits, 'authorized')).toBeUndefined();
  });

  it('is the data of rows about money matters', () => {
    expect(domainCategory(loans, 'bill_date')).toBe('user.financial');
  });
});

describe('a program that signs in is no person', () => {
  it.each(['oauth_client', 'api_consumers', 'oidc_clients'])('%s holds no people; its client_id references nothing personal', (name) => {
    const clients = table(name, [key('id'), text('client_id'), text('client_secret'), text('redirect_uri'), text('name')]);
    const context = new SubjectGraph([clients]).contextFor(clients);
    expect(context.person).toBeUndefined();
    expect(context.notPerson).toBeDefined();
  });

  it('a client table of a business still holds people', () => {
    const clients = table('clients', [key('id'), text('name'), text('email'), text('phone')]);
    expect(new SubjectGraph([clients]).contextFor(clients).person).toBeDefined();
  });
});

describe('who is in charge of a record', () => {
  it("a vacancy's hiring manager is an actor: the vacancy is no one's row", () => {
    const employees = table('employees', [key('employee_id'), text('first_name'), text('last_name'), text('birth_date')]);
    const vacancies = table('vacancies', [key('id'), int('hiring_manager_id'), text('title')], [{ name: 'fk_mgr', columns: ['hiring_manager_id'], referencedSchema: 'public', referencedTable: 'employees', referencedColumns: ['employee_id'] }]);
    const context = new SubjectGraph([employees, vacancies]).contextFor(vacancies);
    expect(context.references).toMatchObject([{ columns: ['hiring_manager_id'], targetKind: 'person', actor: true }]);
    expect(context.linked).toBeUndefined();
  });
});
