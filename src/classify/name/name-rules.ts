/**
 * Column-name rules: word sequences in the tokenized column name → a category with a score, with
 * exclusions for names that are *about* the data rather than holding it (`email_verified`,
 * `address_id`, `phone_count`), and table context for the ambiguous word `name`.
 * The table is plain data so the next issue can load more rules (and user rules) without code.
 */
import type { Evidence } from '../types.js';
import { CATEGORY } from '../categories.js';
import { findSequence } from './tokenize.js';
import { isPersonWord, type TableSubject } from './table-context.js';

type Words = readonly string[];

export interface NameRule {
  readonly id: string;
  readonly category: string;
  /** The rule matches when any of these word sequences occurs in the column name. */
  readonly words: readonly Words[];
  readonly score: number;
  /** Score by table subject, overriding `score` where given (0 turns the rule off). */
  readonly bySubject?: Partial<Record<TableSubject, number>>;
  /** The rule does not apply when any of these words occurs anywhere in the name. */
  readonly unlessWord?: readonly string[];
  /** The rule does not apply when the name ends with one of these words (`address_id`). */
  readonly unlessLast?: readonly string[];
}

/** A name that rules categories out, e.g. `order_no` holds order numbers, never phone numbers. */
export interface NameVeto {
  readonly id: string;
  readonly categories: readonly string[];
  readonly words: readonly Words[];
  /** The veto applies only when the name also has one of these words. */
  readonly onlyWith?: readonly string[];
  readonly what: string;
}

/** Words that make a column describe the data (a flag, a count, a timestamp) rather than hold it. */
const ABOUT_WORDS = [
  'verified', 'verification', 'confirmed', 'confirm', 'confirmation', 'opt', 'optin', 'optout', 'consent',
  'subscribed', 'subscription', 'unsubscribed', 'bounce', 'bounced', 'enabled', 'disabled', 'flag', 'is',
  'has', 'count', 'status', 'type', 'format', 'template', 'domain', 'provider', 'sent', 'valid', 'validated',
  'invalid', 'preference', 'pref', 'allowed', 'required', 'visibility', 'visible', 'public', 'changed',
  'updated', 'reset', 'expires', 'expiry', 'expiration', 'policy', 'hint', 'length', 'len', 'pattern',
  'regex', 'label', 'prefix', 'suffix', 'source', 'attempts', 'tries', 'at', 'timestamp', 'kind',
  'hash', 'hashed', 'encrypted', 'md5', 'sha', 'sha1', 'sha256', 'mask', 'masked', 'token', 'enc',
];
const ABOUT_WORDS_EXCEPT_HASH = ABOUT_WORDS.filter((w) => !['hash', 'hashed', 'encrypted', 'md5', 'sha', 'sha1', 'sha256', 'enc'].includes(w));
const DATE_WORDS = ['date', 'time', 'on', 'year', 'month', 'day'];
const KEY_WORDS = ['id', 'key', 'uuid', 'guid', 'fk', 'pk', 'ref', 'idx', 'index', 'code'];

export const NAME_RULES: readonly NameRule[] = [
  { id: 'email', category: CATEGORY.email, score: 0.95, words: [['email'], ['e', 'mail'], ['mail', 'address']], unlessWord: [...ABOUT_WORDS, ...DATE_WORDS], unlessLast: KEY_WORDS },
  { id: 'email-mail', category: CATEGORY.email, score: 0.7, words: [['mail']], unlessWord: [...ABOUT_WORDS, ...DATE_WORDS, 'server', 'box'], unlessLast: KEY_WORDS },
  { id: 'phone', category: CATEGORY.phone, score: 0.9, words: [['phone'], ['telephone'], ['cellphone'], ['mobile', 'number'], ['mobile', 'phone'], ['cell', 'phone'], ['phone', 'number']], unlessWord: [...ABOUT_WORDS, ...DATE_WORDS], unlessLast: KEY_WORDS },
  { id: 'phone-weak', category: CATEGORY.phone, score: 0.65, words: [['mobile'], ['cell'], ['contact', 'number']], unlessWord: [...ABOUT_WORDS, ...DATE_WORDS, 'app', 'version', 'device', 'browser'], unlessLast: KEY_WORDS },
  { id: 'first-name', category: CATEGORY.firstName, score: 0.95, words: [['first', 'name'], ['given', 'name'], ['fore', 'name'], ['forename'], ['christian', 'name']], unlessWord: ABOUT_WORDS, unlessLast: KEY_WORDS },
  { id: 'last-name', category: CATEGORY.lastName, score: 0.95, words: [['last', 'name'], ['family', 'name'], ['surname'], ['sur', 'name'], ['maiden', 'name']], unlessWord: ABOUT_WORDS, unlessLast: KEY_WORDS },
  { id: 'full-name', category: CATEGORY.name, score: 0.9, words: [['full', 'name'], ['middle', 'name'], ['legal', 'name'], ['real', 'name'], ['fullname']], unlessWord: ABOUT_WORDS, unlessLast: KEY_WORDS },
  { id: 'display-name', category: CATEGORY.name, score: 0.7, words: [['display', 'name'], ['nick', 'name'], ['nickname']], unlessWord: ABOUT_WORDS, unlessLast: KEY_WORDS },
  { id: 'date-of-birth', category: CATEGORY.dateOfBirth, score: 0.95, words: [['date', 'of', 'birth'], ['birth', 'date'], ['birthday'], ['birthdate'], ['born']], unlessWord: ABOUT_WORDS, unlessLast: KEY_WORDS },
  { id: 'birth', category: CATEGORY.dateOfBirth, score: 0.75, words: [['birth'], ['year', 'of', 'birth'], ['birth', 'year']], unlessWord: [...ABOUT_WORDS, 'place', 'city', 'country', 'location', 'certificate', 'weight', 'name', 'order', 'rate'], unlessLast: KEY_WORDS },
  { id: 'street', category: CATEGORY.street, score: 0.9, words: [['street'], ['address', 'line'], ['street', 'address'], ['house', 'number'], ['po', 'box']], unlessWord: [...ABOUT_WORDS, 'email', 'ip', 'mac', 'web', 'url', 'city', 'state', 'country', 'zip', 'postal'], unlessLast: KEY_WORDS },
  { id: 'address', category: CATEGORY.street, score: 0.75, words: [['address']], unlessWord: [...ABOUT_WORDS, 'email', 'mail', 'e', 'ip', 'mac', 'web', 'url', 'wallet', 'bitcoin', 'memory', 'remote', 'client', 'server', 'host', 'network', 'city', 'state', 'country', 'zip', 'postal', 'town'], unlessLast: KEY_WORDS },
  { id: 'city', category: CATEGORY.city, score: 0.9, words: [['city'], ['town'], ['locality'], ['municipality']], unlessWord: [...ABOUT_WORDS, 'population', 'size'], unlessLast: KEY_WORDS },
  { id: 'state', category: CATEGORY.state, score: 0.6, bySubject: { person: 0.85, 'person-related': 0.85, thing: 0.3 }, words: [['state'], ['province'], ['county']], unlessWord: [...ABOUT_WORDS, 'machine', 'workflow', 'order', 'job', 'task', 'session', 'payment'], unlessLast: KEY_WORDS },
  { id: 'postal-code', category: CATEGORY.postalCode, score: 0.9, words: [['zip'], ['postal', 'code'], ['post', 'code'], ['postal'], ['zip', 'code']], unlessWord: ABOUT_WORDS, unlessLast: ['id', 'key', 'uuid', 'fk', 'pk'] },
  { id: 'country', category: CATEGORY.country, score: 0.85, words: [['country']], unlessWord: [...ABOUT_WORDS, 'population', 'count'], unlessLast: ['id', 'key', 'uuid', 'fk', 'pk'] },
  { id: 'ip-address', category: CATEGORY.ipAddress, score: 0.9, words: [['ip'], ['ip', 'address'], ['remote', 'address'], ['client', 'address'], ['remote', 'addr']], unlessWord: ABOUT_WORDS, unlessLast: ['id', 'key', 'uuid', 'fk', 'pk'] },
  { id: 'credit-card', category: CATEGORY.creditCard, score: 0.9, words: [['credit', 'card'], ['card', 'number'], ['cc', 'number'], ['debit', 'card'], ['creditcard']], unlessWord: [...ABOUT_WORDS, 'expiry', 'exp', 'cvv', 'cvc', 'brand', 'holder', 'last', 'issuer', 'limit', 'fee'], unlessLast: ['id', 'key', 'uuid', 'fk', 'pk'] },
  { id: 'card-pan', category: CATEGORY.creditCard, score: 0.6, words: [['pan']], unlessWord: ABOUT_WORDS, unlessLast: KEY_WORDS },
  { id: 'username', category: CATEGORY.username, score: 0.85, words: [['user', 'name'], ['username'], ['login'], ['login', 'name'], ['screen', 'name'], ['handle']], unlessWord: [...ABOUT_WORDS, ...DATE_WORDS, 'last', 'first'], unlessLast: KEY_WORDS },
  { id: 'password', category: CATEGORY.password, score: 0.9, words: [['password'], ['passcode'], ['pass', 'hash']], unlessWord: [...ABOUT_WORDS_EXCEPT_HASH, ...DATE_WORDS], unlessLast: ['id', 'key', 'uuid', 'fk', 'pk'] },
  { id: 'pass', category: CATEGORY.password, score: 0.55, words: [['pass']], unlessWord: [...ABOUT_WORDS_EXCEPT_HASH, ...DATE_WORDS, 'boarding', 'bus', 'season', 'day'], unlessLast: KEY_WORDS },
];

const IDENTIFIER_NAMES: readonly Words[] = [
  ['order', 'number'], ['invoice', 'number'], ['tracking', 'number'], ['serial', 'number'], ['reference'],
  ['sku'], ['confirmation', 'number'], ['ticket', 'number'], ['booking', 'number'], ['shipment', 'number'],
  ['lot', 'number'], ['batch', 'number'], ['part', 'number'], ['model', 'number'], ['version'], ['isbn'],
  ['ean'], ['upc'], ['barcode'], ['checksum'], ['transaction', 'id'], ['order', 'id'], ['invoice', 'id'],
];
const MEASURE_NAMES: readonly Words[] = [
  ['amount'], ['price'], ['total'], ['quantity'], ['qty'], ['balance'], ['cost'], ['salary'], ['weight'],
  ['height'], ['duration'], ['count'], ['score'], ['rate'],
];

/** Dates of events, not of births (`hire_date`, `created_on`, `last_login`). */
const EVENT_DATE_NAMES: readonly Words[] = [
  'hire', 'hired', 'created', 'create', 'creation', 'updated', 'update', 'modified', 'changed', 'start', 'end',
  'ship', 'shipped', 'due', 'paid', 'order', 'expiry', 'expires', 'expiration', 'join', 'joined', 'registered',
  'registration', 'signup', 'deleted', 'login', 'logout', 'sent', 'received', 'delivery', 'delivered', 'return',
  'rental', 'payment', 'invoice', 'effective', 'release', 'published', 'publish', 'death', 'died', 'visit',
  'admission', 'discharge', 'closed', 'opened', 'booking', 'arrival', 'departure', 'issue', 'issued', 'purchase',
].map((w) => [w]);

export const NAME_VETOES: readonly NameVeto[] = [
  { id: 'event-date', categories: [CATEGORY.dateOfBirth], words: EVENT_DATE_NAMES, onlyWith: ['date', 'time', 'at', 'on', 'day', 'timestamp', 'year', 'when'], what: 'the date of an event' },
  { id: 'identifier', categories: [CATEGORY.phone, CATEGORY.creditCard, CATEGORY.dateOfBirth], words: IDENTIFIER_NAMES, what: 'an identifier' },
  { id: 'measure', categories: [CATEGORY.phone, CATEGORY.creditCard, CATEGORY.postalCode], words: MEASURE_NAMES, what: 'a quantity' },
];

const NAME_QUALIFIERS_HANDLED_ELSEWHERE = new Set([
  'first', 'given', 'fore', 'christian', 'last', 'family', 'sur', 'maiden', 'full', 'middle', 'legal', 'real',
  'display', 'nick', 'user', 'login', 'screen',
]);
/** Qualifiers that make `X name` the name of a thing, not of a person. */
const THING_QUALIFIERS = new Set([
  'product', 'company', 'business', 'organization', 'organisation', 'org', 'file', 'host', 'domain', 'table',
  'column', 'schema', 'database', 'db', 'field', 'brand', 'category', 'item', 'app', 'application', 'event',
  'store', 'shop', 'project', 'service', 'server', 'device', 'plan', 'feature', 'city', 'country', 'street',
  'state', 'region', 'bank', 'branch', 'department', 'team', 'group', 'role', 'tag', 'type', 'class', 'model',
  'package', 'module', 'method', 'function', 'job', 'task', 'queue', 'topic', 'key', 'bucket', 'path',
  'image', 'font', 'color', 'colour', 'layer', 'sheet', 'report', 'template', 'campaign', 'channel', 'course',
  'school', 'venue', 'hotel', 'airline', 'ship', 'vendor', 'supplier', 'manufacturer', 'carrier',
]);

export interface NameRuleContext {
  /** The column's name as written (used in reasons). */
  readonly columnName: string;
  /** Tokenized column name. */
  readonly tokens: readonly string[];
  readonly tableName: string;
  readonly tableSubject: TableSubject;
}

const SUBJECT_TEXT: Record<TableSubject, string> = {
  person: 'which holds people',
  'person-related': 'which relates to people',
  thing: 'which holds things, not people',
  unknown: 'whose subject is unclear',
};

function ruleApplies(rule: NameRule, tokens: readonly string[]): Words | undefined {
  if (rule.unlessLast?.includes(tokens[tokens.length - 1])) return undefined;
  if (rule.unlessWord?.some((w) => tokens.includes(w))) return undefined;
  return rule.words.find((seq) => findSequence(tokens, seq) >= 0);
}

/** Evidence for the bare or qualified word `name` (`name`, `customer_name`, `product_name`). */
function personNameEvidence(ctx: NameRuleContext): Evidence | undefined {
  const { tokens } = ctx;
  const at = tokens.indexOf('name');
  if (at < 0 || tokens.some((w) => ABOUT_WORDS.includes(w)) || KEY_WORDS.includes(tokens[tokens.length - 1])) return undefined;
  const qualifier = at > 0 ? tokens[at - 1] : undefined;
  if (qualifier && (NAME_QUALIFIERS_HANDLED_ELSEWHERE.has(qualifier) || THING_QUALIFIERS.has(qualifier))) return undefined;
  let score: number;
  let reason: string;
  if (qualifier && isPersonWord(qualifier)) {
    score = 0.85;
    reason = `column name '${ctx.columnName}' has words '${qualifier} name'`;
  } else {
    const bySubject: Record<TableSubject, number> = qualifier
      ? { person: 0.6, 'person-related': 0.45, unknown: 0.3, thing: 0 }
      : { person: 0.8, 'person-related': 0.6, unknown: 0.4, thing: 0 };
    score = bySubject[ctx.tableSubject];
    reason = `column '${ctx.columnName}' has the word 'name' in table '${ctx.tableName}', ${SUBJECT_TEXT[ctx.tableSubject]}`;
  }
  return score > 0 ? { factor: 'name', category: CATEGORY.name, score, source: 'name-rules', reason } : undefined;
}

function describeMatch(ctx: NameRuleContext, seq: Words): string {
  const words = seq.join(' ');
  const plural = seq.length > 1 ? 'words' : 'word';
  const written = ctx.columnName.toLowerCase();
  return written.includes(words.replace(/ /g, '')) || written.includes(words)
    ? `column name '${ctx.columnName}' has the ${plural} '${words}'`
    : `column name '${ctx.columnName}' reads as '${ctx.tokens.join(' ')}'`;
}

/** Name evidence (positive and vetoes) for one column; at most one positive per category (the strongest). */
export function nameEvidence(ctx: NameRuleContext, rules: readonly NameRule[] = NAME_RULES, vetoes: readonly NameVeto[] = NAME_VETOES): Evidence[] {
  const best = new Map<string, Evidence>();
  const keep = (e: Evidence) => {
    const current = best.get(e.category);
    if (!current || e.score > current.score) best.set(e.category, e);
  };
  for (const rule of rules) {
    const seq = ruleApplies(rule, ctx.tokens);
    if (!seq) continue;
    const score = rule.bySubject?.[ctx.tableSubject] ?? rule.score;
    if (score <= 0) continue;
    keep({ factor: 'name', category: rule.category, score, source: 'name-rules', reason: describeMatch(ctx, seq) });
  }
  const person = personNameEvidence(ctx);
  if (person) keep(person);
  const out = [...best.values()];
  for (const veto of vetoes) {
    if (veto.onlyWith && !veto.onlyWith.some((w) => ctx.tokens.includes(w))) continue;
    const seq = veto.words.find((s) => findSequence(ctx.tokens, s) >= 0);
    if (!seq) continue;
    for (const category of veto.categories) {
      out.push({
        factor: 'name',
        category,
        score: 0,
        veto: true,
        source: 'name-rules',
        reason: `column name '${ctx.columnName}' names ${veto.what} ('${seq.join(' ')}')`,
      });
    }
  }
  return out;
}
