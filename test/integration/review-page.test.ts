/**
 * End-to-end: the review page (`piiscout review FILE --serve`) in Debian's headless Chromium,
 * driven by playwright-core. Loads a dataset file, filters, accepts with the mouse, changes
 * categories and ignores/undoes with the keyboard only, reloads, and checks the YAML on disk.
 * Also: the token and Host checks, and that a change made to the file outside the page is
 * reported and never overwritten. PIISCOUT_SCREENSHOT=1 writes docs/review-page.png.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { datasetFileToYaml } from '../../src/fides/dataset-writer.js';
import type { FidesDatasetFile, FidesField, PiiscoutFieldRecord } from '../../src/fides/dataset-types.js';
import { ReviewFile } from '../../src/review/review-file.js';
import { serveReview, type ReviewServer } from '../../src/review/server.js';
import { browserTestsEnabled, launchChromium } from '../helpers/browser.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const TRICKY = '<b>"nötes"</b> & ✓';

function field(name: string, category: string, confidence: number, dataType: string, evidence: NonNullable<PiiscoutFieldRecord['evidence']> = []): FidesField {
  return {
    name,
    data_categories: [category],
    fides_meta: { data_type: dataType },
    piiscout: { status: 'proposed', confidence, factors: {}, evidence },
  };
}

function fixture(): FidesDatasetFile {
  const ds = (key: string, schema: string, collections: { name: string; fields: FidesField[] }[]) => ({
    fides_key: key,
    name: schema,
    description: `PostgreSQL schema ${schema} of shop, classified by piiscout`,
    fides_meta: { namespace: { database_name: 'shop', schema } },
    collections,
  });
  return {
    dataset: [
      ds('shop_public', 'public', [
        {
          name: 'customers',
          fields: [
            field('email', 'user.contact.email', 0.96, 'string', [
              { factor: 'name', category: 'user.contact.email', score: 0.9, source: 'name-rules', reason: "column name token 'email'" },
              { factor: 'values', category: 'user.contact.email', score: 0.97, source: 'email', reason: '97% of 200 sampled values are valid email addresses' },
            ]),
            field('first_name', 'user.name.first', 0.84, 'string', [
              { factor: 'name', category: 'user.name.first', score: 0.85, source: 'name-rules', reason: "column name tokens 'first' 'name'" },
              { factor: 'values', category: 'user.name.first', score: 0.7, source: 'first-name', reason: '81% of 200 sampled values are given names' },
            ]),
            field(TRICKY, 'system.operations', 0.31, 'string'),
            field('created_at', 'system.operations', 0.55, 'string', [
              { factor: 'type', category: 'system.operations', score: 0.5, source: 'type-rules', reason: 'timestamp column' },
            ]),
          ],
        },
        {
          name: 'orders',
          fields: [
            field('id', 'system.operations', 0.5, 'integer'),
            field('shipping_city', 'user.contact.address.city', 0.62, 'string', [
              { factor: 'values', category: 'user.contact.address.city', score: 0.6, source: 'city', reason: '74% of 120 sampled values are city names' },
            ]),
          ],
        },
      ]),
      ds('shop_crm', 'crm', [
        {
          name: 'contacts',
          fields: [
            field('phone', 'user.contact.phone_number', 0.91, 'string', [
              { factor: 'values', category: 'user.contact.phone_number', score: 0.92, source: 'phone', reason: '95% of 200 sampled values are valid phone numbers' },
            ]),
          ],
        },
      ]),
    ],
  };
}

function statusOf(file: string, collection: string, name: string): { status: string; categories: string[] } {
  const f = ReviewFile.load(file).fields().find((x) => x.address.collection === collection && x.address.field === name);
  if (!f) throw new Error(`no field ${collection}.${name}`);
  return { status: f.status, categories: f.categories };
}

function rawRequest(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

const row = (page: Page, name: string) => page.locator('tr.row', { has: page.locator('.fname', { hasText: name }) });

describe.skipIf(!browserTestsEnabled())('review page in headless Chromium', () => {
  let dir: string;
  let file: string;
  let server: ReviewServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-review-page-'));
    file = path.join(dir, 'shop.yml');
    fs.writeFileSync(file, datasetFileToYaml(fixture()));
    server = await serveReview(file, { port: 0 });
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // The browser logs the refused save of the conflict test as a failed request; that one is expected.
      if (m.type() === 'error' && !m.text().includes('status of 409')) pageErrors.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and refuses requests without the token or from another host name', async () => {
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const bare = `${url.origin}/`;
    expect((await fetch(bare)).status).toBe(403);
    expect((await fetch(`${url.origin}/?token=wrong`)).status).toBe(403);
    expect((await fetch(`${url.origin}/api/state`)).status).toBe(403);
    expect((await fetch(`${url.origin}/api/state`, { headers: { 'x-piiscout-token': 'nope' } })).status).toBe(403);
    const token = url.searchParams.get('token')!;
    expect((await fetch(`${url.origin}/api/state`, { headers: { 'x-piiscout-token': token } })).status).toBe(200);
    // DNS rebinding: right token, but the browser would send the attacker's host name.
    expect(await rawRequest(`${url.origin}/api/state`, { 'x-piiscout-token': token, host: `evil.example:${url.port}` })).toBe(403);
    // The page itself pulls in nothing from elsewhere.
    const html = await (await fetch(server.url)).text();
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('shows the tree, the counts and the fields, with names shown as text', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator('tr.row').count()).toBe(4);
    const tree = page.getByRole('navigation', { name: 'Datasets and tables' });
    await expect.poll(() => tree.getByRole('button').allInnerTexts()).toEqual([
      expect.stringMatching(/All fields\s+7 to review/),
      expect.stringMatching(/shop_public\s+6 to review/),
      expect.stringMatching(/customers\s+4 to review/),
      expect.stringMatching(/orders\s+2 to review/),
      expect.stringMatching(/shop_crm\s+1 to review/),
      expect.stringMatching(/contacts\s+1 to review/),
    ]);
    expect(await page.locator('#left-count').innerText()).toMatch(/^7 fields left to review/);
    expect(await page.locator('#view-title').innerText()).toBe('shop_public › customers');
    // Human name with the key beside it, and a confidence number.
    const email = row(page, 'email');
    expect(await email.locator('.cat').innerText()).toMatch(/User Contact Email\s*user\.contact\.email/);
    expect(await email.locator('.conf .num').innerText()).toBe('96%');
    expect(await email.locator('.badge').innerText()).toBe('To review');
    // A field name full of markup stays text.
    expect(await page.locator('.fname', { hasText: TRICKY }).count()).toBe(1);
    expect(await page.locator('#field-rows b').count()).toBe(0);
    // Evidence in plain language on expand.
    await email.getByRole('button', { name: 'Show evidence' }).click();
    const detail = page.locator('tr.detail:not([hidden])');
    expect(await detail.innerText()).toContain('Sampled values: 97% of 200 sampled values are valid email addresses — points to User Contact Email (user.contact.email)');
  });

  it('filters by confidence, status and category', async () => {
    await page.getByLabel('Minimum confidence').fill('80');
    await expect.poll(() => page.locator('tr.row .fname').allInnerTexts()).toEqual(['email', 'first_name']);
    expect(await page.getByRole('button', { name: /Accept all shown/ }).innerText()).toBe('Accept all shown (2 to review)…');
    expect(await page.getByRole('button', { name: /Accept high-confidence shown/ }).innerText()).toBe('Accept high-confidence shown (1)…');
    await page.getByLabel('Status').selectOption('accepted');
    await expect.poll(() => page.locator('tr.row').count()).toBe(0);
    expect(await page.locator('#empty').innerText()).toContain('No fields match these filters');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => page.locator('tr.row').count()).toBe(4);
    await page.getByLabel('Category').selectOption('system.operations');
    await expect.poll(() => page.locator('tr.row .fname').allInnerTexts()).toEqual([TRICKY, 'created_at']);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(() => page.locator('tr.row').count()).toBe(4);
  });

  it('accepts a field with the mouse and says it saved', async () => {
    await page.getByRole('button', { name: 'Accept email' }).click();
    await expect.poll(() => row(page, 'email').locator('.badge').innerText()).toBe('Accepted');
    expect(await page.locator('#save-status').innerText()).toMatch(/Saved at \d\d:\d\d:\d\d · Accepted customers\.email/);
    expect(await page.locator('#left-count').innerText()).toMatch(/^6 fields left to review/);
    expect(statusOf(file, 'customers', 'email')).toEqual({ status: 'accepted', categories: ['user.contact.email'] });
  });

  it('changes categories, ignores and undoes with the keyboard alone', async () => {
    // Focus is on the email row after the accept; j moves to first_name, e opens the picker.
    await page.keyboard.press('j');
    await expect.poll(() => page.evaluate(() => document.activeElement?.querySelector('.fname')?.textContent)).toBe('first_name');
    await page.keyboard.press('e');
    const picker = page.getByRole('dialog', { name: 'Change categories' });
    await expect.poll(() => picker.isVisible()).toBe(true);
    await page.keyboard.type('last name');
    expect(await picker.locator('li.active .okey').innerText()).toBe('user.name.last');
    await page.keyboard.press('Enter');
    await expect.poll(() => row(page, 'first_name').locator('.badge').innerText()).toBe('Changed by reviewer');
    expect(await row(page, 'first_name').locator('.cat').innerText()).toMatch(/Last Name\s*user\.name\.last/);
    expect(statusOf(file, 'customers', 'first_name')).toEqual({ status: 'edited', categories: ['user.name.last'] });

    // Esc cancels the picker without a change.
    await page.keyboard.press('e');
    await expect.poll(() => picker.isVisible()).toBe(true);
    await page.keyboard.type('email');
    await page.keyboard.press('Escape');
    await expect.poll(() => picker.isVisible()).toBe(false);
    expect(statusOf(file, 'customers', 'first_name').categories).toEqual(['user.name.last']);

    await page.keyboard.press('j');
    await page.keyboard.press('i'); // ignore the tricky-named field
    await expect.poll(() => row(page, TRICKY).locator('.badge').innerText()).toBe('Ignored');
    await page.keyboard.press('j');
    await page.keyboard.press('i'); // ignore created_at ...
    await expect.poll(() => row(page, 'created_at').locator('.badge').innerText()).toBe('Ignored');
    await page.keyboard.press('u'); // ... and undo that
    await expect.poll(() => row(page, 'created_at').locator('.badge').innerText()).toBe('To review');
    expect(await page.locator('#save-status').innerText()).toMatch(/Saved at .* · Undid the change to customers\.created_at/);
    expect(statusOf(file, 'customers', TRICKY).status).toBe('ignored');
    expect(statusOf(file, 'customers', 'created_at')).toEqual({ status: 'proposed', categories: ['system.operations'] });
  });

  it('shows what "accept all shown" would accept, per confidence band and category, and saves nothing until confirmed', async () => {
    await page.getByRole('button', { name: /^All fields/ }).click();
    await page.getByLabel('Status').selectOption('proposed');
    // Still to review: created_at 55% and id 50% (operations), shipping_city 62% (city), phone 91%.
    await expect.poll(() => page.locator('tr.row .fname').allInnerTexts()).toHaveLength(4);
    const before = fs.readFileSync(file, 'utf8');
    const dialog = page.getByRole('dialog', { name: 'Accept 4 fields?' });
    const shownButton = page.getByRole('button', { name: 'Accept all shown (4 to review)…' });
    await shownButton.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('list', { name: 'Fields by confidence' }).getByRole('listitem').allInnerTexts()).toEqual([
      '1 High (90% or more)',
      '3 Medium (50% to under 90%)',
    ]);
    expect(await dialog.getByRole('list', { name: 'Fields by category' }).getByRole('listitem').allInnerTexts()).toEqual([
      '2 Operations Data system.operations',
      '1 User Contact City user.contact.address.city',
      '1 User Contact Phone Number user.contact.phone_number',
    ]);
    // Cancel is where the focus starts, and it changes nothing; so does Escape.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-cancel');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await shownButton.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(await page.locator('tr.row .badge').allInnerTexts()).toEqual(['To review', 'To review', 'To review', 'To review']);

    // Selecting every row and "Accept selected" asks too.
    await page.getByLabel('Select all shown fields').check();
    await page.getByRole('button', { name: 'Accept selected' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByLabel('Select all shown fields').uncheck();
    expect(fs.readFileSync(file, 'utf8')).toBe(before);

    // The common action: only the high-confidence ones (90% or more, as `review --accept-above 0.9`).
    await page.getByRole('button', { name: 'Accept high-confidence shown (1)…' }).click();
    const one = page.getByRole('dialog', { name: 'Accept 1 field?' });
    await expect.poll(() => one.isVisible()).toBe(true);
    expect(await one.getByRole('list', { name: 'Fields by category' }).innerText()).toBe('1 User Contact Phone Number user.contact.phone_number');
    await one.getByRole('button', { name: 'Accept 1 field' }).click();
    await expect.poll(() => statusOf(file, 'contacts', 'phone').status).toBe('accepted');
    for (const [table, name] of [['customers', 'created_at'], ['orders', 'id'], ['orders', 'shipping_city']]) expect(statusOf(file, table, name).status).toBe('proposed');

    // One undo puts the bulk accept back (a restore the server checks against what it reported).
    await page.getByRole('button', { name: 'Undo last action' }).click();
    await expect.poll(() => statusOf(file, 'contacts', 'phone').status).toBe('proposed');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
  });

  it('accepts all shown fields above a confidence in one save, after confirming', async () => {
    await page.getByRole('button', { name: /^orders/ }).click();
    await expect.poll(() => page.locator('tr.row').count()).toBe(2);
    await page.getByLabel('Minimum confidence').fill('60');
    await expect.poll(() => page.locator('tr.row .fname').allInnerTexts()).toEqual(['shipping_city']);
    await page.getByRole('button', { name: 'Accept all shown (1 to review)…' }).click();
    await page.getByRole('dialog', { name: 'Accept 1 field?' }).getByRole('button', { name: 'Accept 1 field' }).click();
    await expect.poll(() => row(page, 'shipping_city').locator('.badge').innerText()).toBe('Accepted');
    expect(statusOf(file, 'orders', 'id').status).toBe('proposed');
    expect(statusOf(file, 'orders', 'shipping_city').status).toBe('accepted');
  });

  it('keeps everything after a reload, and the YAML on disk says the same', async () => {
    await page.reload();
    await expect.poll(() => page.locator('#view-title').innerText()).toBe('shop_public › orders');
    expect(await page.getByLabel('Minimum confidence').inputValue()).toBe('60');
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByRole('button', { name: /^customers/ }).click();
    await expect.poll(() => page.locator('tr.row .badge').allInnerTexts()).toEqual(['Accepted', 'Changed by reviewer', 'Ignored', 'To review']);
    expect(await page.locator('#left-count').innerText()).toMatch(/^3 fields left to review/);

    const doc = YAML.parse(fs.readFileSync(file, 'utf8')) as FidesDatasetFile;
    const customers = doc.dataset[0].collections.find((c) => c.name === 'customers')!;
    const byName = new Map(customers.fields.map((f) => [f.name, f]));
    expect(byName.get('email')!.piiscout!.status).toBe('accepted');
    expect(byName.get('first_name')!.data_categories).toEqual(['user.name.last']);
    expect(byName.get('first_name')!.piiscout!.status).toBe('edited');
    expect(byName.get(TRICKY)!.piiscout!.status).toBe('ignored');
    expect(byName.get('created_at')!.piiscout!.status).toBe('proposed');
    // The evidence written by the scan is still there, untouched.
    expect(byName.get('email')!.piiscout!.evidence).toHaveLength(2);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    if (process.env.PIISCOUT_SCREENSHOT === '1') {
      await row(page, 'email').getByRole('button', { name: 'Show evidence' }).click();
      await row(page, 'created_at').click();
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(repoRoot, 'docs', 'review-page.png') });
    }
  });

  it('never overwrites a change made to the file outside the page', async () => {
    const token = new URL(server.url).searchParams.get('token')!;
    const state = (await (await fetch(new URL('/api/state', server.url), { headers: { 'x-piiscout-token': token } })).json()) as { version: string };
    // Someone else edits the file: a comment and a decision of their own.
    const outside = ReviewFile.load(file);
    outside.accept(outside.find('crm.contacts.phone'));
    outside.save();
    fs.appendFileSync(file, '# checked by the DPO\n');
    const onDisk = fs.readFileSync(file, 'utf8');

    // The API refuses an action made against the old version...
    const refused = await fetch(new URL('/api/action', server.url), {
      method: 'POST',
      headers: { 'x-piiscout-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'accept', addresses: [{ dataset: 'shop_public', collection: 'customers', field: 'created_at' }], expectedVersion: state.version }),
    });
    expect(refused.status).toBe(409);

    // ... and so does the page, which says so.
    await row(page, 'created_at').click();
    await page.keyboard.press('a');
    const banner = page.getByRole('alert');
    await expect.poll(() => banner.innerText()).toContain('The file was changed outside this page — reload to see the latest version');
    expect(fs.readFileSync(file, 'utf8')).toBe(onDisk);
    expect(statusOf(file, 'customers', 'created_at').status).toBe('proposed');

    // Reloading shows the other person's decision.
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('button', { name: /^contacts/ }).click();
    await expect.poll(() => row(page, 'phone').locator('.badge').innerText()).toBe('Accepted');
    expect(await page.getByRole('alert').isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});

describe.skipIf(!browserTestsEnabled())('review page: evidence', () => {
  let dir: string;
  let server: ReviewServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  const nothing = (source: string, noun: string) => ({ factor: 'values', category: 'user.government_id.national_identification_number', score: 0, source, reason: `none of 20 sampled values are ${noun}` });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-review-evidence-'));
    const file = path.join(dir, 'hr.yml');
    // In the file's order: checks that found nothing and an unrelated signal come before the ones that matter.
    const ssn: FidesField = {
      name: 'ssn',
      data_categories: ['user.government_id.national_identification_number'],
      fides_meta: { data_type: 'string' },
      piiscout: {
        status: 'proposed',
        confidence: 0.93,
        factors: {},
        alternatives: [{ category: 'user.government_id.drivers_license_number', confidence: 0.2 }],
        evidence: [
          nothing('uk-nino', 'valid UK National Insurance numbers'),
          { factor: 'values', category: 'user.contact.address.postal_code', score: 0.3, source: 'postal-code', reason: '30% of 20 sampled values are postal codes' },
          nothing('ca-sin', 'valid Canadian social insurance numbers'),
          { factor: 'values', category: 'user.government_id.drivers_license_number', score: 0.35, source: 'drivers-licence', reason: '35% of 20 sampled values are driver\'s licence numbers' },
          { factor: 'name', category: 'user.government_id.national_identification_number', score: 0.9, source: 'name-rules', reason: "column name 'ssn' reads as 'social security number'" },
          nothing('fr-nir', 'valid French social security numbers (NIR)'),
          { factor: 'values', category: 'user.government_id.national_identification_number', score: 1, source: 'us-ssn', reason: '100% of 20 sampled values are valid US social security numbers' },
        ],
      },
    };
    const empty: FidesField = {
      name: 'pc',
      data_categories: ['system.operations'],
      piiscout: { status: 'proposed', confidence: 0.3, factors: {}, evidence: [nothing('ca-sin', 'valid Canadian social insurance numbers')] },
    };
    // Markup from the file (categories, reasons) must stay text in the evidence and the bulk-accept summary.
    const hostile: FidesField = {
      name: 'zz_markup',
      data_categories: ['<b>bold</b>'],
      piiscout: {
        status: 'proposed',
        confidence: 0.95,
        factors: {},
        evidence: [
          { factor: 'values', category: '<b>bold</b>', score: 0.5, source: 'x', reason: '<img src=x onerror="window.__xss=1">found' },
          { factor: '<i>f</i>', category: '<b>bold</b>', score: 0, source: 'x', reason: '<img src=y onerror="window.__xss=2">nothing' },
        ],
      },
    };
    fs.writeFileSync(file, datasetFileToYaml({ dataset: [{ fides_key: 'hr', collections: [{ name: 'staff', fields: [ssn, empty, hostile] }] }] }));
    server = await serveReview(file, { port: 0 });
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists the evidence for the suggestion and its alternatives first, and folds the checks that found nothing', async () => {
    await page.goto(server.url);
    await row(page, 'ssn').getByRole('button', { name: 'Show evidence' }).click();
    const detail = page.locator('tr.detail:not([hidden])');
    await detail.waitFor(); // the evidence is fetched when first unfolded
    const found = detail.locator('ul.found > li');
    expect(await found.allInnerTexts()).toEqual([
      expect.stringMatching(/^Sampled values: 100% of 20 sampled values are valid US social security numbers — points to National Identification Number/),
      expect.stringMatching(/^Column name: column name 'ssn' reads as 'social security number' — points to National Identification Number/),
      expect.stringMatching(/^Sampled values: 35% of 20 sampled values are driver's licence numbers — points to Driver's License Number/),
      expect.stringMatching(/^Sampled values: 30% of 20 sampled values are postal codes — points to User Contact Postal Code/),
    ]);
    // The three "none of ..." lines are folded away behind one toggle.
    expect(await detail.getByRole('button', { name: 'Show 3 more: the 3 checks that found nothing' }).isVisible()).toBe(true);
    const more = detail.locator('button.more');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    const folded = detail.locator('ul.nothing');
    expect(await folded.isVisible()).toBe(false);
    expect(await detail.innerText()).not.toContain('none of 20');
    await more.click();
    expect(await folded.isVisible()).toBe(true);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect(await more.innerText()).toBe('Hide the 3 checks that found nothing');
    expect(await folded.locator('li').allInnerTexts()).toEqual([
      'Sampled values: none of 20 sampled values are valid UK National Insurance numbers',
      'Sampled values: none of 20 sampled values are valid Canadian social insurance numbers',
      'Sampled values: none of 20 sampled values are valid French social security numbers (NIR)',
    ]);
    await more.click();
    expect(await folded.isVisible()).toBe(false);

    // Only checks that found nothing: the default-category sentence, and the fold.
    await row(page, 'pc').getByRole('button', { name: 'Show evidence' }).click();
    const pc = page.locator('tr.detail:not([hidden])').nth(1);
    expect(await pc.innerText()).toContain('Nothing pointed to personal data, so piiscout filled in the default category');
    expect(await pc.locator('ul.found').count()).toBe(0);
    expect(await pc.getByRole('button', { name: 'Show 1 more: the check that found nothing' }).isVisible()).toBe(true);
    expect(await pc.innerText()).not.toContain('none of 20');
  });

  it('shows markup from the file as text in the evidence and the bulk-accept summary', async () => {
    await row(page, 'zz_markup').getByRole('button', { name: 'Show evidence' }).click();
    const detail = page.locator('tr.detail:not([hidden])').nth(2);
    await detail.locator('button.more').click();
    expect(await detail.innerText()).toContain('<img src=x onerror="window.__xss=1">found — points to Unknown category (<b>bold</b>)');
    expect(await detail.innerText()).toContain('<i>f</i>: <img src=y onerror="window.__xss=2">nothing');
    await page.getByRole('button', { name: 'Accept high-confidence shown (2)…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept 2 fields?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('list', { name: 'Fields by category' }).innerText()).toContain('1 Unknown category <b>bold</b>');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('main img, main b, main i, dialog b, dialog img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});
