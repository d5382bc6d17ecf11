/**
 * Headless Chromium for the review-page tests, driven by playwright-core (never a downloaded
 * browser: Debian's `chromium` package, which the global setup installs when missing).
 * PIISCOUT_TEST_BROWSER=0 leaves the browser tests out.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PIISCOUT_CHROMIUM ?? '/usr/bin/chromium';
export const BROWSER_TEST_FILES = ['test/integration/review-page.test.ts', 'test/integration/export-html-browser.test.ts'];

export function browserTestsEnabled(): boolean {
  return process.env.PIISCOUT_TEST_BROWSER !== '0';
}

/**
 * Whether this vitest run includes a browser test: enabled, and either no file filter on the
 * command line or one that matches a browser test file (vitest filters are path substrings).
 */
export function browserTestsSelected(cliArgs: readonly string[]): boolean {
  if (!browserTestsEnabled()) return false;
  const filters = cliArgs.filter((a) => !a.startsWith('-') && !['run', 'watch', 'dev', 'related'].includes(a));
  return filters.length === 0 || filters.some((f) => BROWSER_TEST_FILES.some((file) => file.includes(f.replace(/^\.\//, '')) || f.endsWith(file)));
}

/** A headless Chromium with a fresh profile that is removed on close. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium, run the tests as root, or set PIISCOUT_TEST_BROWSER=0`);
  }
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
