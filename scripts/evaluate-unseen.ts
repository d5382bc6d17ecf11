/**
 * Blind evaluation on the unseen corpora (test/fixtures/unseen; rules and sources in its README): each
 * corpus is generated from its corpus.yml, loaded into a throw-away server (PostgreSQL, MariaDB) or a
 * SQLite file, scanned with the BUILT CLI (default, then `--no-ml`) and scored with `piiscout evaluate`'s
 * scoring against labels.yml; PIICatcher's name regexes are scored beside it. Rows corpora are scored by
 * category F1, names-only corpora by detection F1 (personal or not) at their false-positive rate.
 * Build first (`npx tsc -p tsconfig.json`).
 *
 *   npx tsx scripts/evaluate-unseen.ts --out report.md [--split dev|test|test2|test3|all] [--corpus a,b] [--masked]
 *                                      [--check-load] [--keep-scans DIR] [--no-compare] [-- extra scan args]
 *
 * --masked scans the masked variant (every table and column renamed; labels follow). --check-load loads
 * each corpus and compares row counts, without scanning. `_`-prefixed corpora (the pipeline's own
 * example) are in no split: name them with --corpus. `all` is dev and test; the second and third blind
 * splits, test2 and test3, run only when named (`--split test2`, `--split test3`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluate } from '../src/evaluate/index.js';
import { VERSION } from '../src/version.js';
import { installMissingPackages, startMysql, startPostgres, stopAll } from './lib/db-servers.js';
import type { CorpusEvaluation } from './lib/evaluation-markdown.js';
import { corporaOfSplit, CorpusError, generateRows, listCorpora, maskCorpus, maskedCorpusInput, readCorpus, realCorpusInput, SPLITS, type Corpus, type LoadInput, type SplitSelection } from './lib/unseen-corpora.js';
import { countRows, dropCorpusDatabase, loadMysql, loadPostgres, loadSqlite } from './lib/unseen/load.js';
import { renderUnseenReport, type UnseenResult } from './lib/unseen-report.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repoRoot, 'dist', 'src', 'cli', 'bin.js');
const ENGINE_NAMES = { postgres: 'PostgreSQL', mysql: 'MariaDB', sqlite: 'SQLite' } as const;

interface Options {
  readonly out?: string;
  readonly split: SplitSelection;
  readonly corpora?: readonly string[];
  readonly masked: boolean;
  readonly checkLoad: boolean;
  /** Folder the scan files are copied to (kept), for `scripts/unseen-errors.ts` on dev corpora. */
  readonly keepScans?: string;
  /** Skip the rules-alone scan. */
  readonly noCompare: boolean;
  readonly scanArgs: readonly string[];
}

function parseOptions(argv: readonly string[]): Options {
  const dash = argv.indexOf('--');
  const { values } = parseArgs({
    args: dash >= 0 ? argv.slice(0, dash) : [...argv],
    options: {
      out: { type: 'string' },
      split: { type: 'string', default: 'all' },
      corpus: { type: 'string', multiple: true },
      masked: { type: 'boolean', default: false },
      'check-load': { type: 'boolean', default: false },
      'keep-scans': { type: 'string' },
      'no-compare': { type: 'boolean', default: false },
    },
  });
  const selections: readonly string[] = [...SPLITS, 'all'];
  if (!selections.includes(values.split!)) throw new UsageError(`--split must be ${selections.join(', ')}, not ${values.split}`);
  if (!values.out && !values['check-load']) throw new UsageError('--out <report.md> is required (or --check-load)');
  return {
    out: values.out,
    keepScans: values['keep-scans'],
    noCompare: values['no-compare']!,
    split: values.split as Options['split'],
    corpora: values.corpus?.flatMap((c) => c.split(',')).filter(Boolean),
    masked: values.masked!,
    checkLoad: values['check-load']!,
    scanArgs: dash >= 0 ? argv.slice(dash + 1) : [],
  };
}

class UsageError extends Error {}

/** The corpora named with --corpus, or those of the split (never the `_`-prefixed examples). */
function selectCorpora(options: Options): Corpus[] {
  const names = options.corpora ?? listCorpora().filter((n) => !n.startsWith('_'));
  const known = new Set(listCorpora());
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new UsageError(`unknown corpus ${unknown.join(', ')} (known: ${[...known].join(', ')})`);
  const corpora = names.map((n) => readCorpus(n));
  // Named corpora all run under `all` (the examples, test2 and test3 by name), as before test2 existed.
  return options.corpora && options.split === 'all' ? corpora : corporaOfSplit(corpora, options.split);
}

/** One corpus made ready to load: real or masked names, and the truth that goes with them. */
interface Prepared {
  readonly corpus: Corpus;
  readonly input: LoadInput;
  readonly truthText: string;
  readonly truthName: string;
}

function prepare(corpus: Corpus, masked: boolean): Prepared {
  const rows = generateRows(corpus);
  const truthName = `test/fixtures/unseen/${corpus.name}/labels.yml`;
  if (!masked) return { corpus, input: realCorpusInput(corpus, rows), truthText: corpus.labelsText, truthName };
  const m = maskCorpus(corpus, rows);
  return { corpus, input: maskedCorpusInput(m), truthText: m.labelsText, truthName: `${truthName} (masked)` };
}

interface Servers {
  readonly pgAdmin?: string;
  readonly pgScan?: (db: string) => string;
  readonly myAdmin?: string;
  readonly myScan?: (db: string) => string;
  readonly env: NodeJS.ProcessEnv;
}

async function startServers(engines: ReadonlySet<string>): Promise<Servers> {
  const wantPg = engines.has('postgres');
  const wantMy = engines.has('mysql');
  await installMissingPackages(wantPg, wantMy);
  const env: NodeJS.ProcessEnv = {};
  let servers: Servers = { env };
  if (wantPg) {
    const pg = await startPostgres();
    env.PGPASSWORD = pg.password;
    servers = {
      ...servers,
      pgAdmin: `postgres://${pg.user}:${pg.password}@${pg.host}:${pg.port}/postgres`,
      pgScan: (db) => `postgres://${pg.user}@${pg.host}:${pg.port}/${db}`,
    };
  }
  if (wantMy) {
    const my = await startMysql();
    env.MYSQL_PWD = my.password;
    servers = {
      ...servers,
      myAdmin: `mysql://${my.user}:${encodeURIComponent(my.password)}@${my.host}:${my.port}`,
      myScan: (db) => `mysql://${my.user}@${my.host}:${my.port}/${db}`,
    };
  }
  return servers;
}

/** Loads one corpus; returns the scan URL and the target its row counts are read from. */
async function load(p: Prepared, servers: Servers, work: string): Promise<{ scanUrl: string; countTarget: string; adminUrl?: string }> {
  const { input } = p;
  if (input.engine === 'sqlite') {
    const file = path.join(work, `${input.name}.sqlite`);
    loadSqlite(input, file);
    return { scanUrl: `sqlite:${file}`, countTarget: file };
  }
  if (input.engine === 'postgres') {
    await loadPostgres(input, servers.pgAdmin!);
    return { scanUrl: servers.pgScan!(input.database!), countTarget: servers.pgAdmin!, adminUrl: servers.pgAdmin };
  }
  await loadMysql(input, servers.myAdmin!);
  return { scanUrl: servers.myScan!(input.database!), countTarget: servers.myAdmin!, adminUrl: servers.myAdmin };
}

function runCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

async function scanAndScore(
  p: Prepared,
  scanUrl: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  work: string,
  keep?: string,
): Promise<CorpusEvaluation> {
  const out = path.join(work, `${p.input.name}.yml`);
  const scan = await runCli(['scan', scanUrl, '-o', out, '--quiet', '--no-merge', ...args], env);
  if (scan.code !== 0 && scan.code !== 3)
    throw new Error(`scan of ${p.input.name} failed (exit ${scan.code}): ${scan.stderr.trim()}`);
  const scanText = fs.readFileSync(out, 'utf8');
  if (keep) {
    fs.mkdirSync(keep, { recursive: true });
    fs.copyFileSync(out, path.join(keep, `${p.input.name}${args.includes('--no-ml') ? '.rules' : ''}.yml`));
  }
  fs.rmSync(out, { force: true });
  return {
    corpus: p.input.name,
    engine: ENGINE_NAMES[p.input.engine],
    truth: p.truthName,
    // Names-only corpora are scored by detection in their own section.
    inOverall: p.corpus.config.kind === 'rows',
    ours: evaluate({ scanText, truthText: p.truthText }),
    baseline: evaluate({ scanText, truthText: p.truthText, predictor: 'piicatcher' }),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const corpora = selectCorpora(options);
  if (corpora.length === 0) throw new UsageError(`no corpus in split ${options.split}`);
  if (!options.checkLoad && !fs.existsSync(cli)) throw new UsageError(`${path.relative(repoRoot, cli)} is missing: build first (npx tsc -p tsconfig.json)`);
  const prepared = corpora.map((c) => prepare(c, options.masked));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-unseen-'));
  const results: UnseenResult[] = [];
  const compareRulesAlone = !options.noCompare && !options.scanArgs.includes('--no-ml');
  try {
    const servers = await startServers(new Set(prepared.map((p) => p.input.engine)));
    for (const p of prepared) {
      process.stderr.write(`[evaluate-unseen] ${p.input.name}: loading into ${ENGINE_NAMES[p.input.engine]}\n`);
      const { scanUrl, countTarget, adminUrl } = await load(p, servers, work);
      try {
        if (options.checkLoad) {
          const counts = await countRows(p.input, countTarget);
          const wrong = [...p.input.rows].filter(([t, d]) => counts.get(t) !== d.rows.length).map(([t, d]) => `${t}: ${counts.get(t)} of ${d.rows.length}`);
          if (wrong.length > 0) throw new Error(`${p.input.name}: row counts differ: ${wrong.join('; ')}`);
          process.stdout.write(`${p.input.name}: ${p.input.rows.size || p.corpus.ddl.tables.length} tables loaded, row counts as generated\n`);
          continue;
        }
        results.push({
          evaluation: await scanAndScore(p, scanUrl, options.scanArgs, servers.env, work, options.keepScans),
          rulesAlone: compareRulesAlone ? await scanAndScore(p, scanUrl, [...options.scanArgs, '--no-ml'], servers.env, work, options.keepScans) : undefined,
          split: p.corpus.config.split,
          kind: p.corpus.config.kind,
          language: p.corpus.config.language,
        });
      } finally {
        if (adminUrl) await dropCorpusDatabase(p.input, adminUrl);
      }
    }
    if (options.checkLoad) return;
    const command = `npx tsx scripts/evaluate-unseen.ts${process.argv.length > 2 ? ' ' + process.argv.slice(2).join(' ') : ''}`;
    const markdown = renderUnseenReport(results, { masked: options.masked, command, date: new Date().toISOString().slice(0, 10), version: VERSION });
    fs.writeFileSync(options.out!, markdown);
    process.stdout.write(markdown);
  } finally {
    await stopAll();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof CorpusError) {
    process.stderr.write(`[evaluate-unseen] ${error.message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
    return;
  }
  process.stderr.write(`[evaluate-unseen] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
