/**
 * `npm run eval`: heuristics alone, the column model alone and the two combined (the default scan),
 *  1. on the generated hold-out set (seeded, never trained on), column by column;
 *  2. on every labelled corpus in ../shared and on the hold-out corpora Northwind and Pagila (loaded
 *     into throw-away PostgreSQL/MariaDB servers and SQLite by scripts/evaluate-corpora.ts' helpers),
 *     scanned with the built CLI three times: `--no-ml`, `--ml-only` and the default, each scored
 *     with `piiscout evaluate`'s rules;
 *  3. on the same corpora with meaningless column names, and with meaningless table names too
 *     (training/masking.ts): real values and schemas, the case the model exists for.
 * Writes docs/model-evaluation.md and prints it. Options: --no-corpora, --no-holdout-corpora, --no-build.
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
import { connectionOf, COOKIE_HOUSE_FIDES_TRUTH, CORPORA, labelsDir, loadCorpora, scan, type Corpus, type Servers } from '../scripts/evaluate-corpora.js';
import { HOLDOUT, holdoutTruthFile } from '../scripts/evaluate-holdout.js';
import { installMissingPackages, startMysql, startPostgres, stopAll } from '../scripts/lib/db-servers.js';
import { HOLDOUT_COLUMNS, HOLDOUT_SEED } from './config.js';
import { toInput } from './column-input.js';
import { openCorpusScanner } from './corpus-scan.js';
import { maskingClassifier, type MaskMode } from './masking.js';
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

/** How the classifier sees names: as scanned, columns renamed to meaningless names, or tables (and schemas) too. */
const NAME_MODES = [
  ['real', 'real names'],
  ['columns', 'cryptic column names'],
  ['tables', 'cryptic column and table names'],
] as const;
type NameMode = (typeof NAME_MODES)[number][0];

interface CorpusResult {
  readonly name: string;
  readonly engine: string;
  readonly truth: string;
  readonly group: 'labelled' | 'holdout';
  readonly inOverall: boolean;
  readonly reports: Record<NameMode, Record<Variant, EvaluationReport>>;
}

interface Truth {
  readonly file: string;
  readonly shownAs: string;
  readonly schema?: string;
  readonly inOverall: boolean;
}

/**
 * Real names: the built CLI, as users scan. Masked names: the same classifiers in this process over
 * the same samples (training/corpus-scan.ts), the inputs renamed by training/masking.ts. An in-process
 * scan with real names must propose exactly what the CLI did, field by field, or the masked figures
 * would not be comparable: that is checked, and a difference stops the evaluation.
 */
async function evaluateCorpus(
  corpus: Corpus,
  servers: Servers,
  work: string,
  classifiers: Record<Variant, ColumnClassifier>,
  truths: readonly Truth[],
  group: CorpusResult['group'],
): Promise<CorpusResult[]> {
  const cli = {} as Record<Variant, string>;
  for (const [variant, args] of VARIANTS) {
    const file = path.join(work, `${corpus.labels}.${variant}.yml`);
    log(`scanning ${corpus.load} (${variant}, CLI)…`);
    await scan(corpus, servers, file, args);
    cli[variant] = fs.readFileSync(file, 'utf8');
  }
  const { url, env } = connectionOf(corpus, servers);
  const scanner = await openCorpusScanner(url, env);
  const scans = { real: cli } as Record<NameMode, Record<Variant, string>>;
  try {
    const control = {} as Record<Variant, string>;
    for (const [variant] of VARIANTS) control[variant] = await scanner.scan(classifiers[variant]);
    for (const truth of truths) {
      const truthText = fs.readFileSync(truth.file, 'utf8');
      for (const [variant] of VARIANTS) {
        const fromCli = evaluate({ scanText: cli[variant], truthText, schema: truth.schema }).fields;
        const inProcess = evaluate({ scanText: control[variant], truthText, schema: truth.schema }).fields;
        const differ = fromCli.filter((f, i) => f.field !== inProcess[i]?.field || f.proposed.join() !== inProcess[i].proposed.join());
        if (differ.length > 0 || fromCli.length !== inProcess.length) {
          throw new Error(`${corpus.labels} (${variant}): the in-process scan differs from the CLI on ${differ.map((f) => f.field).join(', ') || 'the field count'}`);
        }
      }
    }
    for (const [mode] of NAME_MODES.slice(1)) {
      log(`scanning ${corpus.load} (${mode} masked, in process)…`);
      const byVariant = {} as Record<Variant, string>;
      for (const [variant] of VARIANTS) byVariant[variant] = await scanner.scan(maskingClassifier(classifiers[variant], mode as MaskMode));
      scans[mode] = byVariant;
    }
  } finally {
    await scanner.close();
  }
  return truths.map((truth) => {
    const truthText = fs.readFileSync(truth.file, 'utf8');
    const reports = Object.fromEntries(
      NAME_MODES.map(([mode]) => [
        mode,
        Object.fromEntries(
          VARIANTS.map(([v]) => [v, evaluate({ scanText: scans[mode][v], truthText, schema: truth.schema })]),
        ),
      ]),
    ) as CorpusResult['reports'];
    return { name: corpus.labels, engine: corpus.engine, truth: truth.shownAs, group, inOverall: truth.inOverall, reports };
  });
}

async function evaluateCorpora(withHoldoutCorpora: boolean): Promise<CorpusResult[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-model-eval-'));
  try {
    await installMissingPackages(true, true);
    const [pg, my] = await Promise.all([startPostgres(), startMysql()]);
    const servers: Servers = { pg, my, sqliteDir: path.join(work, 'sqlite') };
    const holdoutCorpora = withHoldoutCorpora ? HOLDOUT : [];
    await loadCorpora(servers, holdoutCorpora.map((c) => c.load));
    const model = createColumnModel();
    await model.load();
    const classifiers: Record<Variant, ColumnClassifier> = {
      heuristics: createHeuristicClassifier(),
      model: createModelOnlyClassifier(model),
      combined: createCombinedClassifier(model),
    };
    const results: CorpusResult[] = [];
    for (const corpus of CORPORA) {
      const truths: Truth[] = [{ file: path.join(labelsDir, `${corpus.labels}.labels.yml`), shownAs: `${corpus.labels}.labels.yml`, inOverall: true }];
      if (corpus.load === 'cookie-house') truths.push({ file: COOKIE_HOUSE_FIDES_TRUTH, shownAs: path.basename(COOKIE_HOUSE_FIDES_TRUTH), schema: 'public', inOverall: false });
      results.push(...(await evaluateCorpus(corpus, servers, work, classifiers, truths, 'labelled')));
    }
    for (const corpus of holdoutCorpora) {
      const file = holdoutTruthFile(corpus);
      const truths: Truth[] = [{ file, shownAs: path.relative(repoRoot, file), inOverall: true }];
      results.push(...(await evaluateCorpus(corpus, servers, work, classifiers, truths, 'holdout')));
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

const CORPUS_HEADER = ['| names | predictions | P | R | F1 | macro F1 | personal F1 | FP rate | right |', '|---|---|---|---|---|---|---|---|---|'];

interface Summed {
  readonly f1: number | null;
  readonly macroF1: number | null;
  readonly personalF1: number | null;
  readonly precision: number | null;
  readonly recall: number | null;
  readonly fpRate: number | null;
  readonly right: number;
  readonly total: number;
}

function sumReports(reports: readonly EvaluationReport[]): Summed {
  const add = (cs: readonly Counts[]) => cs.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const o = rates(add(reports.map((r) => r.overall)));
  const d = rates(add(reports.map((r) => r.detection)));
  const macro = reports.map((r) => r.overall.macroF1).filter((x): x is number => x !== null);
  const np = reports.reduce((a, r) => ({ f: a.f + r.nonPersonal.fields, h: a.h + r.nonPersonal.withPersonalProposal }), { f: 0, h: 0 });
  const right = reports.reduce((a, r) => ({ r: a.r + r.fieldsRight.right, t: a.t + r.fieldsRight.total }), { r: 0, t: 0 });
  return {
    f1: o.f1,
    precision: o.precision,
    recall: o.recall,
    macroF1: macro.length ? macro.reduce((a, b) => a + b, 0) / macro.length : null,
    personalF1: d.f1,
    fpRate: np.f ? np.h / np.f : null,
    right: right.r,
    total: right.t,
  };
}

const rightText = (s: Summed) => `${s.right}/${s.total} (${pct(s.total ? s.right / s.total : null)})`;

function corpusRows(results: readonly CorpusResult[]): string[] {
  return NAME_MODES.flatMap(([mode, label]) =>
    VARIANTS.map(([v]) => {
      const s = sumReports(results.map((c) => c.reports[mode][v]));
      return `| ${label} | ${v} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(s.macroF1)} | ${f3(s.personalF1)} | ${pct(s.fpRate)} | ${rightText(s)} |`;
    }),
  );
}

function summaryTable(groups: readonly (readonly [string, readonly CorpusResult[]])[]): string[] {
  const lines = ['| corpora | names | heuristics: F1, right | model: F1, right | combined: F1, right |', '|---|---|---|---|---|'];
  for (const [name, results] of groups) {
    if (results.length === 0) continue;
    for (const [mode, label] of NAME_MODES) {
      const cell = (v: Variant) => {
        const s = sumReports(results.map((c) => c.reports[mode][v]));
        return `${f3(s.f1)}, ${s.right}/${s.total}`;
      };
      lines.push(`| ${name} | ${label} | ${cell('heuristics')} | ${cell('model')} | ${cell('combined')} |`);
    }
  }
  return lines;
}

function confusionLine(c: CorpusResult, mode: NameMode): string | undefined {
  const confusions = c.reports[mode].combined.confusions.slice(0, 5).map((x) => `${x.count}× \`${x.truth}\` → \`${x.proposed}\``);
  const label = NAME_MODES.find(([m]) => m === mode)![1];
  return confusions.length ? `Top confusions, combined, ${label}: ${confusions.join('; ')}.` : undefined;
}

function corpusSections(results: readonly CorpusResult[]): string[] {
  const lines: string[] = [];
  const overall = results.filter((c) => c.inOverall);
  lines.push(`### Overall (${overall.map((c) => c.name).join(', ')})`, '', ...CORPUS_HEADER, ...corpusRows(overall));
  for (const c of results) {
    lines.push('', `### ${c.name} (${c.engine}), truth \`${c.truth}\``, '', ...CORPUS_HEADER, ...corpusRows([c]));
    const confusions = NAME_MODES.map(([mode]) => confusionLine(c, mode)).filter((x): x is string => x !== undefined);
    if (confusions.length) lines.push('', ...confusions.flatMap((x, i) => (i === 0 ? [x] : ['', x])));
  }
  return lines;
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
    const labelled = corpora.filter((c) => c.group === 'labelled');
    const holdoutCorpora = corpora.filter((c) => c.group === 'holdout');
    lines.push(
      '',
      '## Real corpora',
      '',
      'Scored with `piiscout evaluate` rules (docs/evaluation.md, "piiscout evaluate"). Each corpus three ways, same sampled values, types',
      'and keys: **real names** (scanned with the built CLI), **cryptic column names** (every column, key column and JSON',
      'key renamed to a meaningless name such as `col_3`, `c7`, `f_2`; comments dropped) and **cryptic column and table',
      'names** (tables and schemas too, e.g. `t04`, `tab_2`). The masked scans run the same classifiers in process over the',
      'same samples (`training/masking.ts`, `training/corpus-scan.ts`); the in-process scan with real names is checked to',
      'propose exactly what the CLI proposed, field by field. Fields are matched to the truth by their real names.',
      '"labelled" = the corpora in ../shared/labels, on which the rules were tuned; "hold-out" = Northwind and Pagila',
      '(truth in test/fixtures/holdout), on which nothing was tuned.',
      '',
      '### Summary (F1 = category-level micro F1; right = fields judged right)',
      '',
      ...summaryTable([
        [`labelled (${labelled.filter((c) => c.inOverall).length})`, labelled.filter((c) => c.inOverall)],
        [`hold-out (${holdoutCorpora.length})`, holdoutCorpora],
      ]),
      '',
      '## Labelled corpora (../shared/labels)',
      '',
      ...corpusSections(labelled),
    );
    if (holdoutCorpora.length > 0) lines.push('', '## Hold-out corpora (not tuned on: test/fixtures/holdout)', '', ...corpusSections(holdoutCorpora));
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
  const corpora = withCorpora ? await evaluateCorpora(!args.includes('--no-holdout-corpora')) : undefined;
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
