/**
 * Out-of-sample check: evaluates piiscout and the PIICatcher baseline on two public corpora that the
 * classifier was never tuned on (Northwind, Pagila), against hold-out labels in test/fixtures/holdout/.
 * Starts a throw-away PostgreSQL server, loads the corpora with ../shared/corpora/load_all.sh, scans them
 * with the built CLI (the default, then the rules alone with `--no-ml` for comparison), writes
 * docs/holdout-evaluation.md and prints it. Build first (`npx tsc -p tsconfig.json`).
 *
 *   npx tsx scripts/evaluate-holdout.ts [-- extra scan args, e.g. --no-ml]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evaluate } from '../src/evaluate/index.js';
import { VERSION } from '../src/version.js';
import { installMissingPackages, startPostgres, stopAll } from './lib/db-servers.js';
import { renderEvaluationMarkdown, rulesAloneSection, type CorpusEvaluation } from './lib/evaluation-markdown.js';
import type { Corpus } from './evaluate-corpora.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corporaDir = path.resolve(repoRoot, '..', 'shared', 'corpora');
/** The hold-out corpora (training/eval.ts scans them too, with real and with masked names). */
export const HOLDOUT: readonly Corpus[] = [
  { load: 'northwind', labels: 'northwind-pg', engine: 'PostgreSQL', database: 'northwind' },
  { load: 'pagila', labels: 'pagila-pg', engine: 'PostgreSQL', database: 'pagila' },
];

export const holdoutTruthFile = (corpus: Corpus): string => path.join(repoRoot, 'test', 'fixtures', 'holdout', `${corpus.labels}.labels.yml`);

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

async function main(): Promise<void> {
  const extraArgs = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-holdout-'));
  try {
    await installMissingPackages(true, false);
    const pg = await startPostgres();
    const env = {
      PATH: `${pg.binDir}:${process.env.PATH ?? ''}`,
      PGHOST: pg.host,
      PGPORT: String(pg.port),
      PGUSER: pg.user,
      PGPASSWORD: pg.password,
      PGOPTIONS: '-c client_min_messages=warning',
    };
    const load = await run('bash', [path.join(corporaDir, 'load_all.sh'), ...HOLDOUT.map((c) => c.load)], env);
    if (load.code !== 0) throw new Error(`load_all.sh failed: ${load.stderr}`);
    const scanAll = async (args: readonly string[]): Promise<CorpusEvaluation[]> => {
      const results: CorpusEvaluation[] = [];
      for (const corpus of HOLDOUT) {
        const out = path.join(work, `${corpus.labels}.yml`);
        const url = `postgres://${pg.user}@${pg.host}:${pg.port}/${corpus.database}`;
        const scan = await run(process.execPath, [path.join(repoRoot, 'dist', 'src', 'cli', 'bin.js'), 'scan', url, '-o', out, '--quiet', '--no-merge', ...args], env);
        if (scan.code !== 0 && scan.code !== 3) throw new Error(`scan of ${corpus.load} failed: ${scan.stderr}`);
        const scanText = fs.readFileSync(out, 'utf8');
        const truthFile = holdoutTruthFile(corpus);
        const truthText = fs.readFileSync(truthFile, 'utf8');
        results.push({
          corpus: corpus.labels,
          engine: 'PostgreSQL',
          truth: `test/fixtures/holdout/${path.basename(truthFile)}`,
          inOverall: true,
          ours: evaluate({ scanText, truthText }),
          baseline: evaluate({ scanText, truthText, predictor: 'piicatcher' }),
        });
      }
      return results;
    };
    const results = await scanAll(extraArgs);
    let markdown = renderEvaluationMarkdown(results, { date: new Date().toISOString().slice(0, 10), version: VERSION })
      .replace(/^# .*$/m, '# Hold-out evaluation (corpora the classifier was not tuned on)')
      .replace('npx tsx scripts/evaluate-corpora.ts', 'npx tsx scripts/evaluate-holdout.ts');
    // The rules alone beside the default (rules + column model), so that what the model adds is visible.
    if (!extraArgs.includes('--no-ml')) markdown += rulesAloneSection(await scanAll([...extraArgs, '--no-ml']));
    fs.writeFileSync(path.join(repoRoot, 'docs', 'holdout-evaluation.md'), markdown);
    process.stdout.write(markdown);
  } finally {
    await stopAll();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// Run only as a script: training/eval.ts imports the corpus list.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`[evaluate-holdout] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
