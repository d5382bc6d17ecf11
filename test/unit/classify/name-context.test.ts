/**
 * Names of things read as personal (issue 15, class 3 and value-recognizer look-alikes): a rank or a
 * title of a thing, the reason a record was voided, a record's format, a list of regions, a state
 * without an address. Invented tables and columns.
 */
import { describe, expect, it } from 'vitest';
import { nameEvidence } from '../../../src/classify/name/name-rules.js';
import { identifierEvidence } from '../../../src/classify/name/identifier-rules.js';
import { tableSubject } from '../../../src/classify/name/table-context.js';
import { tokenizeName } from '../../../src/classify/name/tokenize.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { createHeuristicClassifier } from '../../../src/classify/heuristic-classifier.js';
import { inputsFor } from './column-input.js';
import { typeEvidence } from '../../../src/classify/type-rules.js';

/** Positive name evidence by category for a column of a table. */
function named(columnName: string, tableName: string): Map<string, number> {
  const found = nameEvidence({ columnName, tokens: tokenizeName(columnName), tableName, tableSubject: tableSubject(tableName) });
  return new Map(found.filter((e) => !e.veto && e.score > 0).map((e) => [e.category, e.score]));
}

describe('rank and title of things', () => {
  it.each([
    ['members', 'rank', undefined],
    ['categories', 'rank', undefined],
    ['officers', 'rank', CATEGORY.jobTitle],
    ['employees', 'grade', CATEGORY.jobTitle],
  ])('%s.%s → job title: %s', (tableName, column, category) => {
    expect(named(column, tableName).has(CATEGORY.jobTitle) ? CATEGORY.jobTitle : undefined).toBe(category);
  });

  it.each([
    ['festivals', 'title', true],
    ['page_blocks', 'label', true],
    ['products', 'title', true],
    ['customers', 'title', false],
    ['staff', 'title', false],
    ['festivals', 'name', false],
  ])('%s.%s titles its own row: %s', (tableName, column, own) => {
    expect(named(column, tableName).get(CATEGORY.operations) !== undefined).toBe(own);
  });
});

describe('record metadata', () => {
  it.each([
    ['void_reason', true],
    ['reason_deleted', true],
    ['cancellation_reason', true],
    ['retire_reason', true],
    ['format', true],
    ['mime_type', true],
    ['sort_order', true],
    ['visit_reason', false],
    ['admission_reason', false],
    ['reason', false],
    ['email_format', false],
  ])('%s is about the record: %s', (column, about) => {
    expect(named(column, 'widgets').get(CATEGORY.operations) !== undefined).toBe(about);
  });

  it('a voided record\'s reason is no person name, whatever a model thinks of its values', async () => {
    const classifier = createHeuristicClassifier();
    const values = Array.from({ length: 60 }, (_, i) => ['Recorded Twice', 'Wrong Ward', 'Test Entry'][i % 3]);
    const [result] = await classifier.classify(inputsFor('lab_orders', [{ name: 'void_reason', values }]));
    expect(result.categories).toEqual([CATEGORY.operations]);
  });
});

describe('plurals are lists, not one person\'s address part', () => {
  it.each([
    ['customers', 'regions', CATEGORY.state, false],
    ['customers', 'region', CATEGORY.state, true],
    ['customers', 'countries', CATEGORY.country, false],
    ['customers', 'country', CATEGORY.country, true],
    // A person's languages are still theirs.
    ['members', 'spoken_languages', 'user.demographic.language', true],
  ])('%s.%s → %s: %s', (tableName, column, category, found) => {
    expect(named(column, tableName).has(category)).toBe(found);
  });
});

describe('names of programs, concepts, notices', () => {
  it.each([
    ['programs', 'name', CATEGORY.name],
    ['concepts', 'name', CATEGORY.name],
    ['notices', 'language', 'user.demographic.language'],
    ['notifications', 'language', 'user.demographic.language'],
  ])('%s.%s is not %s', (tableName, column, category) => {
    expect(named(column, tableName).has(category)).toBe(false);
  });
});

describe('a state or region without an address is no address part', () => {
  const vetoOf = (tableName: string, columns: readonly string[], at = 0) => {
    const input = inputsFor(tableName, columns.map((name) => ({ name })))[at];
    return identifierEvidence(input, tokenizeName(columns[at])).find((e) => e.veto && e.category === CATEGORY.state);
  };
  it.each([
    ['accounts', ['state', 'created_at', 'email'], true],
    ['deployments', ['region', 'name'], true],
    ['tickets', ['workflow_state', 'title'], true],
    ['customers', ['state', 'city', 'zip'], false],
    ['members', ['region', 'street_address'], false],
    ['people', ['state', 'email_address'], true],
    ['people', ['province'], false],
  ])('%s %j: vetoed %s', (tableName, columns, vetoed) => {
    expect(vetoOf(tableName, columns) !== undefined).toBe(vetoed);
  });
});

describe('integer codes of regions', () => {
  const vetoed = (name: string, category: string) =>
    typeEvidence({ name, ordinal: 1, rawType: 'smallint', normalizedType: 'integer', isArray: false, isNullable: true, isPrimaryKey: false }).some((e) => e.veto && e.category === category);
  it.each([
    ['prefecture', CATEGORY.state, false],
    ['pref', CATEGORY.state, false],
    ['province_code', CATEGORY.state, false],
    ['fk_state', CATEGORY.state, false],
    ['state', CATEGORY.state, true],
    ['fk_country', CATEGORY.country, false],
    ['country', CATEGORY.country, true],
    ['city', CATEGORY.city, true],
  ])('an integer %s column rules out %s: %s', (name, category, expected) => {
    expect(vetoed(name, category)).toBe(expected);
  });
});

describe('secrets of software authenticate the software', () => {
  const secretVetoed = (tableName: string, column: string) => {
    const input = inputsFor(tableName, [{ name: column }])[0];
    const found = identifierEvidence(input, tokenizeName(column));
    return found.some((e) => e.veto && e.category === 'user.authorization.credentials') && found.some((e) => !e.veto && e.category === CATEGORY.operations);
  };
  it.each([
    ['webhooks', 'secret', true],
    ['oauth_applications', 'client_secret', true],
    ['ldap_connections', 'bind_password', true],
    ['directory_sources', 'account_password', true],
    ['api_accounts', 'api_secret_key', true],
    ['mirror_repositories', 'password', true],
    ['users', 'password', false],
    ['oauth_access_tokens', 'token', false],
    ['members', 'secret_answer', false],
    ['webhooks', 'owner_token', false],
  ])('%s.%s: %s', (tableName, column, vetoed) => {
    expect(secretVetoed(tableName, column)).toBe(vetoed);
  });
});

describe('names about the data, not holding it', () => {
  it.each([
    ['directory_sources', 'attr_mail', CATEGORY.email],
    ['directory_sources', 'attr_firstname', CATEGORY.firstName],
    ['profiles', 'avatar_schema_version', 'user.content.self_image'],
    ['mail_log', 'email_msgid', CATEGORY.email],
    ['members', 'mail_notification', CATEGORY.email],
    ['profiles', 'header_image_url', 'user.contact.url'],
    ['profiles', 'banner_url', 'user.contact.url'],
    ['tags', 'display_name', CATEGORY.name],
  ])('%s.%s is not %s', (tableName, column, category) => {
    expect(named(column, tableName).has(category)).toBe(false);
  });

  it.each([
    ['members', 'display_name', CATEGORY.name],
    ['members', 'homepage_url', 'user.contact.url'],
    ['members', 'notification_email', CATEGORY.email],
  ])('%s.%s is still %s', (tableName, column, category) => {
    expect(named(column, tableName).has(category)).toBe(true);
  });
});

describe('a column named by its table\'s head noun reads as the table', () => {
  it.each([
    ['email_addresses', 'address', CATEGORY.email],
    ['phone_numbers', 'number', CATEGORY.phone],
    ['customer_names', 'name', CATEGORY.name],
    ['customers', 'address', CATEGORY.street],
  ])('%s.%s → %s', (tableName, column, category) => {
    expect(named(column, tableName).has(category)).toBe(true);
  });
  it('and not as a street', () => {
    expect(named('address', 'email_addresses').has(CATEGORY.street)).toBe(false);
  });
});

describe('lists of places and rows of trees', () => {
  it.each([
    ['countries', ['code', 'name', 'phone_prefix'], 0, true],
    ['zip_codes_lookup', ['zip', 'city'], 1, false],
    ['zips', ['code', 'city', 'state'], 2, true],
  ])('%s %j, column %i: address categories ruled out: %s', (tableName, columns, at, vetoed) => {
    const input = inputsFor(tableName, columns.map((name) => ({ name })))[at];
    expect(identifierEvidence(input, tokenizeName(columns[at])).some((e) => e.veto && e.category === CATEGORY.country)).toBe(vetoed);
  });

  it.each([
    ['changeset_parents', undefined],
    ['category_children', undefined],
    ['student_parents', CATEGORY.uniqueId],
    ['parents', CATEGORY.uniqueId],
  ])('%s.parent_id → %s', (tableName, category) => {
    const input = inputsFor(tableName, [{ name: 'parent_id', type: 'integer' }])[0];
    expect(identifierEvidence(input, tokenizeName('parent_id'))[0]?.category).toBe(category);
  });
});

describe('the name of a table\'s own rows', () => {
  it.each([
    ['extensions', 'extension_name', true],
    ['themes', 'theme_title', true],
    ['gadgets', 'gadget_name', true],
    ['widgets', 'gadget_name', false],
  ])('%s.%s names the row: %s', (tableName, column, own) => {
    expect(named(column, tableName).has(CATEGORY.operations)).toBe(own);
  });
});
