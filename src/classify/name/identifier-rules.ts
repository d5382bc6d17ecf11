/**
 * Identifiers of people: the primary key of a person table, a foreign key to one
 * ("references customers.customer_id"), a `<person>_id` column (`support_rep_id`, `kunden_nr`),
 * or who-did-it columns (`created_by`, `assigned_to`). These are user.unique_id.
 */
import type { ColumnInput, Evidence } from '../types.js';
import { CATEGORY } from '../categories.js';
import { isPersonWord, tableSubject } from './table-context.js';
import { singular, tokenizeName } from './tokenize.js';
import { addressContextEvidence } from './address-context.js';
import { placeContactEvidence } from './place-context.js';
import { softwareSecretEvidence } from './software-secrets.js';
import { givenNameEvidence } from './given-name-context.js';

// `cd` and `cod` as legacy schemas abbreviate code (`kokyaku_cd`, `cod_cliente`).
const ID_WORDS = new Set(['id', 'uuid', 'guid', 'key', 'number', 'uid', 'nr', 'no', 'code', 'ref', 'cd', 'cod']);
/** Verbs of `<verb>_by` / `<verb>_to` columns that hold the acting or receiving person. */
const ACTION_WORDS = new Set([
  'created', 'updated', 'modified', 'changed', 'deleted', 'approved', 'assigned', 'reviewed', 'entered', 'requested',
  'submitted', 'owned', 'managed', 'reported', 'reports', 'referred', 'invited', 'handled', 'closed', 'opened',
  'edited', 'verified', 'signed', 'booked', 'processed', 'inserted', 'last',
]);

/**
 * Person words that also name things, and when they do. A reading here is general knowledge of how
 * schemas use these words, never a particular table's name.
 */
/** `client` of an OAuth or API integration is an application: tables and sibling columns that say so. */
const SOFTWARE_CLIENT_TABLE_WORDS = new Set([
  'oauth', 'oauth2', 'oidc', 'openid', 'app', 'application', 'api', 'token', 'grant', 'authorization', 'auth', 'sso',
  'saml', 'consent', 'integration', 'webhook', 'scope', 'credential', 'jwt', 'device', 'session', 'secret', 'key',
]);
const SOFTWARE_CLIENT_COLUMNS = new Set(['client_secret', 'redirect_uri', 'redirect_uris', 'grant_types', 'grant_type', 'scopes', 'response_types', 'client_uri']);
/** Tables of a ledger or a bank, where an `account` is a ledger or bank account, not a person's login. */
const LEDGER_TABLE_WORDS = new Set([
  'ledger', 'journal', 'accounting', 'accountancy', 'bookkeeping', 'gl', 'posting', 'chart', 'fiscal', 'bank', 'banking',
  'treasury', 'balance', 'entry', 'booking', 'voucher',
]);
/**
 * Words before a person word that make it a thing: a `bank account`, an `oauth client`, an `identity
 * provider`, a `service account` are no people.
 */
const THING_QUALIFIERS = new Set([
  'bank', 'ledger', 'gl', 'general', 'cash', 'expense', 'revenue', 'income', 'asset', 'liability', 'equity', 'tax', 'vat',
  'cost', 'suspense', 'clearing', 'accounting', 'oauth', 'oauth2', 'oidc', 'api', 'app', 'application', 'service', 'system',
  'identity', 'auth', 'sso', 'saml', 'ldap', 'payment', 'email', 'mail', 'sms', 'smtp', 'storage', 'cloud', 'hosting',
  'shipping', 'insurance', 'web', 'http', 'software', 'external', 'merchant', 'stripe', 'paypal',
]);
/** ID words that number a thing (`account_no`, `account_code`): a bank or ledger account, whereas `account_id` may be a login. */
const NUMBER_WORDS = new Set(['number', 'no', 'nr', 'code', 'cd', 'cod']);
/** Words of a tree: `parent_id` points at the row's parent row, a person only in a table of people. */
const HIERARCHY_WORDS = new Set(['parent', 'child', 'children', 'ancestor', 'descendant', 'root', 'topmost']);

/** What a person word in a column name means here, when it is not a person: a reason, or undefined when it is one. */
function notAPerson(input: ColumnInput, tokens: readonly string[], at: number, idWord?: string): string | undefined {
  const word = singular(tokens[at]);
  const before = at > 0 ? tokens[at - 1] : undefined;
  if (before !== undefined && THING_QUALIFIERS.has(before)) return `'${before} ${word}' is not a person`;
  const tableWords = tableWordsOf(input);
  if (word === 'client' && (tableWords.some((w) => SOFTWARE_CLIENT_TABLE_WORDS.has(w)) || input.table.columns.some((c) => SOFTWARE_CLIENT_COLUMNS.has(c.name.toLowerCase())))) {
    return `a client of table '${input.table.name}' is a software client (an application)`;
  }
  if (word === 'account') {
    if (idWord !== undefined && NUMBER_WORDS.has(idWord)) return `an account number or code is a bank or ledger account's`;
    if (tableWords.some((w) => LEDGER_TABLE_WORDS.has(w))) return `table '${input.table.name}' is a ledger or bank table, whose accounts are not people`;
  }
  if (HIERARCHY_WORDS.has(word) && !holdsPeopleBesidesTree(tableWords)) return `'${word}' points at another row of a tree, not at a person`;
  return undefined;
}

/**
 * A table whose name has a person word other than a word of a tree (`pupils`, `student_parents`), or only
 * such words (`parents`): its parent is a person. `changeset_parents` holds the parents of changesets.
 */
function holdsPeopleBesidesTree(tableWords: readonly string[]): boolean {
  return tableWords.some((w) => isPersonWord(w) && !HIERARCHY_WORDS.has(w)) || (tableWords.length > 0 && tableWords.every((w) => HIERARCHY_WORDS.has(w)));
}

const tableWordCache = new WeakMap<ColumnInput['table'], readonly string[]>();
function tableWordsOf(input: ColumnInput): readonly string[] {
  let words = tableWordCache.get(input.table);
  if (!words) tableWordCache.set(input.table, (words = tokenizeName(input.table.name).map(singular)));
  return words;
}

/** The first word of a column name that names a person here (`client` of an OAuth table does not), or undefined. */
export function personWordOfColumn(input: ColumnInput, tokens: readonly string[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) if (isPersonWord(tokens[i]) && !notAPerson(input, tokens, i, tokens[i + 1])) return tokens[i];
  return undefined;
}

/** The person a column name identifies (`customer` of `customer_no`), read in its table's context. */
export function identifiedPerson(input: ColumnInput, tokens: readonly string[]): string | undefined {
  const last = tokens[tokens.length - 1];
  if (tokens.length >= 2 && ID_WORDS.has(last) && isPersonWord(tokens[tokens.length - 2])) {
    return notAPerson(input, tokens, tokens.length - 2, last) ? undefined : tokens[tokens.length - 2];
  }
  // Romance and Dutch order: `id_cliente`, `codigo_cliente`, `nr_klant`; a plural after a number word counts people (`nb_clients`).
  if (tokens.length === 2 && ID_WORDS.has(tokens[0]) && isPersonWord(last)) {
    if (singular(last) !== last && (tokens[0] === 'number' || tokens[0] === 'no' || tokens[0] === 'nr')) return undefined;
    return notAPerson(input, tokens, 1, tokens[0]) ? undefined : last;
  }
  return undefined;
}

function evidence(score: number, reason: string): Evidence {
  return { factor: 'name', category: CATEGORY.uniqueId, score, source: 'identifier-rules', reason };
}

/** `created_by`, `reports_to`, `assigned_to_user`: an action's person, unless it is a date (`created_by_date`). */
function actorWord(tokens: readonly string[]): string | undefined {
  const at = tokens.findIndex((t, i) => (t === 'by' || t === 'to') && i > 0 && ACTION_WORDS.has(tokens[i - 1]));
  if (at < 0) return undefined;
  const rest = tokens.slice(at + 1);
  if (rest.some((t) => !ID_WORDS.has(t) && !isPersonWord(t))) return undefined;
  return tokens.slice(at - 1, at + 1).join(' ');
}

/**
 * Name evidence that needs the column's table (its keys, its other columns): person ids, the address
 * context of ambiguous address words (name/address-context.ts), the contact details of places
 * (name/place-context.ts), the secrets of software (name/software-secrets.ts) and a bare name beside a
 * family name (name/given-name-context.ts).
 * `keysFromGraph`: the subject graph speaks for declared foreign keys and the table's own key (it
 * knows better whether the table at the other end holds people), so only the name readings are left.
 */
export function identifierEvidence(input: ColumnInput, tokens: readonly string[], keysFromGraph = false): Evidence[] {
  const person = personIdentifierEvidence(input, tokens, keysFromGraph);
  const context = [
    ...addressContextEvidence(input, tokens),
    ...placeContactEvidence(input, tokens),
    ...softwareSecretEvidence(input, tokens),
    ...givenNameEvidence(input, tokens),
  ];
  return context.length === 0 ? person : [...person, ...context];
}

/** Evidence that the column identifies a person (user.unique_id), or nothing. */
export function personIdentifierEvidence(input: ColumnInput, tokens: readonly string[], keysFromGraph = false): Evidence[] {
  const { table, column } = input;
  if (keysFromGraph && (column.isPrimaryKey || table.foreignKeys.some((fk) => fk.columns.includes(column.name)))) return [];
  for (const fk of table.foreignKeys) {
    const at = fk.columns.indexOf(column.name);
    if (at < 0) continue;
    const target = `${fk.referencedTable}.${fk.referencedColumns[at] ?? fk.referencedColumns[0]}`;
    if (tableSubject(fk.referencedTable) === 'person') return [evidence(0.85, `references ${target}, a table of people`)];
    // A foreign key to anything else is that thing's id, whatever the column is called.
    return [];
  }
  if (column.isPrimaryKey && table.primaryKey.length === 1 && tableSubject(table.name) === 'person') {
    return [evidence(0.8, `primary key of table '${table.name}', which holds people`)];
  }
  const person = identifiedPerson(input, tokens);
  if (person) return [evidence(0.75, `column name '${column.name}' identifies a ${person}`)];
  const actor = actorWord(tokens);
  if (actor && column.normalizedType !== 'boolean' && column.normalizedType !== 'date' && column.normalizedType !== 'timestamp') {
    return [evidence(0.55, `column name '${column.name}' names who an action was done by or for ('${actor}')`)];
  }
  return [];
}
