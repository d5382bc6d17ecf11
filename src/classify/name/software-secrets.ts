/**
 * Secrets of software: a webhook's signing secret, an OAuth application's client secret, the password
 * a repository mirror or a directory connection logs in with. They authenticate the software, not a
 * person (system.authentication, reported as system.operations here), unlike a user's password or the
 * tokens issued to a user, whose tables hold people or their sessions.
 */
import type { ColumnInput, Evidence } from '../types.js';
import { CATEGORY } from '../categories.js';
import { isPersonWord, tableWords } from './table-context.js';

/** Head words of tables whose rows are software a system talks to. */
const SOFTWARE_WORDS = new Set([
  'webhook', 'hook', 'application', 'app', 'integration', 'repository', 'repo', 'server', 'service', 'source', 'connection',
  'connector', 'bot', 'endpoint', 'mirror', 'gateway', 'plugin', 'extension', 'remote', 'relay', 'smtp', 'ldap',
]);
/** Qualifiers that make an account, client or key in a table name a piece of software's (`api_accounts`, `oauth_clients`). */
const SOFTWARE_QUALIFIERS = new Set(['api', 'oauth', 'oauth2', 'app', 'application', 'service', 'system', 'webhook', 'integration', 'bot', 'machine']);
/** Column words of secrets. */
const SECRET_WORDS = new Set(['secret', 'password', 'passphrase', 'token', 'key', 'pem', 'certificate', 'cert', 'salt', 'credentials']);

const SECRET_CATEGORIES = ['user.authorization.credentials', CATEGORY.password];
/** Person words that, in a table of software, name the software's own login (`bind_user`, `account_password`). */
const SERVICE_LOGIN_WORDS = new Set(['user', 'account', 'client', 'admin']);
const SOFTWARE_SECRET_SCORE = 0.6;

/**
 * Heads of tables of organisations that call the application's API (a tenant of a multi-tenant
 * application, a merchant): their keys and secrets authenticate that software too, unless the subject
 * graph found the rows to be people's (a landlord's tenants who sign in).
 */
const ORGANISATION_WORDS = new Set(['tenant', 'merchant', 'organization', 'company', 'workspace']);

const softwareTables = new WeakMap<ColumnInput['table'], boolean>();

function isOrganisationTable(input: ColumnInput): boolean {
  if (!input.subject || input.subject.person) return false;
  const words = tableWords(input.table.name);
  const head = words[words.length - 1];
  return head !== undefined && ORGANISATION_WORDS.has(head);
}

/** Whether the table's rows are software (see the file comment), memoised per table. */
export function isSoftwareTable(table: ColumnInput['table']): boolean {
  let found = softwareTables.get(table);
  if (found === undefined) {
    const words = tableWords(table.name);
    const head = words[words.length - 1];
    const qualified = words.slice(0, -1).some((w) => SOFTWARE_QUALIFIERS.has(w));
    found = head !== undefined && (SOFTWARE_WORDS.has(head) ? !words.some(isPersonWord) : qualified && ['account', 'client', 'key', 'credential', 'user'].includes(head));
    softwareTables.set(table, found);
  }
  return found;
}

/** Vetoes of personal credentials and evidence for system.operations for a secret column of a table of software. */
export function softwareSecretEvidence(input: ColumnInput, tokens: readonly string[]): Evidence[] {
  const word = tokens.find((t) => SECRET_WORDS.has(t));
  if (!word || tokens.some((t) => isPersonWord(t) && !SERVICE_LOGIN_WORDS.has(t))) return [];
  if (!isSoftwareTable(input.table) && !isOrganisationTable(input)) return [];
  const reason = `column '${input.column.name}' holds a ${word} of the software in table '${input.table.name}', which authenticates it, not a person`;
  return [
    { factor: 'name', category: CATEGORY.operations, score: SOFTWARE_SECRET_SCORE, source: 'software-secrets', reason },
    ...SECRET_CATEGORIES.map((category): Evidence => ({ factor: 'name', category, score: 0, veto: true, source: 'software-secrets', reason })),
  ];
}
