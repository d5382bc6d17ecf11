/**
 * Word lists for column/table name tokenizing. Abbreviations and foreign synonyms expand to English
 * words so the name rules only have to speak one language; the compound vocabulary lets
 * `firstname` or `emailaddress` split into words. Keys are lowercase.
 */

/** Token → the words it stands for. */
export const EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  // contact
  eml: ['email'],
  emailaddr: ['email', 'address'],
  addr: ['address'],
  adr: ['address'],
  adres: ['address'],
  tel: ['phone'],
  tele: ['phone'],
  ph: ['phone'],
  phn: ['phone'],
  phne: ['phone'],
  fon: ['phone'],
  mob: ['mobile'],
  msisdn: ['phone', 'number'],
  // names
  fname: ['first', 'name'],
  fnm: ['first', 'name'],
  lname: ['last', 'name'],
  lnm: ['last', 'name'],
  mname: ['middle', 'name'],
  nm: ['name'],
  // dates
  dob: ['date', 'of', 'birth'],
  bdate: ['birth', 'date'],
  bday: ['birthday'],
  yob: ['year', 'of', 'birth'],
  dt: ['date'],
  // numbers and identifiers
  nbr: ['number'],
  num: ['number'],
  no: ['number'],
  nr: ['number'],
  nro: ['number'],
  cnt: ['count'],
  // people
  cust: ['customer'],
  cst: ['customer'],
  usr: ['user'],
  emp: ['employee'],
  empl: ['employee'],
  // places
  zipcode: ['zip', 'code'],
  postcode: ['postal', 'code'],
  pcode: ['postal', 'code'],
  cty: ['city'],
  ctry: ['country'],
  cntry: ['country'],
  // devices, finance, accounts
  ipv: ['ip'],
  ipaddr: ['ip', 'address'],
  ccn: ['credit', 'card', 'number'],
  acct: ['account'],
  acc: ['account'],
  pwd: ['password'],
  pw: ['password'],
  passwd: ['password'],
  pword: ['password'],
  // a few common foreign column names (the next issue brings full multilingual synonym lists)
  vorname: ['first', 'name'],
  nachname: ['last', 'name'],
  familienname: ['last', 'name'],
  geburtsdatum: ['date', 'of', 'birth'],
  strasse: ['street'],
  straße: ['street'],
  ort: ['city'],
  plz: ['postal', 'code'],
  telefon: ['phone'],
  prenom: ['first', 'name'],
  prénom: ['first', 'name'],
  nombre: ['name'],
  apellido: ['last', 'name'],
  apellidos: ['last', 'name'],
  cognome: ['last', 'name'],
  voornaam: ['first', 'name'],
  achternaam: ['last', 'name'],
};

/** Words a lowercase compound may be split into (`firstname` → first name). */
export const COMPOUND_VOCABULARY: ReadonlySet<string> = new Set([
  'first', 'last', 'given', 'family', 'middle', 'full', 'maiden', 'nick', 'display', 'screen', 'sur',
  'name', 'user', 'login', 'email', 'mail', 'address', 'phone', 'telephone', 'mobile', 'cell', 'fax',
  'number', 'birth', 'birthday', 'date', 'of', 'day', 'year', 'zip', 'postal', 'code', 'street',
  'city', 'town', 'state', 'country', 'province', 'county', 'ip', 'credit', 'debit', 'card', 'bank',
  'account', 'password', 'home', 'work', 'billing', 'shipping', 'mailing', 'customer', 'contact',
  'person', 'employee', 'member', 'client', 'patient', 'house', 'line', 'company', 'product',
  'id', 'key', 'hash', 'verified', 'type', 'status',
]);
