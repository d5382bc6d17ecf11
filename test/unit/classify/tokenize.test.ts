import { describe, expect, it } from 'vitest';
import { findSequence, splitCompound, splitIdentifier, tokenizeName } from '../../../src/classify/name/tokenize.js';

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
  ])('%s → %s', (name, words) => {
    expect(tokenizeName(name).join(' ')).toBe(words);
  });

  it('only splits compounds made entirely of known words', () => {
    expect(splitCompound('username')).toEqual(['user', 'name']);
    expect(splitCompound('hostname')).toBeUndefined();
    expect(splitCompound('password')).toBeUndefined();
  });

  it('finds word sequences', () => {
    expect(findSequence(['customer', 'email', 'address'], ['email', 'address'])).toBe(1);
    expect(findSequence(['email', 'verified'], ['email', 'address'])).toBe(-1);
  });
});
