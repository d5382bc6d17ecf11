/**
 * Out-of-sample checks on public corpora that the classifier was never tuned on, against hand labels:
 * - `--set holdout` (default): Northwind and Pagila (PostgreSQL), labels in test/fixtures/holdout/;
 * - `--set blind-samples`: AdventureWorks (PostgreSQL), Sakila and WebGoat coins (MariaDB), Synthea and WebGoat coins
 *   (SQLite), labels in test/fixtures/blind-samples/. A blind, report-only set: summary tables only (no per-field
 *   confusions), never used for tuning.
 * Starts throw-away PostgreSQL and MariaDB servers, loads the corpora with ../shared/corpora/load_all.sh (SQLite corpora as
 * files in a temp dir), scans each with the built CLI (the default, then the rules alone with `--no-ml` for comparison),
 * scores the scans with `evaluate` and prints the report. Scan files live in a temp dir that is removed at the end.
 * Build first (`npm run build`).
 *
 *   npx tsx scripts/evaluate-holdout.ts [--set holdout|blind-samples] [--load-only] [--write-docs] [-- extra scan args]
 *
 * --load-only loads the corpora and checks the labels against what was loaded (tables, rows, every loaded column labelled,
 * no label without a column) without scanning anything. --write-docs writes the report to the set's docs file
 * (docs/holdout-evaluation.md, docs/blind-samples-evaluation.md); without it nothing is written outside the temp dir.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluate } from '../src/evaluate/index.js';
import { parseTruth } from '../src/evaluate/truth.js';
import { VERSION } from '../src/version.js';
import { installMissingPackages, startMysql, startPostgres, stopAll } from './lib/db-servers.js';
import { renderEvaluationMarkdown, rulesAloneSection, type CorpusEvaluation } from './lib/evaluation-markdown.js';
import { loadedTables, matchLabels, type ClientTarget } from './lib/loaded-columns.js';
import { clientEnv, loadWithLoadAll, scan, type Corpus, type Servers } from './evaluate-corpora.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The hold-out corpora (training/eval.ts scans them too, with real and with masked names). */
export const HOLDOUT: readonly Corpus[] = [
  { load: 'northwind', labels: 'northwind-pg', engine: 'PostgreSQL', database: 'northwind' },
  { load: 'pagila', labels: 'pagila-pg', engine: 'PostgreSQL', database: 'pagila' },
];

/** The blind samples: labelled before any scan, reported in summary tables only. */
export const BLIND_SAMPLES: readonly Corpus[] = [
  { load: 'adventureworks', labels: 'adventureworks_pg-pg', engine: 'PostgreSQL', database: 'adventureworks' },
  { load: 'sakila', labels: 'sakila_mysql-my', engine: 'MariaDB', database: 'sakila' },
  { load: 'webgoat-my', labels: 'webgoat_coins-my', engine: 'MariaDB', database: 'webgoat_coins' },
  { load: 'synthea-sqlite', labels: 'synthea_unmc-sqlite', engine: 'SQLite', database: 'synthea.db' },
  { load: 'webgoat-sqlite', labels: 'webgoat_coins-sqlite', engine: 'SQLite', database: 'webgoat.db' },
];

interface EvaluationSet {
  readonly corpora: readonly Corpus[];
  /** Folder of the labels files under test/fixtures. */
  readonly fixtures: string;
  readonly title: string;
  readonly docsFile: string;
  /** Withhold per-field confusions (summary tables only). */
  readonly blind: boolean;
  /** Corpora left out of the overall line: a second engine's copy of a corpus already counted. */
  readonly notInOverall: ReadonlySet<string>;
}

const SETS: Record<string, EvaluationSet> = {
  holdout: {
    corpora: HOLDOUT,
    fixtures: 'holdout',
    title: 'Hold-out evaluation (corpora the classifier was not tuned on)',
    docsFile: 'holdout-evaluation.md',
    blind: false,
    notInOverall: new Set(),
  },
  'blind-samples': {
    corpora: BLIND_SAMPLES,
    fixtures: 'blind-samples',
    title: 'Blind samples evaluation (labelled before any scan; summary tables only, never used for tuning)',
    docsFile: 'blind-samples-evaluation.md',
    blind: true,
    notInOverall: new Set(['webgoat_coins-sqlite']),
  },
};

const truthFileOf = (set: EvaluationSet, corpus: Corpus): string => path.join(repoRoot, 'test', 'fixtures', set.fixtures, `${corpus.labels}.labels.yml`);
export const holdoutTruthFile = (corpus: Corpus): string => truthFileOf(SETS.holdout!, corpus);

interface Options {
  readonly set: EvaluationSet;
  readonly setName: string;
  readonly loadOnly: boolean;
  readonly writeDocs: boolean;
  readonly scanArgs: readonly string[];
}

function parseOptions(argv: readonly string[]): Options {
  const dash = argv.indexOf('--');
  const { values } = parseArgs({
    args: dash >= 0 ? argv.slice(0, dash) : [...argv],
    options: { set: { type: 'string', default: 'holdout' }, 'load-only': { type: 'boolean', default: false }, 'write-docs': { type: 'boolean', default: false } },
  });
  const set = SETS[values.set!];
  if (!set) throw new Error(`--set must be one of ${Object.keys(SETS).join(', ')}`);
  return { set, setName: values.set!, loadOnly: values['load-only']!, writeDocs: values['write-docs']!, scanArgs: dash >= 0 ? argv.slice(dash + 1) : [] };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { set } = options;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-holdout-'));
  try {
    await installMissingPackages(true, true);
    const [pg, my] = await Promise.all([startPostgres(), startMysql()]);
    const servers: Servers = { pg, my, sqliteDir: path.join(work, 'sqlite') };
    await loadWithLoadAll(servers, set.corpora.map((c) => c.load));
    if (options.loadOnly) {
      process.stdout.write(await loadReport(set, servers));
      return;
    }
    const scanAll = async (args: readonly string[]): Promise<CorpusEvaluation[]> => {
      const results: CorpusEvaluation[] = [];
      for (const corpus of set.corpora) {
        const out = path.join(work, `${corpus.labels}.yml`);
        log(`scanning ${corpus.load}${args.length ? ` (${args.join(' ')})` : ''}…`);
        await scan(corpus, servers, out, args);
        const scanText = fs.readFileSync(out, 'utf8');
        fs.rmSync(out);
        const truthFile = truthFileOf(set, corpus);
        const truthText = fs.readFileSync(truthFile, 'utf8');
        results.push({
          corpus: corpus.labels,
          engine: corpus.engine,
          truth: `test/fixtures/${set.fixtures}/${path.basename(truthFile)}`,
          inOverall: !set.notInOverall.has(corpus.labels),
          ours: evaluate({ scanText, truthText }),
          baseline: evaluate({ scanText, truthText, predictor: 'piicatcher' }),
        });
      }
      return results;
    };
    const results = await scanAll(options.scanArgs);
    const blind = new Set(set.blind ? results.map((r) => r.corpus) : []);
    let markdown = renderEvaluationMarkdown(results, { date: new Date().toISOString().slice(0, 10), version: VERSION }, blind)
      .replace(/^# .*$/m, `# ${set.title}`)
      .replace('npx tsx scripts/evaluate-corpora.ts', `npx tsx scripts/evaluate-holdout.ts --set ${options.setName}`);
    // The rules alone beside the default (rules + column model), so that what the model adds is visible.
    if (!options.scanArgs.includes('--no-ml')) markdown += rulesAloneSection(await scanAll([...options.scanArgs, '--no-ml']));
    if (options.writeDocs) fs.writeFileSync(path.join(repoRoot, 'docs', set.docsFile), markdown);
    process.stdout.write(markdown);
  } finally {
    await stopAll();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** What each corpus's load created, and its labels checked against it (names and counts only). */
async function loadReport(set: EvaluationSet, servers: Servers): Promise<string> {
  const lines = [
    `# Load check: ${set.fixtures} (no scan)`,
    '',
    '| corpus | engine | tables | empty tables | rows | columns loaded | labels | loaded without label | labels without column |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const notes: string[] = [];
  for (const corpus of set.corpora) {
    const tables = await loadedTables(clientTarget(corpus, servers));
    const labelled = parseTruth(fs.readFileSync(truthFileOf(set, corpus), 'utf8')).fields.map((f) => `${f.path.schema}.${f.path.table}.${f.path.column}`);
    const match = matchLabels(tables, labelled);
    const rows = tables.reduce((n, t) => n + t.rows, 0);
    const empty = tables.filter((t) => t.rows === 0).length;
    lines.push(
      `| ${corpus.labels} | ${corpus.engine} | ${tables.length} | ${empty} | ${rows} | ${match.loaded} | ${match.labelled} | ${match.unlabelled.length} | ${match.withoutColumn.length} |`,
    );
    if (match.unlabelled.length > 0) notes.push(`${corpus.labels}: loaded without label: ${match.unlabelled.join(', ')}`);
    if (match.withoutColumn.length > 0) notes.push(`${corpus.labels}: labels without column: ${match.withoutColumn.join(', ')}`);
  }
  return [...lines, '', ...(notes.length ? notes : ['Every loaded column is labelled and every label names a loaded column.'])].join('\n') + '\n';
}

function clientTarget(corpus: Corpus, servers: Servers): ClientTarget {
  const env = clientEnv(servers);
  if (corpus.engine === 'PostgreSQL') return { engine: 'PostgreSQL', database: corpus.database, env };
  if (corpus.engine === 'MariaDB') {
    const { my } = servers;
    return { engine: 'MariaDB', database: corpus.database, env, client: my.clientPath, host: my.host, port: my.port, user: my.user };
  }
  return { engine: 'SQLite', file: path.join(servers.sqliteDir, corpus.database) };
}

function log(line: string): void {
  process.stderr.write(`[evaluate-holdout] ${line}\n`);
}

// Run only as a script: training/eval.ts imports the corpus list.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`[evaluate-holdout] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
