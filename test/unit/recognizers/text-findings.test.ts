/** IP addresses, street addresses and national ids inside free text (issue 15 class 6). */
import { describe, expect, it } from 'vitest';
import { CATEGORY } from '../../../src/classify/categories.js';
import { freeTextRecognizer } from '../../../src/classify/recognizers/free-text.js';
import { containsIpAddress, containsNationalId, containsStreetAddress } from '../../../src/classify/recognizers/text-findings.js';
import { reasonsFreeOf, run } from './column-options.js';

describe('finders', () => {
  it.each([
    ['Login from 203.0.113.7 was blocked by the firewall', true],
    ['Client at 10.0.0.12 keeps retrying the upload', true],
    ['Upgraded the agent to v1.2.3.4 this morning', false],
    ['Upgraded the agent to version 10.2.3.4 this morning', false],
    ['Build 1.2.3.4.5 failed on the runner', false],
    ['Totals 999.999.999.999 in the ledger', false],
  ])('IP: %s → %s', (text, expected) => expect(containsIpAddress(text)).toBe(expected));

  it.each([
    ['Verified SSN 123-45-6780 with the applicant', true],
    ['Verified SSN 000-45-6780 with the applicant', false],
    ['Verified SSN 666-45-6780 with the applicant', false],
    ['Invoice 2024-01-15 paid', false],
    ['Call 555-12-34567 for details', false],
  ])('national id: %s → %s', (text, expected) => expect(containsNationalId(text)).toBe(expected));

  it.each([
    ['Please ship it to 221B Baker Street, London', true],
    ['Moved to 12 North Elm Ave last spring', true],
    ['Lieferung bitte an Hauptstraße 5 in Berlin', true],
    ['Nieuw adres: Kerkweg 12a, Utrecht', true],
    ['Livrer au 12 rue de la Paix avant midi', true],
    ['Ordered 2 Large Blue Shirts for the team', false],
    ['The street team meets at 5 on Main', false],
  ])('street: %s → %s', (text, expected) => expect(containsStreetAddress(text)).toBe(expected));
});

describe('free text with IPs, street addresses and national ids', () => {
  const plain = (i: number) => `Checked the account settings and closed ticket number ${i} for now.`;
  it('proposes each kind found in a meaningful share of the texts, with the share as evidence', () => {
    const values = Array.from({ length: 100 }, (_, i) =>
      i < 30 ? `Suspicious login from 198.51.100.${i + 1}, password reset sent.` : i < 50 ? `Customer moved to ${i} Baker Street, update the records.` : i < 62 ? `Applicant SSN 123-45-${String(6700 + i)} verified by phone.` : plain(i),
    );
    const evidence = run(freeTextRecognizer, 'tickets', { name: 'notes', values });
    const byCategory = Object.fromEntries(evidence.map((e) => [e.category, e]));
    expect(byCategory[CATEGORY.ipAddress].reason).toBe('30% of 100 sampled texts contain an IP address');
    expect(byCategory[CATEGORY.ipAddress].score).toBe(0.95);
    expect(byCategory[CATEGORY.street].reason).toBe('20% of 100 sampled texts contain a street address');
    expect(byCategory[CATEGORY.nationalId].reason).toBe('12% of 100 sampled texts contain a US social security number');
    expect(reasonsFreeOf(evidence, values)).toBe(true);
  });

  it('says nothing of these kinds for release notes full of version numbers', () => {
    const values = Array.from({ length: 100 }, (_, i) => `Release v2.${i}.0.1 fixes the login page and ${i} other issues.`);
    const evidence = run(freeTextRecognizer, 'releases', { name: 'notes', values });
    expect(evidence.filter((e) => [CATEGORY.ipAddress, CATEGORY.street, CATEGORY.nationalId].includes(e.category as never))).toEqual([]);
  });
});
