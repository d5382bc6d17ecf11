import { describe, expect, it } from 'vitest';
import { nameEvidence } from '../../../src/classify/name/name-rules.js';
import { tableSubject } from '../../../src/classify/name/table-context.js';
import { tokenizeName } from '../../../src/classify/name/tokenize.js';
import { CATEGORY } from '../../../src/classify/categories.js';
import type { Evidence } from '../../../src/classify/types.js';

function evidence(columnName: string, tableName = 'records'): Evidence[] {
  return nameEvidence({ columnName, tokens: tokenizeName(columnName), tableName, tableSubject: tableSubject(tableName) });
}
function best(columnName: string, tableName?: string): string | undefined {
  const positive = evidence(columnName, tableName).filter((e) => !e.veto).sort((a, b) => b.score - a.score);
  return positive[0]?.category;
}

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
  ])('%s → %s', (name, category) => {
    expect(best(name)).toBe(category);
  });

  it.each([
    'email_verified', 'is_email_confirmed', 'email_opt_in', 'email_count', 'email_sent_at', 'phone_type',
    'address_id', 'city_id', 'country_id', 'hostname', 'filename', 'birth_place', 'last_update', 'passport',
    'password_reset_at', 'card_type', 'last_login', 'created_at', 'state_machine',
  ])('%s → no category', (name) => {
    expect(best(name)).toBeUndefined();
  });

  it('reads a bare "name" by what the table holds', () => {
    expect(best('name', 'customers')).toBe(CATEGORY.name);
    expect(best('name', 'products')).toBeUndefined();
    expect(best('name', 'product_categories')).toBeUndefined();
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
  ])('%s → %s', (name, subject) => {
    expect(tableSubject(name)).toBe(subject);
  });
});
