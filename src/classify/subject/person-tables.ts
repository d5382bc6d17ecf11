/**
 * Which tables hold people, and which certainly do not. A table holds people by its name (its head
 * word is a person word in any supported language: customers, `kunden`, `pacientes`), by its columns
 * (first and last names, a birth date, a gender: things only people have; contact details count a
 * little, organisations have them too) and, once sampled, by what its values turned out to be, so a
 * table named `t01` whose values are names and birth dates holds people. A third party that may be a
 * company or a person (a CRM's `societe` with a birth date among its contact details) counts as people.
 *
 * A table holds no people, with a confidence, when it has a single row (the organisation's own record
 * or settings), or its name says a place or facility, settings, or a code table, or (weakest) a thing,
 * and no column says people. Contact details in such a table are the organisation's, not a person's.
 */
import { orNone } from '../../util/none.js';
import type { TableMetadata } from '../../core/metadata.js';
import { CATEGORY } from '../categories.js';
import { nameEvidence } from '../name/name-rules.js';
import { tableLanguages } from '../name/language-signal.js';
import { analyzeName, splitIdentifier, singular } from '../name/tokenize.js';
import { isPersonWord, tableSubject, tableWords } from '../name/table-context.js';
import { PLACE_WORDS, SETTINGS_WORDS, VOCABULARY_WORDS } from '../knowledge/non-person-tables.js';
import { DEFAULT_SUBJECT, SUBJECT_WORDS } from '../knowledge/subjects.js';
import type { PersonJudgement, TableFacts } from './types.js';

/** From this score a table holds people. */
export const PERSON_THRESHOLD = 0.55;
const HEAD_PERSON_WORD = 0.6;
const OTHER_PERSON_WORD = 0.3;
const PER_PERSON_ONLY_COLUMN = 0.25;
const MAX_PERSON_ONLY = 0.5;
const PER_CONTACT_COLUMN = 0.1;
const MAX_CONTACT = 0.3;
const ORGANISATION_PENALTY = 0.25;
/**
 * Person words that as often name a service or an organisation: an identity provider, a user agent, a
 * tenant of a multi-tenant application (the customer organisation every row is filed under).
 */
const SERVICE_WORDS = new Set(['provider', 'agent', 'tenant']);
/** Contact details that make such a party a person without a column only people have. */
const SERVICE_PARTY_CONTACTS = 2;
/** Contact details this many, with one column only people have: a party that may be a person. */
const PARTY_CONTACT_COLUMNS = 3;

/** Categories only people have (a company has no birth date or gender). */
const PERSON_ONLY_PREFIXES = [
  CATEGORY.firstName, CATEGORY.lastName, CATEGORY.dateOfBirth, CATEGORY.gender, 'user.government_id',
  'user.demographic.marital_status', 'user.demographic.race_ethnicity', 'user.demographic.religious_belief',
  'user.demographic.sexual_orientation',
];
/** Signing in: a user name, a password or another credential. */
const LOGIN_PREFIXES = [CATEGORY.username, 'user.authorization'];
/** Contact details: people have them, so do companies and places. */
const CONTACT_PREFIXES = ['user.contact.email', 'user.contact.phone_number', 'user.contact.fax_number', 'user.contact.address'];

const isUnder = (category: string, prefixes: readonly string[]) => prefixes.some((p) => category === p || category.startsWith(`${p}.`));
export const isPersonOnlyCategory = (category: string): boolean => isUnder(category, PERSON_ONLY_PREFIXES);
export const isContactCategory = (category: string): boolean => isUnder(category, CONTACT_PREFIXES);

/** `bank account`, `ledger account`: an account that is not a person's login. */
const THING_ACCOUNT_QUALIFIERS = new Set(['bank', 'ledger', 'gl', 'cash', 'chart', 'expense', 'revenue', 'mail', 'email', 'service', 'storage', 'cloud', 'api', 'payment', 'stripe', 'paypal', 'accounting', 'fiscal', 'journal']);
/** `oauth client`, `api consumer`: a program that signs in to the application, not a person. */
const SOFTWARE_PARTY_WORDS = new Set(['client', 'consumer']);
const SOFTWARE_QUALIFIERS = new Set(['oauth', 'oauth2', 'oidc', 'openid', 'saml', 'sso', 'api', 'rest', 'app', 'application', 'webservice', 'service', 'http']);
/** Column words of an organisation's own identity (its company or shop name, its VAT or registration). */
const ORGANISATION_COLUMN_WORDS = new Set(['company', 'organization', 'business', 'shop', 'store', 'vat', 'siren', 'siret', 'cnpj', 'ein', 'registration', 'capital', 'legal', 'firm', 'tva']);

const wordSet = (lists: Readonly<Record<string, readonly string[]>>) => new Set(Object.values(lists).flat());
const PLACES = wordSet(PLACE_WORDS);
const SETTINGS = wordSet(SETTINGS_WORDS);
const VOCABULARIES = wordSet(VOCABULARY_WORDS);
const SUBJECT_OF_WORD: ReadonlyMap<string, string> = new Map(
  Object.entries(SUBJECT_WORDS).flatMap(([subject, words]) => words.map((w) => [w, subject] as const)),
);

/** What a table's name and columns say about people, computed once per table from metadata. */
export interface TableShape {
  /** The person word of the name, when the head word is one (`customer` of `dtb_customer`). */
  readonly headPerson?: string;
  /** A person word elsewhere in the name (`customer_address`). */
  readonly otherPerson?: string;
  /** The head word names a thing (tableSubject 'thing', or `bank account`). */
  readonly thingHead: boolean;
  /** A word of the name that says place, settings or code table, by kind. */
  readonly place?: string;
  readonly settings?: string;
  readonly vocabulary?: string;
  readonly personOnlyColumns: readonly string[];
  readonly contactColumns: readonly string[];
  readonly organisationColumns: readonly string[];
  /** Columns whose names say signing in: a user name, a password or other credential. */
  readonly loginColumns: readonly string[];
  /** Boolean columns (switches: `enabled`, `consent_required`, `use_captcha`). */
  readonly flagColumns: number;
  readonly columnCount: number;
}

/**
 * A table of this many switches (boolean columns), making this share of its columns, configures
 * something (an OAuth client, a realm, a message board): without values and without a column only
 * people have, its name's person word (`client`) and contact-like names (`verify_email`) say no person.
 */
const SWITCHBOARD_MIN_FLAGS = 5;
const SWITCHBOARD_SHARE = 0.3;

/** The table is a switchboard (see SWITCHBOARD_MIN_FLAGS), judged from names alone. */
export function switchboard(shape: TableShape, personOnly: number, rowsSampled: number | undefined): boolean {
  const flags = shape.flagColumns;
  return (rowsSampled ?? 0) === 0 && personOnly === 0 && flags >= SWITCHBOARD_MIN_FLAGS && flags >= shape.columnCount * SWITCHBOARD_SHARE;
}

function headWord(words: readonly string[]): { person?: string; thing: boolean } {
  const head = words[words.length - 1];
  if (head === undefined) return { thing: false };
  if (head === 'account' && words.slice(0, -1).some((w) => THING_ACCOUNT_QUALIFIERS.has(w))) return { thing: true };
  if (SOFTWARE_PARTY_WORDS.has(head) && words.slice(0, -1).some((w) => SOFTWARE_QUALIFIERS.has(w))) return { thing: true };
  if (isPersonWord(head)) return { person: singular(head), thing: false };
  return { thing: false };
}

/**
 * The person-related facts of a table's name and column names (no values). `moduleWords`: words that
 * lead many of the database's table names (`shop` of `g5_shop_order`, `g5_shop_cart`, ...): they name
 * a part of the application, not what each table holds, so such a word says a place only as the
 * table's head (`shop`, `g5_shop`), not before another word (an order of the shop module is an order).
 */
export function tableShape(table: TableMetadata, core: readonly string[], raw: readonly string[], moduleWords: ReadonlySet<string> = new Set()): TableShape {
  const names = table.columns.map((c) => c.name);
  const languages = tableLanguages(table.name, names);
  const named = core.length > 0 ? core : tableWords(table.name);
  // A person word cut short or run together in the table's language (`prac` for `pracownicy`).
  const read = languages.length > 0 && !headWord(named).person ? tableWords(table.name, languages) : named;
  const words = read.length > 0 && isPersonWord(read[read.length - 1]) ? read : named;
  const judgedHead = headWord(words);
  const otherPerson = judgedHead.person ? undefined : words.slice(0, -1).find((w) => isPersonWord(w));
  const head = words[words.length - 1];
  const all = new Set([...words, ...raw].filter((w) => w === head || !moduleWords.has(w)));
  const find = (set: ReadonlySet<string>) => [...all].find((w) => set.has(w));
  const personOnly: string[] = [];
  const contact: string[] = [];
  const organisation: string[] = [];
  const login: string[] = [];
  for (const column of table.columns) {
    const tokens = analyzeName(column.name, languages).tokens;
    const found = nameEvidence({ columnName: column.name, tokens, tableName: table.name, tableSubject: 'person', languages })
      .filter((e) => !e.veto && e.score >= 0.6)
      .map((e) => e.category);
    if (found.some((c) => isUnder(c, LOGIN_PREFIXES))) login.push(column.name);
    if (found.some(isPersonOnlyCategory)) personOnly.push(column.name);
    else if (found.some(isContactCategory)) contact.push(column.name);
    if (tokens.some((t) => ORGANISATION_COLUMN_WORDS.has(t)) || splitIdentifier(column.name).some((t) => ORGANISATION_COLUMN_WORDS.has(t))) {
      organisation.push(column.name);
    }
  }
  return {
    headPerson: judgedHead.person,
    otherPerson,
    thingHead: judgedHead.thing || (!judgedHead.person && tableSubject(table.name) === 'thing'),
    place: find(PLACES),
    settings: find(SETTINGS),
    vocabulary: words.length > 0 && VOCABULARIES.has(words[words.length - 1]) ? words[words.length - 1] : undefined,
    personOnlyColumns: orNone(personOnly),
    contactColumns: orNone(contact),
    organisationColumns: orNone(organisation),
    loginColumns: orNone(login),
    // MySQL's BIT(1) is the boolean of many ORMs.
    flagColumns: table.columns.filter((c) => c.normalizedType === 'boolean' || /^bit\(1\)$/i.test(c.rawType)).length,
    columnCount: table.columns.length,
  };
}

const list = (names: readonly string[]) => names.slice(0, 3).map((n) => `'${n}'`).join(', ') + (names.length > 3 ? ', ...' : '');

/**
 * How sure the graph is that a table holds people, from its shape and, once it is classified, its
 * facts (what its values turned out to be). `defaultSubject`: the data subject of a person table whose
 * name names nobody in particular (from the database's domains).
 */
export function judgePerson(name: string, shape: TableShape, facts: TableFacts | undefined, defaultSubject: string = DEFAULT_SUBJECT): PersonJudgement {
  const reasons: string[] = [];
  let score = 0;
  if (shape.headPerson) {
    score += HEAD_PERSON_WORD;
    reasons.push(`its name says ${shape.headPerson}s`);
  } else if (shape.otherPerson) {
    score += OTHER_PERSON_WORD;
  }
  const personOnly = new Set([...shape.personOnlyColumns, ...(facts?.personOnlyColumns ?? [])]);
  const contact = new Set([...shape.contactColumns, ...(facts?.contactColumns ?? [])].filter((c) => !personOnly.has(c)));
  if (personOnly.size > 0) {
    score += Math.min(MAX_PERSON_ONLY, personOnly.size * PER_PERSON_ONLY_COLUMN);
    reasons.push(`its columns ${list([...personOnly])} hold what only people have`);
  }
  // Contact details say people only beside a person word or something only people have.
  if (shape.headPerson || personOnly.size > 0) score += Math.min(MAX_CONTACT, contact.size * PER_CONTACT_COLUMN);
  if (shape.organisationColumns.length > 0 && personOnly.size < 2) score -= ORGANISATION_PENALTY;
  // A party that may be a company or a person: contact details and something only people have.
  if (personOnly.size >= 1 && contact.size >= PARTY_CONTACT_COLUMNS && score < PERSON_THRESHOLD) {
    score = PERSON_THRESHOLD;
    reasons.push(`it holds contact details (${list([...contact])}) of parties that may be people`);
  }
  if (facts && facts.rowsSampled === 1) score *= 0.3;
  if (switchboard(shape, personOnly.size, facts?.rowsSampled)) score = Math.min(score, PERSON_THRESHOLD - 0.05);
  // Settings and code tables name people's attributes (an LDAP source's `attr_firstname`): not people.
  if (!shape.headPerson && (shape.settings || shape.vocabulary)) score = Math.min(score, PERSON_THRESHOLD - 0.05);
  // A provider, an agent or a tenant is as often a service or an organisation: its name needs a column only
  // people have, or a person's contact details (a landlord's tenants with their phone and e-mail).
  const serviceParty = shape.headPerson && SERVICE_WORDS.has(shape.headPerson);
  if (serviceParty && personOnly.size === 0 && contact.size < SERVICE_PARTY_CONTACTS) score = Math.min(score, PERSON_THRESHOLD - 0.05);
  score = Math.max(0, Math.min(1, Math.round(score * 100) / 100));
  const isPerson = score >= PERSON_THRESHOLD;
  const named = shape.headPerson ? SUBJECT_OF_WORD.get(shape.headPerson) : undefined;
  return { score, isPerson, ...(isPerson ? { subject: named ?? defaultSubject, subjectNamed: named !== undefined } : {}), reasons: isPerson ? reasons : [] };
}

/** Confidence that a table holds no people (for contact details that are not a person's), and why. */
export function judgeNotPerson(
  name: string,
  shape: TableShape,
  facts: TableFacts | undefined,
  referencedAsLookup: boolean,
  rowsSampled = facts?.rowsSampled,
): { score: number; because: string } | undefined {
  const personOnly = shape.personOnlyColumns.length + (facts?.personOnlyColumns.length ?? 0);
  if (rowsSampled === 1 && !shape.headPerson) return { score: 0.9, because: `table ${name} holds a single row: the organisation's own record or settings` };
  const board = switchboard(shape, personOnly, rowsSampled);
  if (personOnly > 0 || (shape.headPerson && !board)) return undefined;
  if (board) {
    return { score: 0.75, because: `table ${name} is mostly switches (${shape.flagColumns} of ${shape.columnCount} columns are flags): it configures something, it holds no people` };
  }
  if (shape.place) return { score: 0.8, because: `table ${name} holds places or facilities ('${shape.place}'), not people` };
  if (shape.settings) return { score: 0.75, because: `table ${name} holds settings or systems ('${shape.settings}'), not people` };
  if (shape.vocabulary || referencedAsLookup) return { score: 0.7, because: `table ${name} is a code table${shape.vocabulary ? ` ('${shape.vocabulary}')` : ''}, not people` };
  // Without values, a name that merely says a thing (an order) does not outweigh columns that name a
  // full set of someone's contact details (the buyer's): such rows carry a person's details.
  const carriesContacts = rowsSampled === 0 && shape.contactColumns.length >= PARTY_CONTACT_COLUMNS;
  if (shape.thingHead && !carriesContacts) return { score: 0.6, because: `table ${name} holds things, not people` };
  return undefined;
}
