/**
 * `npm run eval`: heuristics alone, the column model alone and the two combined (the default scan),
 *  1. on the generated hold-out set (seeded, never trained on), column by column;
 *  2. on every labelled corpus in ../shared (loaded into throw-away PostgreSQL/MariaDB servers and
 *     SQLite by scripts/evaluate-corpora.ts' helpers), scanned with the built CLI three times:
 *     `--no-ml`, `--ml-only` and the default, each scored with `piiscout evaluate`'s rules.
 * Writes docs/model-evaluation.md and prints it. Options: --no-corpora, --no-build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHeuristicClassifier } from '../src/classify/heuristic-classifier.js';
import type { ColumnClassifier } from '../src/classify/types.js';
import { evaluate, type EvaluationReport } from '../src/evaluate/index.js';
import { rates, type Counts } from '../src/evaluate/score.js';
import { createColumnModel } from '../src/model/model-classifier.js';
import { createCombinedClassifier, createModelOnlyClassifier } from '../src/model/ml-classifiers.js';
import { COOKIE_HOUSE_FIDES_TRUTH, CORPORA, labelsDir, loadCorpora, scan, type Corpus, type Servers } from '../scripts/evaluate-corpora.js';
import { installMissingPackages, startMysql, startPostgres, stopAll } from '../scripts/lib/db-servers.js';
import { HOLDOUT_COLUMNS, HOLDOUT_SEED } from './config.js';
import { toInput } from './column-input.js';
import { generateColumns } from './generate.js';
import { labelMetrics, type LabelMetrics } from './metrics.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VARIANTS = [
  ['heuristics', ['--no-ml']],
  ['model', ['--ml-only']],
  ['combined', []],
] as const;
type Variant = (typeof VARIANTS)[number][0];

function log(line: string): void {
  process.stderr.write(`[eval] ${line}\n`);
}

async function evaluateHoldout(): Promise<Record<Variant, LabelMetrics>> {
  const columns = generateColumns({ seed: HOLDOUT_SEED, count: HOLDOUT_COLUMNS });
  const inputs = columns.map(toInput);
  const model = createColumnModel();
  const info = await model.load();
  log(`hold-out: ${columns.length} generated columns; model ${info.name}@${info.version} on ${info.backend}`);
  const classifiers: Record<Variant, ColumnClassifier> = {
    heuristics: createHeuristicClassifier(),
    model: createModelOnlyClassifier(model),
    combined: createCombinedClassifier(model),
  };
  const truth = columns.map((c) => c.label);
  const out = {} as Record<Variant, LabelMetrics>;
  for (const [variant] of VARIANTS) {
    const predicted: string[] = [];
    for (let i = 0; i < inputs.length; i += 64) {
      for (const f of await classifiers[variant].classify(inputs.slice(i, i + 64))) predicted.push(f.categories[0]);
    }
    out[variant] = labelMetrics(truth, predicted);
  }
  return out;
}

interface CorpusResult {
  readonly name: string;
  readonly engine: string;
  readonly truth: string;
  readonly inOverall: boolean;
  readonly reports: Record<Variant, EvaluationReport>;
}

async function evaluateCorpora(): Promise<CorpusResult[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-model-eval-'));
  try {
    await installMissingPackages(true, true);
    const [pg, my] = await Promise.all([startPostgres(), startMysql()]);
    const servers: Servers = { pg, my, sqliteDir: path.join(work, 'sqlite') };
    await loadCorpora(servers);
    const results: CorpusResult[] = [];
    for (const corpus of CORPORA) {
      const scans = {} as Record<Variant, string>;
      for (const [variant, args] of VARIANTS) {
        const file = path.join(work, `${corpus.labels}.${variant}.yml`);
        log(`scanning ${corpus.load} (${variant})…`);
        await scan(corpus, servers, file, args);
        scans[variant] = fs.readFileSync(file, 'utf8');
      }
      const score = (truthFile: string, schema: string | undefined, inOverall: boolean): CorpusResult => {
        const truthText = fs.readFileSync(truthFile, 'utf8');
        const reports = Object.fromEntries(VARIANTS.map(([v]) => [v, evaluate({ scanText: scans[v], truthText, schema })])) as Record<Variant, EvaluationReport>;
        return { name: corpus.labels, engine: corpus.engine, truth: path.basename(truthFile), inOverall, reports };
      };
      results.push(score(path.join(labelsDir, `${corpus.labels}.labels.yml`), undefined, true));
      if (corpus.load === 'cookie-house') results.push(score(COOKIE_HOUSE_FIDES_TRUTH, 'public', false));
    }
    return results;
  } finally {
    await stopAll();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// ---------- rendering ----------

const f3 = (x: number | null) => (x === null ? '–' : x.toFixed(3));
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

function holdoutTable(m: Record<Variant, LabelMetrics>): string[] {
  return [
    '| predictions | accuracy | macro F1 | personal F1 | FP rate |',
    '|---|---|---|---|---|',
    ...VARIANTS.map(([v]) => `| ${v} | ${f3(m[v].accuracy)} | ${f3(m[v].macroF1)} | ${f3(m[v].personalF1)} | ${pct(m[v].falsePositiveRate)} |`),
  ];
}

const CORPUS_HEADER = ['| predictions | P | R | F1 | macro F1 | personal F1 | FP rate | right |', '|---|---|---|---|---|---|---|---|'];

function reportRow(name: string, reports: readonly EvaluationReport[]): string {
  const add = (cs: readonly Counts[]) => cs.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const o = rates(add(reports.map((r) => r.overall)));
  const d = rates(add(reports.map((r) => r.detection)));
  const macro = reports.map((r) => r.overall.macroF1).filter((x): x is number => x !== null);
  const np = reports.reduce((a, r) => ({ f: a.f + r.nonPersonal.fields, h: a.h + r.nonPersonal.withPersonalProposal }), { f: 0, h: 0 });
  const right = reports.reduce((a, r) => ({ r: a.r + r.fieldsRight.right, t: a.t + r.fieldsRight.total }), { r: 0, t: 0 });
  return `| ${name} | ${f3(o.precision)} | ${f3(o.recall)} | ${f3(o.f1)} | ${f3(macro.length ? macro.reduce((a, b) => a + b, 0) / macro.length : null)} | ${f3(d.f1)} | ${pct(np.f ? np.h / np.f : null)} | ${right.r}/${right.t} (${pct(right.t ? right.r / right.t : null)}) |`;
}

function render(holdout: Record<Variant, LabelMetrics>, corpora: readonly CorpusResult[] | undefined, modelVersion: string): string {
  const lines = [
    '# Column model evaluation',
    '',
    `Generated by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)} with column-model@${modelVersion}. "heuristics" = rules only (\`--no-ml\`),`,
    '"model" = the column model alone (`--ml-only`), "combined" = rules plus the model as one more weighted factor (the default).',
    '',
    `## Generated hold-out (${HOLDOUT_COLUMNS} columns, seed ${HOLDOUT_SEED}, never trained on)`,
    '',
    'Column-level: accuracy = top category equals the label; personal F1 = personal-or-not; FP rate = non-personal columns given a personal category.',
    '',
    ...holdoutTable(holdout),
  ];
  if (corpora) {
    const overall = corpora.filter((c) => c.inOverall);
    lines.push('', '## Labelled corpora (../shared/labels)', '', 'Scored with `piiscout evaluate` rules (README, "Evaluation").', '');
    lines.push(`### Overall (${overall.map((c) => c.name).join(', ')})`, '', ...CORPUS_HEADER, ...VARIANTS.map(([v]) => reportRow(v, overall.map((c) => c.reports[v]))));
    for (const c of corpora) {
      lines.push('', `### ${c.name} (${c.engine}), truth \`${c.truth}\``, '', ...CORPUS_HEADER, ...VARIANTS.map(([v]) => reportRow(v, [c.reports[v]])));
      const confusions = c.reports.combined.confusions.slice(0, 5).map((x) => `${x.count}× \`${x.truth}\` → \`${x.proposed}\``);
      if (confusions.length) lines.push('', `Top confusions, combined: ${confusions.join('; ')}.`);
    }
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = process.argv.slice(2);
  const withCorpora = !args.includes('--no-corpora');
  if (withCorpora && !args.includes('--no-build')) {
    log('building (tsc)…');
    const built = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('tsc failed');
  }
  const holdout = await evaluateHoldout();
  const corpora = withCorpora ? await evaluateCorpora() : undefined;
  const version = fs.readFileSync(path.join(repoRoot, 'models', 'column-model', 'CURRENT'), 'utf8').trim();
  const markdown = render(holdout, corpora, version);
  fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, 'docs', 'model-evaluation.md'), markdown);
  process.stdout.write(markdown);
  log(`wrote docs/model-evaluation.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[eval] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
