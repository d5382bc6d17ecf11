import { describe, expect, it } from 'vitest';
import { nameEvidence, NAME_CATEGORY, NAME_RULES } from '../../../src/classify/name/name-rules.js';
import { identifierEvidence } from '../../../src/classify/name/identifier-rules.js';
import { Taxonomy } from '../../../src/fides/taxonomy.js';
import { inputsFor, table } from './column-input.js';
import { tableSubject } from '../../../src/classify/name/table-context.js';
import { tokenizeName } from '../../../src/classify/name/tokenize.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import type { Evidence } from '../../../src/classify/types.js';

function evidence(columnName: string, tableName = 'records', comments: { columnComment?: string; tableComment?: string } = {}): Evidence[] {
  return nameEvidence({ columnName, tokens: tokenizeName(columnName), tableName, tableSubject: tableSubject(tableName), ...comments });
}
/** The category a name alone proposes: the best positive score at or above the classifier's threshold. */
function best(columnName: string, tableName?: string): string | undefined {
  const positive = evidence(columnName, tableName).filter((e) => !e.veto && e.score >= 0.5).sort((a, b) => b.score - a.score);
  return positive[0]?.category;
}
const C = NAME_CATEGORY;

describe('name rules', () => {
  it.each([
    ['email', CATEGORY.email],
    ['E-Mail', CATEGORY.email],
    ['CUST_EML_ADDR', CATEGORY.email],
    ['contact_email_address', CATEGORY.email],
    ['phone', CATEGORY.phone],
    ['mobile_phone', CATEGORY.phone],
    ['telephoneNumber', CATEGORY.phone],
    ['first_name', CATEGORY.firstName],
    ['fname', CATEGORY.firstName],
    ['GivenName', CATEGORY.firstName],
    ['surname', CATEGORY.lastName],
    ['lastname', CATEGORY.lastName],
    ['full_name', CATEGORY.name],
    ['customer_name', CATEGORY.name],
    ['dob', CATEGORY.dateOfBirth],
    ['dtBirth', CATEGORY.dateOfBirth],
    ['birthday', CATEGORY.dateOfBirth],
    ['street', CATEGORY.street],
    ['address_line_1', CATEGORY.street],
    ['address', CATEGORY.street],
    ['billing_city', CATEGORY.city],
    ['zip', CATEGORY.postalCode],
    ['postcode', CATEGORY.postalCode],
    ['country', CATEGORY.country],
    ['ip_address', CATEGORY.ipAddress],
    ['last_login_ip', CATEGORY.ipAddress],
    ['credit_card_number', CATEGORY.creditCard],
    ['username', CATEGORY.username],
    ['password_hash', CATEGORY.password],
    // abbreviations and case styles
    ['EMAIL_ADDR1', CATEGORY.email],
    ['ph_nbr', CATEGORY.phone],
    ['zip5', CATEGORY.postalCode],
    ['PostalCode', CATEGORY.postalCode],
    ['BillingAddress', CATEGORY.street],
    ['txtEmail', CATEGORY.email],
    ['mname', CATEGORY.name],
    ['bday', CATEGORY.dateOfBirth],
    ['ssn', C.nationalId],
    ['home_tel', CATEGORY.phone],
    // typos
    ['adress', CATEGORY.street],
    ['emial', CATEGORY.email],
    ['telphone', CATEGORY.phone],
    ['brithdate', CATEGORY.dateOfBirth],
    ['pasword', CATEGORY.password],
    // German
    ['Vorname', CATEGORY.firstName],
    ['Nachname', CATEGORY.lastName],
    ['Familienname', CATEGORY.lastName],
    ['Geburtsdatum', CATEGORY.dateOfBirth],
    ['Straße', CATEGORY.street],
    ['Hausnummer', CATEGORY.street],
    ['Ort', CATEGORY.city],
    ['PLZ', CATEGORY.postalCode],
    ['Postleitzahl', CATEGORY.postalCode],
    ['Telefon', CATEGORY.phone],
    ['Handy', CATEGORY.phone],
    ['Geschlecht', C.gender],
    ['Sozialversicherungsnummer', C.nationalId],
    ['Reisepassnummer', C.passport],
    ['Führerschein', C.driversLicense],
    ['Kontonummer', C.bankAccount],
    ['Benutzername', CATEGORY.username],
    ['Passwort', CATEGORY.password],
    ['Breitengrad', C.preciseLocation],
    ['Berufsbezeichnung', C.jobTitle],
    ['Familienstand', C.maritalStatus],
    // French
    ['prénom', CATEGORY.firstName],
    ['nom_de_famille', CATEGORY.lastName],
    ['courriel', CATEGORY.email],
    ['date_naissance', CATEGORY.dateOfBirth],
    ['rue', CATEGORY.street],
    ['ville', CATEGORY.city],
    ['code_postal', CATEGORY.postalCode],
    ['téléphone', CATEGORY.phone],
    ['portable', CATEGORY.phone],
    ['sexe', C.gender],
    ['numero_securite_sociale', C.nationalId],
    ['passeport', C.passport],
    ['permis_de_conduire', C.driversLicense],
    ['mot_de_passe', CATEGORY.password],
    ['pseudo', CATEGORY.username],
    ['nationalite', C.demographic],
    ['etat_civil', C.maritalStatus],
    // Spanish
    ['apellido', CATEGORY.lastName],
    ['correo', CATEGORY.email],
    ['correo_electronico', CATEGORY.email],
    ['fecha_nacimiento', CATEGORY.dateOfBirth],
    ['calle', CATEGORY.street],
    ['ciudad', CATEGORY.city],
    ['codigo_postal', CATEGORY.postalCode],
    ['telefono', CATEGORY.phone],
    ['celular', CATEGORY.phone],
    ['sexo', C.gender],
    ['dni', C.nationalId],
    ['nie', C.nationalId],
    ['pasaporte', C.passport],
    ['contraseña', CATEGORY.password],
    ['estado_civil', C.maritalStatus],
    // Dutch
    ['voornaam', CATEGORY.firstName],
    ['achternaam', CATEGORY.lastName],
    ['geboortedatum', CATEGORY.dateOfBirth],
    ['straat', CATEGORY.street],
    ['woonplaats', CATEGORY.city],
    ['telefoonnummer', CATEGORY.phone],
    ['geslacht', C.gender],
    ['bsn', C.nationalId],
    ['paspoort', C.passport],
    ['rijbewijs', C.driversLicense],
    ['wachtwoord', CATEGORY.password],
    ['gebruikersnaam', CATEGORY.username],
    // Portuguese
    ['primeiro_nome', CATEGORY.firstName],
    ['sobrenome', CATEGORY.lastName],
    ['data_nascimento', CATEGORY.dateOfBirth],
    ['rua', CATEGORY.street],
    ['cidade', CATEGORY.city],
    ['cep', CATEGORY.postalCode],
    ['telefone', CATEGORY.phone],
    ['cpf', C.nationalId],
    ['senha', CATEGORY.password],
    // Italian
    ['cognome', CATEGORY.lastName],
    ['data_di_nascita', CATEGORY.dateOfBirth],
    ['indirizzo', CATEGORY.street],
    ['città', CATEGORY.city],
    ['cellulare', CATEGORY.phone],
    ['posta_elettronica', CATEGORY.email],
    ['codice_fiscale', C.nationalId],
    ['passaporto', C.passport],
    ['genere', C.gender],
    // other categories
    ['fax', C.fax],
    ['fax_number', C.fax],
    ['iban', C.bankAccount],
    ['bank_account_number', C.bankAccount],
    ['passport_number', C.passport],
    ['drivers_license_no', C.driversLicense],
    ['national_id', C.nationalId],
    ['aadhaar_number', C.nationalId],
    ['nino', C.nationalId],
    ['mac_address', C.deviceId],
    ['imei', C.deviceId],
    ['device_id', C.deviceId],
    ['api_key', C.credentials],
    ['refresh_token', C.credentials],
    ['client_secret', C.credentials],
    ['gender', C.gender],
    ['sex', C.gender],
    ['religion', C.religion],
    ['ethnicity', C.ethnicity],
    ['marital_status', C.maritalStatus],
    ['is_married', C.maritalStatus],
    ['nationality', C.demographic],
    ['job_title', C.jobTitle],
    ['occupation', C.jobTitle],
    ['diagnosis', C.health],
    ['blood_type', C.health],
    ['medical_record_number', C.medicalRecord],
    ['license_plate', C.vehicle],
    ['criminal_record', C.criminal],
  ])('%s → %s', (name, category) => {
    expect(best(name)).toBe(category);
  });

  it.each([
    'email_verified', 'is_email_confirmed', 'email_opt_in', 'email_count', 'email_sent_at', 'phone_type',
    'address_id', 'city_id', 'country_id', 'hostname', 'filename', 'birth_place', 'last_update',
    'password_reset_at', 'card_type', 'last_login', 'created_at', 'state_machine',
    // negative look-alikes
    'product_name', 'company_name', 'file_name', 'host_name', 'table_name', 'user_id', 'status', 'zip_file', 'email_template',
    'num_phones', 'number_of_emails', 'phone_count', 'email_domain', 'report', 'reports', 'portal', 'logic', 'counter',
    'password_reset_token_expires_at', 'token_type', 'api_key_id', 'vat_number', 'passport_expiry', 'tax_rate', 'order_state',
    'cell_value', 'mobile_app_version', 'birth_place', 'geburtsort', 'ship_via', 'race_time', 'language_id', 'browser_fingerprint',
    'ssh_key_fingerprint', 'health_check', 'sales_region', 'email_sent_at', 'address_verified_at', 'passport_issued_date',
    // the mobile variant of the application's pages, not a phone
    'mobile_skin', 'mobile_head_html', 'mobile_page_rows', 'mobile_list_row', 'mobile_theme',
  ])('%s → no category', (name) => {
    expect(best(name)).toBeUndefined();
  });

  // Made-up names. A leading key word (`fk_`, `pk_`) is a key like a trailing one: the key of a
  // website or a country row, not the address or the country itself.
  it.each([
    ['fk_website', 'contacts', 'website_id'],
    ['fk_country', 'customers', 'country_id'],
    ['pk_city', 'members', 'city_id'],
  ])('%s in %s reads like %s: no category from the name', (name, tableName, trailing) => {
    expect(best(trailing, tableName)).toBeUndefined();
    expect(best(name, tableName)).toBeUndefined();
  });

  it.each(['homepage', 'website', 'blog_url'])('a person\'s link (%s in members) keeps its category', (name) => {
    expect(best(name, 'members')).toBe(C.url);
    expect(best(`fk_${name}`, 'members')).toBeUndefined();
  });

  // Made-up names: a URL a program calls or sends a browser to is the application's, even on a person's row.
  it.each(['sign_in_url', 'login_url', 'webservices_url', 'oauth_authorize_url', 'payment_return_url', 'ipn_url', 'logout_url', 'sso_url', 'cancel_url'])(
    '%s in members → no personal category',
    (name) => {
      expect(best(name, 'members')).toBeUndefined();
    },
  );

  // Made-up names: a person's handle on a messaging or social network.
  it.each([
    ['skype', 'employees'],
    ['telegram', 'members'],
    ['wechat_id', 'customers'],
    ['tiktok', 'users'],
    ['discord_name', 'players'],
    ['mastodon', 'speakers'],
    ['social_networks', 'contacts'],
  ])('%s in %s → user.social', (name, tableName) => {
    expect(best(name, tableName)).toBe(C.social);
  });

  it.each([
    ['youtube_video', 'users'],
    ['telegram_bot_token', 'members'],
    ['skype', 'products'],
    ['share_on_reddit', 'articles'],
    ['fk_discord', 'users'],
  ])('%s in %s → no social handle', (name, tableName) => {
    expect(best(name, tableName)).not.toBe(C.social);
  });

  // Made-up names: whether a person agreed to be contacted or to share data.
  it.each([
    ['newsletter_opt_in', 'customers'],
    ['marketing_consent', 'members'],
    ['do_not_call', 'patients'],
    ['receives_newsletter', 'subscribers'],
    ['mailmaga_flg', 'kokyaku'],
    ['data_sharing_allowed', 'users'],
    // A privacy law's name (HIPAA, like GDPR) and permission to use a channel or share information.
    ['hipaa_notice', 'patients'],
    ['hipaa_allowsms', 'clients'],
    ['allow_voice', 'members'],
    ['allow_info_share', 'patients'],
    ['accepts_privacy', 'customers'],
  ])('%s in %s → user.privacy_preferences', (name, tableName) => {
    expect(evidence(name, tableName).filter((e) => !e.veto && e.score >= 0.5).map((e) => e.category)).toContain(C.privacyPreferences);
  });

  it.each([
    ['newsletter_template', 'settings'],
    ['newsletter_subject', 'campaigns'],
    ['consent_text', 'users'],
    ['newsletter_id', 'users'],
    ['opt_in', 'products'],
    ['privacy_policy_url', 'users'],
    ['hipaa_officer_email', 'customers'],
  ])('%s in %s → no privacy preference', (name, tableName) => {
    expect(evidence(name, tableName).filter((e) => !e.veto && e.score >= 0.5).map((e) => e.category)).not.toContain(C.privacyPreferences);
  });

  it('reads a bare "name" by what the table holds', () => {
    expect(best('name', 'customers')).toBe(CATEGORY.name);
    // In a table of things a bare name is the thing's own name: evidence for system.operations.
    expect(best('name', 'products')).toBe(CATEGORY.operations);
    expect(best('name', 'product_categories')).toBe(CATEGORY.operations);
    expect(best('product_name', 'customers')).toBeUndefined();
    const inPeople = evidence('name', 'tbl_employees')[0];
    const unknown = evidence('name', 'records')[0];
    expect(inPeople.score).toBeGreaterThan(unknown.score);
    expect(inPeople.reason).toBe("column 'name' has the word 'name' in table 'tbl_employees', which holds people");
  });

  it('raises the state rule in person tables', () => {
    const inCustomers = evidence('state', 'customers').find((e) => e.category === CATEGORY.state)!;
    const inOrders = evidence('state', 'orders').find((e) => e.category === CATEGORY.state)!;
    expect(inCustomers.score).toBeGreaterThan(inOrders.score);
  });

  it('vetoes phone numbers for identifier names and birth dates for event dates', () => {
    const order = evidence('order_no');
    expect(order.some((e) => e.veto && e.category === CATEGORY.phone)).toBe(true);
    expect(order.find((e) => e.veto)!.reason).toBe("column name 'order_no' names an identifier ('order number')");
    expect(evidence('hire_date').some((e) => e.veto && e.category === CATEGORY.dateOfBirth)).toBe(true);
  });

  it('explains matches in words, including expanded abbreviations', () => {
    expect(evidence('email')[0].reason).toBe("column name 'email' has the word 'email'");
    expect(evidence('dob')[0].reason).toBe("column name 'dob' reads as 'date of birth'");
    expect(evidence('email')[0]).toMatchObject({ factor: 'name', source: 'name-rules' });
  });
});

describe('name rules with table context', () => {
  it.each([
    // [column, table, category or undefined]
    ['name', 'kunden', CATEGORY.name],
    ['nombre', 'clientes', CATEGORY.name],
    ['nom_client', 'commandes', CATEGORY.name],
    ['nom_produit', 'clients', undefined],
    ['nombre_producto', 'productos', undefined],
    ['title', 'employees', C.jobTitle],
    ['title', 'staff', C.jobTitle],
    ['title', 'albums', CATEGORY.operations],
    ['title', 'books', CATEGORY.operations],
    ['company', 'customers', C.organization],
    ['company', 'orders', undefined],
    ['employer', 'applicants', C.workplace],
    ['language', 'customers', C.language],
    ['language', 'films', undefined],
    ['latitude', 'users', C.preciseLocation],
    ['latitude', 'stores', undefined],
    ['salary', 'employees', C.financial],
    ['min_salary', 'jobs', undefined],
    ['country', 'customers', CATEGORY.country],
    ['country_code', 'products', undefined],
    ['billing_country', 'invoices', CATEGORY.country],
    ['state', 'customers', CATEGORY.state],
    ['photo', 'employees', C.selfImage],
    ['photo', 'products', undefined],
    ['website', 'people', C.url],
    ['website', 'suppliers', undefined],
    ['image_url', 'users', undefined],
    ['age', 'patients', C.ageRange],
    ['age', 'products', undefined],
    ['race', 'patients', C.ethnicity],
    ['race', 'horses', undefined],
    ['cp', 'clients', CATEGORY.postalCode],
    ['sin', 'employees', C.nationalId],
    ['sin', 'math_functions', undefined],
    ['tax_id', 'customers', C.nationalId],
    ['tax_id', 'companies', undefined],
    ['steuernummer', 'mitarbeiter', C.nationalId],
    // An id card's number is not a credit card; a company's registration number is not its name.
    ['id_card_number', 'people', C.nationalId],
    ['company_registration_number', 'customers', undefined],
    ['neighborhood', 'customers', CATEGORY.city],
    ['suburb', 'customers', CATEGORY.city],
    ['neighborhood_count', 'cities', undefined],
    ['via', 'persone', CATEGORY.street],
    ['ship_address', 'orders', CATEGORY.street],
  ] as const)('%s in %s → %s', (column, tableName, category) => {
    expect(best(column, tableName)).toBe(category);
  });

  it.each([
    // A generic column name is read with its table's words in front.
    ['code', 'payment_card', CATEGORY.creditCard],
    ['number', 'credit_cards', CATEGORY.creditCard],
    ['house', 'address', CATEGORY.street],
    ['line1', 'addresses', CATEGORY.street],
    ['number', 'passports', C.passport],
    ['code', 'products', undefined],
    ['house', 'customers', undefined],
    ['number', 'orders', undefined],
    // The card's expiry date is card data; a reminder about it is not.
    ['creditcardexpiration', 'customers', CATEGORY.creditCard],
    ['card_expiry_date', 'payments', CATEGORY.creditCard],
    ['card_expiry_reminder_sent', 'payments', undefined],
  ] as const)('%s in %s → %s (generic names read with the table)', (column, tableName, category) => {
    expect(best(column, tableName)).toBe(category);
  });

  it('says when a rule matched only with the table words', () => {
    const e = evidence('code', 'payment_card').find((x) => x.category === CATEGORY.creditCard)!;
    expect(e.reason).toBe("column 'code' of table 'payment_card' reads as 'payment card code' (words 'card code')");
    expect(e.score).toBeLessThan(evidence('card_code', 'payment_card').find((x) => x.category === CATEGORY.creditCard)!.score);
  });

  it('gives the own name of a thing to system.operations, only for bare or thing-qualified names', () => {
    const own = evidence('title', 'products')[0];
    expect(own).toMatchObject({ category: CATEGORY.operations, reason: "column 'title' names or titles the rows of table 'products', which holds things, not people" });
    expect(best('product_name', 'products')).toBe(CATEGORY.operations);
    expect(best('contact_name', 'suppliers')).not.toBe(CATEGORY.operations);
    expect(best('name', 'loyalty')).not.toBe(CATEGORY.operations);
  });

  it('reads title in a customer table as a salutation rather than a job', () => {
    expect(best('title', 'customers')).toBe(CATEGORY.name);
  });

  it('says when a word was a likely typo or a foreign synonym', () => {
    expect(evidence('adress')[0].reason).toBe("column name token 'adress' ≈ 'address' (a likely typo; the name reads as 'address')");
    expect(evidence('Vorname')[0].reason).toBe("column name 'Vorname' reads as 'first name' ('vorname' is German for 'first name')");
    expect(evidence('telefono')[0].reason).toContain('Spanish/Italian');
  });

  it('uses the column comment as a weaker signal', () => {
    const fromComment = evidence('c7', 'records', { columnComment: 'Customer e-mail address' });
    expect(fromComment).toHaveLength(1);
    expect(fromComment[0]).toMatchObject({ category: CATEGORY.email, source: 'comment-rules', reason: "column comment mentions 'email'" });
    expect(fromComment[0].score).toBeLessThan(evidence('email')[0].score);
    expect(evidence('c7', 'records', { columnComment: 'whether the email was verified' })).toEqual([]);
  });

  it('uses the table comment to decide what an unclear table holds', () => {
    const plain = evidence('name', 'xyz')[0];
    const commented = evidence('name', 'xyz', { tableComment: 'One row per customer' })[0];
    expect(commented.score).toBeGreaterThan(plain.score);
  });

  it('uses only categories from the fideslang taxonomy', () => {
    const taxonomy = Taxonomy.default();
    for (const key of Object.values(C)) expect(taxonomy.has(key), key).toBe(true);
    for (const rule of NAME_RULES) expect(taxonomy.has(rule.category), rule.id).toBe(true);
    expect(new Set(NAME_RULES.map((r) => r.id)).size).toBe(NAME_RULES.length);
  });
});

describe('identifier rules', () => {
  const people = table('employees', [{ name: 'employee_id', type: 'integer', primaryKey: true }]);
  it.each([
    ['support_rep_id', CATEGORY.uniqueId],
    ['SupportRepId', CATEGORY.uniqueId],
    ['kundennummer', CATEGORY.uniqueId],
    ['customer_no', CATEGORY.uniqueId],
    ['created_by', CATEGORY.uniqueId],
    ['reports_to', CATEGORY.uniqueId],
    ['id_cliente', CATEGORY.uniqueId],
    ['nr_klant', CATEGORY.uniqueId],
    ['id_producto', undefined],
    ['id_cliente_alta', undefined],
    ['product_id', undefined],
    ['created_at', undefined],
    ['order_number', undefined],
  ])('%s → %s', (name, category) => {
    const [input] = inputsFor('tickets', [{ name, type: 'integer' }]);
    expect(identifierEvidence(input, tokenizeName(name))[0]?.category).toBe(category);
  });

  it('follows foreign keys: to people is a person id, to anything else is not', () => {
    const fk = (referencedTable: string) => [{ name: 'fk', columns: ['ref'], referencedSchema: 'public', referencedTable, referencedColumns: ['id'] }];
    const [toPeople] = inputsFor('tickets', [{ name: 'ref', type: 'integer' }], fk('employees'), [people]);
    const [toThings] = inputsFor('tickets', [{ name: 'ref', type: 'integer' }], fk('products'));
    expect(identifierEvidence(toPeople, ['ref'])[0]).toMatchObject({ category: CATEGORY.uniqueId, reason: 'references employees.id, a table of people' });
    expect(identifierEvidence(toThings, ['ref'])).toEqual([]);
  });
});

describe('table subject', () => {
  it.each([
    ['customers', 'person'],
    ['tbl_customer', 'person'],
    ['people', 'person'],
    ['customer_info', 'person'],
    ['customer_addresses', 'person-related'],
    ['products', 'thing'],
    ['user_roles', 'thing'],
    ['categories', 'thing'],
    ['xyz', 'unknown'],
    ['kunden', 'person'],
    ['t_mitarbeiter', 'person'],
    ['clientes', 'person'],
    ['utenti', 'person'],
    ['klanten', 'person'],
    ['produkte', 'thing'],
    ['orders', 'thing'],
    ['dim_customer', 'person'],
  ])('%s → %s', (name, subject) => {
    expect(tableSubject(name)).toBe(subject);
  });
});
