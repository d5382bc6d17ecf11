/**
 * Calibration and novelty of a trained column model (issue 16), shared by `npm run train` (after the
 * epochs; it consumes no random numbers of the training) and this script, which adds them to an
 * already trained model folder without retraining:
 *
 *   npx tsx training/calibrate.ts [--dir models/column-model/1.1.0]
 *
 * The temperature is fitted on its own generated stream (CALIBRATION_SEED) and reported on the
 * generated hold-out (HOLDOUT_SEED); the centroids and the novelty threshold come from the training
 * columns. No corpus, seen or unseen, is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { initBackend } from '../src/model/backend.js';
import {
  calibratedProbabilities,
  classCentroids,
  fitShrunkTemperature,
  fitTemperature,
  nearestCentroidDistance,
  negativeLogLikelihood,
  percentileOf,
  reliability,
  type ModelCalibration,
  type ModelNovelty,
  type ReliabilityBin,
} from '../src/model/calibration.js';
import { FEATURE_SIZE, featureMatrix } from '../src/model/features.js';
import { MODEL_LABELS } from '../src/model/labels.js';
import { currentModelDir, loadModel } from '../src/model/model-store.js';
import { headsRunner } from '../src/model/predict.js';
import { CALIBRATION_COLUMNS, CALIBRATION_SEED, HOLDOUT_COLUMNS, HOLDOUT_SEED, TRAIN_COLUMNS, TRAIN_SEED } from './config.js';
import { generateColumns, type LabelledColumn } from './generate.js';
import { shiftedJudgements, type ShiftedJudgements } from './shift-calibration.js';

/** Training columns farther from every class centroid than this percentile of their own distances are "novel". */
export const NOVELTY_PERCENTILE = 99;

export interface CalibrationReport {
  readonly temperature: number;
  readonly shrink: number;
  /** The temperature a fit on the model's own judgement of the calibration stream gives (in distribution, for comparison). */
  readonly inDistributionTemperature: number;
  /** Negative log-likelihood of the shifted judgements, raw and calibrated. */
  readonly nll: { readonly before: number; readonly after: number };
  /** The fold models on the calibration stream: accuracy on the kinds they were trained on and on those held out. */
  readonly folds: { readonly count: number; readonly accuracySeenKinds: number; readonly accuracyHeldOutKinds: number; readonly heldOutShare: number };
  readonly holdout: {
    readonly before: { readonly bins: ReliabilityBin[]; readonly ece: number };
    readonly after: { readonly bins: ReliabilityBin[]; readonly ece: number };
    /** Share of hold-out columns the novelty test sets aside. */
    readonly novelShare: number;
  };
}

const labelIndex = new Map<string, number>(MODEL_LABELS.map((l, i) => [l, i]));
const labelsOf = (columns: readonly LabelledColumn[]) => Int32Array.from(columns, (c) => labelIndex.get(c.label)!);
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

function topOf(probs: Float32Array, width: number, labels: Int32Array): { confidence: Float64Array; correct: boolean[] } {
  const confidence = new Float64Array(labels.length);
  const correct: boolean[] = [];
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let k = 1; k < width; k++) if (probs[i * width + k] > probs[i * width + best]) best = k;
    confidence[i] = probs[i * width + best];
    correct.push(best === labels[i]);
  }
  return { confidence, correct };
}

/**
 * Fits temperature and shrink on the shifted judgements (shift-calibration.ts), measures the centroids and
 * the novelty threshold, and reports reliability on the hold-out.
 */
export function calibrateModel(
  model: LayersModel,
  data: {
    readonly xTrain: Float32Array;
    readonly yTrain: Int32Array;
    readonly calibration: readonly LabelledColumn[];
    readonly holdout: readonly LabelledColumn[];
    readonly shifted: ShiftedJudgements;
  },
): { calibration: ModelCalibration; novelty: ModelNovelty; report: CalibrationReport } {
  const heads = headsRunner(model);
  const width = MODEL_LABELS.length;
  const { shifted } = data;
  const { temperature, shrink } = fitShrunkTemperature(shifted.logits, width, shifted.labels);
  const own = heads(featureMatrix(data.calibration), FEATURE_SIZE);
  const inDistributionTemperature = fitTemperature(own.logits, width, labelsOf(data.calibration));

  const train = heads(data.xTrain, FEATURE_SIZE);
  const centroids = classCentroids(train.hidden, train.hiddenSize, data.yTrain, width);
  const distances = Float64Array.from({ length: data.yTrain.length }, (_, i) => nearestCentroidDistance(train.hidden, i * train.hiddenSize, centroids));
  const threshold = Number(percentileOf(distances, NOVELTY_PERCENTILE).toPrecision(6));

  const held = heads(featureMatrix(data.holdout), FEATURE_SIZE);
  const yHeld = labelsOf(data.holdout);
  const before = topOf(calibratedProbabilities(held.logits, width, 1), width, yHeld);
  const after = topOf(calibratedProbabilities(held.logits, width, temperature, shrink), width, yHeld);
  let novel = 0;
  for (let i = 0; i < yHeld.length; i++) if (nearestCentroidDistance(held.hidden, i * held.hiddenSize, centroids) > threshold) novel++;
  const folded = topOf(calibratedProbabilities(shifted.logits, width, 1), width, shifted.labels);
  const accuracyWhere = (heldOut: number) => {
    let right = 0;
    let count = 0;
    for (let i = 0; i < shifted.labels.length; i++) if (shifted.heldOut[i] === heldOut) { count++; if (folded.correct[i]) right++; }
    return r4(right / Math.max(1, count));
  };
  const heldOutCount = shifted.heldOut.reduce((n, h) => n + h, 0);
  return {
    calibration: { temperature, shrink, fittedOn: { seed: CALIBRATION_SEED, columns: data.calibration.length, folds: shifted.folds, heldOut: 'kinds' } },
    novelty: { layer: model.layers.length - 2, centroids, threshold, percentile: NOVELTY_PERCENTILE },
    report: {
      temperature,
      shrink,
      inDistributionTemperature,
      nll: {
        before: r4(negativeLogLikelihood(shifted.logits, width, shifted.labels, 1)),
        after: r4(negativeLogLikelihood(shifted.logits, width, shifted.labels, temperature, shrink)),
      },
      folds: {
        count: shifted.folds,
        accuracySeenKinds: accuracyWhere(0),
        accuracyHeldOutKinds: accuracyWhere(1),
        heldOutShare: r4(heldOutCount / Math.max(1, shifted.labels.length)),
      },
      holdout: {
        before: reliability(before.confidence, before.correct),
        after: reliability(after.confidence, after.correct),
        novelShare: r4(novel / Math.max(1, yHeld.length)),
      },
    },
  };
}

/** The fold models' judgements of the calibration stream (shift-calibration.ts), from the training columns. */
export async function shiftedCalibrationData(
  train: readonly LabelledColumn[],
  xTrain: Float32Array,
  calibration: readonly LabelledColumn[],
  options: { readonly seed: number; readonly smoothing: number; readonly log?: (line: string) => void },
): Promise<ShiftedJudgements> {
  return shiftedJudgements(
    { x: xTrain, y: labelsOf(train), kinds: train.map((c) => c.kind) },
    { x: featureMatrix(calibration), y: labelsOf(calibration), kinds: calibration.map((c) => c.kind) },
    options,
  );
}

export function generateCalibrationSets(): { calibration: LabelledColumn[]; holdout: LabelledColumn[] } {
  return {
    calibration: generateColumns({ seed: CALIBRATION_SEED, count: CALIBRATION_COLUMNS }),
    holdout: generateColumns({ seed: HOLDOUT_SEED, count: HOLDOUT_COLUMNS }),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  await initBackend('wasm');
  const dir = path.resolve(option('dir') ?? currentModelDir());
  const loaded = await loadModel(dir);
  const train = generateColumns({ seed: TRAIN_SEED, count: TRAIN_COLUMNS });
  const xTrain = featureMatrix(train);
  const sets = generateCalibrationSets();
  const log = (line: string) => process.stderr.write(`[calibrate] ${line}\n`);
  const shifted = await shiftedCalibrationData(train, xTrain, sets.calibration, { seed: TRAIN_SEED ^ 0x5eed, smoothing: 0, log });
  const dump = option('dump-shifted');
  if (dump) {
    const { logits, labels, heldOut } = shifted;
    fs.writeFileSync(dump, JSON.stringify({ logits: Array.from(logits), labels: Array.from(labels), heldOut: Array.from(heldOut) }));
  }
  const { calibration, novelty, report } = calibrateModel(loaded.model, { xTrain, yTrain: labelsOf(train), ...sets, shifted });
  writeCalibration(dir, calibration, novelty, report);
  const ece = `ECE ${report.holdout.before.ece} → ${report.holdout.after.ece}`;
  const novel = `${report.holdout.novelShare} of the hold-out`;
  log(`${dir}: temperature ${calibration.temperature}, shrink ${calibration.shrink}, ${ece}, novelty threshold ${novelty.threshold} (${novel}); folds ${JSON.stringify(report.folds)}`);
}

/** Adds calibration and novelty to metadata.json and the report to metrics.json (other keys kept, in order). */
export function writeCalibration(dir: string, calibration: ModelCalibration, novelty: ModelNovelty, report: CalibrationReport): void {
  const metadataFile = path.join(dir, 'metadata.json');
  const metricsFile = path.join(dir, 'metrics.json');
  const metadata = JSON.parse(fs.readFileSync(metadataFile, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(metadataFile, JSON.stringify({ ...metadata, calibration, novelty }, null, 2) + '\n');
  const metrics = JSON.parse(fs.readFileSync(metricsFile, 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(metricsFile, JSON.stringify({ ...metrics, calibration: report }, null, 2) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`[calibrate] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
