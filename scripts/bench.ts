/**
 * `npm run bench`: prints throughput figures (never asserted by tests).
 *  1. classification alone: columns/s at 200 sampled values per column, over a mix of column kinds;
 *  2. an end-to-end scan of a generated SQLite database: tables/s, columns/s, queries per table, peak RSS.
 *  3. PostgreSQL and MariaDB scans of generated databases of 100, 1,000 and 10,000 tables, with the
 *     schema-only pass and the database floor as references, and the 10M- vs 10k-row sampling cost
 *     (scripts/lib/bench-engines.ts; docs/benchmarks.md has the results and the machine), with issue 18's
 *     floor and the built CLI's fresh scan and re-scan beside them;
 *  4. start-up: the built CLI from process start to exit, scanning a 2-table SQLite database (best of 5).
 * The end prints issue 18's figures side by side: floor, fresh scan, re-scan, start-up, columns/s.
 * Options: --columns N (default 4000), --tables N (default 1000), --only classify|scan|engines|startup,
 * --sizes 100,1000,10000, --engines postgres,mysql, --concurrency N (default 4), --no-ml,
 * --big-rows N (default 10000000), --no-sampling-cost.
 *  5. with --estate (or --only estate; minutes, not in the default run): issue 18's large estate end to end
 *     on PostgreSQL (--estate-tables N, default 100000; --estate-columns 4; --estate-rows 200): build, fresh
 *     scan, re-scan, check, export html/xlsx, review --serve first paint and a filter, wall time and peak RSS
 *     of each (scripts/lib/bench-estate.ts); --estate-url URL runs the steps on an estate built before
 *     (password in PGPASSWORD), without the build.
 *  6. with --big-file (or --only big-file; minutes, not in the default run): check, review --list, diff and export
 *     of a dataset file of a million fields (--big-file-tables N of 100 columns, default 10000), wall time and
 *     peak RSS of each (scripts/lib/bench-big-file.ts).
 *  7. with --review-page (or --only review-page; slow, not in the default run): the review page in Chromium at
 *     7,200 and 100,000 fields (--review-fields 7200,100000): first paint, each filter, one accept
 *     (scripts/bench-review-page.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { faker } from '@faker-js/faker';
import { createHeuristicClassifier } from '../src/classify/heuristic-classifier.js';
import { createParallelClassifier, defaultClassifyWorkers } from '../src/classify/parallel-classifier.js';
import type { ColumnInput } from '../src/classify/types.js';
import type { NormalizedType, TableMetadata } from '../src/core/metadata.js';
import { createConnector } from '../connectors/index.js';
import { runScan } from '../src/scan/scan.js';
import { createTableFilter } from '../src/scan/filters.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const VALUES = 200;
/** Issue 18's figures, printed together at the end. */
const sideBySide: string[] = [];

type Kind = [name: string, type: NormalizedType, make: () => string];
const KINDS: Kind[] = [
  ['email', 'string', () => faker.internet.email()],
  ['c2', 'string', () => faker.phone.number()],
  ['first_name', 'string', () => faker.person.firstName()],
  ['name', 'string', () => faker.person.fullName()],
  ['dob', 'date', () => faker.date.birthdate().toISOString().slice(0, 10)],
  ['created_at', 'timestamp', () => faker.date.recent().toISOString()],
  ['id', 'integer', () => String(faker.number.int(1_000_000))],
  ['amount', 'decimal', () => faker.finance.amount()],
  ['description', 'string', () => faker.lorem.sentence()],
  ['title', 'string', () => faker.commerce.productName()],
  ['ref', 'uuid', () => faker.string.uuid()],
  ['street', 'string', () => faker.location.streetAddress()],
  ['city', 'string', () => faker.location.city()],
  ['ip', 'inet', () => faker.internet.ipv4()],
  ['status', 'string', () => faker.helpers.arrayElement(['open', 'closed', 'pending'])],
  ['order_no', 'string', () => faker.string.numeric(10)],
];

function makeInputs(count: number): ColumnInput[] {
  faker.seed(1);
  const inputs: ColumnInput[] = [];
  for (let i = 0; i < count; i++) {
    const [name, type, make] = KINDS[i % KINDS.length];
    const column = { name, ordinal: 1, rawType: type, normalizedType: type, isArray: false, isNullable: true, isPrimaryKey: false };
    const table: TableMetadata = { schema: 'public', name: `t${i}`, kind: 'table', columns: [column], primaryKey: [], foreignKeys: [] };
    const values = Array.from({ length: VALUES }, make);
    inputs.push({
      database: { engine: 'sqlite', database: 'bench', schemas: ['public'], tables: [table] },
      table,
      column,
      sample: { values, nullCount: 0, truncatedCount: 0 },
      rowsSampled: VALUES,
    });
  }
  return inputs;
}

async function benchClassification(): Promise<void> {
  const count = arg('columns', 4000);
  const inputs = makeInputs(count);
  const classifier = createHeuristicClassifier();
  await classifier.classify(inputs.slice(0, KINDS.length * 4)); // warm-up: JIT, libphonenumber metadata
  // Best of 3 rounds, by wall clock and by this process's CPU time (steadier on a loaded machine).
  let seconds = Infinity;
  let cpuSeconds = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await classifier.classify(inputs);
    const used = process.cpuUsage(cpu);
    seconds = Math.min(seconds, (performance.now() - start) / 1000);
    cpuSeconds = Math.min(cpuSeconds, (used.user + used.system) / 1e6);
  }
  console.log(
    `classification (heuristic): ${count} columns x ${VALUES} values in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} columns/s (one core; ` +
      `${Math.round(count / cpuSeconds)} columns/s by CPU time; best of 3)`,
  );
  sideBySide.push(`classification, rules alone: ${Math.round(count / seconds)} columns/s (one core)`);
  await benchParallelClassification(inputs, seconds);
  // Per kind, to see which recognizers cost most.
  const perKind: string[] = [];
  for (let k = 0; k < KINDS.length; k++) {
    const subset = inputs.filter((_, i) => i % KINDS.length === k).slice(0, 100);
    const t0 = performance.now();
    await classifier.classify(subset);
    perKind.push(`${KINDS[k][0]} ${((performance.now() - t0) / subset.length).toFixed(2)}ms`);
  }
  console.log(`  per column: ${perKind.join(', ')}`);
}

/** The same columns on the worker-thread pool `piiscout scan` uses (one worker per core, at most 4). */
async function benchParallelClassification(inputs: readonly ColumnInput[], oneCoreSeconds: number): Promise<void> {
  const workers = defaultClassifyWorkers();
  const classifier = createParallelClassifier({ workers, ml: false });
  try {
    await classifier.classify(inputs.slice(0, KINDS.length * 4 * Math.max(1, workers))); // warm-up: every worker
    let seconds = Infinity;
    for (let round = 0; round < 3; round++) {
      const start = performance.now();
      await classifier.classify(inputs);
      seconds = Math.min(seconds, (performance.now() - start) / 1000);
    }
    console.log(
      `classification (heuristic, parallel): ${inputs.length} columns in ${seconds.toFixed(2)} s = ${Math.round(inputs.length / seconds)} columns/s ` +
        `(${workers} worker thread(s) on ${os.availableParallelism()} core(s); ${(oneCoreSeconds / seconds).toFixed(2)}x one core; best of 3)`,
    );
  } finally {
    await classifier.close();
  }
}

/** The default scan classifier: rules plus the column model (features and batched inference included). */
async function benchClassificationWithModel(): Promise<void> {
  const count = arg('columns', 4000);
  const inputs = makeInputs(count);
  const { createColumnModel } = await import('../src/model/model-classifier.js');
  const { createCombinedClassifier } = await import('../src/model/ml-classifiers.js');
  const model = createColumnModel();
  const info = await model.load();
  console.log(`column model ${info.name}@${info.version}: backend ${info.backend}, loaded in ${info.loadMs} ms`);
  const classifier = createCombinedClassifier(model);
  await classifier.classify(inputs.slice(0, KINDS.length * 4));
  // Per-table batches as a scan sends them (8 columns per table, 4 tables in flight).
  const tables: ColumnInput[][] = [];
  for (let i = 0; i < inputs.length; i += 8) tables.push(inputs.slice(i, i + 8));
  const timed = async (run: (batch: ColumnInput[]) => Promise<unknown>): Promise<{ seconds: number; cpuSeconds: number }> => {
    const begin = performance.now();
    const cpu = process.cpuUsage();
    for (let i = 0; i < tables.length; i += 4) await Promise.all(tables.slice(i, i + 4).map(run));
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - begin) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  };
  const inThread = await timed((t) => classifier.classify(t));
  console.log(
    `classification with model (rules + model): ${count} columns x ${VALUES} values in ${inThread.seconds.toFixed(2)} s = ${Math.round(count / inThread.seconds)} columns/s ` +
      `(one core; ${Math.round(count / inThread.cpuSeconds)} columns/s by CPU time; load average ${os.loadavg()[0].toFixed(1)})`,
  );
  sideBySide.push(`classification, rules + model: ${Math.round(count / inThread.seconds)} columns/s (one core), ${Math.round(count / inThread.cpuSeconds)} by CPU time`);
  // Both cores: the rules on worker threads (one per core), the model in this thread, as `PIISCOUT_CLASSIFY_WORKERS=2 piiscout scan` runs.
  const workers = os.availableParallelism();
  const parallel = createParallelClassifier({ workers, ml: true, model });
  try {
    await parallel.classify(inputs.slice(0, KINDS.length * 4 * workers));
    const both = await timed((t) => parallel.classify(t));
    console.log(
      `classification with model on ${workers} worker threads: ${Math.round(count / both.seconds)} columns/s (${(inThread.seconds / both.seconds).toFixed(2)}x one core; ` +
        `${Math.round(count / both.cpuSeconds)} columns/s per CPU-second of all threads)`,
    );
    sideBySide.push(`classification, rules + model on ${workers} worker threads: ${Math.round(count / both.seconds)} columns/s`);
  } finally {
    await parallel.close();
  }
  const start = performance.now();
  await model.probabilities(inputs);
  const seconds = (performance.now() - start) / 1000;
  console.log(`  model alone (features + inference): ${Math.round(count / seconds)} columns/s`);
}

async function benchSqliteScan(): Promise<void> {
  const tables = arg('tables', 1000);
  const rows = 300;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-bench-'));
  const file = path.join(dir, 'bench.db');
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file);
  faker.seed(7);
  const pool = {
    email: Array.from({ length: 500 }, () => faker.internet.email()),
    name: Array.from({ length: 500 }, () => faker.person.fullName()),
    phone: Array.from({ length: 500 }, () => faker.phone.number({ style: 'international' })),
    city: Array.from({ length: 200 }, () => faker.location.city()),
    product: Array.from({ length: 200 }, () => faker.commerce.productName()),
  };
  db.exec('BEGIN');
  for (let t = 0; t < tables; t++) {
    db.exec(`CREATE TABLE t${t} (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, phone TEXT, city TEXT, product TEXT, amount NUMERIC, created_at TEXT)`);
    const insert = db.prepare(`INSERT INTO t${t} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (let r = 0; r < rows; r++) {
      insert.run(r + 1, pool.email[(r * 7 + t) % 500], pool.name[(r * 3 + t) % 500], pool.phone[(r + t) % 500], pool.city[r % 200], pool.product[(r + 2 * t) % 200], r * 1.5, '2024-01-01T10:00:00Z');
    }
  }
  db.exec('COMMIT');
  db.close();

  const connector = await createConnector({ engine: 'sqlite', file });
  await connector.connect({ statementTimeoutSeconds: 30, concurrency: 4 });
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  const result = await runScan(connector, {
    sampleSize: 200,
    concurrency: 4,
    includeViews: false,
    maxValueLength: 512,
    seed: 42,
    filter: createTableFilter(),
    classifier: createHeuristicClassifier(),
  });
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  await connector.close();
  const columns = result.tables.reduce((n, t) => n + t.columns.length, 0);
  const queries = result.tables.reduce((n, t) => n + t.queries, 0);
  const t = result.timings;
  console.log(
    `scan sqlite: ${tables} tables x 8 columns x ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(tables / seconds)} tables/s, ` +
      `${Math.round(columns / seconds)} columns/s, ${(queries / tables).toFixed(2)} sampling queries/table, peak RSS ${Math.round(peak / 1e6)} MB`,
  );
  console.log(
    `  time shares: introspection ${((100 * t.introspectMs) / t.totalMs).toFixed(0)}%, sampling ${((100 * t.sampleMs) / t.totalMs).toFixed(0)}%, classification ${((100 * t.classifyMs) / t.totalMs).toFixed(0)}%`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Issue 18's start-up figure: the built CLI from process start to exit, scanning a 2-table SQLite
 * database (rules + model, then --no-ml), and --help; best of 5 wall times, and of 5 CPU times
 * (user + system, steadier on a loaded machine).
 */
async function benchStartup(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-bench-startup-'));
  const file = path.join(dir, 'two.db');
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(file);
  faker.seed(3);
  db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, full_name TEXT, phone TEXT, created_at TEXT)');
  db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id), total NUMERIC, shipping_address TEXT)');
  const customer = db.prepare('INSERT INTO customers VALUES (?, ?, ?, ?, ?)');
  const order = db.prepare('INSERT INTO orders VALUES (?, ?, ?, ?)');
  for (let r = 1; r <= 300; r++) {
    customer.run(r, faker.internet.email(), faker.person.fullName(), faker.phone.number({ style: 'international' }), '2024-01-01T10:00:00Z');
    order.run(r, r, r * 1.5, faker.location.streetAddress());
  }
  db.close();
  // The package's `bin`: the bundle npm run build writes (dist/bundle/).
  const cli = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'bundle', 'piiscout.js');
  const best = (args: string[]): { wall: number; cpu: number } => {
    let wall = Infinity;
    let cpu = Infinity;
    for (let i = 0; i < 5; i++) {
      // The child's CPU time: what this process's finished children used, before and after.
      const childBefore = childCpu();
      const start = performance.now();
      const run = spawnSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      wall = Math.min(wall, (performance.now() - start) / 1000);
      cpu = Math.min(cpu, childCpu() - childBefore);
      if (run.status !== 0) throw new Error(`piiscout ${args.join(' ')} exited ${String(run.status)}: ${run.stderr.toString()}`);
    }
    return { wall, cpu };
  };
  const out = path.join(dir, 'out.yml');
  const figures = [
    ['scan, rules + model', best(['scan', `sqlite:${file}`, '-o', out, '--no-merge', '-q'])],
    ['scan --no-ml', best(['scan', `sqlite:${file}`, '-o', out, '--no-merge', '-q', '--no-ml'])],
    ['--help', best(['--help'])],
  ] as const;
  const text = figures.map(([what, f]) => `${what} ${f.wall.toFixed(2)} s (${f.cpu.toFixed(2)} s CPU)`).join(', ');
  console.log(`start-up, process start to exit, 2-table SQLite scan (best of 5): ${text}`);
  sideBySide.push(`start-up (2-table SQLite scan, best of 5): ${text}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** CPU seconds (user + system) used by this process's finished children so far (Linux; else NaN). */
function childCpu(): number {
  if (!fs.existsSync('/proc/self/stat')) return NaN;
  const stat = fs.readFileSync('/proc/self/stat', 'utf8');
  // Fields 16 and 17 of /proc/<pid>/stat, cutime and cstime, in clock ticks (100 a second on Linux).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

console.log(`piiscout bench on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}`);
if (!only || only === 'classify') await benchClassification();
if (!only || only === 'classify' || only === 'model') await benchClassificationWithModel();
if (!only || only === 'scan') await benchSqliteScan();
if (!only || only === 'engines') {
  const { benchEngines } = await import('./lib/bench-engines.js');
  const list = (name: string, fallback: string): string[] => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback).split(',');
  await benchEngines({
    engines: list('engines', 'postgres,mysql') as ('postgres' | 'mysql')[],
    sizes: list('sizes', '100,1000,10000').map(Number),
    concurrency: arg('concurrency', 4),
    ml: !args.includes('--no-ml'),
    samplingCost: !args.includes('--no-sampling-cost'),
    bigRows: arg('big-rows', 10_000_000),
    sideBySide: (line) => sideBySide.push(line),
  });
}
if (!only || only === 'startup') await benchStartup();
if (only === 'estate' || args.includes('--estate')) {
  const { benchEstate } = await import('./lib/bench-estate.js');
  await benchEstate({
    tables: arg('estate-tables', 100_000),
    rowsPerTable: arg('estate-rows', 200),
    columnsPerTable: arg('estate-columns', 4),
    concurrency: arg('concurrency', 4),
    ml: !args.includes('--no-ml'),
    pageTimeoutMs: arg('page-timeout', 600) * 1000,
    sideBySide: (line) => sideBySide.push(line),
    ...(args.includes('--estate-url') ? { url: args[args.indexOf('--estate-url') + 1] } : {}),
  });
}
if (only === 'big-file' || args.includes('--big-file')) {
  const { benchBigFile } = await import('./lib/bench-big-file.js');
  await benchBigFile({ tables: arg('big-file-tables', 10_000) });
}
if (sideBySide.length > 0) {
  console.log('\nIssue 18 figures side by side (this run):');
  for (const line of sideBySide) console.log(`  ${line}`);
}
if (only === 'review-page' || args.includes('--review-page')) {
  const { benchReviewPage } = await import('./bench-review-page.js');
  const i = args.indexOf('--review-fields');
  await benchReviewPage({ sizes: (i >= 0 ? args[i + 1] : '7200,100000').split(',').map(Number) });
}
