/**
 * Word lists for column/table name tokenizing. Abbreviations and foreign synonyms expand to English
 * words so the name rules only have to speak one language; the compound vocabulary lets
 * `firstname` or `emailaddress` split into words; the fuzzy targets are the words a typo may be
 * corrected to. Keys are lowercase and accent-folded.
 */
import { FOREIGN_WORDS, type Language } from './lexicon.js';

const SSN = ['social', 'security', 'number'];

/** Abbreviations and English variants → the words they stand for. */
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  // contact
  eml: ['email'], emailaddr: ['email', 'address'], emailaddress: ['email', 'address'], addr: ['address'], adr: ['address'],
  adrs: ['address'], tel: ['phone'], tele: ['phone'], telno: ['phone', 'number'], ph: ['phone'], phn: ['phone'], phne: ['phone'],
  fon: ['phone'], phon: ['phone'], mob: ['mobile'], mobno: ['mobile', 'number'], cel: ['cell'], msisdn: ['phone', 'number'],
  landline: ['phone'], faxno: ['fax', 'number'], homepage: ['website'],
  // names
  fname: ['first', 'name'], fnm: ['first', 'name'], firstnm: ['first', 'name'], lname: ['last', 'name'], lnm: ['last', 'name'],
  lastnm: ['last', 'name'], mname: ['middle', 'name'], mi: ['middle', 'initial'], nm: ['name'], uname: ['username'],
  usrname: ['username'], userid: ['user', 'id'], nickname: ['nick', 'name'], fullname: ['full', 'name'],
  // dates and demographics
  dob: ['date', 'of', 'birth'], bdate: ['birth', 'date'], bday: ['birthday'], bdt: ['birth', 'date'], yob: ['year', 'of', 'birth'],
  dt: ['date'], gndr: ['gender'], gend: ['gender'], ethn: ['ethnicity'], relig: ['religion'], lang: ['language'],
  natl: ['national'], nationalid: ['national', 'id'], natid: ['national', 'id'], marstat: ['marital', 'status'],
  // numbers and identifiers
  nbr: ['number'], num: ['number'], no: ['number'], nr: ['number'], nro: ['number'], nmbr: ['number'], cnt: ['count'],
  qty: ['quantity'], ssn: SSN, ssno: SSN, socsec: ['social', 'security'], tin: ['tax', 'id'], taxid: ['tax', 'id'],
  nino: ['national', 'insurance', 'number'], dln: ['drivers', 'license', 'number'], lic: ['license'], licence: ['license'],
  ppn: ['passport', 'number'],
  // people
  cust: ['customer'], cst: ['customer'], custs: ['customer'], usr: ['user'], emp: ['employee'], empl: ['employee'],
  rep: ['representative'], mgr: ['manager'], mbr: ['member'], contrib: ['contributor'],
  // places
  zipcode: ['zip', 'code'], postcode: ['postal', 'code'], pcode: ['postal', 'code'], postalcode: ['postal', 'code'],
  cty: ['city'], ctry: ['country'], cntry: ['country'], cntr: ['country'], prov: ['province'], lat: ['latitude'],
  lng: ['longitude'], lon: ['longitude'], coord: ['coordinates'], coords: ['coordinates'], geoloc: ['geo', 'location'],
  // devices, finance, accounts, secrets
  ipv: ['ip'], ipaddr: ['ip', 'address'], ipaddress: ['ip', 'address'], macaddr: ['mac', 'address'], ccn: ['credit', 'card', 'number'],
  ccnum: ['credit', 'card', 'number'], acct: ['account'], acc: ['account'], accnt: ['account'], pwd: ['password'], pw: ['password'],
  pswd: ['password'], passwd: ['password'], pword: ['password'], apikey: ['api', 'key'], useragent: ['user', 'agent'],
  ua: ['user', 'agent'], sal: ['salary'], mrn: ['medical', 'record', 'number'], dx: ['diagnosis'], rx: ['prescription'],
  insur: ['insurance'], dept: ['department'], org: ['organization'], organisation: ['organization'],
  colour: ['color'], emailverified: ['email', 'verified'],
};

/** Leading type tags of Hungarian notation (`strName`, `txtNotes`, `intAge`); dropped when more words follow. */
export const HUNGARIAN_PREFIXES: ReadonlySet<string> = new Set([
  'str', 'txt', 'sz', 'int', 'lng', 'dbl', 'flt', 'bln', 'bool', 'byt', 'chr', 'obj', 'vch', 'nvc', 'fld', 'col',
]);

/** Leading table-type tags in table names (`tbl_customer`, `t_user`, `dim_customer`). */
export const TABLE_PREFIXES: ReadonlySet<string> = new Set(['tbl', 'tb', 't', 'tab', 'dim', 'fact', 'stg', 'vw', 'v', 'ref', 'lkp', 'lu']);

/** English words the rules and the compound splitter know. Includes every expansion's words. */
const ENGLISH_WORDS = [
  'first', 'last', 'given', 'family', 'middle', 'full', 'maiden', 'nick', 'display', 'screen', 'sur', 'legal', 'real',
  'name', 'names', 'user', 'login', 'email', 'mail', 'address', 'phone', 'telephone', 'mobile', 'cell', 'fax', 'number',
  'birth', 'birthday', 'date', 'of', 'day', 'year', 'month', 'zip', 'postal', 'code', 'street', 'city', 'town', 'state',
  'country', 'province', 'county', 'region', 'district', 'ip', 'credit', 'debit', 'card', 'bank', 'account', 'password',
  'home', 'work', 'office', 'billing', 'shipping', 'ship', 'mailing', 'delivery', 'customer', 'contact', 'person',
  'employee', 'member', 'client', 'patient', 'user', 'house', 'line', 'company', 'product', 'id', 'key', 'hash',
  'verified', 'type', 'status', 'gender', 'sex', 'age', 'nationality', 'religion', 'ethnicity', 'race', 'marital',
  'language', 'salary', 'income', 'title', 'job', 'occupation', 'position', 'employer', 'passport', 'license', 'licence',
  'driver', 'drivers', 'social', 'security', 'national', 'insurance', 'tax', 'iban', 'swift', 'routing', 'latitude',
  'longitude', 'location', 'geo', 'device', 'mac', 'imei', 'secret', 'token', 'api', 'access', 'refresh', 'private',
  'public', 'website', 'url', 'health', 'medical', 'diagnosis', 'disease', 'blood', 'salutation', 'username',
  'nickname', 'prefix', 'suffix', 'initial', 'organization', 'representative', 'manager', 'count', 'total', 'primary',
  'secondary', 'alternate', 'alt', 'emergency', 'personal', 'business', 'main', 'other', 'registered', 'permanent',
  'current', 'previous', 'residential', 'postcode', 'zipcode', 'coordinates', 'place', 'citizenship', 'vat', 'pin',
  'photo', 'avatar', 'picture', 'image', 'signature', 'fingerprint', 'biometric', 'allergy', 'medication', 'prescription',
  'created', 'updated', 'modified', 'deleted', 'at', 'by', 'on', 'time', 'timestamp', 'flag', 'enabled', 'confirmed',
  'opt', 'consent', 'template', 'domain', 'file', 'host', 'table', 'column', 'order', 'invoice', 'item', 'category',
  'quantity', 'price', 'amount', 'description', 'note', 'notes', 'comment', 'comments', 'text', 'message', 'body',
  'unit', 'record', 'list', 'group', 'team', 'department', 'role', 'permission', 'session', 'cookie', 'agent',
  'expiration', 'expiry', 'expires', 'verification', 'holder',
  // Quantities and periods, so that `salaryextra` or `weeklyhours` split into words.
  'extra', 'hours', 'hour', 'daily', 'weekly', 'monthly', 'yearly', 'hourly', 'rate', 'value', 'fee', 'discount',
  // Words one letter away from a word that carries a category, which they are not misspellings of
  // (`contract` is no `contact`, `patent` no `patient`).
  'contract', 'patent', 'context', 'content',
];

export interface Expansion {
  readonly words: readonly string[];
  /** Languages the source word belongs to (empty for English abbreviations). */
  readonly languages: readonly Language[];
}

function buildExpansions(): ReadonlyMap<string, Expansion> {
  const map = new Map<string, Expansion>();
  for (const [word, words] of Object.entries(ABBREVIATIONS)) map.set(word, { words, languages: [] });
  // An English abbreviation wins over a foreign word spelt the same.
  for (const [word, foreign] of FOREIGN_WORDS) if (!map.has(word)) map.set(word, foreign);
  return map;
}

/** Token → its expansion (abbreviations and foreign synonyms). */
export const EXPANSIONS: ReadonlyMap<string, Expansion> = buildExpansions();

/** Words a lowercase compound may be split into (`firstname` → first name), and what counts as known. */
export const COMPOUND_VOCABULARY: ReadonlySet<string> = new Set([
  ...ENGLISH_WORDS,
  ...[...EXPANSIONS.values()].flatMap((e) => e.words),
]);

/**
 * English words: the rules' vocabulary and abbreviations, but not the codes a language keeps as
 * they are (`cnpj`, `pesel`). A foreign word that is one of these is ambiguous.
 */
const ENGLISH_VOCABULARY: ReadonlySet<string> = (() => {
  const english = new Set(ENGLISH_WORDS);
  const keptAsWritten = (w: string) => !english.has(w) && FOREIGN_WORDS.get(w)?.words.join(' ') === w;
  return new Set([...COMPOUND_VOCABULARY, ...Object.keys(ABBREVIATIONS)].filter((w) => !keptAsWritten(w)));
})();

export function isEnglishWord(word: string): boolean {
  return ENGLISH_VOCABULARY.has(word);
}

const ENGLISH_LIST: readonly string[] = [...ENGLISH_VOCABULARY];
const startsEnglish = new Map<string, boolean>();

/** Whether an English word of the vocabulary starts with `word` (`pass` starts password). Memoised. */
export function startsEnglishWord(word: string): boolean {
  let found = startsEnglish.get(word);
  if (found === undefined) {
    if (startsEnglish.size >= 20_000) startsEnglish.clear();
    startsEnglish.set(word, (found = ENGLISH_LIST.some((w) => w.startsWith(word))));
  }
  return found;
}

/** Known words that must not be split even though they are made of known words (`hostname` is not `host name`). */
export const UNSPLIT_WORDS: ReadonlySet<string> = new Set(['hostname', 'filename', 'pathname', 'codename', 'tablename']);

/** Words a misspelt token (length ≥ 5) may be corrected to. Only words that carry a category. */
export const FUZZY_TARGETS: readonly string[] = [
  'email', 'address', 'phone', 'telephone', 'mobile', 'birthday', 'birth', 'street', 'postal', 'country', 'province',
  'surname', 'first', 'given', 'family', 'middle', 'maiden', 'gender', 'password', 'username', 'passport', 'license',
  'licence', 'latitude', 'longitude', 'salary', 'religion', 'nationality', 'ethnicity', 'marital', 'language',
  'diagnosis', 'medical', 'social', 'security', 'national', 'insurance', 'customer', 'employee', 'patient', 'member',
  'person', 'contact', 'billing', 'shipping', 'mailing', 'number', 'credit', 'account', 'location', 'company',
  'organization', 'occupation', 'citizenship', 'nickname', 'forename', 'lastname', 'firstname', 'fullname',
  'birthdate', 'zipcode', 'postcode', 'salutation', 'signature', 'fingerprint',
];
