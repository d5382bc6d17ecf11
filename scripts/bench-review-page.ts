/**
 * The review page (`piiscout review FILE --serve`) at scale, measured in headless Chromium:
 *   node dist/scripts/bench-review-page.js [--fields 7200,100000]
 * (`npm run bench -- --review-page` runs it inside the bench with the same --fields; --server-bin
 * PATH serves the page with another checkout's CLI, e.g. an older version's src/cli/bin.ts under tsx.) For each size
 * it writes a dataset file with the scan's writer (scripts/lib/review-bench-file.ts), serves it,
 * opens the page and reports, in milliseconds:
 *  - server start: `piiscout review FILE --serve` (its own process, as a reviewer runs it) until it
 *    prints the page's link;
 *  - first paint: navigation start until the first field rows are in the page and a frame has been
 *    drawn (an init script watches the DOM, so it measures any version of the page the same way),
 *    and the page's own `piiscout:interactive` mark (all fields loaded and indexed) when it has one;
 *  - each filter and view change: from the input event until the next frame is drawn, in the page;
 *  - scrolling to the end of "All fields", and two accepts (key press until "Saved"; the first reads the
 *    file for editing, cut into collections (src/review/review-splice.ts), the second reuses that).
 * Timings are for reading, never asserted; the machine (2 shared cores) is noisy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './lib/chromium.js';
import { writeReviewBenchFile } from './lib/review-bench-file.js';

/**
 * Runs in the page before its own script: notes when the first field row appears and is drawn. In-page
 * code is text here: the scripts are type-checked without the DOM library.
 */
const WATCH_FIRST_ROWS = `
  const bench = (window.__bench = {});
  const observer = new MutationObserver(() => {
    if (bench.firstRows !== undefined || !document.querySelector('tr.row')) return;
    bench.firstRows = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (bench.firstRowsPainted = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });`;

/** One filter or view change, timed in the page from the event until the next frame is drawn. */
export type Change =
  | { readonly click: string; readonly nth?: number }
  | { readonly set: string; readonly value: string; readonly event: 'input' | 'change' }
  | { readonly scrollToEnd: string };

export const STEPS: [label: string, change: Change][] = [
  ['open "All fields"', { click: '#tree-list button.all' }],
  ['search "email"', { set: '#f-search', value: 'email', event: 'input' }],
  ['clear search', { set: '#f-search', value: '', event: 'input' }],
  ['status: to review', { set: '#f-status', value: 'proposed', event: 'change' }],
  ['status: accepted', { set: '#f-status', value: 'accepted', event: 'change' }],
  ['status: all', { set: '#f-status', value: '', event: 'change' }],
  ['min confidence 80%', { set: '#f-confidence', value: '80', event: 'input' }],
  ['min confidence 0%', { set: '#f-confidence', value: '0', event: 'input' }],
  ['category user.contact.email', { set: '#f-category', value: 'user.contact.email', event: 'change' }],
  ['clear filters', { click: '#f-clear' }],
  ['open one table', { click: '#tree-list button.tbl', nth: 1 }],
  ['open "All fields" again', { click: '#tree-list button.all' }],
  ['scroll to the end', { scrollToEnd: 'main' }],
];

/** The little of the page these functions touch (the scripts are type-checked without the DOM library). */
interface InPage {
  __bench: { firstRowsPainted?: number };
  document: { querySelector(selector: string): InPageElement | null; querySelectorAll(selector: string): ArrayLike<InPageElement> };
  requestAnimationFrame(callback: () => void): void;
  Event: new (type: string, init?: { bubbles?: boolean }) => unknown;
}
interface InPageElement {
  value: string;
  textContent: string | null;
  className: string;
  scrollTop: number;
  readonly scrollHeight: number;
  click(): void;
  dispatchEvent(event: unknown): void;
}
export async function timeStep(page: Page, change: Change): Promise<number> {
  return page.evaluate(async (c) => {
    const w = globalThis as unknown as InPage;
    const document = w.document;
    const start = performance.now();
    if ('click' in c) document.querySelectorAll(c.click)[c.nth ?? 0].click();
    else if ('set' in c) {
      const el = document.querySelector(c.set)!;
      el.value = c.value;
      el.dispatchEvent(new w.Event(c.event, { bubbles: true }));
    } else {
      const el = document.querySelector(c.scrollToEnd)!;
      el.scrollTop = el.scrollHeight;
      el.dispatchEvent(new w.Event('scroll'));
    }
    await new Promise((resolve) => w.requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, change);
}

/** `piiscout review FILE --serve` in its own process (built, or the sources under tsx as this script runs). */
async function startServer(file: string, serverBin?: string): Promise<{ url: string; child: ChildProcess }> {
  const bin = serverBin ?? new URL(`../src/cli/bin${path.extname(new URL(import.meta.url).pathname)}`, import.meta.url).pathname;
  const child = spawn(process.execPath, [...process.execArgv, bin, 'review', file, '--serve'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const found = /Review page for .*: (http:\/\/\S+)/.exec(stderr);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) => reject(new Error(`piiscout review --serve exited with ${code}: ${stderr}`)));
  });
  return { url, child };
}

export interface ReviewPageBenchOptions {
  readonly sizes: readonly number[];
  /** Give up on one page load after this long (the page before issue 18 needed minutes at 100,000 fields). */
  readonly timeoutMs?: number;
  /** The CLI that serves the page (default: this checkout's). */
  readonly serverBin?: string;
}

/** What opening the page measured: server start, first paint, and the page's own load marks. */
export interface ReviewPageLoad {
  readonly serverStartMs: number;
  readonly page?: { readonly firstByte: number; readonly end: number };
  readonly painted: number;
  readonly interactive?: number;
  readonly state?: { readonly start: number; readonly firstByte: number; readonly end: number; readonly bytes: number };
}

/** An opened review page and the `piiscout review --serve` process behind it; `close` ends both. */
export interface OpenReviewPage {
  readonly page: Page;
  readonly server: ChildProcess;
  readonly load: ReviewPageLoad;
  close(): Promise<void>;
}

/** Serves `file` with `piiscout review --serve`, opens it in `browser` and waits for the first field rows to be drawn. */
export async function openReviewPage(browser: { context: BrowserContext }, file: string, timeout: number, serverBin?: string): Promise<OpenReviewPage> {
  const started = performance.now();
  const server = await startServer(file, serverBin);
  const serverStartMs = performance.now() - started;
  const page = await browser.context.newPage();
  const close = async (): Promise<void> => {
    await page.close();
    server.child.kill();
  };
  try {
    page.setDefaultTimeout(timeout);
    await page.addInitScript({ content: WATCH_FIRST_ROWS });
    await page.goto(server.url);
    // Functions, not strings: the page's Content-Security-Policy forbids eval.
    await page.waitForFunction(() => (globalThis as unknown as InPage).__bench.firstRowsPainted !== undefined, undefined, { timeout });
    const load = await page.evaluate(() => {
      const state = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/state')) as unknown as { requestStart: number; responseStart: number; responseEnd: number; encodedBodySize: number } | undefined;
      const nav = performance.getEntriesByType('navigation' as never)[0] as unknown as { responseStart: number; responseEnd: number } | undefined;
      return {
        page: nav && { firstByte: nav.responseStart, end: nav.responseEnd },
        painted: (globalThis as unknown as InPage).__bench.firstRowsPainted!,
        interactive: performance.getEntriesByName('piiscout:interactive')[0]?.startTime,
        state: state && { start: state.requestStart, firstByte: state.responseStart, end: state.responseEnd, bytes: state.encodedBodySize },
      };
    });
    return { page, server: server.child, load: { serverStartMs, ...load }, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The load figures as printed lines. */
export function describeLoad(load: ReviewPageLoad): string[] {
  const lines = [`server start ${ms(load.serverStartMs)}, first paint ${ms(load.painted)}${load.interactive === undefined ? '' : `, interactive ${ms(load.interactive)}`}`];
  if (load.page) lines.push(`the page: first byte at ${ms(load.page.firstByte)}, all of it at ${ms(load.page.end)}`);
  if (load.state) {
    const { start, firstByte, end, bytes } = load.state;
    lines.push(`/api/state: asked at ${ms(start)}, first byte after ${ms(firstByte - start)}, ${(bytes / 1e6).toFixed(1)} MB in ${ms(end - firstByte)}`);
  }
  return lines;
}

export async function benchReviewPage(options: ReviewPageBenchOptions): Promise<void> {
  const timeout = options.timeoutMs ?? 600_000;
  const browser = await launchChromium();
  try {
    for (const size of options.sizes) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-bench-review-'));
      try {
        const file = path.join(dir, 'estate.yml');
        const fields = writeReviewBenchFile(file, size);
        const mb = fs.statSync(file).size / 1e6;
        let opened: OpenReviewPage | undefined;
        try {
          opened = await openReviewPage(browser, file, timeout, options.serverBin);
          const { page } = opened;
          console.log(`review page, ${fields.toLocaleString('en')} fields (${mb.toFixed(0)} MB of YAML):`);
          for (const line of describeLoad(opened.load)) console.log(`  ${line}`);
          for (const [label, change] of STEPS) console.log(`  ${label.padEnd(30)} ${ms(await timeStep(page, change))}`);
          // The first action reads the file for editing (cut into collections); the next ones reuse it.
          await page.locator('tr.row').first().click();
          for (const label of ['first accept (until saved)', 'next accept (until saved)']) {
            const started = performance.now();
            await page.keyboard.press('a');
            await page.waitForFunction(() => /\b(saved|error)\b/.test((globalThis as unknown as InPage).document.querySelector('#save-status')?.className ?? ''));
            const failed = await page.evaluate(() => (globalThis as unknown as InPage).document.querySelector('#save-status.error')?.textContent);
            console.log(`  ${label.padEnd(30)} ${failed ? `failed: ${failed}` : ms(performance.now() - started)}`);
            await page.evaluate(() => ((globalThis as unknown as InPage).document.querySelector('#save-status')!.className = ''));
            await page.keyboard.press('j');
          }
        } catch (error) {
          console.log(`  gave up: ${(error as Error).message.split('\n')[0]}`);
        } finally {
          await opened?.close();
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
}

export function ms(value: number): string {
  return `${Math.round(value).toLocaleString('en')} ms`;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]).replace(/\.ts$/, '.js') === new URL(import.meta.url).pathname.replace(/\.ts$/, '.js');
if (invokedDirectly) {
  const i = process.argv.indexOf('--fields');
  const sizes = (i >= 0 ? process.argv[i + 1] : '7200').split(',').map(Number);
  const bin = process.argv.indexOf('--server-bin');
  await benchReviewPage({ sizes, serverBin: bin >= 0 ? path.resolve(process.argv[bin + 1]) : undefined });
}
