/**
 * Issue 18's large estate end to end (`npm run bench -- --only estate --estate-tables 100000`; off by
 * default, it takes many minutes): builds a PostgreSQL database of N generated tables (the bench's
 * templates, scripts/lib/bench-databases.ts, with a few columns and a few hundred rows each) in one
 * psql session, then runs the built CLI as a user would, each command in its own process with its wall
 * time and peak RSS (GNU time's maximum resident set size):
 *   fresh scan (`--no-merge`), re-scan merging into that file, `check`, `export` to HTML and to XLSX,
 * and `review --serve`: the page's first paint and one filter in headless Chromium
 * (scripts/bench-review-page.ts), the server's peak RSS read from /proc before it is stopped.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeLoad, ms, openReviewPage, STEPS, timeStep } from '../bench-review-page.js';
import { launchChromium } from './chromium.js';
import { tableStatements } from './bench-databases.js';
import { CLI, postgresServer } from './bench-engines.js';
import { stopAll } from './db-servers.js';

export interface EstateBenchOptions {
  readonly tables: number;
  readonly rowsPerTable: number;
  /** Columns per table, 1..8 (the key, then the template's personal data). */
  readonly columnsPerTable: number;
  readonly concurrency: number;
  readonly ml: boolean;
  /** Give up on the review page after this long. */
  readonly pageTimeoutMs: number;
  readonly sideBySide?: (line: string) => void;
  /** An estate built before (a PostgreSQL URL, password in PGPASSWORD): no build, the steps only. */
  readonly url?: string;
}

/** Tables per transaction in the build script: bounded so the lock table never fills. */
const TABLES_PER_TRANSACTION = 250;
const GNU_TIME = '/usr/bin/time';

export interface Measured {
  readonly step: string;
  readonly wallMs: number;
  /** Peak resident set size in MB, or undefined where it could not be read. */
  readonly peakRssMb?: number;
  readonly note: string;
}

export async function benchEstate(options: EstateBenchOptions): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-estate-'));
  const results: Measured[] = [];
  const report = (m: Measured): void => {
    results.push(m);
    log(`${m.step}: ${sec(m.wallMs)}${m.peakRssMb === undefined ? '' : `, peak RSS ${m.peakRssMb} MB`}${m.note ? ` (${m.note})` : ''}`);
  };
  try {
    const server = options.url ? undefined : await postgresServer();
    const db = `estate_${options.tables}`;
    if (server) {
      await server.exec(undefined, [[`CREATE DATABASE ${db}`]], 1);
      const buildFile = path.join(dir, 'build.sql');
      writeBuildScript(buildFile, options);
      const buildMs = await server.script(db, buildFile);
      const analyzeFile = path.join(dir, 'analyze.sql');
      fs.writeFileSync(analyzeFile, 'ANALYZE;\n');
      const analyzeMs = await server.script(db, analyzeFile);
      report({ step: 'build (one psql session)', wallMs: buildMs, note: `then ANALYZE ${sec(analyzeMs)}` });
    }

    const file = path.join(dir, 'estate.yml');
    const scanArgs = ['scan', server ? server.url(db) : options.url!, '-o', file, '-q', '--concurrency', String(options.concurrency), ...(options.ml ? [] : ['--no-ml'])];
    const env = server ? server.env : {};
    report(await measureCli('fresh scan (--no-merge)', [...scanArgs, '--no-merge'], env, dir, [0, 3]));
    const bytes = fs.statSync(file).size;
    report(await measureCli('re-scan merging into it', scanArgs, env, dir, [0, 3]));
    // Every field is still proposed, so `check` fails (exit 1) listing them all: the work a CI gate does.
    report(await measureCli('check', ['check', file], env, dir, [1]));
    report(await measureCli('export --format html', ['export', file, '--format', 'html', '-o', path.join(dir, 'estate.html'), '-q'], env, dir, [0]));
    report(await measureCli('export --format xlsx', ['export', file, '--format', 'xlsx', '-o', path.join(dir, 'estate.xlsx'), '-q'], env, dir, [0]));
    await server?.close();
    await stopAll(); // the review page needs no database; free its memory and cores
    for (const m of await measureReviewPage(file, options.pageTimeoutMs)) report(m);

    const fields = options.tables * options.columnsPerTable;
    console.log(
      `\nLarge estate end to end (PostgreSQL, ${options.tables.toLocaleString('en')} tables x ${options.columnsPerTable} columns x ${options.rowsPerTable} rows = ` +
        `${fields.toLocaleString('en')} fields, ${(bytes / 1e6).toFixed(0)} MB of YAML; concurrency ${options.concurrency}, ${options.ml ? 'rules + column model' : 'rules only'}; ` +
        `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}):\n`,
    );
    console.log('| step | wall time | peak RSS | note |');
    console.log('|---|---:|---:|---|');
    for (const m of results) console.log(`| ${m.step} | ${sec(m.wallMs)} | ${m.peakRssMb === undefined ? '' : `${m.peakRssMb} MB`} | ${m.note} |`);
    const worst = Math.max(...results.map((m) => m.peakRssMb ?? 0));
    options.sideBySide?.(
      `estate of ${options.tables.toLocaleString('en')} tables: ` +
        results.slice(server ? 1 : 0).map((m) => `${m.step} ${sec(m.wallMs)}${m.peakRssMb === undefined ? '' : ` (${m.peakRssMb} MB)`}`).join(', ') +
        `; highest peak RSS ${worst} MB`,
    );
  } finally {
    await stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The build as one script: tables in transactions of TABLES_PER_TRANSACTION, each created and filled by the server. */
function writeBuildScript(file: string, options: EstateBenchOptions): void {
  const out = fs.openSync(file, 'w');
  try {
    for (let first = 0; first < options.tables; first += TABLES_PER_TRANSACTION) {
      const statements = ['BEGIN;'];
      for (let i = first; i < Math.min(options.tables, first + TABLES_PER_TRANSACTION); i++) {
        for (const sql of tableStatements('postgres', i, options.rowsPerTable, undefined, options.columnsPerTable)) statements.push(`${sql};`);
      }
      statements.push('COMMIT;\n');
      fs.writeSync(out, statements.join('\n'));
    }
  } finally {
    fs.closeSync(out);
  }
}

/** The built CLI in its own process under GNU time: wall time, peak RSS, and the exit code checked against `okCodes`. */
export function measureCli(step: string, args: string[], env: NodeJS.ProcessEnv, dir: string, okCodes: readonly number[]): Promise<Measured> {
  const rssFile = path.join(dir, 'rss.txt');
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const proc = spawn(GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const wallMs = performance.now() - start;
      if (code === null || !okCodes.includes(code)) {
        reject(new Error(`piiscout ${step} exited ${String(code)}: ${stderr}`));
        return;
      }
      // GNU time writes "Command exited with non-zero status N" before the figure when the exit code is not 0.
      const kb = Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
      resolve({ step, wallMs, peakRssMb: Math.round(kb / 1024), note: code === 0 ? '' : `exit ${code}` });
    });
  });
}

/** The review page's first two steps: open "All fields", then search "email" in it. */
const PAGE_STEPS = STEPS.slice(0, 2);

/** `review --serve` on the scan's file: server start and first paint in Chromium, two steps, the server's peak RSS. */
async function measureReviewPage(file: string, timeoutMs: number): Promise<Measured[]> {
  const browser = await launchChromium();
  try {
    const opened = await openReviewPage(browser, file, timeoutMs);
    try {
      const { load } = opened;
      const steps: Measured[] = [];
      for (const [label, change] of PAGE_STEPS) {
        const stepMs = await timeStep(opened.page, change);
        steps.push({ step: `review page: ${label}`, wallMs: stepMs, note: `event to next frame, ${ms(stepMs)}` });
      }
      return [
        { step: 'review --serve: server start', wallMs: load.serverStartMs, note: '' },
        { step: 'review --serve: first paint', wallMs: load.painted, peakRssMb: peakRssOf(opened.server.pid), note: `${describeLoad(load).slice(1).join('; ')}; peak RSS: the server's, after the steps below` },
        ...steps,
      ];
    } finally {
      await opened.close();
    }
  } finally {
    await browser.close();
  }
}

/** A running process's peak resident set size (VmHWM) in MB (Linux). */
function peakRssOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
}

function sec(msValue: number): string {
  return `${(msValue / 1000).toFixed(2)} s`;
}

function log(line: string): void {
  process.stderr.write(`[bench estate] ${line}\n`);
}
