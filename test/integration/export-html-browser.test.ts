/**
 * The HTML data map of the demo scan in Debian's headless Chromium: it loads with no request other
 * than the file itself, draws the chart and the tables, and prints. PIISCOUT_SCREENSHOT=1 writes
 * docs/data-map-report.png (the first screen and a bit). PIISCOUT_TEST_BROWSER=0 skips it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAddress, ReviewFile } from '../../src/review/review-file.js';
import { browserTestsEnabled, launchChromium } from '../helpers/browser.js';
import { runCli } from '../helpers/fixtures.js';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

describe.skipIf(!browserTestsEnabled())('HTML data map in Chromium', () => {
  let work: string;
  let report: string;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-export-html-'));
    const scan = path.join(work, 'demo.yml');
    const scanned = await runCli(['scan', '--demo', '-o', scan, '-q']);
    expect(scanned.code, scanned.stderr).toBe(0);
    // Some decisions, so every status shows up in the report: two personal proposals below the
    // accept threshold (chosen from the file, as the classifier's verdicts may change) are ignored / set.
    const below = ReviewFile.load(scan)
      .fields()
      .filter((f) => f.categories.some((c) => c.startsWith('user.')) && (f.confidence ?? 1) < 0.9)
      .map((f) => formatAddress(f.address));
    expect(below.length).toBeGreaterThan(2);
    const review = await runCli(['review', scan, '--accept-above', '0.9', '--yes', '--ignore', below[0], '--set', `${below[1]}=user.name`]);
    expect(review.code, review.stderr).toBe(0);
    report = path.join(work, 'data-map.html');
    const exported = await runCli(['export', 'demo.yml', '-o', 'data-map.html'], { cwd: work });
    expect(exported.code, exported.stderr).toBe(0);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('renders the chart and tables without loading anything else', async () => {
    const page = await browser.context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(report).href);

    expect(requests).toEqual([pathToFileURL(report).href]);
    expect(errors).toEqual([]);
    await expect.poll(() => page.locator('svg.chart rect').count()).toBeGreaterThan(2);
    const chart = await page.locator('svg.chart').boundingBox();
    expect(chart!.width).toBeGreaterThan(600);
    expect(await page.locator('h1').textContent()).toBe('Personal data map');
    const firstCard = await page.locator('.card .value').first().textContent();
    expect(Number(firstCard)).toBeGreaterThan(10);
    // One table row per data map row, across the per-dataset tables.
    const csv = await runCli(['export', path.join(work, 'demo.yml'), '--format', 'csv', '-o', '-']);
    const csvRows = csv.stdout.split('\r\n').filter((l) => l !== '').length - 1;
    expect(await page.locator('table.fields tbody tr').count()).toBe(csvRows);
    for (const status of ['Accepted', 'Set by a reviewer', 'Ignored by a reviewer', 'Not reviewed']) {
      expect(await page.locator('table.fields .badge', { hasText: status }).count()).toBeGreaterThan(0);
    }

    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');

    if (process.env.PIISCOUT_SCREENSHOT === '1') {
      await page.setViewportSize({ width: 1280, height: 1180 });
      await page.screenshot({ path: path.join(repoRoot, 'docs', 'data-map-report.png') });
    }
    await page.close();
  });
});
