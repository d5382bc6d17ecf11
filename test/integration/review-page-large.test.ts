/**
 * The review page on a file of 5,000 fields (written by the scan's writer, as the benchmark's): 25
 * times the rows the page draws at most, so drawing every row fails the test, as would losing the
 * place past the rows drawn first; 100,000 fields are measured by the bench (--review-page),
 * in Debian's headless Chromium: the list keeps only the rows in view in the page, scrolling shows
 * the later fields, the filters count what the file holds, and the keyboard moves, accepts, ignores
 * and undoes past the rows drawn first. What the page shows is checked against the file as
 * ReviewFile reads it. No timing is asserted (scripts/bench-review-page.ts measures).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReviewBenchFile } from '../../scripts/lib/review-bench-file.js';
import { ReviewFile, type ReviewField } from '../../src/review/review-file.js';
import { serveReview, type ReviewServer } from '../../src/review/server.js';
import { browserTestsEnabled, launchChromium } from '../helpers/browser.js';

const FIELDS = 5_000;

describe.skipIf(!browserTestsEnabled())(`review page with ${FIELDS.toLocaleString('en')} fields`, () => {
  let dir: string;
  let file: string;
  let fields: ReviewField[];
  let server: ReviewServer;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const pageErrors: string[] = [];

  const count = (keep: (f: ReviewField) => boolean) => fields.filter(keep).length;
  const rowCount = () => page.locator('tr.row').count();
  /** The field indexes of the rows in the page, in order. */
  const drawnIndexes = () => page.locator('tr.row').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.index)));
  const activeIndex = () => page.evaluate(() => Number((document.activeElement as HTMLElement | null)?.dataset.index ?? -1));
  // Generous: the first action parses the file's collections, slow on a loaded 2-core machine.
  const saved = async (label: RegExp) => expect.poll(() => page.locator('#save-status').innerText(), { timeout: 300_000 }).toMatch(label);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-review-large-'));
    file = path.join(dir, 'estate.yml');
    expect(writeReviewBenchFile(file, FIELDS)).toBe(FIELDS);
    fields = ReviewFile.load(file).fields();
    expect(fields).toHaveLength(FIELDS);
    server = await serveReview(file, { port: 0 });
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps only the rows in view in the page, and scrolling shows the later fields', async () => {
    await page.goto(server.url);
    const proposed = count((f) => f.status === 'proposed');
    await expect.poll(() => page.locator('#left-count').innerText()).toMatch(new RegExp(`^${proposed} fields left to review`));
    await page.getByRole('button', { name: /^All fields/ }).click();
    await expect.poll(() => page.locator('#view-sub').innerText()).toBe(`${FIELDS} fields · ${proposed} left to review`);
    const first = await drawnIndexes();
    expect(first[0]).toBe(0);
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(200);
    // The drawn rows are the file's fields in order, each with its own name.
    expect(first).toEqual(first.map((_, k) => k));
    expect(await page.locator('tr.row .fname').first().innerText()).toBe(`${fields[0].address.collection}.${fields[0].address.field}`);

    // The end of the list.
    await page.locator('main').evaluate((m) => (m.scrollTop = m.scrollHeight));
    await expect.poll(async () => (await drawnIndexes()).at(-1)).toBe(FIELDS - 1);
    const last = fields[FIELDS - 1];
    await expect.poll(() => page.locator('tr.row .fname').last().innerText()).toBe(`${last.address.collection}.${last.address.field}`);
    expect(await rowCount()).toBeLessThan(200);

    // The middle: consecutive fields, wherever the scroll lands.
    await page.locator('main').evaluate((m) => (m.scrollTop = m.scrollHeight / 2));
    // Until the page has redrawn: the rows drawn at the end also start past the first quarter.
    const inMiddle = (drawn: number[]) => drawn[0] > FIELDS / 4 && drawn.at(-1)! < (FIELDS * 3) / 4;
    await expect.poll(async () => inMiddle(await drawnIndexes())).toBe(true);
    const middle = await drawnIndexes();
    expect(middle.at(-1)).toBeLessThan((FIELDS * 3) / 4);
    expect(middle).toEqual(middle.map((_, k) => middle[0] + k));
    const names = await page.locator('tr.row .fname').allInnerTexts();
    expect(names).toEqual(middle.map((i) => `${fields[i].address.collection}.${fields[i].address.field}`));
  });

  it('filters count what the file holds', async () => {
    const sub = () => page.locator('#view-sub').innerText();
    await page.getByLabel('Status').selectOption('accepted');
    await expect.poll(sub).toContain(`${count((f) => f.status === 'accepted')} shown with these filters`);
    const acceptedIndexes = fields.flatMap((f, i) => (f.status === 'accepted' ? [i] : []));
    const drawn = await drawnIndexes();
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn).toEqual(acceptedIndexes.slice(0, drawn.length));

    await page.getByLabel('Status').selectOption('proposed');
    await page.getByLabel('Minimum confidence').fill('90');
    const proposedAbove = count((f) => f.status === 'proposed' && Math.round((f.confidence ?? 0) * 100) >= 90);
    const high = count((f) => f.status === 'proposed' && (f.confidence ?? 0) >= 0.9);
    await expect.poll(sub).toContain(`${proposedAbove} shown with these filters`);
    expect(await page.locator('#accept-shown').innerText()).toBe(`Accept all shown (${proposedAbove} to review)…`);
    expect(await page.locator('#accept-high').innerText()).toBe(`Accept high-confidence shown (${high})…`);

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByLabel('Category').selectOption('user.contact.email');
    await expect.poll(sub).toContain(`${count((f) => f.categories.includes('user.contact.email'))} shown with these filters`);

    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.getByLabel('Search fields').fill('SSN_3');
    const q = (f: ReviewField) => `${f.address.collection}.${f.address.field}`.toLowerCase().includes('ssn_3');
    await expect.poll(sub).toContain(`${count(q)} shown with these filters`);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect.poll(sub).toBe(`${FIELDS} fields · ${count((f) => f.status === 'proposed')} left to review`);
  });

  it('moves with the keyboard past the rows drawn first, and accepts, ignores and undoes there', async () => {
    const label = (i: number) => `${fields[i].address.collection}\\.${fields[i].address.field}`;
    await page.locator('main').evaluate((m) => (m.scrollTop = 0));
    await page.locator('tr.row').first().click();
    await expect.poll(activeIndex).toBe(0);
    // A field to review beyond the rows drawn first, with another one to review five rows above it.
    const drawn = (await drawnIndexes()).length;
    const target = fields.findIndex((f, i) => i >= drawn + 20 && f.status === 'proposed' && fields[i - 5].status === 'proposed');
    for (let k = 0; k < target; k++) await page.keyboard.press('j');
    await expect.poll(activeIndex).toBe(target);
    await page.keyboard.press('a');
    await saved(new RegExp(`Accepted ${label(target)}$`));
    expect(await page.locator(`tr.row[data-index="${target}"] .badge`).innerText()).toBe('Accepted');

    // Five back, ignore, and undo that.
    for (let k = 0; k < 5; k++) await page.keyboard.press('k');
    await expect.poll(activeIndex).toBe(target - 5);
    await page.keyboard.press('i');
    await saved(new RegExp(`Ignored ${label(target - 5)}$`));
    expect(await page.locator(`tr.row[data-index="${target - 5}"] .badge`).innerText()).toBe('Ignored');
    await page.keyboard.press('u');
    await saved(new RegExp(`Undid the change to ${label(target - 5)}$`));
    expect(await page.locator(`tr.row[data-index="${target - 5}"] .badge`).innerText()).toBe('To review');

    // At the far end of the list: the last field to review before the last field.
    await page.locator('main').evaluate((m) => (m.scrollTop = m.scrollHeight));
    await expect.poll(async () => (await drawnIndexes()).at(-1)).toBe(FIELDS - 1);
    await page.locator(`tr.row[data-index="${FIELDS - 1}"]`).click();
    const end = fields.findLastIndex((f, i) => i < FIELDS - 1 && f.status === 'proposed');
    for (let k = end; k < FIELDS - 1; k++) await page.keyboard.press('k');
    await expect.poll(activeIndex).toBe(end);
    await page.keyboard.press('a');
    await saved(new RegExp(`Accepted ${label(end)}$`));

    // On disk: exactly those two fields changed.
    const after = ReviewFile.load(file).fields();
    const changed = after.flatMap((f, i) => (f.status !== fields[i].status ? [[i, f.status]] : []));
    expect(changed).toEqual([
      [target, 'accepted'],
      [end, 'accepted'],
    ]);
    expect(pageErrors).toEqual([]);
  }, 900_000);
});
