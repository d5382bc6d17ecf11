import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { CATEGORY } from '../../../src/classify/categories.js';
import { containsEmail, containsPersonName, freeTextRecognizer, phoneCandidates, shareScore } from '../../../src/classify/recognizers/free-text.js';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { reasonsFreeOf, run } from './column-options.js';

faker.seed(81);
const plain = () => `${faker.helpers.arrayElement(['Asked about', 'Complained about', 'Returned', 'Ordered two more of'])} the ${faker.commerce.productName()} ${faker.helpers.arrayElement(['last week.', 'yesterday.', 'again, see ticket.', 'before the holidays.'])}`;
function validPhone(): string {
  for (;;) {
    const p = faker.phone.number({ style: 'international' });
    if (parsePhoneNumberFromString(p)?.isValid()) return p;
  }
}
/** 200 notes: `emails` of them with an email address, `phones` with a phone number, the rest plain. */
function notes(emails: number, phones: number): string[] {
  return Array.from({ length: 200 }, (_, i) => {
    if (i < emails) return `Customer wants the invoice sent to ${faker.internet.email()} instead.`;
    if (i < emails + phones) return `Please call back on ${validPhone()} after 5pm about the refund.`;
    return plain();
  });
}

describe('free text recognizer', () => {
  it.each([
    ['Please send the invoice to jane.doe@example.com today', 1],
    ['Call back on +44 20 7946 0958 about the refund', 1],
    ['Dear Anna, your parcel is on its way', 1],
    ['Spoke with Mr. Smith about the delivery window', 1],
    ['Spoke with Peter about the delivery window', 1],
    ['Thomas called about the missing parcel again', 1],
    // look-alikes
    ['Order 20240115 shipped on 2024-01-15 to the warehouse', 0],
    ['Will ship the package in May after the restock', 0],
    ['The product is available in Rose and Amber colours', 0],
    ['short text', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(freeTextRecognizer, value)).toBe(expected);
  });

  it('detects the parts it looks for', () => {
    expect(containsEmail('write to a.b@example.org please')).toBe(true);
    expect(containsEmail('meet @ noon')).toBe(false);
    expect(phoneCandidates('order 1234 for 12 items')).toEqual([]);
    expect(phoneCandidates('ring 030 1234567 today')).toEqual(['030 1234567']);
    expect(containsPersonName('Hallo Julia, danke für die Nachricht')).toBe(true);
    expect(containsPersonName('Bonjour Marie, merci pour votre message')).toBe(true);
    expect(containsPersonName('Meeting at the Paris office with the Grace team')).toBe(false);
  });

  it('maps a share of 10% to just above the threshold', () => {
    expect(shareScore(0)).toBe(0);
    expect(shareScore(0.05)).toBeCloseTo(0.3);
    expect(shareScore(0.1)).toBeCloseTo(0.6);
    expect(shareScore(0.5)).toBe(0.95);
  });

  it('proposes each kind of personal data found in a meaningful share of notes', () => {
    const values = notes(36, 30);
    const evidence = run(freeTextRecognizer, 'tickets', { name: 'notes', values });
    const byCategory = Object.fromEntries(evidence.map((e) => [e.category, e]));
    expect(byCategory[CATEGORY.email].reason).toBe('18% of 200 sampled texts contain an email address');
    expect(byCategory[CATEGORY.email].score).toBeGreaterThan(0.7);
    expect(byCategory[CATEGORY.phone].score).toBeGreaterThan(0.6);
    expect(byCategory[CATEGORY.privateContent]).toBeUndefined();
    expect(reasonsFreeOf(evidence, values)).toBe(true);
  });

  it('stays below the threshold for a few stray hits, and is silent on columns that are not text', () => {
    const evidence = run(freeTextRecognizer, 'tickets', { name: 'notes', values: notes(6, 0) });
    expect(evidence).toHaveLength(1);
    expect(evidence[0].score).toBeLessThan(0.5);
    const emails = Array.from({ length: 200 }, () => faker.internet.email());
    expect(run(freeTextRecognizer, 'users', { name: 'email', values: emails })).toEqual([]);
    expect(run(freeTextRecognizer, 'products', { name: 'description', values: Array.from({ length: 200 }, plain) })).toEqual([]);
  });
});
