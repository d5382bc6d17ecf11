/**
 * Person words that also name things (issue 15, failure class 3): a software client, a parent row of a
 * tree, a ledger or bank account, a count of people, a person word qualified by a thing. Invented tables.
 */
import { describe, expect, it } from 'vitest';
import { identifierEvidence } from '../../../src/classify/name/identifier-rules.js';
import { tokenizeName } from '../../../src/classify/name/tokenize.js';
import { tableSubject } from '../../../src/classify/name/table-context.js';
import { uuidRecognizer } from '../../../src/classify/recognizers/uuid.js';
import { prepareValues, recognizeColumn } from '../../../src/classify/recognizers/recognizer.js';
import { contextWords } from '../../../src/classify/name/tokenize.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import { inputsFor, type ColumnSpec } from './column-input.js';

/** Identifier-rule category of `column` in a table with these other columns. */
function identifies(tableName: string, column: string, siblings: readonly string[] = []): string | undefined {
  const specs: ColumnSpec[] = [{ name: column, type: 'integer' }, ...siblings.map((name) => ({ name }))];
  const [input] = inputsFor(tableName, specs);
  return identifierEvidence(input, tokenizeName(column))[0]?.category;
}

describe('person words that name things are no person ids', () => {
  it.each([
    // software clients
    ['oauth_grants', 'client_id', [], undefined],
    ['api_tokens', 'client_id', [], undefined],
    ['registered_apps', 'client_id', [], undefined],
    ['integrations', 'client_id', ['client_secret', 'redirect_uri'], undefined],
    ['invoices', 'client_id', ['amount'], CATEGORY.uniqueId],
    ['appointments', 'client_no', [], CATEGORY.uniqueId],
    // rows of a tree
    ['folders', 'parent_id', [], undefined],
    ['forum_posts', 'parent_id', [], undefined],
    ['regions', 'parent_key', [], undefined],
    ['task_items', 'root_id', [], undefined],
    ['pupils', 'parent_id', [], CATEGORY.uniqueId],
    // ledger and bank accounts
    ['journal_lines', 'account_id', [], undefined],
    ['bank_transfers', 'account_id', [], undefined],
    ['expense_claims', 'account_no', [], undefined],
    ['price_rules', 'account_code', [], undefined],
    ['expense_claims', 'gl_account_id', [], undefined],
    ['sessions', 'account_id', [], CATEGORY.uniqueId],
    // counts of people
    ['projects', 'num_members', [], undefined],
    ['projects', 'nb_clients', [], undefined],
    ['projects', 'id_cliente', [], CATEGORY.uniqueId],
    // a person word qualified by a thing
    ['logins', 'identity_provider_id', [], undefined],
    ['charges', 'payment_provider_id', [], undefined],
    ['jobs', 'service_account_id', [], undefined],
    ['visits', 'provider_id', [], CATEGORY.uniqueId],
    ['visits', 'attending_doctor_id', [], CATEGORY.uniqueId],
  ])('%s.%s (with %j) → %s', (tableName, column, siblings, category) => {
    expect(identifies(tableName, column, siblings)).toBe(category);
  });

  it('a UUID client id of an OAuth table is a record id; of a table of bookings, a person id', () => {
    const uuids = Array.from({ length: 40 }, (_, i) => `6f1c${String(i).padStart(4, '0')}-3b2a-4c1d-9e8f-0a1b2c3d4e5f`);
    const categoryOf = (tableName: string) => {
      const spec = { name: 'client_id', values: uuids };
      const [input] = inputsFor(tableName, [spec]);
      const found = recognizeColumn(uuidRecognizer, prepareValues(uuids), { nameTokens: contextWords('client_id'), column: { input, tableSubject: tableSubject(tableName) } });
      return found[0]?.category;
    };
    expect(categoryOf('oauth_applications')).toBe(CATEGORY.operations);
    expect(categoryOf('bookings')).toBe(CATEGORY.uniqueId);
  });
});
