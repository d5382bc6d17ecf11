/**
 * Evaluates piiscout and the PIICatcher column-name baseline on every labelled corpus
 * (../shared/labels): starts throw-away PostgreSQL and MariaDB servers, loads the corpora with
 * ../shared/corpora/load_all.sh (Cookie House from its SQL), scans each with the built CLI,
 * scores the scans, writes docs/evaluation.md and prints it. Stops the servers it started.
 *
 *   npx tsx scripts/evaluate-corpora.ts [--no-build] [--keep-scans DIR]
 *
 * --keep-scans writes the scan files to DIR (kept), for `piiscout evaluate` by hand afterwards.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluate } from '../src/evaluate/index.js';
import { VERSION } from '../src/version.js';
import { installMissingPackages, startMysql, startPostgres, stopAll, type MysqlTestServer, type PostgresTestServer } from './lib/db-servers.js';
import { renderEvaluationMarkdown, type CorpusEvaluation } from './lib/evaluation-markdown.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = path.resolve(repoRoot, '..', 'shared');
const corporaDir = path.join(sharedDir, 'corpora');
export const labelsDir = path.join(sharedDir, 'labels');
const COOKIE_HOUSE_DATABASE = 'postgres_example';

export interface Corpus {
  /** load_all.sh's name for it (Cookie House is loaded here instead). */
  readonly load: string;
  /** Labels file stem in ../shared/labels. */
  readonly labels: string;
  readonly engine: 'PostgreSQL' | 'MariaDB' | 'SQLite';
  /** The database load_all.sh (or the corpus SQL) creates. */
  readonly database: string;
}

export const CORPORA: readonly Corpus[] = [
  { load: 'cookie-house', labels: 'fides-cookie-house-postgres', engine: 'PostgreSQL', database: COOKIE_HOUSE_DATABASE },
  { load: 'chinook-pg', labels: 'chinook-pg', engine: 'PostgreSQL', database: 'chinook' },
  { load: 'chinook-my', labels: 'chinook-my', engine: 'MariaDB', database: 'Chinook' },
  { load: 'chinook-sqlite', labels: 'chinook-sqlite', engine: 'SQLite', database: 'chinook.db' },
  { load: 'pgexercises', labels: 'pgexercises_clubdata-pg', engine: 'PostgreSQL', database: 'exercises' },
  { load: 'ds3-pg', labels: 'dvdstore3_small-pg', engine: 'PostgreSQL', database: 'ds3' },
  { load: 'ds3-my', labels: 'dvdstore3_small-my', engine: 'MariaDB', database: 'DS3' },
];

/** Fides' own annotations of the Cookie House, a second and noisier truth (no schema: matched in `public`). */
export const COOKIE_HOUSE_FIDES_TRUTH = path.join(corporaDir, 'fides-cookie-house-postgres', 'postgres_example_test_dataset.yml');

export interface Servers {
  readonly pg: PostgresTestServer;
  readonly my: MysqlTestServer;
  readonly sqliteDir: string;
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!process.argv.includes('--no-build')) {
    log('building (tsc)…');
    await runChecked('npx', ['tsc', '-p', 'tsconfig.json'], {}, 'tsc');
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-eval-'));
  const scansDir = optionValue('--keep-scans') ?? work;
  fs.mkdirSync(scansDir, { recursive: true });
  const onSignal = (): void => {
    void stopAll().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await installMissingPackages(true, true);
    const [pg, my] = await Promise.all([startPostgres(), startMysql()]);
    const servers: Servers = { pg, my, sqliteDir: path.join(work, 'sqlite') };
    await loadCorpora(servers);
    const results: CorpusEvaluation[] = [];
    for (const corpus of CORPORA) {
      const scanFile = path.join(scansDir, `${corpus.labels}.yml`);
      log(`scanning ${corpus.load}…`);
      await scan(corpus, servers, scanFile);
      const scanText = fs.readFileSync(scanFile, 'utf8');
      const truthFile = path.join(labelsDir, `${corpus.labels}.labels.yml`);
      results.push(evaluateBoth(corpus, scanText, truthFile, undefined, true));
      if (corpus.load === 'cookie-house') results.push(evaluateBoth(corpus, scanText, COOKIE_HOUSE_FIDES_TRUTH, 'public', false));
    }
    const markdown = renderEvaluationMarkdown(results, { date: new Date().toISOString().slice(0, 10), version: VERSION });
    fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
    fs.writeFileSync(path.join(repoRoot, 'docs', 'evaluation.md'), markdown);
    process.stdout.write(markdown);
    log(`wrote docs/evaluation.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await stopAll();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function evaluateBoth(corpus: Corpus, scanText: string, truthFile: string, schema: string | undefined, inOverall: boolean): CorpusEvaluation {
  const truthText = fs.readFileSync(truthFile, 'utf8');
  return {
    corpus: corpus.labels,
    engine: corpus.engine,
    truth: path.basename(truthFile),
    inOverall,
    ours: evaluate({ scanText, truthText, schema }),
    baseline: evaluate({ scanText, truthText, schema, predictor: 'piicatcher' }),
  };
}

// ---------- loading ----------

/** Loads the labelled corpora, and `extraLoads` (load_all.sh names, e.g. the hold-out corpora) beside them. */
export async function loadCorpora(servers: Servers, extraLoads: readonly string[] = []): Promise<void> {
  const env = clientEnv(servers);
  log('loading Cookie House (PostgreSQL)…');
  await runChecked('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', 'postgres', '-c', `CREATE DATABASE ${COOKIE_HOUSE_DATABASE}`], env, 'psql');
  await runChecked(
    'psql',
    ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', COOKIE_HOUSE_DATABASE, '-f', path.join(corporaDir, 'fides-cookie-house-postgres', 'postgres_sample.sql')],
    env,
    'psql (Cookie House)',
  );
  const loads = [...CORPORA.map((c) => c.load).filter((name) => name !== 'cookie-house'), ...extraLoads];
  log(`loading ${loads.join(', ')} with load_all.sh…`);
  await runChecked('bash', [path.join(corporaDir, 'load_all.sh'), ...loads], env, 'load_all.sh');
}

/** Client settings for load_all.sh: passwords only in the environment (MYSQL_PWD, not its -p option). */
function clientEnv({ pg, my, sqliteDir }: Servers): NodeJS.ProcessEnv {
  return {
    PATH: `${pg.binDir}:${process.env.PATH ?? ''}`,
    PGHOST: pg.host,
    PGPORT: String(pg.port),
    PGUSER: pg.user,
    PGPASSWORD: pg.password,
    PGOPTIONS: '-c client_min_messages=warning',
    MY_HOST: my.host,
    MY_PORT: String(my.port),
    MY_USER: my.user,
    MYSQL_PWD: my.password,
    SQLITE_DIR: sqliteDir,
  };
}

// ---------- scanning ----------

/** Connection string of a loaded corpus, and the environment holding its password. */
export function connectionOf(corpus: Corpus, { pg, my, sqliteDir }: Servers): { url: string; env: NodeJS.ProcessEnv } {
  if (corpus.engine === 'PostgreSQL') return { url: `postgres://${pg.user}@${pg.host}:${pg.port}/${corpus.database}`, env: { PGPASSWORD: pg.password } };
  if (corpus.engine === 'MariaDB') return { url: `mysql://${my.user}@${my.host}:${my.port}/${corpus.database}`, env: { MYSQL_PWD: my.password } };
  return { url: `sqlite:${path.join(sqliteDir, corpus.database)}`, env: {} };
}

/** Scans one loaded corpus with the built CLI; `extraArgs` e.g. ['--no-ml'] (training/eval.ts compares variants). */
export async function scan(corpus: Corpus, servers: Servers, output: string, extraArgs: readonly string[] = []): Promise<void> {
  const { url, env } = connectionOf(corpus, servers);
  const bin = path.join(repoRoot, 'dist', 'src', 'cli', 'bin.js');
  const result = await run(process.execPath, [bin, 'scan', url, '-o', output, '--no-merge', '-q', ...extraArgs], env);
  // 3 = finished with skipped tables: still evaluated (their fields count as not personal), but said.
  if (result.code === 3) log(`warning: ${corpus.load}: some tables were skipped:\n${result.stderr.trim()}`);
  else if (result.code !== 0) throw new Error(`scan of ${corpus.load} failed (exit ${result.code}):\n${result.stderr.trim()}`);
}

// ---------- processes ----------

interface RunResult {
  readonly code: number;
  readonly stderr: string;
}

/** Runs a command with extra environment; output is kept (stderr tail only), never the environment. */
function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stderr }));
  });
}

async function runChecked(command: string, args: readonly string[], env: NodeJS.ProcessEnv, label: string): Promise<void> {
  const result = await run(command, args, env);
  if (result.code !== 0) throw new Error(`${label} failed (exit ${result.code}):\n${result.stderr.trim()}`);
}

function optionValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a directory`);
  return path.resolve(value);
}

function log(line: string): void {
  process.stderr.write(`[evaluate-corpora] ${line}\n`);
}

// Run only as a script: training/eval.ts imports the loading and scanning helpers.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`[evaluate-corpora] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
