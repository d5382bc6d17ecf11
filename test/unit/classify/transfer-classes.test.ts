/**
 * Error classes of schemas piiscout was not tuned on, fixed from general principles and tested on
 * made-up schemas (issue 15, third blind set):
 * - names that cause false positives: a tenant of a multi-tenant application is an organisation unless
 *   the table says a person; the key of a row named for a thing (an invoice, a receipt) that carries a
 *   party's details identifies the document, not the party;
 * - real-schema languages: words and phrases cut short in DBF-style names, the standard words of a
 *   language's invoice, party and address vocabulary.
 */
import { describe, expect, it } from 'vitest';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import { SubjectGraph } from '../../../src/classify/subject/index.js';
import type { ColumnInput, FieldClassification } from '../../../src/classify/types.js';
import { tableId, type TableMetadata } from '../../../src/core/metadata.js';
import { database, fk, int, key, table, type ColumnSpec } from './column-input.js';
import { tokenizeName } from '../../../src/classify/name/tokenize.js';

const text = (name: string): ColumnSpec => ({ name });
const flag = (name: string): ColumnSpec => ({ name, type: 'boolean', rawType: 'boolean' });

const classifier = createHeuristicClassifier();
const personal = (f: FieldClassification | undefined) => (f?.categories ?? []).some((c) => c === 'user' || c.startsWith('user.'));

/** Classifies every column of `rows` in a database of `tables`, names only. */
async function classify(tables: readonly TableMetadata[], rows: TableMetadata): Promise<Map<string, FieldClassification>> {
  const graph = new SubjectGraph(tables);
  const context = graph.contextFor(rows, undefined, undefined, 0);
  const db = database(tables);
  const inputs: ColumnInput[] = rows.columns.map((column) => ({
    database: db,
    table: rows,
    column,
    sample: { values: [], nullCount: 0, truncatedCount: 0 },
    rowsSampled: 0,
    subject: context,
  }));
  const results = await classifier.classify(inputs);
  return new Map(rows.columns.map((c, i) => [c.name, results[i]]));
}

describe('a tenant of a multi-tenant application is an organisation unless its table says a person', () => {
  const cases: readonly [string, readonly ColumnSpec[], boolean][] = [
    ['tenants', [key('record_id'), text('external_key'), text('api_key'), text('api_secret'), text('created_date')], false],
    ['tenant', [key(), text('slug'), text('plan'), flag('active'), text('created_at')], false],
    ['tenants', [key(), text('first_name'), text('last_name'), text('lease_start'), text('unit_no')], true],
    ['tenants', [key(), text('full_name'), text('email'), text('phone'), text('lease_start')], true],
  ];
  it.each(cases)('%s (%j) holds people: %s', (name, columns, isPerson) => {
    const t = table(name, columns);
    expect(new SubjectGraph([t]).person(tableId(t)).isPerson).toBe(isPerson);
  });

  it('the tenant key every table is filed under references no person', async () => {
    const tenants = table('tenants', [key('record_id'), text('external_key'), text('api_key'), text('api_secret')]);
    const widgets = table('widgets', [key('record_id'), text('label'), int('tenant_record_id')]);
    const out = await classify([tenants, widgets], widgets);
    expect(personal(out.get('tenant_record_id'))).toBe(false);
  });
});

describe('names that say a person, where the table and the graph say otherwise', () => {
  const tenants = table('tenants', [key('record_id'), text('external_key'), text('api_key'), text('api_secret'), text('api_salt')]);
  const people = table('members', [key(), text('first_name'), text('last_name'), text('email'), text('password_hash')]);
  const payMethods = table('pay_methods', [key(), text('plugin_name'), flag('is_active')]);
  const subscribers = table('subscribers', [key(), text('first_name'), text('last_name'), text('email'), text('pay_method_id')]);
  const history = table('subscriber_history', [key('record_id'), text('first_name'), text('last_name'), text('email')]);

  it("an organisation's API keys and secrets authenticate its software, a member's password is the member's", async () => {
    const out = await classify([tenants], tenants);
    for (const c of ['api_key', 'api_secret', 'api_salt']) expect(personal(out.get(c)), c).toBe(false);
    expect(personal((await classify([people], people)).get('password_hash'))).toBe(true);
  });

  it("a column of a person's row that references another table is that thing's id, however unique its values", async () => {
    const graph = new SubjectGraph([payMethods, subscribers]);
    const context = graph.contextFor(subscribers, undefined, undefined, 30);
    const db = database([payMethods, subscribers]);
    const uuids = Array.from({ length: 30 }, (_, i) => `4f1c2a7e-0b3d-4c5e-9a8b-${String(100000000000 + i * 7919)}`);
    const names = ['Ana', 'Ben', 'Chloe', 'David', 'Emma', 'Farid'];
    const values: Record<string, readonly string[]> = {
      id: uuids.map((_, i) => String(i + 1)),
      first_name: uuids.map((_, i) => names[i % names.length]),
      last_name: uuids.map((_, i) => ['Smith', 'Jones', 'Brown'][i % 3]),
      email: uuids.map((_, i) => `person${i}@example.org`),
      pay_method_id: uuids,
    };
    const inputs: ColumnInput[] = subscribers.columns.map((column) => ({
      database: db, table: subscribers, column, rowsSampled: 30, subject: context,
      sample: { values: values[column.name] ?? [], nullCount: 0, truncatedCount: 0 },
    }));
    const results = await classifier.classify(inputs);
    const payMethod = results[subscribers.columns.findIndex((c) => c.name === 'pay_method_id')];
    expect(context.references.map((r) => r.columns[0])).toContain('pay_method_id');
    expect(personal(payMethod)).toBe(false);
  });

  it("the key of a history copy of a person's rows numbers a version, not the person", async () => {
    const out = await classify([subscribers, history], history);
    expect(personal(out.get('record_id'))).toBe(false);
    expect(out.get('first_name')?.categories).toEqual(['user.name.first']);
  });
});

describe('the key of a row named for a thing that carries a party\'s details identifies the thing', () => {
  const invoices = table('receipt', [key(), text('buyer_first_name'), text('buyer_last_name'), text('buyer_tax_number'), text('buyer_street'), text('buyer_city'), text('buyer_phone'), text('total')]);
  const lines = table('receipt_line', [key(), int('receipt_id'), text('article'), text('quantity')], [fk('receipt_id', 'receipt')]);
  const people = table('customers', [key(), text('first_name'), text('last_name'), text('email')]);
  const visits = table('visits', [key(), int('customer_id'), text('notes')], [fk('customer_id', 'customers')]);

  it('the document table still holds a party (its names are a person\'s), but its key is the document\'s', async () => {
    expect(new SubjectGraph([invoices, lines]).person(tableId(invoices)).isPerson).toBe(true);
    const out = await classify([invoices, lines], invoices);
    expect(personal(out.get('id'))).toBe(false);
    expect(out.get('buyer_last_name')?.categories).toEqual(['user.name.last']);
  });

  it('a reference to the document is no reference to a person', async () => {
    const out = await classify([invoices, lines], lines);
    expect(personal(out.get('receipt_id'))).toBe(false);
  });

  it('a table named for people keeps its key and the references to it personal', async () => {
    expect((await classify([people, visits], people)).get('id')?.categories).toEqual(['user.unique_id']);
    expect((await classify([people, visits], visits)).get('customer_id')?.categories).toEqual(['user.unique_id']);
  });
});

describe("words of the table's language cut short, as DBF-style names write them", () => {
  // Made-up names in each language's vocabulary; the table's other names say its language.
  const cases: readonly [string, readonly string[], string][] = [
    ['prac', ['pl'], 'employee'], // pracownik, cut to four letters
    ['nazw', ['pl'], 'name'], // the least cut word it starts (nazwa), not nazwisko
    ['kod_poczt', ['pl'], 'postal code'], // a phrase with its words cut short (kod pocztowy), though `poczt` alone is the town (poczta)
    ['data_ur', ['pl'], 'date of birth'], // data urodzenia
    ['miejsc_zam', ['pl'], 'city'], // miejsce zamieszkania
    ['bulvarcaddesokak', ['tr'], 'street'], // three words of the vocabulary run together
    ['telefonnummer', ['sv'], 'phone number'],
  ];
  it.each(cases)('%s in a %j table reads as %s', (name, languages, words) => {
    expect(tokenizeName(name, languages).join(' ')).toBe(words);
  });

  it('stays as written without the language (an English table), when too short, or when the words it starts mean different things', () => {
    expect(tokenizeName('prac').join(' ')).toBe('prac');
    expect(tokenizeName('nip', ['pl']).join(' ')).toBe('vat number');
    expect(tokenizeName('kod', ['pl']).join(' ')).toBe('code');
    expect(tokenizeName('imi', ['pl']).join(' ')).toBe('imi');
    expect(tokenizeName('zzzz', ['pl']).join(' ')).toBe('zzzz');
    expect(tokenizeName('data_ur').join(' ')).toBe('data ur');
    // `pass` starts an English word (password) as well as the French passeport.
    expect(tokenizeName('pass', ['fr']).join(' ')).toBe('pass');
  });

  it('a table named by a cut person word holds people', () => {
    const staff = table('prac', [key(), text('nazwisko'), text('imie'), text('ulica'), text('nr_domu')]);
    const judged = new SubjectGraph([staff]).person(tableId(staff));
    expect(judged.isPerson).toBe(true);
    expect(judged.reasons.join(' ')).toMatch(/its name says employees/);
  });
});

describe("the standard words of a language's invoice, party and address vocabulary", () => {
  const cases: readonly [string, string, readonly string[], string][] = [
    ['dostawy', 'odbiorca_nazwisko', ['pl'], 'user.name.last'],
    ['dostawy', 'miejsce_zamieszkania', ['pl'], 'user.contact.address.city'],
    ['dostawy', 'poczta', ['pl'], 'user.contact.address.city'],
    ['soggetti', 'denominazione', ['it'], 'user.contact.organization'],
    ['teslimat', 'kasabaKoy', ['tr'], 'user.contact.address.city'],
    ['teslimat', 'kapiNo', ['tr'], 'user.contact.address.street'],
    ['teslimat', 'binaNo', ['tr'], 'user.contact.address.street'],
  ];
  it.each(cases)('%s.%s (%j) is %s', async (tableName, columnName, _languages, category) => {
    // A party table in the language: a person's names beside the column make the language and the subject clear.
    const siblings: Record<string, readonly string[]> = {
      pl: ['nazwisko', 'imie', 'pesel', 'ulica'],
      it: ['cognome', 'nome', 'codice_fiscale', 'indirizzo'],
      tr: ['soyadi', 'adi', 'tckn', 'adres'],
    };
    const language = _languages[0];
    const t = table(tableName, [key(), text(columnName), ...siblings[language].map(text)]);
    const out = await classify([t], t);
    expect(out.get(columnName)?.categories).toEqual([category]);
  });
});

describe('names that read as personal by accident', () => {
  it.each([
    ['contract', 'contract'], // a real word, not a misspelt contact
    ['contracts', 'contract'],
    ['patent_no', 'patent number'],
    ['adress', 'address'], // a misspelling still is one
  ])('%s reads as %s', (name, words) => {
    expect(tokenizeName(name).join(' ')).toBe(words);
  });

  it("a contract table's key is no person's", async () => {
    const members = table('members', [key(), text('first_name'), text('last_name'), text('email')]);
    const contracts = table('club_contract', [key(), int('member_id'), text('amount'), text('valid_until')], [fk('member_id', 'members')]);
    expect(new SubjectGraph([members, contracts]).person(tableId(contracts)).isPerson).toBe(false);
    expect(personal((await classify([members, contracts], contracts)).get('id'))).toBe(false);
  });

  it.each([
    ['payments', 'payment_cookie_id', false],
    ['shipments', 'tracking_id', false], // a shipment's tracking number
    ['parcels', 'parcel_tracking_id', false],
    ['visits', 'visitor_id', true],
    ['visitors', 'cookie_id', true],
  ])('%s.%s is personal: %s', async (tableName, column, expected) => {
    const t = table(tableName, [key(), text(column), text('created_at')]);
    expect(personal((await classify([t], t)).get(column))).toBe(expected);
  });
});

describe("a facility's contact details are the facility's", () => {
  const gyms = table('gyms', [key(), text('name'), text('phone'), text('email'), text('street'), text('city'), text('zip_code')]);
  const profiles = table('member_profile', [key(), text('first_name'), text('last_name'), text('birth_date'), int('gym_id')], [fk('gym_id', 'gyms')]);
  it('a gym holds no people; its phone and a reference to it are not personal', async () => {
    expect(new SubjectGraph([gyms, profiles]).person(tableId(gyms)).isPerson).toBe(false);
    const out = await classify([gyms, profiles], gyms);
    expect(personal(out.get('phone'))).toBe(false);
    expect(personal((await classify([gyms, profiles], profiles)).get('gym_id'))).toBe(false);
  });
});

describe("a person's body measurements", () => {
  it.each([
    ['athletes', 'height', true],
    ['athletes', 'body_weight', true],
    ['members', 'weight', true],
    ['products', 'weight', false],
    ['members', 'avatar_height', false],
    ['parcels', 'gross_weight', false],
    ['members', 'weight_kg', true],
    ['members', 'gallery_height', false],
    ['members', 'ranking_weight', false],
  ])('%s.%s is personal: %s', async (tableName, column, expected) => {
    const t = table(tableName, [key(), text('first_name'), text('last_name'), { name: column, type: 'decimal', rawType: 'numeric(6,2)' }]);
    const people = table(tableName, [key(), { name: column, type: 'decimal', rawType: 'numeric(6,2)' }]);
    const subject = tableName === 'products' || tableName === 'parcels' ? people : t;
    expect(personal((await classify([subject], subject)).get(column))).toBe(expected);
  });
});

describe("who acted on a record, in Scandinavian names, and health professionals' registry numbers", () => {
  const sv = ['fornamn', 'efternamn', 'personnummer'];
  it.each([
    ['intyg_utkast', 'signerad_av', sv],
    ['intyg_utkast', 'hanterat_av', sv],
    ['attest_kladde', 'underskrevet_af', ['fornavn', 'efternavn', 'cpr']],
    ['encounters', 'attending_npi', ['patient_id', 'visit_date']],
    ['intyg_utkast', 'vardgivare_hsa_id', sv],
  ])('%s.%s identifies a person', async (tableName, column, siblings) => {
    const t = table(tableName, [key(), text(column), ...siblings.map(text)]);
    expect((await classify([t], t)).get(column)?.categories).toEqual(['user.unique_id']);
  });

  it('is read as the English name is (`skapad_av` keeps the record as `created_by` does)', async () => {
    const sv = table('intyg_utkast', [key(), text('skapad_av'), text('fornamn'), text('efternamn'), text('personnummer')]);
    const en = table('certificate_draft', [key(), text('created_by'), text('first_name'), text('last_name'), text('ssn')]);
    expect((await classify([sv], sv)).get('skapad_av')?.categories).toEqual((await classify([en], en)).get('created_by')?.categories);
  });

  it('`av` is read as `by` only in a Scandinavian table', () => {
    expect(tokenizeName('skapad_av', ['sv']).join(' ')).toBe('created by');
    expect(tokenizeName('opprettet_av', ['no']).join(' ')).toBe('created by');
    expect(tokenizeName('av_equipment').join(' ')).toBe('av equipment');
  });
});

describe('a whole word is not read as a cut one', () => {
  it.each([
    ['laenge', ['de']], // length, not laengengrad
    ['breite', ['de']], // width, not breitengrad
  ])('%s in a %j table stays as written', (name, languages) => {
    expect(tokenizeName(name, languages).join(' ')).toBe(name);
  });
});

describe('a bare name beside a family name with the same qualifiers is the given name', () => {
  it.each([
    ['guests', ['name', 'surname', 'email'], 'name', 'user.name.first'],
    ['ospiti', ['nome', 'cognome', 'codice_fiscale'], 'nome', 'user.name.first'],
    ['ospiti', ['rf_nome', 'rf_cognome', 'indirizzo'], 'rf_nome', 'user.name.first'],
    ['misafirler', ['adi', 'soyadi', 'tckn', 'adres'], 'adi', 'user.name.first'],
    ['orders', ['payer_name', 'payer_surname', 'total'], 'payer_name', 'user.name.first'],
    ['guests', ['name', 'email', 'phone'], 'name', 'user.name'], // no family name: a name
    ['orders', ['payer_name', 'contact_surname', 'total'], 'payer_name', 'user.name'], // other qualifiers
  ])('%s %j: %s is %s', async (tableName, columns, column, category) => {
    const t = table(tableName, [key(), ...columns.map(text)]);
    const out = await classify([t], t);
    expect(out.get(column)?.categories).toEqual([category]);
  });
});

describe("a reference to another row's key holds no secret, however random its values", () => {
  it('a session id that references a table of sessions is no credential', async () => {
    const sessions = table('training_session', [key('id'), text('notes'), text('date')]);
    const logs = table('training_log', [key(), int('member_id'), { name: 'session_id', type: 'string', rawType: 'varchar(64)' }, text('reps')], [fk('session_id', 'training_session')]);
    const graph = new SubjectGraph([sessions, logs]);
    const context = graph.contextFor(logs, undefined, undefined, 40);
    const db = database([sessions, logs]);
    const tokens = Array.from({ length: 40 }, (_, i) => `${(i * 2654435761).toString(16).padStart(8, '0')}f3a9c2e7b1d04a6c9e8b${String(i).padStart(4, '0')}`);
    const inputs: ColumnInput[] = logs.columns.map((column) => ({
      database: db, table: logs, column, rowsSampled: 40, subject: context,
      sample: { values: column.name === 'session_id' ? tokens : [], nullCount: 0, truncatedCount: 0 },
    }));
    const results = await classifier.classify(inputs);
    const session = results[logs.columns.findIndex((c) => c.name === 'session_id')];
    expect(session.categories).not.toContain('user.authorization.credentials');
  });
});
