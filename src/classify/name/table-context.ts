/**
 * What a table is about, from its name: people (customers, users, patients…), things that merely
 * have names (products, companies, categories…), or unknown. Person tables raise person rules;
 * thing tables stop `name` from meaning a person's name. Foreign table names (`kunden`, `clientes`,
 * `mitarbeiter`) are translated by the tokenizer first, so the word lists stay English.
 */
import { singular, tokenizeName } from './tokenize.js';

export { singular } from './tokenize.js';

export type TableSubject = 'person' | 'person-related' | 'thing' | 'unknown';

/** People who work for the organisation: their `title` is a job title. */
const WORKER_WORDS = new Set([
  'employee', 'staff', 'worker', 'personnel', 'agent', 'representative', 'salesperson', 'manager', 'teacher',
  'instructor', 'doctor', 'physician', 'nurse', 'clinician', 'provider', 'practitioner', 'contractor', 'officer',
  'technician', 'consultant', 'associate', 'crew', 'hire', 'recruit', 'volunteer', 'faculty', 'professor', 'lecturer',
]);

const PERSON_WORDS = new Set([
  ...WORKER_WORDS,
  'customer', 'user', 'person', 'people', 'member', 'patient', 'contact', 'client', 'student', 'author', 'actor',
  'driver', 'passenger', 'guest', 'subscriber', 'applicant', 'candidate', 'account', 'profile', 'owner', 'buyer',
  'worker', 'donor', 'tenant', 'resident', 'citizen', 'visitor', 'participant', 'attendee', 'individual', 'lead',
  'beneficiary', 'player', 'traveler', 'traveller', 'recipient', 'sender', 'consumer', 'shopper', 'borrower', 'lender',
  'learner', 'pupil', 'parent', 'child', 'spouse', 'dependent', 'insured', 'policyholder', 'holder', 'signer',
  'reviewer', 'respondent', 'registrant', 'prospect', 'human', 'assignee', 'reporter', 'approver', 'creator',
  'requester', 'seller', 'supervisor', 'boss', 'friend', 'follower', 'fan', 'athlete', 'voter', 'inmate', 'suspect',
  'victim', 'witness', 'claimant', 'debtor', 'creditor', 'guarantor', 'payee', 'payer', 'cardholder', 'householder',
  'homeowner', 'landlord', 'renter', 'hirer', 'jobseeker', 'alumnus', 'alumni', 'kid', 'adult', 'infant', 'mother',
  'father', 'relative', 'caregiver', 'guardian', 'dentist', 'therapist', 'nominee', 'heir',
]);

const THING_WORDS = new Set([
  'product', 'item', 'company', 'organization', 'category', 'brand', 'store', 'shop', 'department', 'country', 'city',
  'language', 'genre', 'tag', 'role', 'permission', 'group', 'team', 'project', 'file', 'track', 'playlist', 'album',
  'film', 'movie', 'media', 'supplier', 'vendor', 'shipper', 'region', 'territory', 'location', 'warehouse', 'event',
  'service', 'plan', 'feature', 'setting', 'config', 'configuration', 'table', 'schema', 'column', 'type', 'status',
  'job', 'task', 'queue', 'metric', 'report', 'template', 'course', 'school', 'university', 'hospital', 'bank',
  'branch', 'office', 'building', 'room', 'device', 'app', 'application', 'channel', 'campaign', 'segment',
  'menu', 'page', 'site', 'domain', 'host', 'server', 'database', 'index', 'order', 'invoice', 'payment',
  'transaction', 'currency', 'unit', 'skill', 'title', 'label', 'attribute', 'option', 'variant', 'model',
  'manufacturer', 'carrier', 'airline', 'airport', 'venue', 'award', 'book', 'article', 'post', 'facility', 'asset',
  'inventory', 'stock', 'part', 'component', 'vehicle', 'route', 'station', 'stop', 'flight', 'ticket', 'game',
  'artist', 'band', 'publisher', 'lookup', 'code', 'state', 'province', 'county', 'district', 'partner', 'agency',
  'business', 'firm', 'employer', 'merchant', 'catalog', 'catalogue', 'price', 'promotion',
  'coupon', 'discount', 'tax', 'rate', 'fee', 'workflow', 'migration', 'version', 'release',
  // Business documents: a buyer's details on them are the document's party, its key is the document's.
  'receipt', 'voucher', 'bill', 'quote', 'quotation', 'shipment',
  // Programs, concepts and systems of an application; notices and notifications it sends.
  'program', 'programme', 'concept', 'system', 'realm', 'notice', 'notification', 'announcement', 'newsletter',
  // Software a system connects to: its secrets, URLs and names are the software's.
  'repository', 'repo', 'webhook', 'hook', 'integration', 'connection', 'connector', 'mirror', 'plugin', 'extension',
  'bot', 'source', 'credential', 'endpoint',
]);

/** Words that say nothing about the subject (`customer_info`, `tbl_user`, `dim_customer`). */
const FILLER_WORDS = new Set([
  'info', 'information', 'data', 'detail', 'details', 'master', 'record', 'records', 'tbl', 'tb', 'tab', 'table',
  'dim', 'fact', 'stg', 'staging', 'raw', 'src', 'v', 'vw', 'view', 'base', 'main', 'core', 'all', 'new', 'old',
  'tmp', 'temp', 'bak', 'backup', 'history', 'hist', 'archive', 'log', 'snapshot', 'list', 'registry', 'register',
  'directory', 'current', 'active', 'import', 'export', 'extract', 'copy', 'clean', 'cleaned', 'final', 'lkp', 'ref',
]);

export function isPersonWord(word: string): boolean {
  return PERSON_WORDS.has(singular(word));
}

export function isWorkerWord(word: string): boolean {
  return WORKER_WORDS.has(singular(word));
}

/** Meaningful words of a table name, singular, without tags and fillers; `languages`: the table's (see tokenizeName). */
export function tableWords(tableName: string, languages: readonly string[] = []): string[] {
  return tokenizeName(tableName, languages).map(singular).filter((w) => !FILLER_WORDS.has(w) && !/^\d+$/.test(w) && w.length > 1);
}

/** The subject of a table, decided by its head noun (last meaningful word), then by any person word. */
export function tableSubject(tableName: string): TableSubject {
  const words = tableWords(tableName);
  if (words.length === 0) return 'unknown';
  const head = words[words.length - 1];
  if (PERSON_WORDS.has(head)) return 'person';
  if (THING_WORDS.has(head)) return 'thing';
  if (words.some((w) => PERSON_WORDS.has(w))) return 'person-related';
  return 'unknown';
}

/** True when the table holds people who work for the organisation (employees, staff, agents). */
export function isWorkerTable(tableName: string): boolean {
  const words = tableWords(tableName);
  return words.length > 0 && WORKER_WORDS.has(words[words.length - 1]);
}

/** A person word in free text (a table comment: "one row per customer"), or undefined. */
export function personWordIn(tokens: readonly string[]): string | undefined {
  return tokens.find((t) => isPersonWord(t));
}

/**
 * Column names that say what kind of value a column holds but not of what: the table says that
 * (`payment_card.code` is the card's code, `passport.number` the passport number, `address.house`
 * the house number of an address).
 */
const GENERIC_COLUMN_WORDS = new Set([
  'number', 'code', 'value', 'house', 'expiry', 'expiration', 'exp', 'date', 'line', 'building', 'security', 'verification',
]);

/**
 * The column's words read with its table's words in front (`payment card code`), when the column
 * name is generic (only GENERIC_COLUMN_WORDS and digits) and the table's words are not already in it;
 * undefined otherwise. Lets `card code` rules find `payment_card.code`.
 */
export function tableQualifiedTokens(columnTokens: readonly string[], tableName: string): readonly string[] | undefined {
  // Most column names are not generic: say so before building anything.
  let generic = false;
  for (const t of columnTokens) {
    if (/^\d+$/.test(t)) continue;
    if (!GENERIC_COLUMN_WORDS.has(t)) return undefined;
    generic = true;
  }
  if (!generic) return undefined;
  const words = columnTokens.filter((t) => !/^\d+$/.test(t));
  const table = tableWords(tableName);
  if (table.length === 0 || table.some((t) => words.includes(t))) return undefined;
  return [...table, ...columnTokens];
}

/** Columns that only people have: one in an unclear table says its rows are about people. */
const PERSON_ATTRIBUTE_NAMES: readonly (readonly string[])[] = [
  ['email'], ['phone'], ['first', 'name'], ['last', 'name'], ['surname'], ['birth'], ['date', 'of', 'birth'], ['birthday'],
  ['gender'], ['password'], ['username'],
];
/** Columns of a membership (loyalty points, a tier, rewards): two of them say the rows are members. */
const MEMBERSHIP_WORDS = new Set(['point', 'points', 'tier', 'loyalty', 'reward', 'rewards', 'membership', 'miles', 'karma']);
const MEMBERSHIP_COLUMNS_NEEDED = 2;

/**
 * The subject of a table from its name, and for a table whose name is unclear (`loyalty`,
 * `service_request`) from its columns: a column only people have (an email, a birth date) or two
 * membership columns (points, tier) make it person-related. The reason is for evidence. Column
 * names are read in the table's `languages` (name/language-signal.ts).
 */
export function tableSubjectWithColumns(
  tableName: string,
  columnNames: readonly string[],
  languages: readonly string[] = [],
): { subject: TableSubject; because?: string } {
  const subject = tableSubject(tableName);
  if (subject !== 'unknown') return { subject };
  const columns = columnNames.map((c) => ({ name: c, tokens: tokenizeName(c, languages) }));
  const person = columns.find((c) => PERSON_ATTRIBUTE_NAMES.some((seq) => hasSequence(c.tokens, seq)));
  if (person) return { subject: 'person-related', because: `its column '${person.name}' holds something only people have` };
  const membership = columns.filter((c) => c.tokens.some((t) => MEMBERSHIP_WORDS.has(t)));
  if (membership.length >= MEMBERSHIP_COLUMNS_NEEDED) {
    return { subject: 'person-related', because: `its columns ${membership.map((c) => `'${c.name}'`).join(', ')} describe a membership` };
  }
  return { subject };
}

function hasSequence(tokens: readonly string[], seq: readonly string[]): boolean {
  for (let i = 0; i + seq.length <= tokens.length; i++) if (seq.every((w, j) => tokens[i + j] === w)) return true;
  return false;
}
