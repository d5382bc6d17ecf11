import { describe, expect, it } from 'vitest';
import { analyzeName, contextWords, correctTypo, editDistance, findSequence, splitCompound, splitIdentifier, tokenizeName } from '../../../src/classify/name/tokenize.js';

describe('splitIdentifier', () => {
  it.each([
    ['first_name', ['first', 'name']],
    ['custEmailAddress', ['cust', 'email', 'address']],
    ['CUST_EML_ADDR', ['cust', 'eml', 'addr']],
    ['IPAddress', ['ip', 'address']],
    ['address2', ['address', '2']],
    ['user-name', ['user', 'name']],
    ['Customer ID', ['customer', 'id']],
    ['dtBirth', ['dt', 'birth']],
    ['__weird__$$name', ['weird', 'name']],
    ['', []],
  ])('%s → %j', (name, words) => {
    expect(splitIdentifier(name)).toEqual(words);
  });
});

describe('tokenizeName', () => {
  it.each([
    ['CUST_EML_ADDR', 'customer email address'],
    ['custEmailAddress', 'customer email address'],
    ['dtBirth', 'date birth'],
    ['dob', 'date of birth'],
    ['DateOfBirth', 'date of birth'],
    ['dateofbirth', 'date of birth'],
    ['fname', 'first name'],
    ['LNAME', 'last name'],
    ['firstname', 'first name'],
    ['emailaddress', 'email address'],
    ['zipcode', 'zip code'],
    ['postcode', 'postal code'],
    ['order_no', 'order number'],
    ['acct_nbr', 'account number'],
    ['home_tel', 'home phone'],
    ['ph_num', 'phone number'],
    ['ipv4_addr', 'ip 4 address'],
    ['Vorname', 'first name'],
    ['hostname', 'hostname'],
    ['filename', 'filename'],
    ['last_update', 'last update'],
    ['companyname', 'company name'],
    // case styles, digits, Hungarian notation
    ['e-mail', 'email'],
    ['E_Mail_Address', 'email address'],
    ['PostalCode', 'postal code'],
    ['BillingAddress', 'billing address'],
    ['SupportRepId', 'support representative id'],
    ['EMAIL_ADDR1', 'email address 1'],
    ['ph_nbr', 'phone number'],
    ['zip5', 'zip 5'],
    ['strName', 'name'],
    ['txtNotes', 'notes'],
    ['intAge', 'age'],
    ['c_phone', 'phone'],
    ['user_emails', 'user email'],
    ['phones', 'phone'],
    // abbreviations
    ['cust_dob', 'customer date of birth'],
    ['ssn', 'social security number'],
    ['tel_no', 'phone number'],
    ['mname', 'middle name'],
    ['pwd', 'password'],
    ['usr_nm', 'user name'],
    ['acct_no', 'account number'],
    ['ctry_cd', 'country cd'],
    ['gndr', 'gender'],
    ['bday', 'birthday'],
    ['lat', 'latitude'],
    ['lng', 'longitude'],
    // counts are not numbers that identify
    ['num_phones', 'count phone'],
    ['number_of_emails', 'count email'],
    // German, French, Spanish, Dutch, Portuguese, Italian
    ['Nachname', 'last name'],
    ['Geburtsdatum', 'date of birth'],
    ['Straße', 'street'],
    ['strasse', 'street'],
    ['PLZ', 'postal code'],
    ['Telefonnummer', 'phone number'],
    ['Handynummer', 'mobile number'],
    ['kundennummer', 'customer number'],
    ['Führerschein', 'drivers license'],
    ['prénom', 'first name'],
    ['nom_de_famille', 'last name'],
    ['date_de_naissance', 'date of birth'],
    ['courriel', 'email'],
    ['mot_de_passe', 'password'],
    ['code_postal', 'postal code'],
    ['fecha_nacimiento', 'date of birth'],
    ['correo_electronico', 'email'],
    ['apellidos', 'last name'],
    ['contraseña', 'password'],
    ['voornaam', 'first name'],
    ['geboortedatum', 'date of birth'],
    ['wachtwoord', 'password'],
    ['primeiro_nome', 'first name'],
    ['data_nascimento', 'date of birth'],
    ['sobrenome', 'last name'],
    ['senha', 'password'],
    ['data_di_nascita', 'date of birth'],
    ['posta_elettronica', 'email'],
    ['città', 'city'],
    ['codice_fiscale', 'national id'],
    // typos
    ['adress', 'address'],
    ['emial', 'email'],
    ['telphone', 'phone'],
    ['brithdate', 'birth date'],
    ['frist_name', 'first name'],
    // real words that are not typos, and words that hide short foreign words
    ['logic', 'logic'],
    ['portal', 'portal'],
    ['status', 'status'],
    ['report', 'report'],
    ['reports_to', 'reports to'],
    ['counter', 'counter'],
  ])('%s → %s', (name, words) => {
    expect(tokenizeName(name).join(' ')).toBe(words);
  });

  it('only splits compounds made entirely of known words', () => {
    expect(splitCompound('firstname')).toEqual(['first', 'name']);
    expect(splitCompound('kundenadresse')).toEqual(['kunden', 'adresse']);
    expect(splitCompound('report')).toBeUndefined();
    expect(splitCompound('hostname')).toBeUndefined();
    expect(splitCompound('password')).toBeUndefined();
  });

  it('finds word sequences', () => {
    expect(findSequence(['customer', 'email', 'address'], ['email', 'address'])).toBe(1);
    expect(findSequence(['email', 'verified'], ['email', 'address'])).toBe(-1);
  });
});

describe('typo correction', () => {
  it.each([
    ['adress', 'address'],
    ['emial', 'email'],
    ['telphone', 'telephone'],
    ['pasword', 'password'],
    ['salery', 'salary'],
    ['lastnme', 'lastname'],
  ])('%s ≈ %s', (typo, word) => {
    expect(correctTypo(typo)).toBe(word);
  });

  it.each(['logic', 'portal', 'status', 'sender', 'counter', 'mobility', 'email', 'abc', 'phone1'])('leaves %s alone', (word) => {
    expect(correctTypo(word)).toBeUndefined();
  });

  it('counts adjacent swaps as one edit', () => {
    expect(editDistance('emial', 'email')).toBe(1);
    expect(editDistance('adress', 'address')).toBe(1);
    expect(editDistance('status', 'state')).toBe(2);
  });

  it('records how words were read', () => {
    expect(analyzeName('adress').notes).toEqual([{ kind: 'typo', from: 'adress', to: 'address' }]);
    expect(analyzeName('Vorname').notes).toEqual([{ kind: 'synonym', from: 'vorname', to: 'first name', languages: ['de'] }]);
  });

  it('gives value recognizers both the raw and the translated words', () => {
    expect(contextWords('plz')).toEqual(['postal', 'code', 'plz']);
  });
});
