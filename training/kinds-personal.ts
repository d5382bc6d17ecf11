/**
 * Generators of personal columns: one entry per kind, with its label, the names such a column goes by
 * (several languages and abbreviations, snake_case tokens: the styler varies casing and prefixes), the
 * tables it sits in, its SQL types and a value maker. Values come from faker in the column's locale.
 */
import type { Faker } from '@faker-js/faker';
import type { NormalizedType } from '../src/core/metadata.js';
import type { ModelLabel } from '../src/model/labels.js';
import type { Rng } from './rng.js';

export type TableFamily = 'person' | 'ops' | 'any';

export interface ColumnKind {
  readonly id: string;
  readonly label: ModelLabel;
  readonly names: readonly string[];
  readonly tables: TableFamily;
  readonly types: readonly NormalizedType[];
  /** One value; `style` is fixed per column, so a column can keep one format (see `pickStyle`). */
  readonly value: (f: Faker, r: Rng, style: number) => string;
  /** Relative frequency among kinds of its group (default 1). */
  readonly weight?: number;
  /** Distinct values are few by nature (statuses, genders): drawn from a small pool. */
  readonly smallPool?: boolean;
  readonly primaryKey?: boolean;
  readonly foreignKey?: boolean;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const digits = (r: Rng, count: number) => Array.from({ length: count }, () => r.int(0, 9)).join('');
const upper = (r: Rng, count: number) => Array.from({ length: count }, () => String.fromCharCode(65 + r.int(0, 25))).join('');
const hex = (r: Rng, count: number) => Array.from({ length: count }, () => '0123456789abcdef'[r.int(0, 15)]).join('');
const b64 = (r: Rng, count: number) => Array.from({ length: count }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./'[r.int(0, 63)]).join('');

/** A format index for one value: the column's own format in 3 of 4 columns, a fresh one per value in the rest (mixed formats). */
export function pickStyle(style: number, r: Rng, count: number): number {
  return style % 4 === 0 ? r.int(0, count - 1) : Math.floor(style / 4) % count;
}

export function formatDate(d: Date, r: Rng, style?: number): string {
  const y = d.getUTCFullYear(), m = pad(d.getUTCMonth() + 1, 2), day = pad(d.getUTCDate(), 2);
  switch (style ?? r.int(0, 5)) {
    case 0: case 1: return `${y}-${m}-${day}`;
    case 2: return `${day}.${m}.${y}`;
    case 3: return `${m}/${day}/${y}`;
    case 4: return `${day}/${m}/${y}`;
    default: return `${y}-${m}-${day} 00:00:00`;
  }
}

function phone(f: Faker, r: Rng, columnStyle: number): string {
  const style = (['human', 'national', 'international', 'digits', 'dashes'] as const)[pickStyle(columnStyle, r, 5)];
  if (style === 'digits') return f.phone.number({ style: 'national' }).replace(/\D/g, '');
  // Area code in parentheses or digit groups joined by dashes, as old address books wrote them.
  if (style === 'dashes') return r.chance(0.5) ? `(${r.int(1, 999)}) ${digits(r, 3)}-${digits(r, 4)}` : `${digits(r, r.int(2, 4))}-${digits(r, r.int(6, 8))}`;
  return f.phone.number({ style });
}

/** Job titles of one to four words: faker's three-word titles are not what most HR tables hold. */
function jobTitle(f: Faker, r: Rng): string {
  switch (r.int(0, 5)) {
    case 0: return f.person.jobTitle();
    case 1: return f.person.jobType();
    case 2: return `${f.person.jobArea()} ${f.person.jobType()}`;
    case 3: return `${f.person.jobDescriptor()} ${f.person.jobType()}`;
    case 4: return `${r.pick(['Assistant', 'Senior', 'Junior', 'Head of', 'Chief', 'Vice President of', 'Lead'])} ${f.person.jobArea()}${r.chance(0.5) ? ` ${f.person.jobType()}` : ''}`;
    default: return r.pick(['Accountant', 'Clerk', 'Engineer', 'Consultant', 'Nurse', 'Teacher', 'Driver', 'Intern', 'CEO', 'CFO', 'Cashier', 'Analyst', 'Developer', 'Architect', 'Lawyer']);
  }
}

function cardExpiry(f: Faker, r: Rng, style: number): string {
  const year = r.int(2008, 2032), month = pad(r.int(1, 12), 2);
  switch (pickStyle(style, r, 4)) {
    case 0: return `${month}/${String(year).slice(2)}`;
    case 1: return `${month}/${year}`;
    case 2: return `${year}/${month}`;
    default: return `${year}-${month}`;
  }
}

function username(f: Faker, r: Rng): string {
  switch (r.int(0, 4)) {
    case 0: case 1: return f.internet.username();
    case 2: return `${r.pick(['user', 'usr', 'member', 'guest', 'test'])}${r.int(1, 99999)}`;
    case 3: return `${f.person.firstName().charAt(0)}${f.person.lastName()}`.toLowerCase().replace(/[^a-z0-9]/g, '') || `u${r.int(1, 9999)}`;
    default: return f.internet.displayName().toLowerCase();
  }
}

function nationalId(f: Faker, r: Rng): string {
  switch (r.int(0, 10)) {
    case 0: return `${digits(r, 3)}-${digits(r, 2)}-${digits(r, 4)}`;
    case 1: return `${upper(r, 2)}${digits(r, 6)}${r.pick(['A', 'B', 'C', 'D'])}`;
    case 2: return digits(r, 11);
    case 3: return `${r.int(1, 2)}${digits(r, 14)}`;
    case 4: return `${digits(r, 8)}${upper(r, 1)}`;
    case 5: return digits(r, 9);
    case 6: return `${upper(r, 6)}${digits(r, 2)}${upper(r, 1)}${digits(r, 2)}${upper(r, 1)}${digits(r, 3)}${upper(r, 1)}`;
    case 7: return `${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)}`;
    case 8: return `${digits(r, 3)}.${digits(r, 3)}.${digits(r, 3)}-${digits(r, 2)}`;
    case 9: return `${upper(r, 1)}${digits(r, 8)}`;
    default: return `${digits(r, 3)} ${digits(r, 3)} ${digits(r, 3)}`;
  }
}

function passwordValue(f: Faker, r: Rng): string {
  switch (r.int(0, 4)) {
    case 0: return `$2b$${r.pick(['10', '12'])}$${b64(r, 53)}`;
    case 1: return hex(r, 64);
    case 2: return hex(r, 32);
    case 3: return `$argon2id$v=19$m=65536,t=3,p=4$${b64(r, 22)}$${b64(r, 43)}`;
    default: return f.internet.password({ length: r.int(6, 16) });
  }
}

function credentialValue(f: Faker, r: Rng): string {
  switch (r.int(0, 4)) {
    case 0: return `${r.pick(['sk_live_', 'pk_test_', 'ghp_', 'xoxb-', 'AKIA'])}${b64(r, 28).replace(/[./]/g, 'x')}`;
    case 1: return f.internet.jwt();
    case 2: return hex(r, 40);
    case 3: return f.string.alphanumeric(32);
    default: return b64(r, 44).replace(/[./]/g, 'A') + '=';
  }
}

function deviceIdValue(f: Faker, r: Rng): string {
  switch (r.int(0, 4)) {
    case 0: return f.phone.imei().replace(/-/g, '');
    case 1: return f.internet.mac({ separator: r.pick([':', '-']) });
    case 2: return hex(r, 16);
    case 3: return f.string.uuid().toUpperCase();
    default: return f.string.uuid();
  }
}

function personalText(f: Faker, r: Rng): string {
  const parts = [f.lorem.sentence()];
  const extra = r.int(0, 4);
  if (extra === 0) parts.push(`Please call me at ${f.phone.number()}.`);
  else if (extra === 1) parts.push(`${f.person.firstName()} ${r.pick(['asked about', 'complained about', 'mentioned', 'is allergic to'])} ${f.lorem.words(3)}.`);
  else if (extra === 2) parts.unshift(`Dear ${f.person.fullName()},`);
  else if (extra === 3) parts.push(`Contact: ${f.internet.email()}`);
  else parts.push(`I live in ${f.location.city()} and ${f.lorem.sentence()}`);
  if (r.chance(0.3)) parts.push(f.lorem.sentences(r.int(1, 3)));
  return parts.join(' ');
}

const GENDERS: readonly (readonly string[])[] = [
  ['M', 'F'], ['male', 'female'], ['Male', 'Female', 'Other'], ['m', 'f', 'd'], ['männlich', 'weiblich', 'divers'],
  ['homme', 'femme'], ['hombre', 'mujer'], ['Masculino', 'Feminino'], ['maschio', 'femmina'], ['man', 'vrouw'], ['1', '2'],
  // Salutations say the gender too.
  ['Mr.', 'Ms.', 'Mrs.', 'Dr.'], ['Mr', 'Mrs', 'Miss'], ['Herr', 'Frau'], ['M.', 'Mme', 'Mlle'], ['Sr.', 'Sra.'],
];

export const PERSONAL_KINDS: readonly ColumnKind[] = [
  {
    id: 'email',
    label: 'user.contact.email',
    tables: 'any',
    types: ['string'],
    weight: 1.2,
    names: [
      'email',
      'e_mail',
      'email_address',
      'mail',
      'emailaddr',
      'correo',
      'courriel',
      'email_adresse',
      'posta_elettronica',
      'contact_email',
      'user_email',
      'mail_addr',
      'メール',
    ],
    value: (f, r) => (r.chance(0.1) ? f.internet.email().toUpperCase() : f.internet.email()),
  },
  {
    id: 'phone',
    label: 'user.contact.phone_number',
    tables: 'any',
    types: ['string', 'string', 'integer'],
    weight: 1.2,
    names: [
      'phone',
      'phone_number',
      'tel',
      'telephone',
      'mobile',
      'cell',
      'handy',
      'telefono',
      'telefone',
      'telefoon',
      'portable',
      'contact_no',
      'msisdn',
      'phone_no',
      'mobile_no',
      'denwa',
      'home_phone',
      'work_phone',
      'telefonnummer',
    ],
    value: phone,
  },
  {
    id: 'fax',
    label: 'user.contact.fax_number',
    tables: 'person',
    types: ['string'],
    weight: 0.5,
    names: ['fax', 'fax_number', 'fax_no', 'telefax', 'faxnummer', 'numero_fax', 'fax_nr'],
    value: phone,
  },
  {
    id: 'full-name',
    label: 'user.name',
    tables: 'any',
    types: ['string'],
    weight: 1.2,
    names: [
      'name',
      'full_name',
      'customer_name',
      'contact_name',
      'display_name',
      'nombre_completo',
      'nom_complet',
      'nome_completo',
      'naam',
      'volledige_naam',
      'shimei',
      'holder_name',
      'cardholder',
      'owner_name',
      'emp_name',
      'patient_name',
      'contact_person',
      'ansprechpartner',
      'recipient',
      'author',
    ],
    value: (f, r) => (r.chance(0.15) ? `${f.person.lastName()}, ${f.person.firstName()}` : f.person.fullName()),
  },
  {
    id: 'first-name',
    label: 'user.name.first',
    tables: 'any',
    types: ['string'],
    names: [
      'first_name',
      'firstname',
      'fname',
      'given_name',
      'forename',
      'vorname',
      'prenom',
      'nombre',
      'nome',
      'voornaam',
      'primeiro_nome',
      'first_nm',
      'f_name',
      'mei',
    ],
    value: (f) => f.person.firstName(),
  },
  {
    id: 'last-name',
    label: 'user.name.last',
    tables: 'any',
    types: ['string'],
    names: [
      'last_name',
      'lastname',
      'lname',
      'surname',
      'family_name',
      'nachname',
      'nom',
      'apellido',
      'apellidos',
      'cognome',
      'achternaam',
      'sobrenome',
      'last_nm',
      'sei',
    ],
    value: (f) => f.person.lastName(),
  },
  {
    id: 'dob',
    label: 'user.demographic.date_of_birth',
    tables: 'person',
    types: ['date', 'date', 'string', 'timestamp'],
    names: [
      'dob',
      'date_of_birth',
      'birth_date',
      'birthdate',
      'birthday',
      'born_on',
      'geburtsdatum',
      'date_naissance',
      'fecha_nacimiento',
      'data_nascita',
      'geboortedatum',
      'data_nascimento',
      'bday',
      'geb_datum',
    ],
    value: (f, r, style) => formatDate(f.date.birthdate({ mode: 'age', min: 16, max: 90 }), r, pickStyle(style, r, 6)),
  },
  {
    id: 'age',
    label: 'user.demographic.age_range',
    tables: 'person',
    types: ['integer', 'integer', 'string'],
    weight: 0.6,
    names: ['age', 'age_group', 'age_range', 'alter', 'edad', 'eta', 'leeftijd', 'idade', 'age_bracket', 'age_years'],
    value: (f, r) =>
      r.chance(0.8) ? String(r.int(16, 90)) : r.pick(['18-24', '25-34', '35-44', '45-54', '55-64', '65+']),
  },
  {
    id: 'gender',
    label: 'user.demographic.gender',
    tables: 'person',
    types: ['string', 'string', 'enum'],
    smallPool: true,
    names: ['gender', 'sex', 'geschlecht', 'sexe', 'genero', 'sesso', 'geslacht', 'sexo', 'gndr', 'seibetsu', 'anrede'],
    value: (f, r, style) => r.pick(GENDERS[pickStyle(style, r, GENDERS.length)]),
  },
  {
    id: 'address',
    label: 'user.contact.address',
    tables: 'any',
    types: ['string'],
    weight: 0.7,
    names: [
      'address',
      'full_address',
      'mailing_address',
      'adresse',
      'direccion',
      'indirizzo',
      'adres',
      'endereco',
      'addr',
      'postal_address',
      'shipping_address',
      'billing_address',
      'anschrift',
      'jusho',
    ],
    value: (f) => `${f.location.streetAddress()}, ${f.location.zipCode()} ${f.location.city()}`,
  },
  {
    id: 'street',
    label: 'user.contact.address.street',
    tables: 'any',
    types: ['string'],
    names: [
      'street',
      'street_address',
      'address1',
      'address_line_1',
      'addr1',
      'address_line1',
      'address2',
      'strasse',
      'rue',
      'calle',
      'via',
      'straat',
      'rua',
      'line1',
      'street_name',
      'addr_line',
    ],
    value: (f, r) => (r.chance(0.15) ? f.location.secondaryAddress() : f.location.streetAddress(r.chance(0.2))),
  },
  {
    id: 'city',
    label: 'user.contact.address.city',
    tables: 'any',
    types: ['string'],
    names: [
      'city',
      'town',
      'ort',
      'stadt',
      'ville',
      'ciudad',
      'citta',
      'plaats',
      'cidade',
      'municipality',
      'locality',
      'wohnort',
      'city_name',
    ],
    value: (f) => f.location.city(),
  },
  {
    id: 'state',
    label: 'user.contact.address.state',
    tables: 'any',
    types: ['string'],
    names: [
      'state',
      'province',
      'region',
      'county',
      'bundesland',
      'provincia',
      'estado',
      'prefecture',
      'state_code',
      'st',
      'state_province',
    ],
    value: (f, r) => (r.chance(0.3) ? f.location.state({ abbreviated: true }) : f.location.state()),
  },
  {
    id: 'postal-code',
    label: 'user.contact.address.postal_code',
    tables: 'any',
    types: ['string', 'string', 'integer'],
    names: [
      'zip',
      'zipcode',
      'zip_code',
      'postal_code',
      'postcode',
      'plz',
      'code_postal',
      'cp',
      'cap',
      'cep',
      'postal',
      'postleitzahl',
      'yubin',
    ],
    value: (f) => f.location.zipCode(),
  },
  {
    id: 'country',
    label: 'user.contact.address.country',
    tables: 'any',
    types: ['string'],
    names: [
      'country',
      'country_code',
      'land',
      'pays',
      'pais',
      'paese',
      'ctry',
      'country_name',
      'nationality',
      'billing_country',
    ],
    value: (f, r) =>
      r.chance(0.3) ? f.location.countryCode(r.pick(['alpha-2', 'alpha-3'] as const)) : f.location.country(),
  },
  {
    id: 'ip',
    label: 'user.device.ip_address',
    tables: 'any',
    types: ['string', 'string', 'inet'],
    names: [
      'ip',
      'ip_address',
      'last_login_ip',
      'client_ip',
      'remote_addr',
      'ip_addr',
      'signup_ip',
      'ipaddress',
      'source_ip',
    ],
    value: (f, r) => (r.chance(0.8) ? f.internet.ipv4() : f.internet.ipv6()),
  },
  {
    id: 'device-id',
    label: 'user.device.device_id',
    tables: 'any',
    types: ['string'],
    weight: 0.8,
    names: [
      'device_id',
      'device',
      'imei',
      'mac_address',
      'udid',
      'android_id',
      'idfa',
      'hardware_id',
      'geraete_id',
      'device_token',
      'mac',
    ],
    value: deviceIdValue,
  },
  {
    id: 'credit-card',
    label: 'user.financial.credit_card',
    tables: 'any',
    types: ['string', 'string', 'integer'],
    names: [
      'cc_number',
      'credit_card',
      'card_number',
      'creditcard',
      'card_no',
      'pan',
      'kreditkarte',
      'numero_carte',
      'tarjeta',
      'carta_credito',
      'cc_num',
      'kartennummer',
    ],
    value: (f, r) => {
      // Test systems hold made-up card numbers that fail the checksum; the shape still says card.
      if (r.chance(0.2)) return `${r.int(1, 9)}${digits(r, 15)}`;
      const n = f.finance.creditCardNumber();
      return r.chance(0.5) ? n.replace(/[^0-9]/g, '') : n;
    },
  },
  {
    id: 'card-expiry',
    label: 'user.financial.credit_card',
    tables: 'person',
    types: ['string'],
    weight: 0.4,
    names: [
      'card_expiry',
      'cc_exp',
      'expiration',
      'exp_date',
      'card_exp',
      'valid_thru',
      'expiry',
      'ablaufdatum',
      'date_expiration',
      'caducidad',
      'scadenza',
      'card_valid_until',
    ],
    value: cardExpiry,
  },
  {
    id: 'bank-account',
    label: 'user.financial.bank_account',
    tables: 'any',
    types: ['string'],
    names: [
      'iban',
      'account_number',
      'bank_account',
      'acct_no',
      'kontonummer',
      'rib',
      'cuenta',
      'conto',
      'rekeningnummer',
      'conta_bancaria',
      'bank_acct',
    ],
    value: (f, r) =>
      r.chance(0.6) ? f.finance.iban({ formatted: r.chance(0.4) }) : f.finance.accountNumber(r.int(8, 12)),
  },
  {
    id: 'income',
    label: 'user.financial',
    tables: 'person',
    types: ['integer', 'decimal'],
    weight: 0.6,
    names: [
      'income',
      'salary',
      'annual_income',
      'gehalt',
      'salaire',
      'salario',
      'stipendio',
      'salaris',
      'net_worth',
      'credit_score',
      'wage',
      'einkommen',
      'monthly_income',
    ],
    value: (f, r) =>
      r.chance(0.3)
        ? String(r.int(1, 12) * r.pick([10000, 20000, 25000]))
        : r.chance(0.5)
          ? String(r.int(12, 250) * 1000)
          : f.finance.amount({ min: 1000, max: 200000 }),
  },
  {
    id: 'national-id',
    label: 'user.government_id.national_identification_number',
    tables: 'person',
    types: ['string'],
    names: [
      'ssn',
      'national_id',
      'tax_id',
      'nino',
      'steuer_id',
      'nir',
      'dni',
      'nie',
      'bsn',
      'codice_fiscale',
      'cpf',
      'aadhaar',
      'passport_no',
      'social_security_number',
      'id_number',
      'my_number',
      'personalausweis',
      'sozialversicherungsnummer',
    ],
    value: nationalId,
  },
  {
    id: 'password',
    label: 'user.authorization.password',
    tables: 'person',
    types: ['string'],
    names: [
      'password',
      'passwd',
      'pwd',
      'pass',
      'password_hash',
      'pw_hash',
      'kennwort',
      'passwort',
      'mot_de_passe',
      'contrasena',
      'hashed_password',
      'senha',
      'wachtwoord',
    ],
    value: passwordValue,
  },
  {
    id: 'credentials',
    label: 'user.authorization.credentials',
    tables: 'any',
    types: ['string'],
    weight: 0.7,
    names: [
      'api_key',
      'token',
      'access_token',
      'secret',
      'refresh_token',
      'auth_token',
      'session_token',
      'api_secret',
      'client_secret',
      'apikey',
      'oauth_token',
    ],
    value: credentialValue,
  },
  {
    id: 'username',
    label: 'user.account.username',
    tables: 'person',
    types: ['string'],
    names: [
      'username',
      'user_name',
      'login',
      'handle',
      'screen_name',
      'nickname',
      'benutzername',
      'pseudo',
      'usuario',
      'nome_utente',
      'gebruikersnaam',
      'uname',
      'account_name',
      'login_name',
    ],
    value: username,
  },
  {
    id: 'person-id',
    label: 'user.unique_id',
    tables: 'person',
    types: ['integer'],
    primaryKey: true,
    weight: 0.8,
    names: [
      'id',
      'customer_id',
      'user_id',
      'member_id',
      'patient_id',
      'employee_id',
      'cust_id',
      'kunden_nr',
      'client_id',
      'custid',
      'person_id',
      'uid',
      'account_id',
    ],
    value: () => '',
  },
  {
    id: 'person-ref',
    label: 'user.unique_id',
    tables: 'ops',
    types: ['integer', 'integer', 'uuid'],
    foreignKey: true,
    weight: 0.8,
    names: [
      'customer_id',
      'user_id',
      'member_id',
      'patient_id',
      'employee_id',
      'cust_id',
      'client_id',
      'customerid',
      'person_id',
      'buyer_id',
      'kunde_id',
      'created_by',
    ],
    value: (f, r) => (r.chance(0.7) ? String(r.int(1, 50000)) : f.string.uuid()),
  },
  {
    id: 'person-code',
    label: 'user.unique_id',
    tables: 'person',
    types: ['string', 'uuid'],
    weight: 0.5,
    names: [
      'customer_number',
      'member_no',
      'customer_code',
      'kundennummer',
      'external_user_id',
      'guid',
      'user_uuid',
      'numero_client',
    ],
    value: (f, r) => (r.chance(0.5) ? f.string.uuid() : `${r.pick(['CUST', 'C', 'M', 'USR'])}-${digits(r, 6)}`),
  },
  {
    id: 'personal-url',
    label: 'user.contact.url',
    tables: 'person',
    types: ['string'],
    weight: 0.6,
    names: [
      'website',
      'homepage',
      'url',
      'profile_url',
      'blog',
      'linkedin',
      'twitter',
      'webseite',
      'site_web',
      'pagina_web',
      'personal_site',
    ],
    value: (f, r) =>
      r.chance(0.5)
        ? f.internet.url()
        : `https://${r.pick(['twitter.com', 'linkedin.com/in', 'github.com', 'instagram.com'])}/${f.internet.username()}`,
  },
  {
    id: 'precise-location',
    label: 'user.location.precise',
    tables: 'any',
    types: ['decimal', 'float', 'string'],
    weight: 0.7,
    names: [
      'lat',
      'latitude',
      'lng',
      'longitude',
      'lon',
      'geo',
      'location',
      'coords',
      'gps',
      'position',
      'breitengrad',
      'laengengrad',
      'last_location',
    ],
    value: (f, r) => {
      const lat = f.location.latitude({ precision: r.int(5, 7) }),
        lng = f.location.longitude({ precision: r.int(5, 7) });
      return r.chance(0.3) ? `${lat},${lng}` : String(r.chance(0.5) ? lat : lng);
    },
  },
  {
    id: 'imprecise-location',
    label: 'user.location.imprecise',
    tables: 'person',
    types: ['string'],
    weight: 0.5,
    names: [
      'timezone',
      'tz',
      'time_zone',
      'approx_location',
      'geo_region',
      'home_region',
      'zeitzone',
      'fuseau_horaire',
      'coarse_location',
    ],
    value: (f, r) =>
      r.chance(0.7)
        ? f.location.timeZone()
        : `${f.location.latitude({ precision: 1 })},${f.location.longitude({ precision: 1 })}`,
  },
  {
    id: 'private-text',
    label: 'user.content.private',
    tables: 'any',
    types: ['string'],
    weight: 0.9,
    names: [
      'notes',
      'message',
      'comment',
      'comments',
      'body',
      'bio',
      'about_me',
      'remarks',
      'bemerkung',
      'notiz',
      'commentaire',
      'mensaje',
      'nota',
      'opmerking',
      'observacao',
      'feedback',
      'review_text',
      'chat_message',
    ],
    value: personalText,
  },
  {
    id: 'job-title',
    label: 'user.job_title',
    tables: 'person',
    types: ['string'],
    weight: 0.6,
    names: [
      'job_title',
      'title',
      'position',
      'designation',
      'job',
      'beruf',
      'poste',
      'puesto',
      'occupation',
      'funcao',
      'functie',
      'berufsbezeichnung',
      'role_title',
    ],
    value: jobTitle,
  },
];
