/**
 * Customers and what hangs off them: addresses (cryptic column names) and login accounts.
 * Each customer belongs to one locale, so name, phone, address and postcode formats agree.
 */
import type { Faker } from '@faker-js/faker';
import { type DemoFakers, type LocaleProfile, DEMO_REFERENCE_DATE, bcryptLikeHash, isoDate, isoTimestamp, md5LikeHash, pickLocaleProfile, uniqueValue } from './demo-random.js';
import { type DemoTable, type DemoValue, toDemoTable } from './demo-table.js';

export const CUSTOMER_COUNT = 300;
export const SHIPPING_ADDRESS_COUNT = 100;
export const ACCOUNT_COUNT = 260;

export interface DemoCustomer {
  readonly id: number;
  readonly profile: LocaleProfile;
  readonly faker: Faker;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone: string | null;
  readonly dateOfBirth: Date;
  readonly createdAt: Date;
  readonly billingAddressId: number;
  readonly shippingAddressId: number | null;
  readonly accountId: number | null;
}

export interface CustomerTables {
  readonly customers: readonly DemoCustomer[];
  readonly tables: readonly DemoTable[];
  /** Account ids with their customer, for the audit log. */
  readonly accounts: readonly { readonly accountId: number; readonly lastIp: string | null }[];
}

const refDate = new Date(DEMO_REFERENCE_DATE);

/** A phone number in one of the formats people type into web forms. */
export function personPhone(faker: Faker, profile: LocaleProfile): string {
  const style = profile.locale === 'en_US' ? faker.helpers.arrayElement(['human', 'national'] as const) : faker.helpers.arrayElement(['human', 'international'] as const);
  return faker.phone.number({ style });
}

export function generateCustomers(fakers: DemoFakers): CustomerTables {
  const { main } = fakers;
  const withShipping = new Set(main.helpers.arrayElements(range(1, CUSTOMER_COUNT), SHIPPING_ADDRESS_COUNT));
  const withAccount = new Set(main.helpers.arrayElements(range(1, CUSTOMER_COUNT), ACCOUNT_COUNT));
  const seenEmails = new Set<string>();
  const seenLogins = new Set<string>();
  const customers: DemoCustomer[] = [];
  const customerRows: Record<string, DemoValue>[] = [];
  const addressRows: Record<string, DemoValue>[] = [];
  const accountRows: Record<string, DemoValue>[] = [];
  const accounts: { accountId: number; lastIp: string | null }[] = [];

  for (let id = 1; id <= CUSTOMER_COUNT; id++) {
    const profile = pickLocaleProfile(main);
    const f = fakers.byLocale[profile.locale];
    const firstName = f.person.firstName();
    const lastName = f.person.lastName();
    const email = uniqueValue(seenEmails, () => f.internet.email({ firstName, lastName }).toLowerCase());
    const phone = f.datatype.boolean(0.85) ? personPhone(f, profile) : null;
    const dateOfBirth = f.date.birthdate({ mode: 'age', min: 18, max: 86 });
    const createdAt = f.date.between({ from: '2016-03-01T00:00:00Z', to: '2025-09-15T00:00:00Z' });

    const billingAddressId = addressRows.length + 1;
    addressRows.push(addressRecord(f, profile, billingAddressId, id, 'B'));
    let shippingAddressId: number | null = null;
    if (withShipping.has(id)) {
      shippingAddressId = addressRows.length + 1;
      addressRows.push(addressRecord(f, profile, shippingAddressId, id, 'S'));
    }

    let accountId: number | null = null;
    if (withAccount.has(id)) {
      accountId = accountRows.length + 1;
      const login = uniqueValue(seenLogins, () => (f.datatype.boolean(0.3) ? email : f.internet.username({ firstName, lastName }).toLowerCase()));
      const lastIp = f.datatype.boolean(0.9) ? (f.datatype.boolean(0.85) ? f.internet.ipv4() : f.internet.ipv6()) : null;
      const failedLogins = f.helpers.weightedArrayElement([
        { weight: 85, value: 0 },
        { weight: 10, value: 1 },
        { weight: 3, value: 3 },
        { weight: 2, value: 6 },
      ]);
      accountRows.push({
        acct_id: accountId,
        cust_id: id,
        login,
        pwd_hash: createdAt.getUTCFullYear() < 2019 && f.datatype.boolean(0.6) ? md5LikeHash(f) : bcryptLikeHash(f),
        api_tok: f.datatype.boolean(0.25) ? `lgy_${f.string.alphanumeric(32)}` : null,
        last_ip: lastIp,
        last_login_at: lastIp === null ? null : isoTimestamp(f.date.between({ from: createdAt, to: refDate })),
        failed_logins: failedLogins,
        is_locked: failedLogins >= 5,
      });
      accounts.push({ accountId, lastIp });
    }

    customers.push({ id, profile, faker: f, firstName, lastName, email, phone, dateOfBirth, createdAt, billingAddressId, shippingAddressId, accountId });
    customerRows.push({
      id,
      first_name: firstName,
      last_name: lastName,
      email,
      phone,
      date_of_birth: f.datatype.boolean(0.92) ? isoDate(dateOfBirth) : null,
      pref_lang: profile.language,
      created_at: isoTimestamp(createdAt),
      marketing_opt_in: f.datatype.boolean(0.35),
      email_verified: f.datatype.boolean(0.8),
    });
  }

  return {
    customers,
    accounts,
    tables: [toDemoTable('public', 'customers', customerRows), toDemoTable('public', 'cust_addr', addressRows), toDemoTable('public', 'usr_acct', accountRows)],
  };
}

function addressRecord(f: Faker, profile: LocaleProfile, addrId: number, custId: number, type: 'B' | 'S'): Record<string, DemoValue> {
  const english = profile.locale === 'en_US' || profile.locale === 'en_GB';
  return {
    addr_id: addrId,
    cust_id: custId,
    addr_typ: type,
    str_ln1: f.location.streetAddress(),
    str_ln2: english && f.datatype.boolean(0.2) ? f.location.secondaryAddress() : null,
    cty: f.location.city(),
    st_prov: stateOrRegion(f, profile),
    pc: f.location.zipCode(),
    ctry_cd: profile.countryCode,
  };
}

function stateOrRegion(f: Faker, profile: LocaleProfile): string | null {
  switch (profile.locale) {
    case 'en_US':
      return f.location.state({ abbreviated: true });
    case 'en_GB':
      return f.location.county();
    case 'de':
      return f.location.state();
    case 'fr':
      return null;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
