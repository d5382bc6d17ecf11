/** The value facts that keep the model from proposing what the values rule out (src/model/value-guards.ts), on invented values. */
import { describe, expect, it } from 'vitest';
import { looksLikeMachineToken, MIN_DISTINCT_INDIVIDUAL, valueFacts, whyNotFor } from '../../../src/model/value-guards.js';

describe('looksLikeMachineToken', () => {
  it.each([
    ['Q7ZK2M9XA4', true], // a 10-character salt
    ['Ab3dE9fG', true],
    ['5f4dcc3b5aa765d61d8327deb882cf99', true], // an MD5 hex digest
    ['RSSMRA85T10A562S', true], // shaped like a tax code: a token by shape (the guard never applies to id categories)
    ['alice2019', false], // a username: one switch from letters to digits
    ['mike_77', false],
    ['john.smith', false],
    ['ORD-2023-0001', false], // a readable code
    ['K1A0B1', false], // too short to tell
    ['4111111111111111', false], // digits only
    ['Grünstraße 12', false],
    ['SELECT id FROM t', false],
  ])('%s → %s', (value, expected) => {
    expect(looksLikeMachineToken(value)).toBe(expected);
  });
});

const salts = ['Q7ZK2M9XA4', 'B4N8T1CW6P', 'X2R7H5LQ9D', 'M3V8J1FK6S', 'T9C4W2NB7E', 'G5P1Y8DZ3U', 'H6K2Q9RA4X', 'W1E7S3MN8C', 'J8U4F6BX2L', 'Z3D9G5PT1K', 'N7A2C8HV5Q'];
const usernames = ['alice2019', 'bob_k', 'carol.w', 'dave77', 'erin', 'frank_the_tank', 'grace.h', 'heidi', 'ivan_dev', 'judy42', 'mallory'];
const sizes = ['S', 'M', 'L', 'Red', 'Blue', 'White', 'Natural'].flatMap((v) => [v, v, v]); // a size or colour per order line
const statements = ['SELECT id, full_name FROM customer', 'SELECT email FROM customer WHERE opt_in = 1', 'SELECT region, SUM(total) FROM order_line GROUP BY region', 'SELECT id FROM orders WHERE status = 1', 'SELECT * FROM product LIMIT 100', 'SELECT id FROM orders WHERE status = 1'];
const checks = ['NOT_EMPTY,MAX_LEN', 'DIGITS_ONLY', 'NOT_EMPTY', 'MAIL_FORMAT,MAX_LEN', 'NOT_EMPTY,MAX_LEN'];
const staffEmails = ['ana@invented.test', 'ben@invented.test', 'cy@invented.test', 'dee@invented.test', 'ed@invented.test', 'flo@invented.test'];
// Invented hourly rates stored at a fixed scale, and invented coordinates (in the sea off nowhere in particular).
const rates = ['45.50000000', '38.00000000', '52.25000000', '61.75000000', '29.90000000', '47.10000000', '55.00000000', '33.33000000', '40.40000000', '58.80000000'];
const coordinates = ['12.345678', '-23.456789', '34.5678901', '-45.678912', '56.789123', '-67.891234', '8.912345', '-9.123456', '10.234567', '-11.345678'];
const pairs = coordinates.map((c, i) => `${c},${coordinates[(i + 3) % coordinates.length]}`);
const streets = Array.from({ length: 12 }, (_, i) => `${i + 3} Invented Lane`);

describe('whyNotFor', () => {
  it.each([
    // values, category, ruled out?
    ['salts as usernames', salts, 'user.account.username', true],
    ['salts as given names', salts, 'user.name.first', true],
    ['salts as credentials', salts, 'user.authorization.credentials', false], // a token may well be a secret
    ['usernames as usernames', usernames, 'user.account.username', false],
    ['sizes and colours as given names', sizes, 'user.name.first', true],
    ['SQL statements as an address', statements, 'user.contact.address', true],
    ['constant names as an address', checks, 'user.contact.address', true],
    ['constant names as a street, in more than a handful of values', [...checks, 'A_1', 'B_2', 'C_3', 'D_4', 'E_5', 'F_6'], 'user.contact.address.street', true],
    ['handles with underscores as usernames', ['bob_k', 'ivan_dev', 'frank_the_tank', 'al_b', 'cj_', 'x_y_z', 'maria_g', 'tom_t', 'li_na', 'sam_s'], 'user.account.username', false],
    ['six different emails of a tiny staff table (no value repeats)', staffEmails, 'user.contact.email', false],
    ['the same six emails over many rows (a code list)', [...staffEmails, ...staffEmails, ...staffEmails], 'user.contact.email', true],
    ['six postal codes over many rows (values many people share)', ['100-0001', '530-0001', '060-0001', '100-0001', '530-0001', '060-0001', '812-0011', '460-0008', '980-0021', '812-0011', '460-0008', '980-0021'], 'user.contact.address.postal_code', false],
    ['sizes as gender (values many people share)', sizes, 'user.demographic.gender', false],
    ['a short list of countries', ['Japan', 'France', 'Peru', 'Chad', 'Fiji'], 'user.contact.address.country', false],
    ['twelve different streets', streets, 'user.contact.address.street', false],
    ['not personal is never ruled out', sizes, 'system.operations', false],
    ['rates at a fixed scale as a precise location', rates, 'user.location.precise', true],
    ['whole numbers as a precise location', ['12', '340', '5600', '78', '9', '1011', '12.0', '13', '1400', '15'], 'user.location.precise', true],
    ['coordinates as a precise location', coordinates, 'user.location.precise', false],
    ['latitude,longitude pairs as a precise location', pairs, 'user.location.precise', false],
    ['rates at a fixed scale as income (values many people share)', rates, 'user.financial', false],
    ['row numbers of an archive as an age range', ['1201', '1202', '1345', '1346', '1500', '1623', '1777', '1801', '1990', '2004'], 'user.demographic.age_range', true],
    ['ages as an age range', ['18', '24', '35', '41', '57', '62', '70', '88', '93', '101'], 'user.demographic.age_range', false],
    ['age bands as an age range', ['18-24', '25-34', '35-44', '45-54', '55-64', '65+', '18-24', '25-34', '35-44', '45-54'], 'user.demographic.age_range', false],
    ['row numbers as gender (the age guard is for age ranges only)', ['1201', '1202', '1345', '1346', '1500', '1623', '1777', '1801', '1990', '2004'], 'user.demographic.gender', false],
  ])('%s', (_, values, category, ruledOut) => {
    expect(whyNotFor(category as string, valueFacts(values as string[])) !== undefined).toBe(ruledOut);
  });

  it('counts different non-blank values, and its reasons give counts, never a value', () => {
    expect(valueFacts(['a', 'a', ' a ', '', '  ', 'b']).distinct).toBe(2);
    expect(valueFacts(Array.from({ length: MIN_DISTINCT_INDIVIDUAL }, (_, i) => `v${i}`)).distinct).toBe(MIN_DISTINCT_INDIVIDUAL);
    const why = whyNotFor('user.account.username', valueFacts(salts)) ?? '';
    expect(why).toMatch(/machine tokens/);
    for (const salt of salts) expect(why).not.toContain(salt);
  });
});
