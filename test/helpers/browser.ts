/**
 * Headless Chromium for the review-page tests, driven by playwright-core (never a downloaded
 * browser: Debian's `chromium` package, which the global setup installs when missing).
 * PIISCOUT_TEST_BROWSER=0 leaves the browser tests out.
 */
export { CHROMIUM_PATH, launchChromium } from '../../scripts/lib/chromium.js';

export const BROWSER_TEST_FILES = ['test/integration/review-page.test.ts', 'test/integration/review-page-large.test.ts', 'test/integration/export-html-browser.test.ts'];

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
