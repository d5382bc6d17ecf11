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

/** Training columns farther from every class centroid than this percentile of their own distances are "novel". */
export const NOVELTY_PERCENTILE = 99;

export interface CalibrationReport {
  readonly temperature: number;
  readonly nll: { readonly before: number; readonly after: number };
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

/** Fits the temperature, measures the centroids and the threshold, and reports reliability on the hold-out. */
export function calibrateModel(
  model: LayersModel,
  data: {
    readonly xTrain: Float32Array;
    readonly yTrain: Int32Array;
    readonly calibration: readonly LabelledColumn[];
    readonly holdout: readonly LabelledColumn[];
  },
): { calibration: ModelCalibration; novelty: ModelNovelty; report: CalibrationReport } {
  const heads = headsRunner(model);
  const width = MODEL_LABELS.length;
  const fit = heads(featureMatrix(data.calibration), FEATURE_SIZE);
  const yFit = labelsOf(data.calibration);
  const temperature = fitTemperature(fit.logits, width, yFit);

  const train = heads(data.xTrain, FEATURE_SIZE);
  const centroids = classCentroids(train.hidden, train.hiddenSize, data.yTrain, width);
  const distances = Float64Array.from({ length: data.yTrain.length }, (_, i) => nearestCentroidDistance(train.hidden, i * train.hiddenSize, centroids));
  const threshold = Number(percentileOf(distances, NOVELTY_PERCENTILE).toPrecision(6));

  const held = heads(featureMatrix(data.holdout), FEATURE_SIZE);
  const yHeld = labelsOf(data.holdout);
  const before = topOf(calibratedProbabilities(held.logits, width, 1), width, yHeld);
  const after = topOf(calibratedProbabilities(held.logits, width, temperature), width, yHeld);
  let novel = 0;
  for (let i = 0; i < yHeld.length; i++) if (nearestCentroidDistance(held.hidden, i * held.hiddenSize, centroids) > threshold) novel++;
  return {
    calibration: { temperature, fittedOn: { seed: CALIBRATION_SEED, columns: data.calibration.length } },
    novelty: { layer: model.layers.length - 2, centroids, threshold, percentile: NOVELTY_PERCENTILE },
    report: {
      temperature,
      nll: { before: r4(negativeLogLikelihood(fit.logits, width, yFit, 1)), after: r4(negativeLogLikelihood(fit.logits, width, yFit, temperature)) },
      holdout: {
        before: reliability(before.confidence, before.correct),
        after: reliability(after.confidence, after.correct),
        novelShare: r4(novel / Math.max(1, yHeld.length)),
      },
    },
  };
}

export function generateCalibrationSets(): { calibration: LabelledColumn[]; holdout: LabelledColumn[] } {
  return {
    calibration: generateColumns({ seed: CALIBRATION_SEED, count: CALIBRATION_COLUMNS }),
    holdout: generateColumns({ seed: HOLDOUT_SEED, count: HOLDOUT_COLUMNS }),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const i = args.indexOf('--dir');
  await initBackend('wasm');
  const dir = i >= 0 ? path.resolve(args[i + 1]) : currentModelDir();
  const loaded = await loadModel(dir);
  const train = generateColumns({ seed: TRAIN_SEED, count: TRAIN_COLUMNS });
  const data = { xTrain: featureMatrix(train), yTrain: labelsOf(train), ...generateCalibrationSets() };
  const { calibration, novelty, report } = calibrateModel(loaded.model, data);
  writeCalibration(dir, calibration, novelty, report);
  const ece = `ECE ${report.holdout.before.ece} → ${report.holdout.after.ece}`;
  const novel = `${report.holdout.novelShare} of the hold-out`;
  process.stderr.write(`[calibrate] ${dir}: temperature ${calibration.temperature}, ${ece}, novelty threshold ${novelty.threshold} (${novel})\n`);
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
