/**
 * Seeded faker instances and small value makers shared by the demo generators.
 * Everything random flows from DEMO_SEED and DEMO_REFERENCE_DATE, so every generation is identical.
 */
import { Faker, base, de, en, en_GB, en_US, fr, type LocaleDefinition } from '@faker-js/faker';

export const DEMO_SEED = 20_251_001;
/** "Today" for the demo: birthdates, past and recent dates are computed relative to it. */
export const DEMO_REFERENCE_DATE = '2025-10-01T09:00:00.000Z';

export type DemoLocale = 'en_US' | 'en_GB' | 'de' | 'fr';

export interface LocaleProfile {
  readonly locale: DemoLocale;
  readonly countryCode: string;
  readonly language: string;
  readonly currency: string;
  /** Share of customers from this locale. */
  readonly weight: number;
}

export const LOCALE_PROFILES: readonly LocaleProfile[] = [
  { locale: 'en_US', countryCode: 'US', language: 'en-US', currency: 'USD', weight: 40 },
  { locale: 'en_GB', countryCode: 'GB', language: 'en-GB', currency: 'GBP', weight: 20 },
  { locale: 'de', countryCode: 'DE', language: 'de-DE', currency: 'EUR', weight: 25 },
  { locale: 'fr', countryCode: 'FR', language: 'fr-FR', currency: 'EUR', weight: 15 },
];

export interface DemoFakers {
  /** Drives structure (counts, choices, shared text); en_US. */
  readonly main: Faker;
  readonly byLocale: Readonly<Record<DemoLocale, Faker>>;
}

/** One faker per locale, each with its own seed, so adding a call in one locale does not shift the others. */
export function createDemoFakers(seed: number = DEMO_SEED): DemoFakers {
  const make = (locales: LocaleDefinition[], offset: number): Faker => {
    const faker = new Faker({ locale: locales });
    faker.seed(seed + offset);
    faker.setDefaultRefDate(DEMO_REFERENCE_DATE);
    return faker;
  };
  const byLocale = {
    en_US: make([en_US, en, base], 1),
    en_GB: make([en_GB, en, base], 2),
    de: make([de, en, base], 3),
    fr: make([fr, en, base], 4),
  };
  return { main: make([en_US, en, base], 0), byLocale };
}

export function pickLocaleProfile(faker: Faker): LocaleProfile {
  return faker.helpers.weightedArrayElement(LOCALE_PROFILES.map((profile) => ({ weight: profile.weight, value: profile })));
}

/** `YYYY-MM-DD` in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD HH:MM:SS+00`, second precision like most legacy apps store it. */
export function isoTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}+00`;
}

/** `YYYY-MM-DD HH:MM:SS` for `timestamp without time zone` columns. */
export function localTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** Money as a fixed two-decimal string (amounts are kept in integer cents to avoid float drift). */
export function centsToDecimal(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Returns `make(attempt)` for the first attempt whose value was not seen yet, and remembers it. */
export function uniqueValue(seen: Set<string>, make: (attempt: number) => string): string {
  for (let attempt = 0; ; attempt++) {
    const value = make(attempt);
    if (!seen.has(value)) {
      seen.add(value);
      return value;
    }
  }
}

/** A US SSN in valid format: area not 000, 666 or 9xx; group not 00; serial not 0000. */
export function usSsn(faker: Faker): string {
  let area = faker.number.int({ min: 1, max: 899 });
  if (area === 666) area = 667;
  const group = faker.number.int({ min: 1, max: 99 });
  const serial = faker.number.int({ min: 1, max: 9999 });
  return `${pad(area, 3)}-${pad(group, 2)}-${pad(serial, 4)}`;
}

const NINO_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NINO_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NINO_BANNED_PREFIXES = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

/** A UK National Insurance number in valid format (allowed prefix letters, suffix A-D), e.g. `QQ 12 34 56 C`. */
export function ukNino(faker: Faker, spaced: boolean): string {
  let prefix: string;
  do {
    prefix = faker.helpers.arrayElement([...NINO_FIRST]) + faker.helpers.arrayElement([...NINO_SECOND]);
  } while (NINO_BANNED_PREFIXES.has(prefix));
  const digits = faker.string.numeric(6);
  const suffix = faker.helpers.arrayElement(['A', 'B', 'C', 'D']);
  return spaced ? `${prefix} ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)} ${suffix}` : `${prefix}${digits}${suffix}`;
}

/** Looks like a bcrypt hash (`$2b$12$` + 53 chars of bcrypt's base64 alphabet); not a hash of anything. */
export function bcryptLikeHash(faker: Faker): string {
  const alphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return `$2b$12$${faker.string.fromCharacters(alphabet, 53)}`;
}

/** The unsalted MD5 hex that older rows still carry from before the bcrypt migration. */
export function md5LikeHash(faker: Faker): string {
  return faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
}

/** A browser user agent (faker's list also has made-up bots, which a tracker would have filtered out). */
export function browserUserAgent(faker: Faker): string {
  let agent: string;
  do agent = faker.internet.userAgent();
  while (!agent.startsWith('Mozilla/'));
  return agent;
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
