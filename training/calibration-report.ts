/**
 * Reliability of the column model's top label, before and after its calibration (temperature and
 * shrink), on the generated hold-out (from metrics.json, written by `npm run train`), on the seen labelled
 * corpora (../shared/labels, loaded into throw-away servers as scripts/evaluate-corpora.ts does) and on
 * the unseen rows corpora of the dev, test and test2 splits with real names; fields with at least 5
 * non-blank sampled values, where the scan asks the model. A top label is right when
 * `piiscout evaluate` would score it right (an "either" field accepts both). Prints markdown tables
 * for docs/model-card.md.
 *
 *   npx tsx training/calibration-report.ts [--dump FILE]
 *
 * --dump writes every measured field's logits, penultimate activations and verdict (JSON; no value) for
 * comparing calibrations offline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColumnClassifier } from '../src/classify/types.js';
import { evaluate } from '../src/evaluate/index.js';
import { initBackend } from '../src/model/backend.js';
import { calibratedProbabilities, reliability, type ReliabilityBin } from '../src/model/calibration.js';
import { columnFeatures, FEATURE_SIZE } from '../src/model/features.js';
import { toModelColumn } from '../src/model/model-classifier.js';
import { currentModelDir, loadModel } from '../src/model/model-store.js';
import { headsRunner } from '../src/model/predict.js';
import { connectionOf, CORPORA, labelsDir, loadCorpora, type Servers } from '../scripts/evaluate-corpora.js';
import { installMissingPackages, startMysql, startPostgres, stopAll } from '../scripts/lib/db-servers.js';
import { generateRows, listCorpora, readCorpus, realCorpusInput } from '../scripts/lib/unseen-corpora.js';
import { dropCorpusDatabase, loadMysql, loadPostgres, loadSqlite } from '../scripts/lib/unseen/load.js';
import type { CalibrationReport } from './calibrate.js';
import { openCorpusScanner } from './corpus-scan.js';

const MIN_VALUES = 5;

interface Measured {
  readonly raw: number[];
  readonly calibrated: number[];
  readonly right: boolean[];
}

/** One field as the model saw it (for --dump: fitting and comparing calibrations offline). */
interface DumpedField {
  readonly set: string;
  readonly corpus: string;
  readonly field: string;
  readonly logits: number[];
  readonly hidden: number[];
  readonly right: boolean;
}

export function reliabilityTable(before: { bins: ReliabilityBin[]; ece: number }, after: { bins: ReliabilityBin[]; ece: number }): string[] {
  const cell = (b: ReliabilityBin) => (b.count === 0 ? '– | – | 0' : `${b.meanConfidence!.toFixed(3)} | ${b.accuracy!.toFixed(3)} | ${b.count}`);
  return [
    '| confidence bin | before: mean confidence | accuracy | count | after: mean confidence | accuracy | count |',
    '|---|---|---|---|---|---|---|',
    ...before.bins.map((b, i) => `| ${b.lower.toFixed(1)}–${(b.lower + 0.1).toFixed(1)} | ${cell(b)} | ${cell(after.bins[i])} |`),
    `| **ECE** | **${before.ece.toFixed(4)}** | | | **${after.ece.toFixed(4)}** | | |`,
  ];
}

const UNSEEN_SPLITS: readonly string[] = ['dev', 'test', 'test2'];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dumpAt = args.indexOf('--dump');
  const dumpFile = dumpAt >= 0 ? path.resolve(args[dumpAt + 1]) : undefined;
  await initBackend('wasm');
  const loaded = await loadModel(currentModelDir());
  const heads = headsRunner(loaded.model);
  const labels = loaded.metadata.labels;
  const temperature = loaded.metadata.calibration?.temperature ?? 1;
  const shrink = loaded.metadata.calibration?.shrink ?? 1;
  const metrics = JSON.parse(fs.readFileSync(path.join(loaded.dir, 'metrics.json'), 'utf8')) as { calibration: CalibrationReport };
  const lines = [
    `Model ${loaded.metadata.name}@${loaded.metadata.version}, temperature ${temperature}, shrink ${shrink}.`,
    '',
    `Generated hold-out (${loaded.metadata.generator.holdoutColumns} columns, seed ${loaded.metadata.generator.holdoutSeed}):`,
    '',
    ...reliabilityTable(metrics.calibration.holdout.before, metrics.calibration.holdout.after),
  ];

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'piiscout-calibration-report-'));
  const measured = new Map<string, Measured>();
  const dumped: DumpedField[] = [];

  /** Scans one loaded corpus with the model's top label and adds its fields to set `set`. */
  async function measure(url: string, env: NodeJS.ProcessEnv, truthText: string, set: string, corpus: string): Promise<void> {
    const asked = new Map<string, { raw: number; calibrated: number; logits: number[]; hidden: number[] }>();
    const classifier: ColumnClassifier = {
      id: 'model-top-label',
      classify: async (inputs) => {
        const features = new Float32Array(inputs.length * FEATURE_SIZE);
        inputs.forEach((input, i) => features.set(columnFeatures(toModelColumn(input)), i * FEATURE_SIZE));
        const out = heads(features, FEATURE_SIZE);
        const before = calibratedProbabilities(out.logits, out.labels, 1);
        const after = calibratedProbabilities(out.logits, out.labels, temperature, shrink);
        return inputs.map((input, i) => {
          let best = 0;
          for (let k = 1; k < out.labels; k++) if (before[i * out.labels + k] > before[i * out.labels + best]) best = k;
          const values = (input.sample?.values ?? []).filter((v) => v.trim() !== '').length;
          const field = `${input.table.schema}.${input.table.name}.${input.column.name}`;
          if (values >= MIN_VALUES) {
            asked.set(field, {
              raw: before[i * out.labels + best],
              calibrated: after[i * out.labels + best],
              logits: Array.from(out.logits.subarray(i * out.labels, (i + 1) * out.labels)),
              hidden: Array.from(out.hidden.subarray(i * out.hiddenSize, (i + 1) * out.hiddenSize)),
            });
          }
          return { categories: [labels[best]], confidence: after[i * out.labels + best], alternatives: [], factors: { model: 1 }, evidence: [] };
        });
      },
    };
    const scanner = await openCorpusScanner(url, env);
    let scanText: string;
    try {
      scanText = await scanner.scan(classifier);
    } finally {
      await scanner.close();
    }
    let into = measured.get(set);
    if (!into) measured.set(set, (into = { raw: [], calibrated: [], right: [] }));
    for (const f of evaluate({ scanText, truthText }).fields) {
      const p = asked.get(f.field);
      if (!p) continue;
      into.raw.push(p.raw);
      into.calibrated.push(p.calibrated);
      into.right.push(f.verdict === 'right');
      if (dumpFile) dumped.push({ set, corpus, field: f.field, logits: p.logits, hidden: p.hidden, right: f.verdict === 'right' });
    }
  }
  try {
    await installMissingPackages(true, true);
    const [pg, my] = await Promise.all([startPostgres(), startMysql()]);
    const servers: Servers = { pg, my, sqliteDir: path.join(work, 'sqlite') };
    await loadCorpora(servers);
    for (const corpus of CORPORA) {
      const { url, env } = connectionOf(corpus, servers);
      await measure(url, env, fs.readFileSync(path.join(labelsDir, `${corpus.labels}.labels.yml`), 'utf8'), 'seen', corpus.labels);
    }
    // The unseen corpora with rows, real names: dev, test and test2 (all used already; none is fitted on).
    for (const name of listCorpora().filter((n) => !n.startsWith('_'))) {
      const corpus = readCorpus(name);
      const split = corpus.config.split;
      if (!split || !UNSEEN_SPLITS.includes(split) || corpus.config.kind !== 'rows') continue;
      const input = realCorpusInput(corpus, generateRows(corpus));
      const pgAdmin = `postgres://${pg.user}:${pg.password}@${pg.host}:${pg.port}/postgres`;
      const myAdmin = `mysql://${my.user}:${encodeURIComponent(my.password)}@${my.host}:${my.port}`;
      if (input.engine === 'sqlite') {
        const file = path.join(work, `${name}.sqlite`);
        loadSqlite(input, file);
        await measure(`sqlite:${file}`, {}, corpus.labelsText, split, name);
        continue;
      }
      const admin = input.engine === 'postgres' ? pgAdmin : myAdmin;
      await (input.engine === 'postgres' ? loadPostgres(input, admin) : loadMysql(input, admin));
      const url = input.engine === 'postgres' ? `postgres://${pg.user}@${pg.host}:${pg.port}/${input.database}` : `mysql://${my.user}@${my.host}:${my.port}/${input.database}`;
      await measure(url, { PGPASSWORD: pg.password, MYSQL_PWD: my.password }, corpus.labelsText, split, name);
      await dropCorpusDatabase(input, admin);
    }
  } finally {
    await stopAll();
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (dumpFile) fs.writeFileSync(dumpFile, JSON.stringify(dumped));
  const empty: Measured = { raw: [], calibrated: [], right: [] };
  const seen = measured.get('seen') ?? empty;
  lines.push(
    '',
    `Seen labelled corpora (${CORPORA.map((c) => c.labels).join(', ')}): ${seen.right.length} fields with at least ${MIN_VALUES} sampled values:`,
    '',
    ...reliabilityTable(reliability(seen.raw, seen.right), reliability(seen.calibrated, seen.right)),
  );
  for (const split of UNSEEN_SPLITS) {
    const m = measured.get(split) ?? empty;
    lines.push(
      '',
      `Unseen corpora, ${split} split, rows, real names: ${m.right.length} fields with at least ${MIN_VALUES} sampled values:`,
      '',
      ...reliabilityTable(reliability(m.raw, m.right), reliability(m.calibrated, m.right)),
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`[calibration-report] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
